"""Planning one session or a series and taking attendance: opened from Planning and from Trajecten."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import Attendance, ContactType, Location, SeriesFrequency
from amo_desktop.services import accounts, reference, scheduling, trajectories
from amo_desktop.services.scheduling import Planned, SessionInfo, SessionInput
from amo_desktop.ui.flows.service_form import ServiceFormDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors, ok_cancel
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import column, date_edit, date_of, fill_combo

ONCE = "eenmalig"


BUSY = "Bezet"


def _qtime(t: time) -> QTime:
    return QTime(t.hour, t.minute)


def time_of(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


def time_edit(t: time) -> QTimeEdit:
    edit = QTimeEdit(_qtime(t))
    edit.setDisplayFormat("HH:mm")
    return edit


def _dates(days: list[date]) -> str:
    return ", ".join(f"{d:%d/%m/%Y}" for d in days)


def warning_texts(warnings: list[scheduling.Warning]) -> list[str]:
    """The service's warnings in the user's language, each text once (a series repeats them)."""
    texts = []
    for warning in warnings:
        if warning.code == "double_booked":
            template = QCoreApplication.translate(
                "Planning", "De coach heeft op %1 om %2 al een contactmoment."
            )
            at = f"{warning.at:%H:%M}" if warning.at else ""
            texts.append(fill(template, f"{warning.on:%d/%m/%Y}", at))
        else:
            template = QCoreApplication.translate(
                "Planning", "%1 is een vrije dag voor deze school."
            )
            texts.append(fill(template, f"{warning.on:%d/%m/%Y}"))
    return list(dict.fromkeys(texts))


class SessionDialog(QDialog):
    """A session or a series. 'Inplannen' first shows what would happen (skipped holidays,
    conflicts); when there is something to confirm, 'Bevestigen' saves. Emits `planned`."""

    planned = Signal(object)  # Planned

    def __init__(
        self,
        ctx: AppContext,
        caseload: list[trajectories.TrajectoryInfo],
        schools: list[reference.SchoolInfo],
        users: list[accounts.UserInfo],
        on: date,
        start: time = time(9),
        trajectory_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.me = ctx.me
        self.is_leader = ctx.is_leader
        self.caseload = {t.id: t for t in caseload}
        self.confirming = False  # the preview is shown: OK saves
        self.saving = False
        self.setWindowTitle(self.tr("Contactmoment inplannen"))
        self._build_who(caseload, schools, users)
        self._build_when(on, start)
        self._build_form()
        self._build_buttons()
        self._connect()
        if trajectory_id is not None:
            self.trajectory.setCurrentIndex(self.trajectory.findData(trajectory_id))
        elif not caseload:
            self.kind.setCurrentIndex(1)
        self._kind_changed()
        self._repeat_changed()
        self.setMinimumWidth(520)

    def _build_who(
        self,
        caseload: list[trajectories.TrajectoryInfo],
        schools: list[reference.SchoolInfo],
        users: list[accounts.UserInfo],
    ) -> None:
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Een traject (jongere of klas)"), "trajectory")
        self.kind.addItem(self.tr("Een school (klas- of schoolniveau)"), "school")
        self.trajectory = QComboBox()
        self.trajectory.setPlaceholderText(self.tr("Kies het traject…"))
        school_names = {x.id: x.short_name or x.name for x in schools}
        for t in caseload:
            self.trajectory.addItem(
                f"{t.subject_label} – {school_names.get(t.school_id, '')}", t.id
            )
        self.school = QComboBox()
        self.school.setPlaceholderText(self.tr("Kies de school…"))
        for x in schools:
            self.school.addItem(x.name, x.id)
        self.coach = QComboBox()
        for user in users:
            if self.is_leader or user.id == self.me:
                self.coach.addItem(user.full_name or user.login, user.id)
        self.coach.setCurrentIndex(max(0, self.coach.findData(self.me)))
        self.coach.setEnabled(self.is_leader)

    def _build_when(self, on: date, start: time) -> None:
        self.on = date_edit(on)
        self.start = time_edit(start)
        self.duration = QSpinBox()
        self.duration.setRange(5, 600)
        self.duration.setSingleStep(5)
        self.duration.setValue(50)
        self.duration.setSuffix(self.tr(" min"))
        self.contact_type = QComboBox()
        fill_combo(self.contact_type, ContactType)
        self.location = QComboBox()
        fill_combo(self.location, Location, "school")
        self.repeat = QComboBox()
        self.repeat.addItem(self.tr("Eenmalig"), ONCE)
        fill_combo(self.repeat, SeriesFrequency)
        self.by_count = QRadioButton(self.tr("&Aantal keer:"))
        self.by_count.setChecked(True)
        self.by_until = QRadioButton(self.tr("Tot en &met:"))
        self.count = QSpinBox()
        self.count.setRange(1, 60)
        self.count.setValue(10)
        self.until = date_edit(on + timedelta(weeks=10))
        self.end_box = QWidget()
        end_row = QHBoxLayout(self.end_box)
        end_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.by_count, self.count, self.by_until, self.until):
            end_row.addWidget(widget)
        end_row.addStretch()

    def _build_form(self) -> None:
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Voor:"), "kind", self.kind)
        self.errors.add_row(form, self.tr("&Traject:"), "trajectory_id", self.trajectory)
        self.errors.add_row(form, self.tr("&School:"), "school_id", self.school)
        self.errors.add_row(form, self.tr("&Coach:"), "coach_id", self.coach)
        self.errors.add_row(form, self.tr("&Datum:"), "on", self.on)
        self.errors.add_row(form, self.tr("&Begin:"), "start", self.start)
        self.errors.add_row(form, self.tr("D&uur:"), "duration_min", self.duration)
        self.errors.add_row(form, self.tr("Soo&rt:"), "contact_type", self.contact_type)
        self.errors.add_row(form, self.tr("&Locatie:"), "location", self.location)
        self.errors.add_row(form, self.tr("&Herhalen:"), "frequency", self.repeat)
        self.errors.add_row(form, self.tr("Einde reeks:"), "count", self.end_box)
        self.form = form

    def _build_buttons(self) -> None:
        self.preview = QLabel()
        self.preview.setObjectName("planPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview_box = QGroupBox(self.tr("Controleer voor u bevestigt"))
        QVBoxLayout(self.preview_box).addWidget(self.preview)
        self.preview_box.hide()
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("&Inplannen"), self.tr("Annuleren"), self.submit
        )
        column(self, self.form, self.preview_box, self.general, self.buttons)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.repeat.currentIndexChanged.connect(self._repeat_changed)
        self.trajectory.currentIndexChanged.connect(self._trajectory_changed)
        self.by_count.toggled.connect(self._repeat_changed)
        for signal in (
            self.kind.currentIndexChanged,
            self.trajectory.currentIndexChanged,
            self.school.currentIndexChanged,
            self.coach.currentIndexChanged,
            self.on.dateChanged,
            self.start.timeChanged,
            self.duration.valueChanged,
            self.repeat.currentIndexChanged,
            self.count.valueChanged,
            self.until.dateChanged,
            self.by_count.toggled,
        ):
            signal.connect(self._edited)

    def _row_visible(self, widget: QWidget, visible: bool) -> None:
        self.form.setRowVisible(widget, visible)

    def _kind_changed(self) -> None:
        is_trajectory = self.kind.currentData() == "trajectory"
        self._row_visible(self.trajectory, is_trajectory)
        self._row_visible(self.school, not is_trajectory)

    def _repeat_changed(self) -> None:
        series = self.repeat.currentData() != ONCE
        self._row_visible(self.end_box, series)
        self.count.setEnabled(self.by_count.isChecked())
        self.until.setEnabled(self.by_until.isChecked())

    def _trajectory_changed(self) -> None:
        info = self.caseload.get(self.trajectory.currentData() or "")
        if info is None:
            return
        if self.is_leader:
            index = self.coach.findData(info.lead_coach_id)
            if index >= 0:
                self.coach.setCurrentIndex(index)
        if info.offer_type in ("klasbegeleiding", "naft_klas", "klasbakken"):
            self.contact_type.setCurrentIndex(self.contact_type.findData("klassessie"))

    def _edited(self) -> None:
        if self.confirming:
            self.confirming = False
            self.preview_box.hide()
            self.ok_button.setText(self.tr("&Inplannen"))

    def session_input(self) -> SessionInput:
        is_trajectory = self.kind.currentData() == "trajectory"
        return SessionInput(
            coach_id=self.coach.currentData() or "",
            on=date_of(self.on),
            start=time_of(self.start),
            duration_min=self.duration.value(),
            contact_type=self.contact_type.currentData(),
            location=self.location.currentData(),
            trajectory_id=self.trajectory.currentData() if is_trajectory else None,
            school_id=None if is_trajectory else self.school.currentData(),
        )

    def _call(self, run: Callable[..., None]) -> None:
        data = self.session_input()
        frequency = self.repeat.currentData()
        if frequency == ONCE:
            run(scheduling.plan_session, data, on_success=self._result, on_failure=self._failed)
        else:
            run(
                scheduling.plan_series,
                data,
                frequency,
                count=self.count.value() if self.by_count.isChecked() else None,
                until=None if self.by_count.isChecked() else date_of(self.until),
                on_success=self._result,
                on_failure=self._failed,
            )

    def submit(self) -> None:
        self.errors.clear()
        if self.kind.currentData() == "trajectory" and self.trajectory.currentData() is None:
            self.errors.show("trajectory_id", self.tr("Kies het traject."))
            return
        if self.kind.currentData() == "school" and self.school.currentData() is None:
            self.errors.show("school_id", self.tr("Kies de school."))
            return
        self.ok_button.setEnabled(False)
        if self.confirming:
            self._save()
        else:
            self._call(lambda *a, **k: dry_run(self.ctx, *a, **k))

    def _save(self) -> None:
        self.saving = True
        self._call(self.ctx.call)

    def _result(self, planned: Planned) -> None:
        if self.saving:
            self.ctx.status(fill(self.tr("%1 contactmoment(en) ingepland."), len(planned.sessions)))
            self.planned.emit(planned)
            self.accept()
            return
        if not planned.skipped and not planned.warnings:
            self._save()  # nothing to confirm: save straight away
            return
        self.ok_button.setEnabled(True)
        self.show_preview(planned)

    def show_preview(self, planned: Planned) -> None:
        parts = [
            fill(
                self.tr("Er worden <b>%1</b> contactmomenten ingepland: %2."),
                len(planned.sessions),
                _dates([x.on for x in planned.sessions]),
            )
        ]
        if planned.skipped:
            parts.append(
                fill(self.tr("Overgeslagen (vakantie of vrije dag): %1."), _dates(planned.skipped))
            )
        for text in warning_texts(planned.warnings):
            parts.append("⚠ " + text)
        self.preview.setText("<br>".join(parts))
        self.preview_box.show()
        self.confirming = True
        self.ok_button.setText(self.tr("&Bevestigen"))
        self.ok_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.confirming = self.saving = False
        self.preview_box.hide()
        self.ok_button.setText(self.tr("&Inplannen"))
        if not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)


class ScopeBox(QGroupBox):
    """'Only this one' or 'this one and the following ones of the series'."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.only_this = QRadioButton(self.tr("Alleen &dit contactmoment"))
        self.rest = QRadioButton(self.tr("Dit en de &volgende van de reeks"))
        self.only_this.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.only_this)
        group.addButton(self.rest)
        column(self, self.only_this, self.rest)

    def rest_of_series(self) -> bool:
        return self.rest.isChecked()


