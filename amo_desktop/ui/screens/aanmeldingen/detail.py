"""The selected referral on Aanmeldingen: its fields, its history and the steps it allows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from amo_desktop.domain.enums import (
    Function,
    NoStartReason,
    OfferType,
    PreventionLevel,
    ReferralReason,
    ReferralStatus,
    Urgency,
)
from amo_desktop.services.intake import ReferralDetail
from amo_desktop.ui.kit.flow import FlowLayout
from amo_desktop.ui.kit.tables import sorted_table
from amo_desktop.ui.kit.widgets import column, format_date, hint, label_of
from amo_desktop.ui.screens.aanmeldingen.models import HistoryModel

# Statuses that belong to another screen: assigning starts a trajectory (Wachtlijst), starting
# and closing are done on the trajectory (Trajecten). The detail does not offer them directly.
_VIA_TRAJECTORY = {ReferralStatus.GESTART.value, ReferralStatus.AFGESLOTEN.value}


class ReferralDetailPanel(QWidget):
    """The selected referral: its fields, history and the next steps it allows.

    Emits `transition_requested(target)` for a status button, `assign_requested()` for
    'Toewijzen aan coach…' (team leader only) and `receipt_requested()` for the school's receipt.
    """

    transition_requested = Signal(str)
    assign_requested = Signal()
    receipt_requested = Signal()

    def __init__(self, can_assign: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.can_assign = can_assign
        self.detail: ReferralDetail | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = hint(self.tr("Kies een aanmelding in de lijst om ze hier te zien."))
        self._build_fields()
        self._build_history()
        self._build_buttons()
        self._build_receipt()
        history_title = QLabel(self.tr("Geschiedenis"))
        history_title.setStyleSheet("font-weight: bold;")
        self.history.setAccessibleName(history_title.text())
        self.body = QWidget()
        body = column(
            self.body,
            self.heading,
            self.fields,
            self.receipt_row,
            self.buttons_box,
            self.buttons_hint,
            history_title,
        )
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.history, 1)
        column(self, self.empty).addWidget(self.body, 1)
        self.show_detail(None)

    def _build_fields(self) -> None:
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, caption in self._captions():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"detail_{key}")
            self.values[key] = value
            self.fields.addRow(caption, value)

    def _build_history(self) -> None:
        self.history_model = HistoryModel(self)
        self.history, _proxy = sorted_table(
            self.history_model, "historyTable", HistoryModel.COL_REASON
        )
        self.history.setSortingEnabled(False)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setMinimumHeight(120)

    def _build_buttons(self) -> None:
        self.buttons_box = QGroupBox(self.tr("Volgende stap"))
        self.buttons_row = FlowLayout(self.buttons_box)  # wraps in a narrow pane
        self.buttons_hint = hint("")
        self.status_buttons: dict[str, QPushButton] = {}
        self.assign_button = QPushButton(self.tr("Toe&wijzen aan coach…"))
        self.assign_button.clicked.connect(self.assign_requested)

    def _build_receipt(self) -> None:
        """'Ontvangstbevestiging…' for the school, with what became of the last one beside it."""
        self.receipt_row = QWidget()
        row = QHBoxLayout(self.receipt_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.receipt_button = QPushButton(self.tr("Ontvangstbe&vestiging…"))
        self.receipt_button.setToolTip(
            self.tr("Een bevestiging voor de school, met de verwachte wachttijd (PDF)")
        )
        self.receipt_button.clicked.connect(self.receipt_requested)
        self.receipt_note = hint("")
        self._note_for: str | None = None
        row.addWidget(self.receipt_button)
        row.addWidget(self.receipt_note, 1)

    def receipt_saved(self, referral_id: str, text: str) -> None:
        self._note_for = referral_id
        self.receipt_note.setText(text)

    def _captions(self) -> list[tuple[str, str]]:
        return [
            ("received", self.tr("Ontvangen:")),
            ("school", self.tr("School:")),
            ("status", self.tr("Status:")),
            ("offer", self.tr("Aanbod:")),
            ("prevention", self.tr("Preventieniveau:")),
            ("urgency", self.tr("Urgentie:")),
            ("reasons", self.tr("Redenen:")),
            ("question", self.tr("Hulpvraag:")),
            ("referrer", self.tr("Aanmelder:")),
            ("dates", self.tr("Verloop:")),
        ]

    def show_detail(self, detail: ReferralDetail | None) -> None:
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            self.history_model.set_records([])
            self._set_buttons([])
            return
        r = detail.summary
        if r.id != self._note_for:
            self.receipt_note.setText("")
        self.heading.setText(r.subject_label)
        referrer = detail.referrer_name or self.tr("(geen naam)")
        referrer += f" – {label_of(Function, detail.referrer_function)}"
        if detail.via_clb:
            referrer += self.tr(", via het CLB")
        dates = [
            (self.tr("intake"), detail.intake_on),
            (self.tr("wachtlijst sinds"), detail.waitlist_since),
            (self.tr("start"), detail.start_on),
        ]
        steps = ", ".join(f"{name} {format_date(day)}" for name, day in dates if day)
        status = label_of(ReferralStatus, r.status)
        if detail.no_start_reason:
            status += f" ({label_of(NoStartReason, detail.no_start_reason)})"
        texts = {
            "received": format_date(r.received_on),
            "school": r.school_name,
            "status": status,
            "offer": label_of(OfferType, r.offer_type),
            "prevention": label_of(PreventionLevel, detail.prevention_level),
            "urgency": label_of(Urgency, r.urgency),
            "reasons": "; ".join(label_of(ReferralReason, x) for x in detail.reasons),
            "question": detail.help_question,
            "referrer": referrer,
            "dates": steps or "—",
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.history_model.set_records(detail.history)
        self._set_buttons(detail.allowed_next)

    def _set_buttons(self, allowed: list[str]) -> None:
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.assign_button:
                widget.deleteLater()
        self.status_buttons.clear()
        ordered = [s.value for s in ReferralStatus if s.value in allowed]
        hints = []
        for target in ordered:
            if target in _VIA_TRAJECTORY:
                hints.append(self.tr("Starten en afsluiten doet u bij Trajecten."))
                continue
            if target == ReferralStatus.TOEGEWEZEN.value:
                if self.can_assign:
                    self.buttons_row.addWidget(self.assign_button)
                else:
                    hints.append(self.tr("Toewijzen aan een coach doet de teamverantwoordelijke."))
                continue
            button = QPushButton(label_of(ReferralStatus, target) + "…")
            button.setObjectName(f"to_{target}")
            button.clicked.connect(lambda _=False, t=target: self.transition_requested.emit(t))
            self.status_buttons[target] = button
            self.buttons_row.addWidget(button)
        self.assign_button.setVisible(
            self.can_assign and ReferralStatus.TOEGEWEZEN.value in ordered
        )
        self.buttons_row.addStretch()
        self.buttons_box.setVisible(
            bool(self.status_buttons) or self.assign_button.isVisibleTo(self)
        )
        if not ordered:
            hints.append(self.tr("Deze aanmelding is afgerond: er volgt geen stap meer."))
        self.buttons_hint.setText(" ".join(dict.fromkeys(hints)))
        self.buttons_hint.setVisible(bool(hints))
