"""Uitwisselen and joining a team, driven through the real widgets on real vaults (issue 7)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from amo_desktop.services import accounts, exchange, intake, reference, trajectories
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.uitwisselen.page import ExchangePage
from amo_desktop.ui.shell.wizard import PAGE_JOIN, PAGE_KEY, FirstRunWizard
from tests.conftest import FAST_KDF
from tests.integration.services.conftest import TODAY, youth_referral

CHEAP = {"memory_kib": 8_192, "iterations": 1, "lanes": 1}
COACH_PASSWORD = "An-haar-laptop-2026"


def _invite(ctx: AppContext, tmp_path: Path) -> tuple[Path, str]:
    vault = ctx.vault
    accounts.add_user(vault, vault.identity, "an", "coach", "An Claes", COACH_PASSWORD)
    invitation = exchange.invite(vault, vault.identity, "an", kdf=CHEAP)
    path = tmp_path / "uitnodiging-an.amoi"
    path.write_bytes(invitation.data)
    return path, invitation.code


def _trajectory_for_an(ctx: AppContext) -> str:
    me = ctx.vault.identity
    an = next(u.id for u in accounts.list_users(ctx.vault, me) if u.login == "an")
    with ctx.vault.session() as s:
        school = reference.add_school(s, me, "Sint-Martinus Asse", municipality="Asse").id
        referral = intake.register_referral(s, me, youth_referral(school), today=TODAY)
        intake.transition_referral(s, me, referral.id, "wachtlijst", on=date(2025, 10, 7))
        return trajectories.assign_to_coach(s, me, referral.id, an, date(2025, 10, 13)).id


def test_the_wizard_joins_a_team(qtbot, ctx: AppContext, new_ctx: AppContext, tmp_path: Path):
    path, code = _invite(ctx, tmp_path)
    wizard = FirstRunWizard(new_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.join_choice.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_JOIN
    page = wizard.join_page
    new_ctx.prompts.open_file = lambda parent, title, flt: str(path)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.browse, Qt.MouseButton.LeftButton)
    assert page.file.text() == str(path)
    page.code.setText("AAAA-BBBB-CCCC-DDDD")
    page.password.setText(COACH_PASSWORD)
    page.repeat.setText(COACH_PASSWORD)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.errors.visible_text("code") != "", timeout=10_000)
    assert not new_ctx.vault.exists()  # a wrong code makes nothing

    page.code.setText(code.lower())  # typed as it was said: any case
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_KEY, timeout=10_000)
    vault = new_ctx.vault
    assert vault.identity.login == "an" and vault.identity.role == "coach"
    assert exchange.status(vault, vault.identity).team_name == "Groep INTRO"
    assert wizard.recovery_key in wizard.key_page.key_view.toPlainText()


def test_the_team_leader_invites_imports_and_resolves_a_conflict(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: "team" in page.team_label.text(), timeout=5000)
    assert not page.export_button.isEnabled()
    accounts.add_user(ctx.vault, ctx.vault.identity, "an", "coach", "An", COACH_PASSWORD)
    trajectory = _trajectory_for_an(ctx)

    invitation = tmp_path / "an.amoi"
    ctx.prompts.choose_answer = "an"  # type: ignore[attr-defined]
    ctx.prompts.save_path = invitation
    qtbot.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_code is not None, timeout=20_000)
    assert invitation.exists() and page.last_code in ctx.prompts.calls[-1][2]
    qtbot.waitUntil(lambda: page.peers.rowCount() == 1, timeout=5000)
    assert page.export_button.isEnabled()

    laptop = Vault(tmp_path / "laptop-an", kdf=FAST_KDF)
    exchange.join(laptop, invitation.read_bytes(), page.last_code, COACH_PASSWORD)
    try:
        with laptop.engine.begin() as conn, ctx.vault.engine.begin() as mine:
            for c, who, by in ((conn, "An", laptop.identity), (mine, "Lea", ctx.vault.identity)):
                c.exec_driver_sql(  # a field both may change: An's trajectory
                    f"UPDATE trajectories SET summary = '{who} zegt dit', "
                    f"changed_by = '{by.user_id}' WHERE id = '{trajectory}'"
                )
        bundle = tmp_path / "an.amox"
        bundle.write_bytes(exchange.export_bundle(laptop, laptop.identity).data)
    finally:
        laptop.lock()

    ctx.prompts.open_file = lambda parent, title, flt: str(bundle)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    panel = page.conflicts_box
    qtbot.waitUntil(lambda: panel.conflicts.rowCount() == 1, timeout=10_000)
    assert page.history.rowCount() >= 2
    status = []
    page.status_text.connect(status.append)

    panel.conflicts_view.selectRow(0)
    assert panel.values.rowCount() == 2 and not panel.keep_button.isEnabled()
    keep = next(r for r in range(2) if panel.values.record_at(r)[1].by_login == "an")
    panel.values_view.selectRow(
        panel.values_view.model().mapFromSource(panel.values.index(keep, 0)).row()
    )
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.conflicts.rowCount() == 0, timeout=10_000)
    assert panel.empty.isVisible()
    with ctx.vault.engine.connect() as conn:
        name = conn.exec_driver_sql(
            f"SELECT summary FROM trajectories WHERE id = '{trajectory}'"
        ).scalar()
    assert name == "An zegt dit"
    qtbot.waitUntil(lambda: bool(status), timeout=5000)
    assert "conflict" not in status[-1]


def test_the_shared_folder_is_synced_at_unlock_and_at_lock(
    qtbot, ctx: AppContext, qapp, tmp_path: Path, monkeypatch
) -> None:
    from amo_desktop.ui.screens.uitwisselen import page as exchange_ui
    from amo_desktop.ui.shell.session import SessionController

    monkeypatch.setattr(exchange_ui, "FIRST_SYNC_MS", 0)
    _invite(ctx, tmp_path)
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    exchange.set_folder(ctx.vault, ctx.vault.identity, str(folder))
    session = SessionController(ctx, qapp)
    session.start()
    qtbot.addWidget(session.window)
    qtbot.waitUntil(lambda: len(list(folder.glob("*.amox"))) == 1, timeout=10_000)
    [bundle] = folder.glob("*.amox")
    first = bundle.read_bytes()
    with ctx.vault.engine.begin() as conn:  # a change made just before locking
        conn.exec_driver_sql("UPDATE schools SET address = 'Nieuwe straat 1'")
        conn.exec_driver_sql(
            "INSERT INTO schools (id, name, short_name, institution_number, "
            "municipality, postcode, address, is_buso, active, created_at, "
            "updated_at) VALUES ('s-1', 'Nieuwe school', '', '', 'Asse', '', "
            "'', 0, 1, '2026-01-01', '2026-01-01')"
        )
    with qtbot.waitSignal(session.locked, timeout=10_000):
        session.lock()
    assert not ctx.vault.is_unlocked
    assert bundle.read_bytes() != first  # the last changes left with the lock


def test_the_exchange_lists_pass_qtmodeltester_with_rows(qtmodeltester) -> None:
    from datetime import UTC, datetime

    from amo_desktop.ui.screens.uitwisselen.conflicts import ConflictsModel, ValuesModel
    from amo_desktop.ui.screens.uitwisselen.lists import HistoryModel, PeersModel

    at = datetime(2025, 10, 7, 9, 30, tzinfo=UTC)
    values = [
        exchange.ConflictValue("An zegt dit", "an", at.isoformat()),
        exchange.ConflictValue(None, "lea", at.isoformat()),
    ]
    conflict = exchange.ConflictInfo(
        "k1", "trajectories", "t1", "summary", values, at.isoformat(), True, None, ""
    )
    peers = PeersModel(lambda role: role.title())
    peers.set_records(
        [
            exchange.PeerInfo("v1", "an", "coach", False, True, at),
            exchange.PeerInfo("v2", "bo", "coach", True, False, None),
        ]
    )
    history = HistoryModel()
    entry = exchange.HistoryEntry(at, "import", "an", 3, 1, "")
    history.set_records([entry, exchange.HistoryEntry(at, "export", "", 5, 0, "")])
    conflicts = ConflictsModel()
    conflicts.set_records([conflict])
    chosen = ValuesModel()
    chosen.set_records(list(enumerate(values)))
    for model in (peers, conflicts, chosen, history):  # the tester follows the last one
        qtmodeltester.check(model, force_py=True)
    assert conflicts.index(0, 0).data() == "Traject: Samenvatting"
    assert [chosen.index(r, 0).data() for r in range(2)] == ["An zegt dit", ""]
    assert peers.index(1, 2).data() == "Verwijderd uit het team"
    history.set_records([entry])  # a refresh: the entries are replaced, not merged
    assert history.rowCount() == 1
    qtmodeltester.check(history, force_py=True)
