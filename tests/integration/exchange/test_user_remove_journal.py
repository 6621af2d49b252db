"""The journal of a user removal, as docs/vault-format.md §5 describes it, and what step 4 writes.

In process, on a real team vault: the crash hook stops the removal right after the journal is
written; `finish_pending` (what the next unlock calls) completes it.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from amo_desktop.storage import removal
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD, corrupt_a_page
from tests.integration.exchange.conftest import Team, cell, join_as
from tests.integration.services.conftest import stage  # noqa: F401


class Stop(Exception):
    """The simulated crash."""


def stop_at(point: str) -> removal.CrashHook:
    def hook(reached: str) -> None:
        if reached == point:
            raise Stop(reached)

    return hook


def _audit(vault: Vault, user_id: str) -> list[tuple[object, ...]]:
    with vault.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT action, entity, entity_id, user_id, detail FROM audit_events "
                "WHERE entity_id = :u AND action IN ('user.remove', 'exchange.revoke') "
                "ORDER BY action"
            ),
            {"u": user_id},
        )
        return [tuple(row) for row in rows]


def test_the_journal_is_as_documented_and_the_next_unlock_finishes_it(
    team: Team, tmp_path: Path
) -> None:
    lead, me = team.leader.vault, team.leader.me
    join_as(tmp_path, lead, me, "an")
    join_as(tmp_path, lead, me, "yusuf")
    an_id = team.stage.an.user_id
    key_gen = cell(lead, "SELECT key_gen FROM sync_state WHERE id = 1")
    team_key = cell(lead, "SELECT team_key FROM sync_state WHERE id = 1")
    with pytest.raises(Stop):
        removal.remove_user(lead, an_id, me.user_id, crash=stop_at("after-journal"))
    path = removal.journal_path(lead.data_dir)
    assert path == lead.data_dir / "vault.journal"
    entry = json.loads(path.read_text(encoding="utf-8"))
    assert set(entry) == {"format", "op", "user", "by", "started"}
    assert (entry["format"], entry["op"], entry["user"], entry["by"]) == (
        1,
        "user-remove",
        an_id,
        me.user_id,
    )
    started = datetime.fromisoformat(entry["started"])
    assert started.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - started) < timedelta(minutes=5)
    assert removal.read_journal(lead.data_dir) == entry
    assert cell(lead, "SELECT active FROM users WHERE id = :u", u=an_id) == 1  # not yet

    assert removal.finish_pending(lead) == an_id
    assert not path.exists()
    assert removal.finish_pending(lead) is None  # nothing left to finish
    assert cell(lead, "SELECT active FROM users WHERE id = :u", u=an_id) == 0
    assert cell(lead, "SELECT changed_by FROM users WHERE id = :u", u=an_id) == me.user_id
    assert (
        cell(
            lead,
            "SELECT removed_at IS NOT NULL AND removed_at = updated_at FROM users WHERE id = :u",
            u=an_id,
        )
        == 1
    )
    same_time = (
        "SELECT count(*) FROM audit_events a JOIN users u ON u.id = a.entity_id "
        "WHERE u.id = :u AND a.action IN ('user.remove', 'exchange.revoke') AND a.at = u.removed_at"
    )
    assert cell(lead, same_time, u=an_id) == 2  # one moment for the user, the laptop and the log
    assert _audit(lead, an_id) == [
        ("exchange.revoke", "exchange", an_id, me.user_id, ""),
        ("user.remove", "user", an_id, me.user_id, ""),
    ]
    assert cell(lead, "SELECT key_gen FROM sync_state WHERE id = 1") == key_gen + 1  # type: ignore[operator]
    renewed = cell(lead, "SELECT team_key FROM sync_state WHERE id = 1")
    assert isinstance(renewed, bytes) and len(renewed) == 32 and renewed != team_key
    assert cell(lead, "SELECT revoked FROM sync_peers WHERE login = 'yusuf'") == 0  # only An's


def test_a_removal_by_an_unknown_user_is_recorded_without_a_name(
    team: Team, tmp_path: Path
) -> None:
    lead = team.leader.vault
    an_id = team.stage.an.user_id
    removal.remove_user(lead, an_id, "nobody-we-know")
    assert not removal.journal_path(lead.data_dir).exists()
    assert cell(lead, "SELECT active FROM users WHERE id = :u", u=an_id) == 0
    assert cell(lead, "SELECT changed_by FROM users WHERE id = :u", u=an_id) is None
    assert _audit(lead, an_id) == [("user.remove", "user", an_id, None, "")]  # no laptop: no key


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"{not json", "cannot be read"),
        (b"\xff\xfe", "cannot be read"),
        (b'["user-remove"]', "names an unknown operation"),
        (b'{"format": 1, "op": "user-rename", "user": "u1"}', "names an unknown operation"),
        (b'{"format": 1, "op": "user-remove", "user": ""}', "names an unknown operation"),
        (b'{"format": 1, "op": "user-remove"}', "names an unknown operation"),
    ],
)
def test_a_journal_we_cannot_follow_is_left_for_a_person(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes, says: str
) -> None:
    (tmp_path / "vault.journal").write_bytes(content)
    with caplog.at_level(logging.WARNING, logger=removal.__name__):
        assert removal.read_journal(tmp_path) is None
    assert [r.getMessage() for r in caplog.records] == [
        f"the vault journal {says}; it is left in place"
    ]
    assert (tmp_path / "vault.journal").read_bytes() == content


def test_no_journal_is_nothing_to_do(tmp_path: Path) -> None:
    assert removal.read_journal(tmp_path) is None
    journal = tmp_path / "vault.journal"
    journal.write_text('{"op": "user-remove", "user": "u1"}', encoding="utf-8")
    assert removal.read_journal(tmp_path) == {"op": "user-remove", "user": "u1"}


def test_removing_again_changes_nothing_and_records_nothing(team: Team, tmp_path: Path) -> None:
    """A retry (or a second journal) finds the user already removed: no second record, no new
    time, no other user touched, and an id nobody has is no error."""
    lead, me = team.leader.vault, team.leader.me
    an_id = team.stage.an.user_id
    removal.remove_user(lead, an_id, me.user_id)
    assert lead.sidecar.slot_for_user(an_id) is None
    generation = lead.sidecar.current().generation
    removed_at = cell(lead, "SELECT removed_at FROM users WHERE id = :u", u=an_id)
    active = "SELECT count(*) FROM users WHERE active"
    still_active = cell(lead, active)
    removal.remove_user(lead, an_id, me.user_id)
    removal.remove_user(lead, "no-such-user", me.user_id)
    assert cell(lead, "SELECT removed_at FROM users WHERE id = :u", u=an_id) == removed_at
    assert _audit(lead, an_id) == [("user.remove", "user", an_id, me.user_id, "")]
    assert cell(lead, active) == still_active
    assert lead.sidecar.current().generation == generation  # the data key is not rotated again
    assert cell(lead, "SELECT count(*) FROM audit_events WHERE action = 'user.remove'") == 1


@pytest.mark.parametrize("point", ["after-pending", "after-rotation", "after-database"])
def test_a_removal_stopped_at_a_step_is_finished_in_process(
    team: Team, tmp_path: Path, point: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The in-process twin of test_user_remove.py's kills: each step names its point, and
    finishing takes the crash hook too (so a crash while finishing is finished later)."""
    lead, me = team.leader.vault, team.leader.me
    join_as(tmp_path, lead, me, "an")
    an_id = team.stage.an.user_id
    with pytest.raises(Stop):
        removal.remove_user(lead, an_id, me.user_id, crash=stop_at(point))
    assert removal.read_journal(lead.data_dir) is not None
    assert cell(lead, "SELECT active FROM users WHERE id = :u", u=an_id) == (
        0 if point == "after-database" else 1
    )
    with pytest.raises(Stop):
        removal.finish_pending(lead, crash=stop_at("after-database"))
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=removal.__name__):
        assert removal.finish_pending(lead) == an_id
    assert [r.getMessage() for r in caplog.records] == ["finished an interrupted user removal"]
    assert not removal.journal_path(lead.data_dir).exists()
    assert lead.sidecar.slot_for_user(an_id) is None and lead.sidecar.pending() is None
    assert lead.sidecar.current().generation == 2
    assert cell(lead, "SELECT revoked FROM sync_peers WHERE login = 'an'") == 1
    assert [row[0] for row in _audit(lead, an_id)] == ["exchange.revoke", "user.remove"]


def test_a_journal_found_on_a_damaged_vault_waits_for_a_restore(
    vault: Vault, caplog: pytest.LogCaptureFixture
) -> None:
    corrupt_a_page(vault)  # adds coaches, among them coach0
    coach = vault.inventory().slot_for_login("coach0")
    assert coach is not None
    journal = {"format": 1, "op": "user-remove", "user": coach.user_id, "by": "", "started": "x"}
    removal.journal_path(vault.data_dir).write_text(json.dumps(journal), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger=removal.__name__):
        vault.unlock(LEADER, LEADER_PASSWORD, background_check=True)
    try:
        assert vault.integrity == "failed"
        assert [r.getMessage() for r in caplog.records if r.name == removal.__name__] == [
            "an interrupted user removal waits: the vault is read-only"
        ]
        assert removal.read_journal(vault.data_dir) == journal
    finally:
        vault.lock()
