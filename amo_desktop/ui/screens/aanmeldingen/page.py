"""Aanmeldingen: the searchable list, the detail with its history, and moving a referral along.

The page only wires: every read and change is one service call on the DB worker (STYLE.md
example 2). Refreshes merge rows by id, so the selection and scroll position stay put.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QMenu,
    QPushButton,
    QSplitter,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import ReferralStatus
from amo_desktop.domain.rules import OPEN_STATUSES
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts, intake, reference
from amo_desktop.services.intake import ReferralDetail, ReferralSummary
from amo_desktop.ui.flows.assign import AssignDialog
from amo_desktop.ui.flows.referral_form import MakeFormDialog, make_referral_form
from amo_desktop.ui.kit.clipboard import copy_action_of
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.list_page import ListPage
from amo_desktop.ui.kit.settings import remember_header, remember_splitter
from amo_desktop.ui.kit.tables import ID_ROLE
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import VerticalScrollArea, fill_combo, label_of, open_file
from amo_desktop.ui.screens.aanmeldingen.detail import ReferralDetailPanel
from amo_desktop.ui.screens.aanmeldingen.dialogs import TransitionDialog
from amo_desktop.ui.screens.aanmeldingen.form import ReferralFormDialog
from amo_desktop.ui.screens.aanmeldingen.from_form import PdfDrop, prefill
from amo_desktop.ui.screens.aanmeldingen.models import ReferralFilter, ReferralsModel
from amo_desktop.ui.screens.aanmeldingen.receipt import ReceiptAction

if TYPE_CHECKING:  # the service (pypdf, ReportLab) loads when a form is read
    from amo_desktop.services.referral_form import FormReading

OPEN = "*open"  # the status filter's "all open ones"


class ReferralsPage(ListPage):
    """Aanmeldingen: filters above, the list left, the selected referral right."""

    model: ReferralsModel
    proxy: ReferralFilter

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Aanmeldingen"), parent)
        self.is_leader = ctx.is_leader
        self.schools: list[Any] = []
        self.users: list[Any] = []
        self.form: ReferralFormDialog | None = None
        self.transition_dialog: TransitionDialog | None = None
        self.assign_dialog: AssignDialog | None = None
        self._select_after_load: str | None = None
        self._lookups_asked = False
        self._form_queue: list[Path] = []  # filled forms still to preview, one at a time
        self._reading_form = False
        self._form_source: str | None = None  # the form id of the referral in the preview
        self._build_table()
        self._build_filters()
        self.detail = ReferralDetailPanel(self.is_leader)
        self.detail.transition_requested.connect(self.open_transition)
        self.detail.assign_requested.connect(self.open_assign)
        self.receipt = ReceiptAction(ctx, self)
        self.detail.receipt_requested.connect(self.make_receipt)
        self.receipt.saved.connect(self._receipt_saved)
        scroll = VerticalScrollArea(self.detail)  # the list gives way, the detail never clips
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_area())
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([680, 380])
        remember_splitter(self.splitter, "referrals")
        self.page_layout.addWidget(self.splitter, 1)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(200)  # arrowing through the list opens no file per row
        self._detail_timer.timeout.connect(self.load_detail)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.layoutChanged.connect(self._hidden_by_filter)
        self.update_counts()

    def _build_table(self) -> None:
        self.setup_list(ReferralsModel(self), ReferralFilter(self), "referralsTable")
        self.copy_action = copy_action_of(self.table)
        self.table.sortByColumn(ReferralsModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        self.size_columns()
        remember_header(self.table, "referrals")

    def _build_filters(self) -> None:
        self.new_action = QAction(self.tr("&Nieuwe aanmelding…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.open_new_form)
        self.addAction(self.new_action)  # Ctrl+N while this page is shown
        self.new_button = QPushButton(self.tr("&Nieuwe aanmelding…  (Ctrl+N)"))
        self.new_button.clicked.connect(self.open_new_form)
        self.filter_bar.addWidget(self.new_button)
        if self.is_leader:
            self._build_form_actions()
        self.filter_bar.addSpacing(12)
        self.add_search(self.tr("Zoeken op naam, school, aanbod…"), "referralSearch")
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Alle statussen"), None)
        self.status_filter.addItem(self.tr("Alle lopende"), OPEN)
        fill_combo(self.status_filter, ReferralStatus)
        self.school_filter = QComboBox()
        self.school_filter.addItem(self.tr("Alle scholen"), None)
        for combo in (self.status_filter, self.school_filter):
            combo.setMinimumContentsLength(12)  # long names are elided, the row fits 1280 px
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.year_filter = QComboBox()
        self.year_filter.addItem(self.tr("Alle schooljaren"), None)
        current = SchoolYear.of(self.ctx.today()).start_year
        for year in range(current, current - 6, -1):
            self.year_filter.addItem(SchoolYear(year).label, year)
        self.add_filter(self.tr("S&tatus:"), self.status_filter)
        self.add_filter(self.tr("&School:"), self.school_filter)
        self.add_filter(self.tr("Schoo&ljaar:"), self.year_filter)

    def _build_form_actions(self) -> None:
        """The school's referral form (team leader): make one, read a filled one back."""
        self.from_form_action = QAction(self.tr("Aanmelding uit &formulier…"), self)
        self.from_form_action.triggered.connect(self.open_form_file)
        self.make_form_action = QAction(self.tr("Aanmeldingsformulier &maken…"), self)
        self.make_form_action.triggered.connect(self.open_make_form)
        menu = QMenu(self)
        menu.addAction(self.from_form_action)
        menu.addAction(self.make_form_action)
        self.form_button = QPushButton(self.tr("F&ormulier"))
        self.form_button.setMenu(menu)
        self.form_button.setToolTip(
            self.tr("Of sleep een ingevuld pdf-formulier van een school op de lijst.")
        )
        self.filter_bar.addWidget(self.form_button)
        self.drop = PdfDrop(self.table.viewport())
        self.drop.dropped.connect(self.read_forms)

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.call(intake.list_referrals, on_success=self._loaded_rows)  # first: the list
        if not self._lookups_asked:  # once: the school filter and the names in the history
            self._lookups_asked = True
            self.ctx.call(reference.list_schools, on_success=self._schools_loaded)
            self.ctx.call_vault(
                accounts.list_users, include_removed=True, on_success=self._users_loaded
            )

    def _loaded_rows(self, rows: list[ReferralSummary]) -> None:
        self.rows_loaded(rows)
        self.model.prepare_texts_soon()  # once shown, so the first keystroke is quick too
        if self._select_after_load:
            self.select_referral(self._select_after_load)
            self._select_after_load = None

    def _schools_loaded(self, schools: list[Any]) -> None:
        self.schools = schools
        for school in schools:
            self.school_filter.addItem(school.name, school.id)

    def _users_loaded(self, users: list[Any]) -> None:
        self.users = users
        self.detail.history_model.user_names = {u.id: u.full_name or u.login for u in users}

    # --- filters --------------------------------------------------------------------------
    def apply_filters(self) -> None:
        super().apply_filters()
        status = self.status_filter.currentData()
        if status == OPEN:
            statuses: frozenset[str] | None = frozenset(s.value for s in OPEN_STATUSES)
        else:
            statuses = frozenset({status}) if status else None
        self.proxy.set_filters(
            statuses=statuses,
            school_id=self.school_filter.currentData(),
            school_year=self.year_filter.currentData(),
            search=self.search_text(),
        )
        self.update_counts()

    def count_texts(self) -> tuple[str, str, str, str, str]:
        return (
            self.tr("%1 aanmeldingen"),
            self.tr("%1 van %2 aanmeldingen"),
            self.tr("De aanmeldingen worden geladen…"),
            self.tr(
                "Nog geen aanmeldingen. Kies 'Nieuwe aanmelding…' (Ctrl+N) om de eerste in te "
                "voeren."
            ),
            self.tr("Geen aanmeldingen voor deze zoekopdracht of filter."),
        )

    # --- selection and detail -------------------------------------------------------------
    def selected_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return cast(str, self.proxy.data(index, ID_ROLE))

    def select_referral(self, referral_id: str) -> bool:
        row = self.model.row_of(referral_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by a filter: clear the filters to show it
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        self.table.setCurrentIndex(index)
        return True

    def _hidden_by_filter(self) -> None:
        """A filter hid the selected referral: its detail goes too (no other file opens)."""
        if self.detail.detail is not None and self.selected_id() is None:
            self._detail_timer.stop()
            self.detail.show_detail(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.show_detail(None)
            return
        self._detail_timer.start()

    def load_detail(self) -> None:
        referral_id = self.selected_id()
        if referral_id is None:
            self.detail.show_detail(None)
            return
        self.ctx.call(intake.get_referral, referral_id, on_success=self._detail_loaded)

    def _detail_loaded(self, detail: ReferralDetail) -> None:
        if detail.summary.id != self.selected_id():
            return  # the user moved on meanwhile
        self.model.upsert(detail.summary)
        self.detail.show_detail(detail)

    # --- new referral ---------------------------------------------------------------------
    def open_new_form(self) -> ReferralFormDialog:
        if self.form is not None:
            self.form.raise_()
            self.form.activateWindow()
            return self.form
        self.form = ReferralFormDialog(self.ctx, self.schools, self.ctx.today(), self)
        self.form.submitted.connect(self._register)
        self.form.open_existing.connect(self._open_existing)
        self.form.finished.connect(self._form_closed)
        self.form.open()
        return self.form

    def _register(self, data: intake.ReferralInput, confirm_duplicate: bool) -> None:
        """Registers the referral and takes the form's next step in the same unit of work; one
        read from a school's form is registered the same way, the audit noting the form."""
        assert self.form is not None
        assign_now = self.form.assign_now()
        service: Callable[..., ReferralSummary] = intake.register_referral
        extra: tuple[str, ...] = ()
        if self._form_source is not None:
            from amo_desktop.services import referral_form  # loaded by read_form already

            service, extra = referral_form.register_form, (self._form_source,)
        self.ctx.call(
            service,
            data,
            *extra,
            confirm_duplicate=confirm_duplicate,
            today=self.ctx.today(),
            next_status=self.form.next_status(),
            on_success=lambda summary: self._registered(summary, assign_now),
            on_failure=self._register_failed,
        )

    def _registered(self, summary: ReferralSummary, assign_now: bool = False) -> None:
        self.ctx.status(fill(self.tr("Aanmelding van %1 opgeslagen."), summary.subject_label))
        self.model.upsert(summary)
        if self.form is not None:
            self.form.saved()
        self.select_referral(summary.id)
        self.load_detail()
        if assign_now:  # on the waiting list now; the team leader chooses the coach
            self._open_assign_for(summary.id, summary.subject_label)
        else:  # the school asks first how long it will take
            self.receipt.offer(summary.id)

    def make_receipt(self) -> None:
        if self.detail.detail is not None:
            self.receipt.make(self.detail.detail.summary.id)

    def _receipt_saved(self, referral_id: str, text: str) -> None:
        self.detail.receipt_saved(referral_id, text)

    def _register_failed(self, exc: BaseException) -> None:
        """A field's error goes beside the field, with the form open; others to ctx.fail."""
        if self.form is None or not self.form.show_error(exc):
            self.ctx.fail(exc)

    def _open_existing(self, referral_id: str) -> None:
        if self.form is not None:
            self.form.discard()
        if not self.select_referral(referral_id):
            self._select_after_load = referral_id
            self.reload()
        self.load_detail()

    def _form_closed(self) -> None:
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        self._form_source = None
        self.table.setFocus()
        self._next_form()

    # --- the school's referral form (team leader) -----------------------------------------
    def open_form_file(self) -> None:
        path = open_file(
            self.ctx,
            self,
            self.tr("Ingevuld aanmeldingsformulier kiezen"),
            self.tr("Pdf-formulier (*.pdf)"),
        )
        if path is not None:
            self.read_forms([path])

    def read_forms(self, paths: list[Path]) -> None:
        """Each form is read and shown in the intake form, the next when that one closes."""
        if not self.is_leader:
            return
        self._form_queue.extend(paths)
        self._next_form()

    def _next_form(self) -> None:
        if self.form is not None or self._reading_form or not self._form_queue:
            return
        path = self._form_queue.pop(0)
        self._reading_form = True
        from amo_desktop.services import referral_form  # pypdf and ReportLab: only for a form

        self.ctx.call_vault(
            referral_form.read_form,
            path,
            self.ctx.today(),
            on_success=lambda reading: self._preview(path, reading),
            on_failure=lambda exc: self._form_refused(path, exc),
        )

    def _form_refused(self, path: Path, exc: BaseException) -> None:
        """A form that cannot be read is one line; the next dropped form still comes."""
        self._reading_form = False
        if not isinstance(exc, KnownError):
            self.ctx.fail(exc)
            return
        title = fill(self.tr("%1 niet ingelezen"), path.name)
        self.ctx.prompts.error(self, title, exc.message(self.ctx.lang))
        self._next_form()

    def _preview(self, path: Path, reading: FormReading) -> None:
        self._reading_form = False
        if self.form is not None:  # the user opened the intake form meanwhile: wait for it
            self._form_queue.insert(0, path)
            return
        form = self.open_new_form()
        self._form_source = reading.form_id
        prefill(form, reading, path.name, self.ctx.lang)

    def open_make_form(self) -> MakeFormDialog:
        return make_referral_form(self.ctx, self, self.schools)

    # --- transitions ----------------------------------------------------------------------
    def open_transition(self, target: str) -> TransitionDialog | None:
        detail = self.detail.detail
        if detail is None:
            return None
        dialog = TransitionDialog(self.ctx, detail.summary.status, target, self.ctx.today(), self)
        referral_id = detail.summary.id
        dialog.submitted.connect(lambda values: self._transition(referral_id, values))
        dialog.finished.connect(dialog.deleteLater)
        self.transition_dialog = dialog
        dialog.open()
        return dialog

    def _transition(self, referral_id: str, values: dict[str, Any]) -> None:
        self.ctx.call(
            intake.transition_referral,
            referral_id,
            values["to_status"],
            reason=values["reason"],
            on=values["on"],
            no_start_reason=values["no_start_reason"],
            on_success=self._transitioned,
            on_failure=self._transition_failed,
        )

    def _transitioned(self, summary: ReferralSummary) -> None:
        status = label_of(ReferralStatus, summary.status)
        self.ctx.status(
            fill(self.tr("Status van %1 gewijzigd in '%2'."), summary.subject_label, status)
        )
        self.model.upsert(summary)
        if self.transition_dialog is not None:
            self.transition_dialog.accept()
            self.transition_dialog = None
        self.load_detail()

    def _transition_failed(self, exc: BaseException) -> None:
        dialog = self.transition_dialog
        if dialog is None or not dialog.show_error(exc):
            self.ctx.fail(exc)

    # --- assigning (team leader) ----------------------------------------------------------
    def open_assign(self) -> AssignDialog | None:
        detail = self.detail.detail
        if detail is None or not self.is_leader:
            return None
        return self._open_assign_for(detail.summary.id, detail.summary.subject_label)

    def _open_assign_for(self, referral_id: str, subject: str) -> AssignDialog:
        dialog = AssignDialog(self.ctx, referral_id, subject, self, today=self.ctx.today())
        dialog.set_users(self.users)
        dialog.assigned.connect(lambda _info: self._after_assign(referral_id))
        dialog.finished.connect(dialog.deleteLater)
        self.assign_dialog = dialog
        dialog.open()
        return dialog

    def _after_assign(self, referral_id: str) -> None:
        self.assign_dialog = None
        self.reload()
        self.load_detail()