class AttendanceDialog(ServiceFormDialog):
    """Who came: a code, and for a class or group how many were present. Emits
    `done_with(SessionInfo)` once saved."""

    def __init__(self, ctx: AppContext, info: SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.info = info
        self.describe(
            self.tr("Aanwezigheid"),
            self.tr("&Opslaan"),
            fill(
                self.tr("<b>%1</b> op %2 om %3."),
                info.label,
                f"{info.on:%d/%m/%Y}",
                f"{info.start:%H:%M}",
            ),
        )
        self.attendance = QComboBox()
        fill_combo(self.attendance, Attendance, info.attendance or "aanwezig")
        self.count_check = QCheckBox(self.tr("Aantal &aanwezigen:"))
        self.present = QSpinBox()
        self.present.setRange(0, 60)
        group = info.class_group_id is not None or info.contact_type in (
            "klassessie",
            "groepssessie",
        )
        self.count_check.setChecked(group or info.present_count is not None)
        self.present.setValue(info.present_count or 0)
        self.present.setEnabled(self.count_check.isChecked())
        self.count_check.toggled.connect(self.present.setEnabled)
        self.add("attendance", self.tr("&Aanwezigheid:"), self.attendance)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.count_check)
        row_layout.addWidget(self.present)
        row_layout.addStretch()
        self.errors.add_row(self.form, "", "present_count", row)
        self.buttons_last(self.present)

    def submit(self, _values: dict[str, Any]) -> None:
        self.run(
            scheduling.record_attendance,
            self.info.id,
            self.attendance.currentData(),
            self.present.value() if self.count_check.isChecked() else None,
            said=self.tr("Aanwezigheid opgeslagen."),
        )


def _rolled_back(
    s: Any, caller: Any, service: Callable[..., Any], *args: Any, **kwargs: Any
) -> Any:
    try:
        return service(s, caller, *args, **kwargs)
    finally:
        s.rollback()


def dry_run(
    ctx: AppContext,
    service: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    **kwargs: Any,
) -> None:
    """Runs a service in a unit of work that is rolled back: what it would do, nothing saved."""
    ctx.call(_rolled_back, service, *args, on_success=on_success, on_failure=on_failure, **kwargs)
