"""Fills a vault with the demo: the stage, then each school year through one of the writers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from amo_desktop.demo.bulk_writer import BulkWriter
from amo_desktop.demo.planner import DemoPlanner
from amo_desktop.demo.scales import SCALES, Progress
from amo_desktop.demo.service_writer import ServiceWriter
from amo_desktop.demo.stage import Stage, add_capacity, add_funders, add_reference, add_users
from amo_desktop.demo.tables import COACH_NAMES
from amo_desktop.domain.caseload import Referral
from amo_desktop.domain.models import User
from amo_desktop.domain.reference import School
from amo_desktop.errors import ValidationError
from amo_desktop.services import accounts
from amo_desktop.storage.bulk import drop_indexes, restore_indexes
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

DEMO_ORG = "Groep INTRO (demo)"
DEMO_LEADER = "teamleider"
COUNTED: tuple[type[Any], ...] = (School, *BulkWriter.ORDER, User)  # what table_counts counts


def create_demo_vault(
    data_dir: Path,
    password: str,
    kdf: KdfParams | None = None,
    scale: str = "typical",
    seed: int = 1,
    login: str = DEMO_LEADER,
    progress: Progress | None = None,
    today: date | None = None,
) -> str:
    """Creates the vault if there is none and fills it; returns a line telling how to log in.

    A new vault gets team leader 'teamleider' and the coaches of the scale, all with the demo
    password. An existing vault is unlocked as `login` with `password`; if it already holds
    schools or referrals nothing is added and a ValidationError says so, so running it twice
    never duplicates data.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    vault = Vault(data_dir, kdf=kdf)
    if vault.exists():
        vault.unlock(login, password)
    else:
        accounts.create_vault(vault, DEMO_ORG, DEMO_LEADER, "Lotte Vermeulen", password)
        login = DEMO_LEADER
    try:
        fill_vault(vault, password, scale=scale, seed=seed, today=today, progress=progress)
    finally:
        vault.lock()
    coaches = ", ".join(c for c, _ in COACH_NAMES[: SCALES[scale].coaches][:4])
    more = " ..." if SCALES[scale].coaches > 4 else ""
    return (
        f"Demo vault in {data_dir}: log in as '{login}' (or {coaches}{more}) "
        f"with password '{password}'."
    )


def _existing_data(s: Session) -> tuple[int, int]:
    schools = s.scalar(select(func.count()).select_from(School)) or 0
    referrals = s.scalar(select(func.count()).select_from(Referral)) or 0
    return int(schools), int(referrals)


def vault_has_data(vault: Vault) -> bool:
    with vault.session() as s:
        return any(_existing_data(s))


def _check_fillable(vault: Vault, scale: str) -> None:
    if scale not in SCALES:
        raise ValueError(scale)
    if vault.identity is None or vault.identity.role not in ("teamleader", "admin"):
        raise ValidationError(
            "user", "Vul de demo als teamverantwoordelijke.", "Fill the demo as team leader."
        )
    if vault_has_data(vault):
        raise ValidationError(
            "demo",
            "Deze kluis bevat al scholen of aanmeldingen; de demo vult alleen een lege kluis "
            "(kies een andere map met --data-dir).",
            "This vault already holds schools or referrals; the demo only fills an empty vault "
            "(choose another folder with --data-dir).",
        )


def fill_vault(
    vault: Vault,
    password: str,
    scale: str = "typical",
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
    via_services: bool | None = None,
) -> dict[str, int]:
    """Fill an unlocked, empty vault (the caller is its team leader); returns counts per table.

    Refuses a vault that already has schools or referrals, so running twice adds nothing.
    `via_services` True: every step through the services (about 30 ms a session on this
    machine, so only for the tiny scale); default: the bulk writer, which writes the same rows.
    """
    _check_fillable(vault, scale)
    assert vault.identity is not None
    report = progress or (lambda _fraction: None)
    planner = DemoPlanner(SCALES[scale], seed, today)
    coaches = add_users(vault, planner, password)
    report(0.02)
    stage = Stage(vault.identity, coaches, [])
    with vault.session() as s:
        stage.schools = add_reference(s, planner, stage)
        funders = add_funders(s, stage)
    report(0.05)
    writer: ServiceWriter | BulkWriter = (
        ServiceWriter(stage, planner) if via_services else BulkWriter(stage, planner)
    )
    years = len(planner.years)

    def in_year(n: int) -> Progress:
        return lambda fraction: report(0.05 + 0.95 * (n + fraction) / years)

    if isinstance(writer, ServiceWriter):
        for n, (year, items) in enumerate(planner.plan()):
            with vault.session() as s:
                add_capacity(s, planner, stage, funders, year)
                writer.write_year(s, year, items, in_year(n))
    else:
        with vault.session() as s:  # one transaction: a fill that fails leaves nothing
            try:
                dropped = drop_indexes(s.connection(), [m.__tablename__ for m in writer.ORDER])
                for n, (year, items) in enumerate(planner.plan()):
                    writer.wait()  # the session is used here again
                    add_capacity(s, planner, stage, funders, year)
                    writer.write_year(s, year, items, in_year(n))
                writer.wait()
                restore_indexes(s.connection(), dropped)
            finally:
                writer.stop()
    report(1.0)
    return table_counts(vault)


def table_counts(vault: Vault) -> dict[str, int]:
    with vault.session() as s:
        return {
            t.__tablename__: int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in COUNTED
        }
