"""Planning: a coach's or the team's week, planning sessions and series, moving, cancelling,
attendance, and exporting to Outlook (.ics).

Every read and change is a service call on the DB worker. Planning a session or a series, and
moving one, first runs the same service in a unit of work that is rolled back ("dry run"), so
the user sees the skipped holidays and the conflicts before anything is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import Attendance, ContactType
from amo_desktop.services import accounts, calendar_export, reference, scheduling, trajectories
from amo_desktop.services.calendar_export import CalendarRequest
from amo_desktop.services.scheduling import Planned, SessionInfo, WeekPlan
from amo_desktop.ui.flows.note_editor import NoteEditor, open_note_editor
from amo_desktop.ui.flows.sessions import BUSY, AttendanceDialog, SessionDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.flow import FlowLayout, together
from amo_desktop.ui.kit.forms import labelled
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import TITLE_STYLE, hint
from amo_desktop.ui.screens.planning.dialogs import CancelScopeDialog, MoveDialog
from amo_desktop.ui.screens.planning.export import ExportDialog
from amo_desktop.ui.screens.planning.week_view import WeekView


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class PlanningPage(QWidget):
    """The week grid with its navigation, the view chooser and the actions on a session."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.me = ctx.me
        self.is_leader = ctx.is_leader
        self.monday = monday_of(ctx.today())
        self.users: list[accounts.UserInfo] = []
        self.schools: list[reference.SchoolInfo] = []
        self.caseload: list[trajectories.TrajectoryInfo] = []
        self.dialog: QDialog | None = None
        self.note_editor: NoteEditor | None = None
        self._request = 0
        self._loaded = False
        self._build_actions()
        self._build_view()
        self._build_layout()
        self._connect()
        self._selection_changed(None)
        self._update_week_label()
        ctx.call_vault(accounts.list_users, on_success=self._users_loaded)
        ctx.call(reference.list_schools, on_success=self._schools_loaded)
        self.reload_caseload()
        self.reload()

    # --- building -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.prev_action = self._action(self.tr("◀ &Vorige week"), self.previous_week, "PgUp")
        self.today_action = self._action(self.tr("V&andaag"), self.this_week, "Home")
        self.next_action = self._action(self.tr("Volgende &week ▶"), self.next_week, "PgDown")
        self.new_action = self._action(
            self.tr("&Nieuw contactmoment…"), self.open_new, QKeySequence.StandardKey.New
        )
        self.export_action = self._action(
            self.tr("&Exporteren (.ics)…"), self.open_export, "Ctrl+E"
        )
        self.move_action = self._action(self.tr("Ver&plaatsen…"), self.open_move, "F2")
        self.cancel_action = self._action(
            self.tr("Ann&uleren…"), self.cancel_selected, QKeySequence.StandardKey.Delete
        )
        self.attendance_action = self._action(
            self.tr("Aanwe&zigheid…"), self.open_attendance, "Ctrl+K"
        )
        self.note_action = self._action(self.tr("Ve&rslag…"), self.open_note, "Ctrl+R")
        self.session_actions = (
            self.move_action,
            self.cancel_action,
            self.attendance_action,
            self.note_action,
        )

    def _build_view(self) -> None:
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        self.week_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.view = QComboBox()
        self.view.setObjectName("planningView")
        self.view.addItem(self.tr("Mijn week"), "me")
        self.view.addItem(self.tr("Het hele team"), "team")
        self.view.setMinimumContentsLength(16)
        self.weekend = QCheckBox(self.tr("Wee&kend"))

    def _build_week(self) -> None:
        """After the buttons, so that Tab goes through them before the grid."""
        self.week = WeekView()
        self.week.is_editable = self.is_editable
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setWidget(self.week)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        self.hint = hint(name="planningHint")

    def _build_layout(self) -> None:
        title = QLabel(self.tr("Planning"))
        title.setStyleSheet(TITLE_STYLE)
        nav = FlowLayout()  # both rows wrap on a narrow screen
        for action in (self.prev_action, self.today_action, self.next_action):
            nav.addWidget(self._button(action))
        nav.addSpacing(8)
        nav.addWidget(self.week_label, 1)
        nav.addWidget(together(labelled(self.tr("&Toon:"), self.view), self.view))
        nav.addWidget(self.weekend)
        actions = FlowLayout()
        for action in (self.new_action, *self.session_actions):
            actions.addWidget(self._button(action))
        actions.addStretch()
        actions.addWidget(self._button(self.export_action))
        self._build_week()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(nav)
        layout.addLayout(actions)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.selection_label)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.week)

    def _connect(self) -> None:
        self.view.currentIndexChanged.connect(self.reload)
        self.weekend.toggled.connect(self.week.set_show_weekend)
        self.week.selection_changed.connect(self._selection_changed)
        self.week.session_activated.connect(lambda _info: self.open_note())
        self.week.slot_activated.connect(self.open_new_at)
        self.week.move_requested.connect(self.open_move_to)
        self.week.context_requested.connect(self._context_menu)

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        if not action.shortcut().isEmpty():
            button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        button.setEnabled(action.isEnabled())
        return button

    # --- loading --------------------------------------------------------------------------
    def coach_filter(self) -> str | None:
        choice = self.view.currentData()
        if choice == "me":
            return self.me
        if choice == "team":
            return None
        return str(choice)

    def reload(self) -> None:
        self._request += 1
        request = self._request
        self.week.show_coach = self.coach_filter() != self.me
        self.ctx.call(
            scheduling.week_plan,
            self.monday,
            self.coach_filter(),
            on_success=lambda data: self._week_loaded(request, data),
        )

    def _week_loaded(self, request: int, data: WeekPlan) -> None:
        if request != self._request:
            return  # the user already went on to another week or view
        self._loaded = True
        self.week.set_week(data.monday, data.sessions, data.days_off, self.ctx.today())
        if not self.weekend.isChecked() and any(x.on.weekday() >= 5 for x in data.sessions):
            self.weekend.setChecked(True)
        self._update_hint(data)

    def reload_caseload(self) -> None:
        self.ctx.call(trajectories.my_caseload, on_success=self._caseload_loaded)

    def _caseload_loaded(self, caseload: list[trajectories.TrajectoryInfo]) -> None:
        self.caseload = caseload

    def _users_loaded(self, users: list[accounts.UserInfo]) -> None:
        self.users = users
        self.week.coach_names = {u.id: u.full_name or u.login for u in users}
        for user in users:
            if user.id != self.me and self.view.findData(user.id) < 0:
                self.view.addItem(user.full_name or user.login, user.id)
        self.week.update()

    def _schools_loaded(self, schools: list[reference.SchoolInfo]) -> None:
        self.schools = schools

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded:
            self.reload()
            self.reload_caseload()

    def _update_week_label(self) -> None:
        last = self.monday + timedelta(days=4)
        number = self.monday.isocalendar().week
        self.week_label.setText(
            fill(
                self.tr("Week %1 · %2 – %3"), number, f"{self.monday:%d/%m/%Y}", f"{last:%d/%m/%Y}"
            )
        )

    def _update_hint(self, data: WeekPlan) -> None:
        texts = []
        if not data.sessions:
            texts.append(
                self.tr(
                    "Geen contactmomenten deze week. Dubbelklik op een uur of kies "
                    "'Nieuw contactmoment…' (Ctrl+N)."
                )
            )
        if not self.is_leader and self.coach_filter() != self.me:
            texts.append(
                self.tr("Afspraken van collega's staan als 'Bezet', zonder jongere of school.")
            )
        self.hint.setText(" ".join(texts))
        self.hint.setVisible(bool(texts))

    # --- navigation -----------------------------------------------------------------------
    def go_to(self, day: date) -> None:
        self.monday = monday_of(day)
        self._update_week_label()
        self.reload()

    def previous_week(self) -> None:
        self.go_to(self.monday - timedelta(days=7))

    def next_week(self) -> None:
        self.go_to(self.monday + timedelta(days=7))

    def this_week(self) -> None:
        self.go_to(self.ctx.today())

    # --- selection ------------------------------------------------------------------------
    def is_editable(self, info: SessionInfo) -> bool:
        return self.is_leader or info.coach_id == self.me or info.label != BUSY

    def selected(self) -> SessionInfo | None:
        return self.week.selected()

    def _selection_changed(self, info: SessionInfo | None) -> None:
        editable = info is not None and self.is_editable(info)
        active = editable and info is not None and not info.cancelled
        self.move_action.setEnabled(active)
        self.cancel_action.setEnabled(active)
        self.attendance_action.setEnabled(editable)
        self.note_action.setEnabled(editable)
        if info is None:
            self.selection_label.setText(
                self.tr("Kies een contactmoment (klik, of pijltjestoetsen in het rooster).")
            )
            return
        text = f"{info.on:%d/%m/%Y} {info.start:%H:%M}–{info.end:%H:%M} · {info.label}"
        if info.label != BUSY:
            text += f" · {ContactType(info.contact_type).label}"
        if info.cancelled:
            text += " · " + self.tr("geannuleerd")
        elif info.attendance:
            text += f" · {Attendance(info.attendance).label}"
        if info.series_id:
            text += " · " + self.tr("reeks")
        self.selection_label.setText(text)

    def _context_menu(self, position: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        for action in self.session_actions:
            menu.addAction(action)
        menu.popup(position)

    # --- planning -------------------------------------------------------------------------
    def _show_dialog(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.week.setFocus()

    def open_new(self) -> SessionDialog:
        day = self.ctx.today() if monday_of(self.ctx.today()) == self.monday else self.monday
        return self.open_new_at(day, time(9))

    def open_new_at(self, on: date, start: time, trajectory_id: str | None = None) -> SessionDialog:
        dialog = SessionDialog(
            self.ctx, self.caseload, self.schools, self.users, on, start, trajectory_id, self
        )
        dialog.planned.connect(self._planned)
        self._show_dialog(dialog)
        return dialog

    def _planned(self, planned: Planned) -> None:
        if planned.sessions:
            first = planned.sessions[0]
            if monday_of(first.on) != self.monday:
                self.monday = monday_of(first.on)
                self._update_week_label()
            self.week.select_session(first.id)
        self.reload()

    def open_move(self) -> MoveDialog | None:
        info = self.selected()
        if info is None or not self.is_editable(info) or info.cancelled:
            return None
        return self.open_move_to(info, None, None)

    def open_move_to(
        self, info: SessionInfo, on: date | None, start: time | None
    ) -> MoveDialog | None:
        if info.cancelled or not self.is_editable(info):
            return None
        dialog = MoveDialog(self.ctx, info, on, start, self)
        dialog.moved.connect(lambda _p: self.reload())
        self._show_dialog(dialog)
        return dialog

    def cancel_selected(self, rest_of_series: bool | None = None) -> None:
        info = self.selected()
        if info is None or info.cancelled or not self.is_editable(info):
            return
        if rest_of_series is None and info.series_id is not None:
            dialog = CancelScopeDialog(info, self)
            dialog.accepted.connect(lambda: self.cancel_selected(dialog.scope.rest_of_series()))
            self._show_dialog(dialog)
            return
        if rest_of_series:
            text = self.tr(
                "%1 op %2 en alle volgende contactmomenten van deze reeks annuleren?\n\n"
                "Ze blijven zichtbaar als geannuleerd."
            )
        else:
            text = self.tr(
                "%1 op %2 annuleren?\n\nHet contactmoment blijft zichtbaar als geannuleerd."
            )
        text = fill(text, info.label, f"{info.on:%d/%m/%Y} {info.start:%H:%M}")
        if not self.ctx.prompts.confirm(
            self, self.tr("Contactmoment annuleren"), text, self.tr("Contactmoment &annuleren")
        ):
            return
        self.ctx.call(
            scheduling.cancel_session,
            info.id,
            rest_of_series=bool(rest_of_series),
            on_success=self._cancelled,
        )

    def _cancelled(self, ids: list[str]) -> None:
        self.ctx.status(fill(self.tr("%1 contactmoment(en) geannuleerd."), len(ids)))
        self.reload()

    def open_attendance(self) -> AttendanceDialog | None:
        info = self.selected()
        if info is None or not self.is_editable(info):
            return None
        dialog = AttendanceDialog(self.ctx, info, self)
        dialog.done_with.connect(lambda _i: self.reload())
        self._show_dialog(dialog)
        return dialog

    def open_note(self) -> NoteEditor | None:
        info = self.selected()
        if info is None or not self.is_editable(info):
            return None
        self.note_editor = open_note_editor(self.ctx, info, self)
        return self.note_editor

    # --- export ---------------------------------------------------------------------------
    def open_export(self) -> ExportDialog:
        last = self.monday + timedelta(days=6 if self.weekend.isChecked() else 4)
        dialog = ExportDialog(self.ctx, self.monday, last, self)
        dialog.accepted.connect(
            lambda: self.export(*dialog.period(), dialog.with_names.isChecked())
        )
        self._show_dialog(dialog)
        return dialog

    def export(self, first: date, last: date, with_names: bool = False) -> None:
        suggested = Path.home() / f"AMO-planning-{first:%Y-%m-%d}.ics"
        path = self.ctx.prompts.save_file(
            self,
            self.tr("Planning exporteren"),
            suggested,
            self.tr("Agenda (*.ics)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        schools = {x.id: x.short_name or x.name for x in self.schools}
        coach_id = self.coach_filter()
        coaches = dict(self.week.coach_names) if coach_id != self.me else None
        self.ctx.call(
            calendar_export.export_calendar,
            CalendarRequest(path, first, last, coach_id, schools, coaches, with_names),
            self.ctx.vault.data_dir,
            on_success=lambda count: self._exported(path, count),
            on_failure=self._export_failed,
        )

    def _exported(self, path: Path, count: int) -> None:
        self.ctx.status(fill(self.tr("Planning geëxporteerd naar %1."), path))
        self.ctx.prompts.info(
            self,
            self.tr("Planning geëxporteerd"),
            fill(
                self.tr(
                    "%1 contactmomenten staan in\n%2\n\n"
                    "Open het bestand in Outlook om ze te importeren."
                ),
                count,
                path,
            ),
        )

    def _export_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, OSError):
            self.ctx.fail(exc)
            return
        self.ctx.prompts.error(
            self,
            self.tr("Niet geëxporteerd"),
            fill(self.tr("Het bestand kon niet geschreven worden: %1"), exc),
        )
