"""Beheer tabs on a real vault: schools, days off, capacity with its entitlement, retention,
import with a dry run, backups and restore."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy import select

from amo_desktop.domain.caseload import Youth
from amo_desktop.services import intake, reference, retention
from amo_desktop.services.figures import capacity_figures
from amo_desktop.services.importer import HEADERS
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import StrengthMeter
from amo_desktop.ui.kit.tables import Column, RecordModel
from amo_desktop.ui.kit.widgets import number_text
from amo_desktop.ui.screens.beheer.backup import BackupTab
from amo_desktop.ui.screens.beheer.days_off import DaysOffTab
from amo_desktop.ui.screens.beheer.funders import CapacityModel, FundersTab
from amo_desktop.ui.screens.beheer.import_tab import ImportTab
from amo_desktop.ui.screens.beheer.page import AdminPage
from amo_desktop.ui.screens.beheer.retention import RetentionTab
from amo_desktop.ui.screens.beheer.schools import SchoolsTab
from amo_desktop.ui.screens.beheer.users import UsersPage
from amo_desktop.ui.shell.password import ChangePasswordDialog
from tests.conftest import LEADER_PASSWORD
from tests.gui.conftest import FakePrompts
from tests.gui.test_reports_page import TODAY, seed


class OpenPrompts(FakePrompts):
    """FakePrompts plus the open-file question the import and restore tabs ask."""

    def __init__(self) -> None:
        super().__init__()
        self.open_path: Path | None = None

    def open_file(self, parent: QWidget | None, title: str, file_filter: str) -> Path | None:
        self.calls.append(("open_file", title, file_filter))
        return self.open_path


@pytest.fixture
def actx(ctx: AppContext) -> AppContext:
    ctx.prompts = OpenPrompts()
    return ctx


def prompts(ctx: AppContext) -> OpenPrompts:
    assert isinstance(ctx.prompts, OpenPrompts)
    return ctx.prompts


def test_models_pass_qtmodeltester(qtmodeltester) -> None:
    model = RecordModel(columns=[Column("Naam", lambda x: x), Column("Lengte", len)], key=str)
    model.set_records(["b", "aa"])
    qtmodeltester.check(model, force_py=True)
    grid = CapacityModel()
    qtmodeltester.check(grid, force_py=True)
    schools = [
        reference.SchoolInfo("s1", "Sint-Martinus Asse", "SMA", "Asse", None, True),
        reference.SchoolInfo("s2", "VKO Opwijk", "VKO", "Opwijk", None, True),
    ]
    funders = [
        reference.NamedInfo("f1", "Urenoverdracht", "urenoverdracht"),
        reference.NamedInfo("f2", "NAFT", "naft"),
    ]
    hours = [reference.CapacityInfo("c1", "s1", 2025, "f1", 30.0, 60.0)]
    grid.set_data(schools, funders, hours)
    assert grid.columnCount() == 5  # school, teacher + coaching hours, other funder, entitlement
    assert grid.index(0, 1).data() == "30" and grid.index(0, 2).data() == "60"
    assert grid.index(1, 1).data() == ""
    qtmodeltester.check(grid, force_py=True)


def test_admin_page_has_every_tab(qtbot, actx: AppContext) -> None:
    page = AdminPage(actx)
    qtbot.addWidget(page)
    assert not actx.worker.busy  # built, not loaded: each tab loads when it is first shown
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == [
        "Gebr&uikers",
        "&Scholen",
        "&Vrije dagen",
        "&Financiers && capaciteit",
        "&Partners && contacten",
        "Be&waartermijnen",
        "&Reservekopieën",
        "I&mporteren",
        "Verslags&jablonen",
    ]
    page.show()  # the first tab loads; the others wait until they are opened
    qtbot.waitUntil(lambda: page.users.model.rowCount() == 1)
    assert page.retention.rules.rowCount() == 0
    page.tabs.setCurrentWidget(page.retention)
    qtbot.waitUntil(lambda: page.retention.rules.rowCount() > 5)
    qtbot.waitUntil(lambda: not actx.worker.busy)


def test_add_a_school_with_the_error_next_to_the_name(qtbot, actx: AppContext) -> None:
    tab = SchoolsTab(actx)
    qtbot.addWidget(tab)
    tab.show()  # a tab loads its rows when it is first shown
    qtbot.waitUntil(lambda: tab.empty.isVisibleTo(tab))
    dialog = tab.open_add_dialog()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.errors.visible_text("name") != "")
    name = dialog.fields["name"]
    assert isinstance(name, QLineEdit)
    name.setText("Atheneum Opwijk")
    dialog.fields["municipality"].setText("Opwijk")  # type: ignore[attr-defined]
    qtbot.keyClick(name, Qt.Key.Key_Return)  # Enter saves the form
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.record_at(0).municipality == "Opwijk"
    assert not tab.empty.isVisibleTo(tab)
    tab.table.selectRow(0)
    campus = tab.open_campus_dialog()
    assert campus is not None
    campus.fields["name"].setText("Campus Centrum")  # type: ignore[attr-defined]
    campus.ok_button.click()
    qtbot.waitUntil(lambda: "info" in prompts(actx).kinds())


def test_load_holidays_and_add_a_study_day(qtbot, actx: AppContext) -> None:
    seed(actx.vault)
    tab = DaysOffTab(actx, today=TODAY)
    qtbot.addWidget(tab)
    tab.show()  # a tab loads its rows when it is first shown
    qtbot.waitUntil(lambda: tab.school.count() == 2)
    tab.load_holidays()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 5)
    assert "info" in prompts(actx).kinds()
    names = {r.name for r in tab.model.records()}
    assert any("Kerst" in n for n in names)
    # a school's own day: the end before the start is refused next to the field
    tab.school.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not actx.worker.busy)
    before = tab.model.rowCount()
    tab.name.setText("Pedagogische studiedag")
    tab.last.setDate(tab.first.date().addDays(-1))
    tab.add_day()
    qtbot.waitUntil(lambda: tab.errors.visible_text("last") != "")
    tab.last.setDate(tab.first.date())
    tab.add_day()
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1)


def test_capacity_grid_shows_the_entitlement(qtbot, actx: AppContext) -> None:
    seeded = seed(actx.vault)
    with actx.vault.session() as s:
        other = reference.add_school(s, actx.vault.identity, "VKO Opwijk", "VKO", "Opwijk")
    tab = FundersTab(actx, today=TODAY)
    qtbot.addWidget(tab)
    tab.show()  # a tab loads its rows when it is first shown
    grid = tab.capacity
    qtbot.waitUntil(lambda: grid.rowCount() == 2)
    assert grid.columnCount() == 4  # school, teacher hours, coaching hours, entitlement
    rows = {grid.schools[r].id: r for r in range(2)}
    entitled = grid.columnCount() - 1
    # Asse: 30 teacher hours, Opwijk: 10; the pool of 80 coaching hours is shared 3:1
    for school, teacher, hours in ((seeded.school_id, "30", "60"), (other.id, "10", "20")):
        row = rows[school]
        assert grid.setData(grid.index(row, 1), teacher)
        qtbot.waitUntil(lambda r=row, t=teacher: grid.index(r, 1).data() == t)
        assert grid.setData(grid.index(row, 2), hours)
        qtbot.waitUntil(lambda r=row, h=hours: grid.index(r, 2).data() == h)
    with actx.vault.session() as s:
        figures = {
            f.school_id: f.entitled_hours
            for f in capacity_figures(s, actx.vault.identity, tab.school_year, TODAY)
        }
    qtbot.waitUntil(
        lambda: (
            grid.index(rows[seeded.school_id], entitled).data()
            == number_text(figures[seeded.school_id])
        )
    )
    assert figures[seeded.school_id] == pytest.approx(60)
    assert grid.index(rows[other.id], entitled).data() == "20"
    assert not (grid.flags(grid.index(0, entitled)) & Qt.ItemFlag.ItemIsEditable)
    # a wrong number and a negative one: a Dutch message under the grid
    assert not grid.setData(grid.index(0, 1), "veel")
    assert "aantal uren" in tab.grid_error.text()
    grid.setData(grid.index(0, 1), "-3")
    qtbot.waitUntil(lambda: "0 of meer" in tab.grid_error.text())


def _closed_case(vault: Vault) -> str:
    seeded = seed(vault, "Zoë", "Şahin")
    with vault.session() as s:
        caller = vault.identity
        intake.transition_referral(s, caller, seeded.referral_id, "ingetrokken", "Ouders weigeren")
        retention.set_rule(s, caller, "individuele_begeleiding", "years_after_closure", 0)
    return seeded.youth_id


def test_retention_due_and_anonymise_after_confirmation(qtbot, actx: AppContext) -> None:
    youth_id = _closed_case(actx.vault)
    tab = RetentionTab(actx, today=TODAY)
    qtbot.addWidget(tab)
    tab.show()  # a tab loads its rows when it is first shown
    qtbot.waitUntil(lambda: tab.due_model.rowCount() == 1 and tab.rules.rowCount() > 5)
    # change a rule: the value's limits follow the rule
    tab.rules_table.selectRow(0)
    tab.rule.setCurrentIndex(tab.rule.findData("until_age"))
    assert tab.value.minimum() == 18
    tab.select_all_due()
    assert tab.anonymise_button.isEnabled()
    prompts(actx).confirm_answer = False
    tab.anonymise_selected()
    assert prompts(actx).calls[-1][0] == "confirm"
    assert "niet ongedaan" in prompts(actx).calls[-1][2]
    qtbot.wait(50)
    assert tab.due_model.rowCount() == 1  # declined: nothing happened
    prompts(actx).confirm_answer = True
    tab.anonymise_selected()
    qtbot.waitUntil(lambda: tab.due_model.rowCount() == 0)
    assert tab.due_empty.isVisibleTo(tab)
    with actx.vault.session() as s:
        youth = s.get(Youth, youth_id)
        assert youth is not None and youth.anonymised_at is not None and youth.first_name == ""


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([row.get(h, "") for h in HEADERS])
    return path


def _row(first: str, **extra: str) -> dict[str, str]:
    row = {
        "datum_aanmelding": TODAY.strftime("%d/%m/%Y"),
        "school": "Sint-Martinus Asse",
        "onderwerp": "jongere",
        "voornaam": first,
        "achternaam": "Peeters",
        "geboortedatum": "14/03/2011",
        "aanbod": "individuele_begeleiding",
        "preventief_curatief": "curatief",
        "urgentie": "normaal",
        "redenen": "spijbelen",
        "hulpvraag": "Komt niet meer naar school.",
        "aanmelder_functie": "zorgcoordinator",
    }
    row.update(extra)
    return row


def test_import_dry_run_lists_problems_then_a_good_file_is_read(
    qtbot, actx: AppContext, tmp_path: Path
) -> None:
    seed(actx.vault)
    tab = ImportTab(actx, today=TODAY)
    qtbot.addWidget(tab)
    bad = _csv(
        tmp_path / "fout.csv",
        [_row("Goed"), _row("Datum", geboortedatum="31/02/2011"), _row("X", urgentie="paniek")],
    )
    prompts(actx).open_path = bad
    tab.browse()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    where = [(r[1].row, r[1].column) for r in tab.model.records() if r[0] == "probleem"]
    assert where == [(3, "geboortedatum"), (4, "urgentie")]
    assert tab.table.model().index(0, 0).data() == "3"
    assert not tab.import_button.isEnabled()
    assert "niets ingelezen" in tab.summary.text()
    good = _csv(tmp_path / "goed.csv", [_row("Anna"), _row("Bert")])
    tab.path.setText(str(good))
    tab.check()
    qtbot.waitUntil(tab.import_button.isEnabled)
    assert "2 aanmelding" in tab.summary.text()
    with actx.vault.session() as s:
        assert len(intake.list_referrals(s, actx.vault.identity)) == 1  # the dry run kept none
    tab.import_button.click()
    qtbot.waitUntil(lambda: "ingelezen" in tab.summary.text() and "Klaar" in tab.summary.text())
    with actx.vault.session() as s:
        assert len(intake.list_referrals(s, actx.vault.identity)) == 3
    # a missing file and a template
    tab.path.setText(str(tmp_path / "weg.xlsx"))
    tab.check()
    assert tab.path_error.text() == "Dit bestand bestaat niet."
    prompts(actx).save_path = tmp_path / "sjabloon.xlsx"
    tab.save_template()
    qtbot.waitUntil(lambda: (tmp_path / "sjabloon.xlsx").exists())


def test_backup_now_then_restore_locks_the_app(qtbot, actx: AppContext) -> None:
    tab = BackupTab(actx)
    qtbot.addWidget(tab)
    tab.show()  # a tab loads its rows when it is first shown
    assert "nog geen" in tab.last_label.text()
    assert tab.empty.isVisibleTo(tab)
    with qtbot.waitSignal(tab.backup_made, timeout=10_000):
        tab.backup_now()
    assert tab.model.rowCount() == 1
    assert "nog geen" not in tab.last_label.text()
    # restore: declined confirmation does nothing; then a wrong password, then the right one
    tab.table.selectRow(0)
    prompts(actx).confirm_answer = False
    assert tab.restore_selected() is None
    prompts(actx).confirm_answer = True
    dialog = tab.restore_selected()
    assert dialog is not None
    # issue 12: the vault replaced is kept as a before-restore backup, so it can be undone
    assert "automatische reservekopie" in prompts(actx).calls[-1][2]
    dialog.ok_button.click()
    assert dialog.errors.visible_text("password") == "Vul uw wachtwoord in."
    dialog.password.setText(LEADER_PASSWORD)
    with qtbot.waitSignal(tab.lock_requested, timeout=10_000):
        dialog.ok_button.click()
    assert actx.vault.is_unlocked  # restored and reopened by Vault.restore
    assert list(actx.vault.backup_dir.glob("*-before-restore.amobak"))
    with actx.vault.session() as s:
        assert s.scalars(select(Youth)).all() == []


# --- issue 12: the rule for new passwords in the Gebruikers tab and Wachtwoord wijzigen ---------
def test_add_user_meter_counts_the_users_own_words_and_refuses_weak(
    qtbot, actx: AppContext
) -> None:
    page = UsersPage(actx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    dialog = page.open_add_dialog()
    meter = dialog.findChild(StrengthMeter)
    dialog.password.setText("JanssensJan1")
    assert meter.word.text() in ("Sterkte: goed", "Sterkte: sterk")  # a stranger's words
    dialog.login.setText("jan")
    dialog.full_name.setText("Jan Janssens")  # now they are the user's own
    assert meter.word.text() in ("Sterkte: zwak", "Sterkte: matig")
    assert "gebruikersnaam, naam of organisatie" in meter.advice.text()
    dialog.repeat.setText("JanssensJan1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.visible_text("password") != "", timeout=5000)
    assert "te makkelijk te raden" in dialog.errors.visible_text("password")
    assert page.model.rowCount() == 1
    for text in ("12345678", "password1234"):
        dialog.password.setText(text)
        assert meter.word.text() == "Sterkte: zwak" and meter.bar.value() <= 1


def test_change_password_meter_and_refusal(qtbot, actx: AppContext) -> None:
    dialog = ChangePasswordDialog(actx)
    qtbot.addWidget(dialog)
    meter = dialog.findChild(StrengthMeter)
    dialog.old.setText(LEADER_PASSWORD)
    dialog.new.setText("12345678")
    assert meter.word.text() == "Sterkte: zwak"
    assert meter.advice.text() == "Kies een wachtwoord van minstens 12 tekens."
    dialog.repeat.setText("12345678")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors.visible_text("new_password") != "", timeout=5000)
    assert dialog.errors.visible_text("new_password") == meter.advice.text()
    dialog.new.setText("een heel ander wachtwoord")
    assert meter.word.text() == "Sterkte: sterk" and meter.advice.text() == ""


def test_every_admin_list_passes_qtmodeltester_with_rows(qtbot, qtmodeltester, actx) -> None:
    from datetime import date, datetime

    from amo_desktop.services.importer import ImportIssue, ImportReport
    from amo_desktop.ui.screens.beheer.backup import BackupFile
    from amo_desktop.ui.screens.beheer.partners import PartnersTab

    school = reference.SchoolInfo("s1", "Sint-Martinus Asse", "SMA", "Asse", "go", True)
    schools, days_off, funders = SchoolsTab(actx), DaysOffTab(actx), FundersTab(actx)
    partners, rules, backups = PartnersTab(actx), RetentionTab(actx), BackupTab(actx)
    importer = ImportTab(actx)
    for tab in (schools, days_off, funders, partners, rules, backups, importer):
        qtbot.addWidget(tab)  # never shown: nothing loads, the rows below are all there is
    schools.model.set_records([school])
    days_off.school_names = {"s1": school.name}
    days_off.model.set_records(
        [
            reference.DayOffInfo(
                "d1", date(2025, 12, 22), date(2026, 1, 2), "Kerst", "vakantie", None, "vlaanderen"
            ),
            reference.DayOffInfo(
                "d2", date(2025, 11, 3), date(2025, 11, 3), "Studiedag", "studiedag", "s1", "eigen"
            ),
        ]
    )
    funders.funders_model.set_records([reference.NamedInfo("f1", "NAFT", "naft")])
    partners.partners.set_records([reference.NamedInfo("p1", "CLB Asse", "clb")])
    partners.contacts.set_records(
        [reference.ContactInfo("c1", "An", "zorgcoordinator", "s1", None, "an@x.be", "")]
    )
    rules.rules.set_records(
        [
            retention.RuleInfo("individuele_begeleiding", "years_after_closure", 5, True),
            retention.RuleInfo("groepswerking", "until_age", 25, False),
        ]
    )
    rules.due_model.set_records(
        [retention.DueItem("y" * 36, date(2025, 1, 1), "individuele_begeleiding:until_age:25", 2)]
    )
    backups.model.set_records(
        [BackupFile(Path("a.amobak"), datetime(2025, 10, 1, 8, 30), 2_500_000)]
    )
    report = ImportReport(warnings=[ImportIssue(2, "geboortedatum", "Jong")])
    report.problems.append(ImportIssue(0, "", "Leeg bestand"))
    importer._show(report)
    models = [
        schools.model,
        days_off.model,
        funders.funders_model,
        partners.partners,
        partners.contacts,
        rules.rules,
        rules.due_model,
        backups.model,
        importer.model,
    ]
    for model in models:
        assert model.rowCount() > 0
        model.setParent(None)  # the tester checks it again at teardown, after the tabs are gone
        qtmodeltester.check(model, force_py=True)
    assert days_off.model.index(days_off.model.row_of("d2"), 4).data() == "Sint-Martinus Asse"
    assert backups.model.index(0, 2).data() == "2,4 MB"
