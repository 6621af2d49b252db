"""The team leader's note templates reach the coaches' laptops with the exchange (issue 15)."""

from __future__ import annotations

from pathlib import Path

from amo_desktop.domain.note_templates import default_texts
from amo_desktop.services import notes
from tests.integration.exchange.conftest import Laptop, Team, join_as, swap

# Shared fixtures of the services tests.
from tests.integration.services.conftest import stage  # noqa: F401


def _standard(laptop: Laptop) -> notes.TemplateInfo:
    with laptop.vault.session() as s:
        return notes.standard_template(s, laptop.me, "klassessie")


def _save(team: Team, content: str) -> None:
    with team.leader.vault.session() as s:
        notes.save_template(s, team.leader.me, "klassessie", content, "Sfeer:\n", "", "")


def test_a_template_edit_and_its_restore_travel_to_the_coach(team: Team, tmp_path: Path) -> None:
    _save(team, "Thema:\n")
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    assert _standard(an).content == "Thema:\n"  # came with the invitation
    _save(team, "Thema en werkvormen:\n")
    swap(team.leader, an)
    assert (_standard(an).content, _standard(an).observations) == (
        "Thema en werkvormen:\n",
        "Sfeer:\n",
    )
    with team.leader.vault.session() as s:
        notes.reset_template(s, team.leader.me, "klassessie")
    swap(team.leader, an)
    restored = _standard(an)
    assert restored.is_default and restored.content == default_texts("klassessie")[0]
