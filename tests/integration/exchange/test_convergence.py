"""A team leader and three coaches edit offline and swap bundles in any order (issue 7).

Bundles get lost, arrive twice and out of order. After everyone has exchanged a few times,
all four laptops agree on every shared field; every pair of edits made without knowing of
each other shows up as a conflict; no edit disappears without someone having seen it.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from amo_desktop.errors import KnownError
from amo_desktop.services import accounts, exchange, intake, reference, trajectories
from amo_desktop.storage.vault import Vault
from amo_desktop.sync import ledger
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD
from tests.integration.exchange.conftest import CHEAP_CODE_KDF, COACH_PASSWORD
from tests.integration.services.conftest import TODAY, youth_referral

COACHES = ("an", "yusuf", "sara")
LOGINS = (LEADER, *COACHES)
LEADER_ONLY = frozenset({"schools"})
# (table, field) pairs every laptop holds; the row is picked by index below.
FIELDS = (
    ("trajectories", "summary"),
    ("trajectories", "planned_end"),
    ("schools", "address"),
    ("schools", "short_name"),
    ("goals", "description"),
)


@cache
def _template() -> tuple[Path, dict[str, str]]:
    """Four closed vaults on disk, made once; every example works on a fresh copy."""
    root = Path(tempfile.mkdtemp(prefix="amo-team-"))
    lead = Vault(root / LEADER, kdf=FAST_KDF)
    accounts.create_vault(lead, "Groep INTRO", LEADER, "Lea", LEADER_PASSWORD)
    me = lead.identity
    assert me is not None
    ids = {}
    for login in COACHES:
        accounts.add_user(lead, me, login, "coach", login.title(), COACH_PASSWORD)
    with lead.session() as s:
        users = {u.login: u.id for u in accounts.list_users(lead, me)}
        school = reference.add_school(s, me, "Sint-Martinus Asse", municipality="Asse").id
        ref = intake.register_referral(s, me, youth_referral(school), today=TODAY)
        intake.transition_referral(s, me, ref.id, "wachtlijst", on=date(2025, 10, 7))
        traj = trajectories.assign_to_coach(
            s,
            me,
            ref.id,
            users["an"],
            date(2025, 10, 13),
            co_coach_ids=[users["yusuf"], users["sara"]],
        )
        goal = trajectories.add_goal(
            s, me, traj.id, "Weer naar school", "onderwijsloopbaan", date(2025, 10, 13)
        )
        ids = {"trajectories": traj.id, "schools": school, "goals": goal.id}
    for login in COACHES:
        invitation = exchange.invite(lead, me, login, kdf=CHEAP_CODE_KDF)
        coach = Vault(root / login, kdf=FAST_KDF)
        exchange.join(coach, invitation.data, invitation.code, COACH_PASSWORD)
        coach.lock()
    lead.lock()
    return root, ids


@dataclass
class Edit:
    n: int
    laptop: int
    fld: int
    value: str
    seen: frozenset[int]


@dataclass
class Model:
    """What each laptop knows, to tell which edits were made without knowing of each other."""

    known: list[set[int]] = field(default_factory=lambda: [set() for _ in LOGINS])
    edits: list[Edit] = field(default_factory=list)


def _value(fld: int, n: int, laptop: int) -> str:
    if FIELDS[fld][1] == "planned_end":
        return date.fromordinal(date(2026, 1, 1).toordinal() + n).isoformat()
    return f"{LOGINS[laptop]}-{n}"


OPS = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 3), st.integers(0, len(FIELDS) - 1)),
        st.tuples(st.just("export"), st.integers(0, 3), st.just(0)),
        st.tuples(st.just("deliver"), st.integers(0, 30), st.integers(0, 3)),
    ),
    min_size=4,
    max_size=40,
)


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(OPS)
def test_laptops_converge_and_no_edit_is_lost_silently(ops: list[tuple[str, int, int]]) -> None:
    template, ids = _template()
    root = Path(tempfile.mkdtemp(prefix="amo-run-"))
    vaults: list[Vault] = []
    try:
        for login in LOGINS:
            shutil.copytree(template / login, root / login)
            vault = Vault(root / login, kdf=FAST_KDF)
            vault.unlock(
                login, LEADER_PASSWORD if login == LEADER else COACH_PASSWORD, daily_backup=False
            )
            vaults.append(vault)
        _run(vaults, ids, ops)
    finally:
        for vault in vaults:
            vault.lock()
        shutil.rmtree(root, ignore_errors=True)


def _run(vaults: list[Vault], ids: dict[str, str], ops: list[tuple[str, int, int]]) -> None:
    model = Model()
    mailbox: list[tuple[bytes, frozenset[int]]] = []
    for kind, a, b in ops:
        if kind == "edit":
            _edit(vaults, ids, model, a, b)
        elif kind == "export":
            data = exchange.export_bundle(vaults[a], vaults[a].identity).data
            mailbox.append((data, frozenset(model.known[a])))
        elif mailbox:  # deliver: any bundle, maybe again, maybe never
            _deliver(vaults, model, mailbox[a % len(mailbox)], b)
    # Everyone exchanges with everyone: the first round merges every value everywhere, the
    # second brings conflicts found on a coach's laptop to the team leader.
    for _ in range(2):
        bundles = [
            (exchange.export_bundle(v, v.identity).data, frozenset(model.known[i]))
            for i, v in enumerate(vaults)
        ]
        for bundle, to in itertools.product(bundles, range(len(vaults))):
            _deliver(vaults, model, bundle, to)
    _check(vaults, ids, model)


def _edit(vaults: list[Vault], ids: dict[str, str], model: Model, laptop: int, fld: int) -> None:
    n = len(model.edits)
    tbl, column = FIELDS[fld]
    if tbl in LEADER_ONLY:  # a coach's change to reference data is refused (rights.py)
        laptop = 0
    value = _value(fld, n, laptop)
    vault = vaults[laptop]
    assert vault.identity is not None
    with vault.engine.begin() as conn:
        conn.execute(
            text(f'UPDATE {tbl} SET "{column}" = :v, changed_by = :u WHERE id = :id'),
            {"v": value, "u": vault.identity.user_id, "id": ids[tbl]},
        )
        ledger.stamp(conn)  # each edit its own stamp, as if the laptop exported in between
    seen = frozenset(e for e in model.known[laptop] if model.edits[e].fld == fld)
    model.edits.append(Edit(n, laptop, fld, value, seen))
    model.known[laptop].add(n)


def _deliver(
    vaults: list[Vault], model: Model, bundle: tuple[bytes, frozenset[int]], to: int
) -> None:
    data, knowledge = bundle
    vault = vaults[to]
    try:
        exchange.import_bundle(vault, vault.identity, data)
    except KnownError:
        return  # its own bundle, or nothing in it for this laptop
    model.known[to] |= knowledge


def _shared(vault: Vault, ids: dict[str, str]) -> dict[tuple[str, str], object]:
    with vault.engine.connect() as conn:
        out: dict[tuple[str, str], object] = {}
        for tbl, column in FIELDS:
            out[(tbl, column)] = conn.execute(
                text(f'SELECT "{column}" FROM {tbl} WHERE id = :id'), {"id": ids[tbl]}
            ).scalar()
            out[(tbl, column, "open")] = frozenset(  # type: ignore[index]
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT dot FROM sync_siblings WHERE tbl = :t AND row_key = :k "
                        "AND field = :f"
                    ),
                    {"t": tbl, "k": ids[tbl], "f": column},
                )
            )
        return out


def _check(vaults: list[Vault], ids: dict[str, str], model: Model) -> None:
    states = [_shared(v, ids) for v in vaults]
    assert all(s == states[0] for s in states), "the laptops did not converge"
    lead = vaults[0]
    assert lead.identity is not None
    records = [
        {v.value for v in c.values}
        for c in exchange.conflicts(lead, lead.identity, open_only=False)
    ]
    final = {FIELDS.index(k): v for k, v in states[0].items() if len(k) == 2}  # type: ignore[arg-type]
    superseded = {e for edit in model.edits for e in edit.seen}
    for edit in model.edits:  # nothing lost silently
        kept = str(final[edit.fld]) == edit.value
        in_conflict = any(edit.value in r for r in records)
        assert kept or edit.n in superseded or in_conflict, f"edit {edit} vanished"
    for a, b in itertools.combinations(model.edits, 2):  # every clash is shown
        if a.fld != b.fld or a.n in b.seen or b.n in a.seen:
            continue
        hidden_by_a_third = any(
            (a.n in e.seen) != (b.n in e.seen) for e in model.edits if e.fld == a.fld
        )
        if hidden_by_a_third:
            continue  # one of the two was knowingly overwritten before they ever met
        assert any({a.value, b.value} <= r for r in records), f"no conflict for {a} and {b}"
