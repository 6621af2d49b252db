"""A demo vault with invented people and several school years of work, deterministic for a seed
(DOMAIN.md Part 1 "Sizes", Part 2 §8.2).

`planner.DemoPlanner` decides everything with one `random.Random(seed)` and a fixed reference
day: the schools, days off, funders, and per referral a timeline of workflow steps (register,
intake, waiting list, assign, start, goals, sessions with attendance and notes, evaluations,
closure). Steps after the reference day are left out, so the last school year is still running:
some referrals wait, some trajectories run, future sessions are planned. Every session is booked
in `agenda.Agenda`, a per-coach calendar, at an hour its coach is free; each school year's
capacity agreements are sized on its counted hours (most schools at 60-95 %, one over, one far
under). Names, texts and weights are data files (data/*.json, read by `tables`).

Two writers put a plan in the vault:
- `service_writer.ServiceWriter` calls the real services one by one (intake, trajectories,
  scheduling, notes), so the workflow rules are exercised; fine for the tiny and typical scales.
- `bulk_writer.BulkWriter` inserts exactly the rows those services would write
  (referral_transitions, audit_events without content, note_versions, ...) with the driver's
  executemany (storage.bulk) on a second thread, in one transaction with the case tables'
  indexes made at the end; needed for the large scale. A test checks that both writers
  give the same counts per table and the same figures.
Reference data (schools, funders, capacity, holidays, days off, users) always go through the
services (`stage`).
"""

from amo_desktop.demo.fill import DEMO_LEADER, create_demo_vault, fill_vault, table_counts
from amo_desktop.demo.scales import DEFAULT_TODAY, EVOLUTION, SCALES

__all__ = [
    "DEFAULT_TODAY",
    "DEMO_LEADER",
    "EVOLUTION",
    "SCALES",
    "create_demo_vault",
    "fill_vault",
    "table_counts",
]
