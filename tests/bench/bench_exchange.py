"""Benchmark of the team exchange on the `demo --scale large` vault (issue 7).

Run on demand (not collected by pytest):

    /work/venv/bin/python tests/bench/bench_exchange.py --dir DIR [--keep]

DIR holds a large demo vault (as made by tests/bench/bench_caseload.py; team leader
"teamleider", password "demo-wachtwoord"). It is copied to a temporary folder first, so DIR is
never changed. Reports, with time, bundle size and peak memory:
- a full sync: everything in the vault to a second team leader's laptop (target < 2 minutes);
- a coach joining: their own caseload of several school years;
- a coach's week of work (15 sessions with notes) to the team leader and back (target < 2 s);
- a coach's school year of work (40 such weeks) to the team leader.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from sqlalchemy import text

from amo_desktop.domain.identity import Identity
from amo_desktop.services import accounts, exchange, notes, scheduling
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

PASSWORD = "demo-wachtwoord"
LEADER = "teamleider"
CHEAP = KdfParams(memory_kib=8_192, iterations=1, lanes=1)
CODE_KDF = {"memory_kib": 8_192, "iterations": 1, "lanes": 1}
WEEK_TARGET = 2.0
FULL_TARGET = 120.0


def rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, fn: Callable[[], Any], target: float | None = None) -> Any:
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    mark = (
        ""
        if target is None
        else ("  [OK" if seconds < target else "  [SLOW") + f", target {target:.0f} s]"
    )
    print(f"{label:52s} {seconds:8.2f} s{mark}   (peak {rss():.0f} MiB)", flush=True)
    return result


def size(data: bytes) -> str:
    return f"{len(data) / 2**20:.2f} MiB"


def join(root: Path, name: str, invitation: exchange.Invitation) -> Vault:
    vault = Vault(root / name, kdf=CHEAP)
    exchange.join(vault, invitation.data, invitation.code, "bench-wachtwoord-123")
    return vault


def work_weeks(vault: Vault, me: Identity, weeks: int, first: date) -> int:
    """A coach's weeks: 15 sessions of 60 minutes on their running trajectories, each with a note."""
    with vault.engine.connect() as conn:
        running = [
            r[0]
            for r in conn.execute(
                text("SELECT id FROM trajectories WHERE lead_coach_id = :u ORDER BY start_on DESC"),
                {"u": me.user_id},
            )
        ][:15]
    made = 0
    monday = first - timedelta(days=first.weekday())
    with vault.session() as s:
        for week in range(weeks):
            for n in range(15):
                day = monday + timedelta(weeks=week, days=n % 5)
                planned = scheduling.plan_session(
                    s,
                    me,
                    SessionInput(
                        me.user_id,
                        day,
                        clock(8 + n // 5 * 2),
                        60,
                        "individueel_gesprek",
                        trajectory_id=running[n % len(running)],
                    ),
                )
                notes.save_note(
                    s,
                    me,
                    planned.sessions[0].id,
                    NoteInput(
                        content=f"Gesprek week {week} nr {n}: " + "tekst " * 60,
                        agreements="Volgende week opnieuw.",
                    ),
                )
                made += 1
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True, type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies")
    parser.add_argument("--skip-full", action="store_true", help="leave out the full sync")
    args = parser.parse_args()
    root = copy_of(args.dir)
    try:
        run(root, full_sync=not args.skip_full)
    finally:
        if args.keep:
            print(f"kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def full_sync_once(root: Path, lead: Vault, me: Identity) -> dict[str, list[float]]:
    """Everything in the vault to a second team leader's laptop ("tl-tweede", added first):
    seconds of the export and of the import, and the peak MiB once the export is made."""
    started = time.perf_counter()
    full = timed(
        "full sync: export (invitation for a 2nd team leader)",
        lambda: exchange.invite(lead, me, "tl-tweede", kdf=CODE_KDF),
        FULL_TARGET,
    )
    exported, peak = time.perf_counter() - started, rss()
    print(f"  bundle size {size(full.data)}")
    started = time.perf_counter()
    second = timed("full sync: import (join)", lambda: join(root, "second", full), FULL_TARGET)
    imported = time.perf_counter() - started
    second.lock()
    return {"sync.export": [exported], "sync.export_peak": [peak], "sync.import": [imported]}


def copy_of(folder: Path) -> Path:
    """A temporary copy of the vault in FOLDER (its backups and logs left out)."""
    root = Path(tempfile.mkdtemp(prefix="amo-bench-exchange-"))
    shutil.copytree(folder, root / "leader", ignore=shutil.ignore_patterns("backups", "logs"))
    return root


def run(root: Path, full_sync: bool = True) -> None:
    lead = Vault(root / "leader", kdf=CHEAP)
    me = timed(
        "unlock the team leader's vault", lambda: lead.unlock(LEADER, PASSWORD, daily_backup=False)
    )
    accounts.add_user(lead, me, "tl-tweede", "teamleader", "Tweede laptop", "bench-wachtwoord-123")
    with lead.engine.connect() as conn:
        _coach, login = conn.execute(
            text(
                "SELECT u.id, u.login FROM users u JOIN trajectories t ON t.lead_coach_id = u.id "
                "WHERE u.role = 'coach' GROUP BY u.id ORDER BY COUNT(*) DESC LIMIT 1"
            )
        ).one()
        rows = sum(
            conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one()
            for t in (
                "referrals",
                "youths",
                "trajectories",
                "sessions",
                "session_notes",
                "note_versions",
                "goals",
                "referral_transitions",
                "session_series",
            )
        )
    print(f"case rows in the vault: {rows:,}")

    invitation = timed(
        f"team setup + coach {login}'s invitation (their caseload)",
        lambda: exchange.invite(lead, me, login, kdf=CODE_KDF),
    )
    print(f"  bundle size {size(invitation.data)}")
    coach = timed(f"coach {login}: join", lambda: join(root, "coach", invitation))
    coach_me = coach.identity
    assert coach_me is not None

    if full_sync:
        full_sync_once(root, lead, me)

    first_week = date(2026, 2, 9)
    made = timed(
        "coach: a week of work (15 sessions + notes)",
        lambda: work_weeks(coach, coach_me, 1, first_week),
    )
    week = timed(
        "coach: export the week", lambda: exchange.export_bundle(coach, coach_me), WEEK_TARGET
    )
    print(f"  {made} sessions; bundle size {size(week.data)}")
    timed(
        "team leader: import the week",
        lambda: exchange.import_bundle(lead, me, week.data),
        WEEK_TARGET,
    )
    back = timed("team leader: export back", lambda: exchange.export_bundle(lead, me), WEEK_TARGET)
    print(f"  bundle size {size(back.data)}")
    timed(
        "coach: import the team leader's bundle",
        lambda: exchange.import_bundle(coach, coach_me, back.data),
        WEEK_TARGET,
    )

    made = timed(
        "coach: a school year of work (40 weeks)",
        lambda: work_weeks(coach, coach_me, 40, first_week + timedelta(weeks=1)),
    )
    year = timed("coach: export the school year", lambda: exchange.export_bundle(coach, coach_me))
    print(f"  {made} sessions; bundle size {size(year.data)}")
    timed(
        "team leader: import the school year", lambda: exchange.import_bundle(lead, me, year.data)
    )
    coach.lock()
    lead.lock()


if __name__ == "__main__":
    sys.exit(main())
