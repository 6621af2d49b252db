"""The groups run_all.py runs, each in a child process: they call the bench_*.py measures."""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from tests.bench.common import (
    COACH,
    FAST_KDF,
    LEADER,
    PASSWORD,
    plain_copy,
    vault_db,
    vault_on,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from amo_desktop.domain.identity import Identity
    from amo_desktop.storage.vault import Vault
    from amo_desktop.ui.kit.context import AppContext
    from tests.bench.common import Db, PlainCopy

Samples = dict[str, list[float]]


def _add(into: Samples, key: str, values: list[float]) -> None:
    into.setdefault(key, []).extend(values)


def launch(args: argparse.Namespace) -> Samples:
    from tests.bench.bench_launch import measure_frozen, measure_launch

    samples = measure_launch(args.dir, args.runs)
    if args.bundle is not None:  # needs an X display (xvfb-run -a)
        samples.update(measure_frozen(args.bundle, args.dir, args.runs))
    return samples


@contextmanager
def _leader_on_both(folder: Path) -> Iterator[tuple[Vault, Identity, list[tuple[Db, str]]]]:
    """The vault unlocked by the team leader, with its database and a plain copy's, each with
    the suffix its samples get ("" and ".plain"); locked again afterwards."""
    from amo_desktop.storage.vault import Vault

    vault = Vault(folder, kdf=FAST_KDF)
    leader = vault.unlock(LEADER, PASSWORD, daily_backup=False)
    try:
        with plain_copy(vault) as copy:
            yield vault, leader, [(vault_db(vault), ""), (copy.db(), ".plain")]
    finally:
        vault.lock()


def services(args: argparse.Namespace) -> Samples:
    from tests.bench.bench_caseload import coach_of_the_week, measure_services

    out: Samples = {}
    with _leader_on_both(args.dir) as (vault, leader, both):
        with vault.session() as s:
            coach = coach_of_the_week(s, vault, args.today)
        for db, suffix in both:
            found = measure_services(db, leader, coach, args.today, args.runs)
            for name, values in found.items():  # "figures.year_figures 2026" -> one key;
                out[name.split(" ")[0] + suffix] = values  # the last case of a kind wins
    return out


def reports(args: argparse.Namespace) -> Samples:
    from tests.bench.bench_reports import measure_steering

    out: Samples = {}
    with _leader_on_both(args.dir) as (_vault, leader, both):
        for db, suffix in both:
            for name, values in measure_steering(db, leader, args.today, args.runs).items():
                out[f"steering.{name}{suffix}"] = values
    return out


def _start(folder: Path, runs: int, key: str) -> Samples:
    """Password step to the main window with the Overzicht filled: the shipped Argon2id key
    slot (in a child) + the unlock + the window; on the plain copy the window alone + the
    same Argon2id. Also the quick_check beside it."""
    from tests.bench import bench_gui

    app, ctx = bench_gui.session(folder)
    vault = ctx.vault
    out: Samples = {}
    kdf: list[float] = []
    for _ in range(runs):
        kdf.append(bench_gui.real_key_slot()[0] / 1000)
        unlocked = bench_gui.unlock(vault, LEADER)
        after = time.perf_counter()
        checked: list[float] = []
        vault.when_checked(lambda _e, into=checked: into.append(time.perf_counter()))
        _painted, filled = bench_gui.open_main_window(app, ctx)
        _add(out, key, [kdf[-1] + unlocked + filled])
        bench_gui.wait_for(app, lambda into=checked: bool(into))  # type: ignore[misc]
        _add(out, "quick_check", [checked[0] - after])
        vault.lock()
    _add(out, "kdf", kdf)
    vault.unlock(LEADER, PASSWORD, daily_backup=False)
    with plain_copy(vault) as copy, vault_on(vault, copy):
        for seconds in kdf:
            _add(out, f"{key}.plain", [seconds + bench_gui.open_main_window(app, ctx)[1]])
    ctx.worker.stop()
    vault.lock()
    return out


def gui(args: argparse.Namespace) -> Samples:
    from tests.bench import bench_gui

    out = _start(args.dir, args.runs, "start_large")
    app, ctx = bench_gui.session(args.dir)
    vault = ctx.vault
    vault.unlock(LEADER, PASSWORD, daily_backup=False)
    with plain_copy(vault) as copy:
        for suffix in ("", ".plain"):
            _screens(app, ctx, copy if suffix else None, args.runs, suffix, out)
        vault.lock()
        vault.unlock(COACH, PASSWORD, daily_backup=False)
        for suffix in ("", ".plain"):
            with _maybe(vault, copy if suffix else None):
                for _ in range(args.runs):
                    _add(out, f"caseload_paint{suffix}", [bench_gui.caseload_paint(app, ctx)])
    ctx.worker.stop()
    vault.lock()
    return out


def _maybe(vault: Vault, copy: PlainCopy | None) -> AbstractContextManager[None]:
    return nullcontext() if copy is None else vault_on(vault, copy)


def _screens(
    app: QApplication, ctx: AppContext, copy: PlainCopy | None, runs: int, suffix: str,
    out: Samples,
) -> None:  # fmt: skip
    from tests.bench import bench_gui

    with _maybe(ctx.vault, copy):
        for _ in range(runs):
            _add(out, f"waitlist_paint{suffix}", [bench_gui.waitlist_paint(app, ctx)])
            loaded, filters, _sort = bench_gui.referrals_list(app, ctx)
            _add(out, f"referrals_loaded{suffix}", [loaded])
            _add(out, f"filter{suffix}", [max(filters)])


def typical(args: argparse.Namespace) -> Samples:
    out = _start(args.typical_dir, args.runs, "start_typical")
    out.pop("quick_check", None)
    out.pop("kdf", None)
    return out


def memory(args: argparse.Namespace) -> Samples:
    from tests.bench import bench_gui

    app, ctx = bench_gui.session(args.dir)
    ctx.vault.unlock(LEADER, PASSWORD, daily_backup=False)
    peak = bench_gui.visit_every_screen(app, ctx)
    ctx.worker.stop()
    ctx.vault.lock()
    return {"memory": [peak]}


def vault(args: argparse.Namespace) -> Samples:
    from tests.bench.bench_vault import measure_overhead

    with tempfile.TemporaryDirectory() as tmp:
        return measure_overhead(Path(tmp), args.runs)


def import_xlsx(args: argparse.Namespace) -> Samples:
    from tests.bench import bench_import

    out: Samples = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = bench_import.write_file(folder / "aanmeldingen.xlsx", 10_000)
        for run in range(args.runs):
            made = bench_import.fresh_vault(folder / f"vault{run}")
            try:
                _add(out, "import", [bench_import.import_once(made, path)[0]])
            finally:
                made.lock()
            _add(out, "import.plain", [bench_import.plain_import(folder / f"p{run}.db", path)])
    return out


def exchange(args: argparse.Namespace) -> Samples:
    from amo_desktop.services import accounts
    from amo_desktop.storage.vault import Vault
    from tests.bench.bench_exchange import copy_of, full_sync_once

    out: Samples = {}
    for _ in range(args.runs):
        root = copy_of(args.dir)
        try:
            lead = Vault(root / "leader", kdf=FAST_KDF)
            me = lead.unlock(LEADER, PASSWORD, daily_backup=False)
            accounts.add_user(lead, me, "tl-tweede", "teamleader", "Tweede", "bench-wachtwoord-123")
            for key, values in full_sync_once(root, lead, me).items():
                _add(out, key, values)
            lead.lock()
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return out


RUNNERS: dict[str, Callable[[argparse.Namespace], Samples]] = {
    "launch": launch,
    "services": services,
    "reports": reports,
    "gui": gui,
    "typical": typical,
    "memory": memory,
    "vault": vault,
    "import": import_xlsx,
    "exchange": exchange,
}
