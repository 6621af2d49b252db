"""Aanmeldingen on a real vault: the model, the form (validation, duplicates), filters, detail."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from amo_desktop.domain.identity import Identity
from amo_desktop.services import accounts, intake, reference
from amo_desktop.services.intake import ReferralInput, ReferralSummary, TransitionInfo
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.tables import ID_ROLE, SORT_ROLE
from amo_desktop.ui.screens.aanmeldingen.form import ReferralFormDialog
from amo_desktop.ui.screens.aanmeldingen.models import HistoryModel, ReferralFilter, ReferralsModel
from amo_desktop.ui.screens.aanmeldingen.page import ReferralsPage

TODAY = date(2026, 2, 2)
COACH_PASSWORD = "coach-wachtwoord"


@dataclass
class Stage:
    vault: Vault
    leader: Identity
    coach: Identity
    schools: dict[str, str]
    pool: str
    ids: dict[str, str]


def youth(school_id: str, first: str, last: str, received: date, **extra: object) -> ReferralInput:
    data = ReferralInput(
        received_on=received,
        school_id=school_id,
        subject_kind="jongere",
        offer_type="individuele_begeleiding",
        prevention_level="curatief",
        reasons=["spijbelen"],
        help_question="Komt niet meer naar school.",
        youth_first_name=first,
        youth_last_name=last,
        consent_youth=True,
    )
    return replace(data, **extra)  # type: ignore[arg-type]


def build_stage(vault: Vault) -> Stage:
    """Two schools, a coach, and three referrals: Zoë (Asse), Milan (Merchtem), a class."""
    leader = vault.identity
    assert leader is not None
    coach = accounts.add_user(vault, leader, "an", "coach", "An Coach", COACH_PASSWORD)
    with vault.session() as s:
        schools = {
            name: reference.add_school(s, leader, name).id
            for name in ("Sint-Martinus Asse", "GTSM Merchtem")
        }
        pool = reference.add_funder(s, leader, "Urenoverdracht AMO", "urenoverdracht").id
        asse, merchtem = schools["Sint-Martinus Asse"], schools["GTSM Merchtem"]
        ids = {
            "zoe": intake.register_referral(
                s, leader, youth(asse, "Zoë", "Peeters", date(2025, 10, 6)), today=TODAY
            ).id,
            "milan": intake.register_referral(
                s,
                leader,
                youth(merchtem, "Milan", "Janssens", date(2025, 11, 3), urgency="hoog"),
                today=TODAY,
            ).id,
            "klas": intake.register_referral(
                s,
                leader,
                youth(
                    asse,
                    "",
                    "",
                    date(2026, 1, 12),
                    subject_kind="klasgroep",
                    offer_type="klasbegeleiding",
                    class_group_label="3B",
                    class_pupil_count=22,
                    reasons=["klasdynamiek"],
                ),
                today=TODAY,
            ).id,
        }
    return Stage(vault, leader, Identity(coach.id, coach.login, coach.role), schools, pool, ids)


@pytest.fixture
def stage(ctx: AppContext) -> Stage:
    return build_stage(ctx.vault)


def host(qtbot, width: int = 1200, height: int = 700) -> QWidget:
    """A window that owns the page, as the main window's stack does: the page's C++ object is
    then never deleted by the last Python reference (which a DB worker job may hold)."""
    window = QWidget()
    QVBoxLayout(window)
    qtbot.addWidget(window)
    window.resize(width, height)
    # qtbot keeps only a weak reference; the test's qtbot keeps it alive, on the GUI thread
    qtbot.amo_hosts = [*getattr(qtbot, "amo_hosts", []), window]
    return window


def hosted(window: QWidget, page: QWidget) -> None:
    window.layout().addWidget(page)
    window.show()


def open_page(qtbot, ctx: AppContext, today: date) -> ReferralsPage:
    """Aanmeldingen on the staged vault, shown, with its three referrals and schools loaded."""
    window = host(qtbot)
    ctx.today = lambda: today
    widget = ReferralsPage(ctx, parent=window)
    hosted(window, widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3 and widget.school_filter.count() == 3)
    return widget


@pytest.fixture
def page(qtbot, ctx: AppContext, stage: Stage) -> ReferralsPage:
    return open_page(qtbot, ctx, TODAY)


def _summary(n: int, received: date, status: str = "nieuw") -> ReferralSummary:
    return ReferralSummary(
        f"id{n}", received, "s1", "School", "jongere", f"Jongere {n}", "klasbakken", "normaal",
        status, False,
    )  # fmt: skip


# --- models -------------------------------------------------------------------------------
def test_referrals_model_passes_qtmodeltester_and_merges(qtmodeltester) -> None:
    """The tester stays connected: every insert, removal and change below is checked too."""
    model = ReferralsModel()
    qtmodeltester.check(model, force_py=True)
    rows = [_summary(i, date(2025, 9, 1 + i)) for i in range(5)]
    model.set_records(rows)
    changed = rows[2]._replace(status="wachtlijst")
    model.set_records([rows[0], changed, rows[3], _summary(9, date(2026, 1, 5))])
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [
        "id0", "id2", "id3", "id9",
    ]  # fmt: skip
    assert model.index(1, ReferralsModel.COL_STATUS).data() == "Op wachtlijst"
    model.upsert(_summary(10, date(2026, 1, 6)))
    model.upsert(rows[0]._replace(urgency="crisis"))
    assert model.rowCount() == 5


def test_filter_proxy_passes_qtmodeltester(qtmodeltester) -> None:
    model = ReferralsModel()
    model.set_records([_summary(i, date(2025, 9, 1 + i)) for i in range(4)])
    proxy = ReferralFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filters(search="JONGERE school")
    assert proxy.rowCount() == 4
    proxy.set_filters(search="02/09/2025")
    assert proxy.rowCount() == 1
    proxy.set_filters(statuses=frozenset({"wachtlijst"}))
    assert proxy.rowCount() == 0


def test_sort_role_gives_native_values() -> None:
    model = ReferralsModel()
    model.set_records([_summary(1, date(2025, 12, 1)), _summary(2, date(2025, 2, 10))])
    index = model.index(0, ReferralsModel.COL_RECEIVED)
    assert index.data() == "01/12/2025"
    assert index.data(SORT_ROLE) == date(2025, 12, 1).toordinal()
    proxy = ReferralFilter()
    proxy.setSourceModel(model)
    proxy.sort(ReferralsModel.COL_RECEIVED)
    assert proxy.index(0, ReferralsModel.COL_RECEIVED).data() == "10/02/2025"  # not by string


def test_the_model_sorts_and_the_filter_follows_changes(qtmodeltester) -> None:
    """Sorting is done by the model on its sort keys (the proxy only filters); rows that
    change or arrive after a filter change are judged as they come."""
    model = ReferralsModel()
    qtmodeltester.check(model, force_py=True)
    rows = [_summary(i, date(2025, 9, 1 + i)) for i in range(5)]
    model.set_records(rows)
    proxy = ReferralFilter()
    proxy.setSourceModel(model)
    kept = QPersistentModelIndex(model.index(1, 0))
    proxy.sort(ReferralsModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder)

    def ids(m) -> list[str]:
        return [m.index(r, 0).data(ID_ROLE) for r in range(m.rowCount())]

    assert ids(model) == ids(proxy) == ["id4", "id3", "id2", "id1", "id0"]
    assert kept.row() == 3 and kept.data(ID_ROLE) == "id1"  # indexes follow their row
    proxy.set_filters(statuses=frozenset({"wachtlijst"}))
    assert proxy.rowCount() == 0
    model.upsert(rows[2]._replace(status="wachtlijst"))
    model.upsert(_summary(9, date(2026, 1, 5), "wachtlijst"))
    assert ids(proxy) == ["id9", "id2"]  # the new one sorted in, newest first
    model.set_records([rows[0], rows[3]._replace(status="wachtlijst")])
    assert ids(model) == ["id3", "id0"] and ids(proxy) == ["id3"]
    proxy.set_filters(search="jongere 3")
    assert ids(proxy) == ["id3"]
    proxy.sort(ReferralsModel.COL_SCHOOL)  # one school: equal keys keep their order
    assert ids(model) == ["id3", "id0"]
    proxy.sort(ReferralsModel.COL_STATUS)
    assert ids(model) == ["id0", "id3"] and ids(proxy) == ["id3"]


def test_history_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = HistoryModel()
    model.user_names = {"u1": "Lea Peeters"}
    model.set_records(
        [
            TransitionInfo(datetime(2025, 10, 6, 9, tzinfo=UTC), "u1", None, "nieuw", ""),
            TransitionInfo(datetime(2025, 10, 8, 9), "u1", "nieuw", "wachtlijst", "Geen plaats"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, HistoryModel.COL_USER).data() == "Lea Peeters"
    assert model.index(1, HistoryModel.COL_FROM).data() == "Nieuw"
    assert model.index(0, HistoryModel.COL_FROM).data() == "—"


# --- the page -----------------------------------------------------------------------------
def _fill_form(form: ReferralFormDialog, school: str, first: str, last: str) -> None:
    form.school.setCurrentIndex(form.school.findText(school))
    form.youth_first_name.setText(first)
    form.youth_last_name.setText(last)
    form.offer_type.setCurrentIndex(form.offer_type.findData("individuele_begeleiding"))
    form.prevention_level.setCurrentIndex(form.prevention_level.findData("preventief"))
    form.set_reasons(["schoolmoeheid", "welbevinden"])


def _rows(page: ReferralsPage, column: int) -> list[str]:
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def test_new_referral_through_the_form(qtbot, page: ReferralsPage, ctx: AppContext) -> None:
    assert page.new_action.shortcut().toString() == "Ctrl+N"
    page.new_action.trigger()
    form = page.form
    assert isinstance(form, ReferralFormDialog) and form.isVisible()
    _fill_form(form, "GTSM Merchtem", "Lina", "Maes")
    QTest.keyClick(form.youth_last_name, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: form.errors.visible_text("help_question") != "")
    assert form.errors.visible_text("help_question") == "Dit veld is verplicht."
    assert form.isVisible() and page.model.rowCount() == 3

    form.youth_birth_date.setText("31/02/2011")
    QTest.keyClick(form.youth_last_name, Qt.Key.Key_Return)
    assert "dd/mm/jjjj" in form.errors.visible_text("youth_birth_date")

    form.youth_birth_date.setText("14/03/2011")
    form.help_question.setPlainText("Zit niet goed in haar vel.")
    QTest.keyClick(form.youth_last_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    qtbot.waitUntil(lambda: page.form is None)
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    assert page.detail.heading.text() == "Lina Maes"
    assert page.detail.values["reasons"].text().startswith("Schoolmoeheid")
    assert page.selected_id() == page.detail.detail.summary.id
    with ctx.vault.session() as s:
        names = [r.subject_label for r in intake.list_referrals(s, ctx.vault.identity)]
    assert "Lina Maes" in names


def test_subject_kind_switches_the_fields(page: ReferralsPage) -> None:
    form = page.open_new_form()
    form.subject_kind.setCurrentIndex(form.subject_kind.findData("klasgroep"))
    assert form.class_pupil_count.isVisibleTo(form) and not form.youth_first_name.isVisibleTo(form)
    form.subject_kind.setCurrentIndex(form.subject_kind.findData("leerkracht_team"))
    assert form.group_description.isVisibleTo(form)
    form.discard()


def test_duplicate_asks_and_can_create_anyway(qtbot, page: ReferralsPage, stage: Stage) -> None:
    form = page.open_new_form()
    _fill_form(form, "Sint-Martinus Asse", "zoë", "PEETERS")
    form.help_question.setPlainText("Opnieuw aangemeld.")
    form.submit()
    qtbot.waitUntil(lambda: form.duplicate_box.isVisible())
    assert "lopende aanmelding" in form.duplicate_text.text()
    assert form.duplicate_of == stage.ids["zoe"]
    qtbot.mouseClick(form.create_anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    assert page.form is None or not page.form.isVisible()


def test_duplicate_can_open_the_existing_one(qtbot, page: ReferralsPage, stage: Stage) -> None:
    form = page.open_new_form()
    _fill_form(form, "Sint-Martinus Asse", "Zoë", "Peeters")
    form.help_question.setPlainText("Opnieuw aangemeld.")
    form.submit()
    qtbot.waitUntil(lambda: form.duplicate_box.isVisible())
    qtbot.mouseClick(form.open_existing_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form is None)
    assert page.selected_id() == stage.ids["zoe"]
    assert page.model.rowCount() == 3
    assert not page.ctx.prompts.calls  # opening the existing one asks nothing


def test_closing_with_unsaved_input_asks(qtbot, page: ReferralsPage, ctx: AppContext) -> None:
    form = page.open_new_form()
    QTest.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    qtbot.waitUntil(lambda: page.form is None)
    assert ctx.prompts.kinds() == []

    form = page.open_new_form()
    form.referrer_name.setText("Mevr. Claes")
    ctx.prompts.confirm_answer = False
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert ctx.prompts.kinds() == ["confirm"] and form.isVisible()
    assert "niet bewaard" in ctx.prompts.calls[-1][2]
    ctx.prompts.confirm_answer = True
    form.close()
    qtbot.waitUntil(lambda: page.form is None)


def test_filter_and_search(qtbot, page: ReferralsPage, stage: Stage) -> None:
    page.search.setText("zoë")  # the list filters once the typing pauses
    assert page.proxy.rowCount() == 3
    qtbot.waitUntil(lambda: _rows(page, ReferralsModel.COL_SUBJECT) == ["Zoë Peeters"])
    assert page.count_label.text() == "1 van 3 aanmeldingen"
    page.search.setText("merchtem")
    qtbot.waitUntil(lambda: _rows(page, ReferralsModel.COL_SUBJECT) == ["Milan Janssens"])
    page.search.setText("klas asse")  # every word must match somewhere
    QTest.keyClick(page.search, Qt.Key.Key_Return)  # Enter filters at once
    assert _rows(page, ReferralsModel.COL_SUBJECT) == ["Klas 3B"]
    page.search.setText("niemand")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert not page.empty_hint.isHidden()
    page.search.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)
    page.school_filter.setCurrentIndex(page.school_filter.findData(stage.schools["GTSM Merchtem"]))
    assert _rows(page, ReferralsModel.COL_SUBJECT) == ["Milan Janssens"]
    page.school_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("wachtlijst"))
    assert page.proxy.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findText("Alle lopende"))
    assert page.proxy.rowCount() == 3
    page.status_filter.setCurrentIndex(0)
    page.year_filter.setCurrentIndex(page.year_filter.findText("2024-2025"))
    assert page.proxy.rowCount() == 0
    page.year_filter.setCurrentIndex(0)
    # newest first, sorted on the date itself
    assert _rows(page, ReferralsModel.COL_RECEIVED) == ["12/01/2026", "03/11/2025", "06/10/2025"]


def test_filtering_out_the_selected_referral_closes_its_detail(
    qtbot, page: ReferralsPage, stage: Stage
) -> None:
    assert page.select_referral(stage.ids["zoe"])
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    page.search.setText("milan")
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert _rows(page, ReferralsModel.COL_SUBJECT) == ["Milan Janssens"]
    assert page.selected_id() is None and page.detail.detail is None
    qtbot.wait(300)  # and no other referral's file is opened instead
    assert page.detail.detail is None


def test_transitions_through_the_detail_buttons(
    qtbot, page: ReferralsPage, stage: Stage, ctx: AppContext
) -> None:
    assert page.select_referral(stage.ids["zoe"])
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    panel = page.detail
    assert set(panel.status_buttons) == {
        "vraagverheldering", "wachtlijst", "niet_gestart", "doorverwezen", "ingetrokken",
    }  # fmt: skip
    qtbot.mouseClick(panel.status_buttons["wachtlijst"], Qt.MouseButton.LeftButton)
    dialog = page.transition_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reason.setText("Intake gedaan, geen plaats")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.summary.status == "wachtlijst"
    )
    assert panel.history_model.rowCount() == 2
    last = panel.history_model.rowCount() - 1
    assert panel.history_model.index(last, HistoryModel.COL_USER).data() == "Lea Peeters"
    assert panel.history_model.index(last, HistoryModel.COL_TO).data() == "Op wachtlijst"
    assert panel.history_model.index(last, HistoryModel.COL_REASON).data() == (
        "Intake gedaan, geen plaats"
    )
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(stage.ids["zoe"]), 0)).row()
    assert page.proxy.index(row, ReferralsModel.COL_STATUS).data() == "Op wachtlijst"
    assert page.selected_id() == stage.ids["zoe"]  # the selection survived
    assert panel.assign_button.isVisible()  # team leader: toewijzen via the dialog

    qtbot.mouseClick(panel.status_buttons["niet_gestart"], Qt.MouseButton.LeftButton)
    dialog = page.transition_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.visible_text("no_start_reason") == "Kies waarom het niet start."
    dialog.no_start.setCurrentIndex(dialog.no_start.findData("opgelost"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.summary.status == "niet_gestart"
    )
    assert "Vraag intussen opgelost" in panel.values["status"].text()
    assert panel.status_buttons == {}
    assert "afgerond" in panel.buttons_hint.text()


def test_transition_error_is_shown_next_to_the_date(
    qtbot, page: ReferralsPage, stage: Stage
) -> None:
    page.select_referral(stage.ids["klas"])
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    qtbot.mouseClick(page.detail.status_buttons["ingetrokken"], Qt.MouseButton.LeftButton)
    dialog = page.transition_dialog
    dialog.on.setDate(dialog.on.date().addMonths(-3))  # before the referral was received
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.visible_text("on") != "")
    assert "voor de aanmelding" in dialog.errors.visible_text("on")


def test_assign_now_opens_the_dialog_which_shows_loads_and_starts(
    qtbot, qtmodeltester, page: ReferralsPage, stage: Stage, ctx: AppContext
) -> None:
    with ctx.vault.session() as s:
        merchtem = stage.schools["GTSM Merchtem"]
        reference.set_capacity(s, stage.leader, merchtem, 2025, stage.pool, 3, 100)
    form = page.open_new_form()
    _fill_form(form, "GTSM Merchtem", "Lina", "Maes")
    form.help_question.setPlainText("Zit niet goed in haar vel.")
    form.consent_youth.setChecked(True)
    assert form.next_waitlist.isChecked() and form.next_assign.isVisibleTo(form)
    assert form.parents_informed.nextInFocusChain() is form.next_waitlist  # the form ends with it
    form.next_assign.setFocus()
    QTest.keyClick(form.next_assign, Qt.Key.Key_Space)
    form.submit()
    qtbot.waitUntil(lambda: page.assign_dialog is not None and page.assign_dialog.isVisible())
    dialog = page.assign_dialog
    assert dialog is not None
    new_id = dialog.referral_id
    assert page.model.row_of(new_id) >= 0
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(new_id), 0)).row()
    assert page.proxy.index(row, ReferralsModel.COL_STATUS).data() == "Op wachtlijst"
    qtbot.waitUntil(lambda: dialog.loads.rowCount() == 2)  # the team leader and An Coach
    qtmodeltester.check(dialog.loads.model())
    names = [dialog.loads.item(r, 0).text() for r in range(2)]
    assert "An Coach" in names
    an = names.index("An Coach")
    assert (dialog.loads.item(an, 1).text(), dialog.loads.item(an, 2).text()) == ("0", "0,0")
    qtbot.waitUntil(lambda: "GTSM Merchtem" in dialog.school_share.text())
    assert dialog.school_share.text() == (
        "GTSM Merchtem: 0 van 100 uur gebruikt of gepland (0 %) dit schooljaar."
    )
    dialog.lead.setCurrentIndex(dialog.lead.findText("An Coach"))
    assert dialog.ok_button.text() == "&Toewijzen"
    dialog.start_now.setChecked(True)
    assert dialog.ok_button.text() == "&Toewijzen en starten"
    assert "'Gestart'" in dialog.note.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.assign_dialog is None)
    qtbot.waitUntil(
        lambda: page.proxy.index(row, ReferralsModel.COL_STATUS).data() == "Gestart (traject loopt)"
    )
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.summary.status == "gestart"
    )
    history = [h.to_status for h in page.detail.detail.history]
    assert history == ["nieuw", "wachtlijst", "toegewezen", "gestart"]


def test_assign_and_start_without_consent_says_why(
    qtbot, page: ReferralsPage, stage: Stage, ctx: AppContext
) -> None:
    with ctx.vault.session() as s:
        intake.transition_referral(s, stage.leader, stage.ids["zoe"], "wachtlijst", on=TODAY)
        intake.set_consent(s, stage.leader, stage.ids["zoe"], False, False)
    assert page.select_referral(stage.ids["zoe"])
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    dialog = page.open_assign()
    assert dialog is not None
    qtbot.waitUntil(lambda: "Sint-Martinus Asse" in dialog.school_share.text())
    assert dialog.school_share.text() == (
        "Sint-Martinus Asse heeft dit schooljaar geen afgesproken uren."
    )
    qtbot.waitUntil(lambda: dialog.lead.findText("An Coach") >= 0)
    dialog.lead.setCurrentIndex(dialog.lead.findText("An Coach"))
    dialog.start_now.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    assert dialog.isVisible()
    assert dialog.errors.visible_text("consent_youth").startswith("Een traject start pas")
    with ctx.vault.session() as s:
        assert intake.get_referral(s, stage.leader, stage.ids["zoe"]).summary.status == "wachtlijst"
    dialog.reject()


def test_class_referral_warns_for_the_same_class_and_words_consent_for_the_school(
    qtbot, page: ReferralsPage, stage: Stage
) -> None:
    form = page.open_new_form()
    assert form.consent_youth.text() == "De &jongere geeft toestemming voor begeleiding"
    form.subject_kind.setCurrentIndex(form.subject_kind.findData("klasgroep"))
    assert form.consent_youth.text() == "De school gaat akkoord met de be&geleiding"
    form.school.setCurrentIndex(form.school.findText("Sint-Martinus Asse"))
    form.class_group_label.setText("3b")
    form.class_pupil_count.setValue(21)
    form.offer_type.setCurrentIndex(form.offer_type.findData("klasbegeleiding"))
    form.prevention_level.setCurrentIndex(form.prevention_level.findData("preventief"))
    form.set_reasons(["klasdynamiek"])
    form.help_question.setPlainText("Veel onrust.")
    form.submit()
    qtbot.waitUntil(lambda: form.duplicate_box.isVisible())
    assert form.duplicate_text.text().startswith("Deze klas heeft al een lopende aanmelding")
    assert form.duplicate_of == stage.ids["klas"]
    qtbot.mouseClick(form.create_anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    qtbot.waitUntil(lambda: page.form is None)
