"""Beheer > Bewaartermijnen (SECURITY.md R22): the rule per offer type, editable, and the files
whose term has passed, anonymised only after a confirmation that says it cannot be undone."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import OfferType
from amo_desktop.services import retention
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FieldErrors, show_failure
from amo_desktop.ui.kit.tables import OBJECT_ROLE, Column, RecordsModel, selected_record, table_view
from amo_desktop.ui.kit.widgets import format_date, heading, hint, label_of

RULE_LIMITS = {retention.UNTIL_AGE: (18, 100), retention.YEARS_AFTER_CLOSURE: (0, 50)}


def rule_text(rule: str, value: int) -> str:
    if rule == retention.UNTIL_AGE:
        return QCoreApplication.translate("Admin", "tot de jongere %1 jaar is").replace(
            "%1", str(value)
        )
    return QCoreApplication.translate("Admin", "%1 jaar na het afsluiten").replace("%1", str(value))


def due_rule_text(rule: str) -> str:
    """'individuele_begeleiding:years_after_closure:5' in words."""
    offer, _, rest = rule.partition(":")
    kind, _, value = rest.partition(":")
    words = rule_text(kind, int(value)) if value.isdigit() else rest
    return f"{label_of(OfferType, offer)}: {words}"


class RetentionTab(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.rules = RecordsModel(
            [
                Column(
                    QCoreApplication.translate("Admin", "Aanbod"),
                    lambda x: label_of(OfferType, x.offer_type),
                ),
                Column(
                    QCoreApplication.translate("Admin", "Bewaren"),
                    lambda x: rule_text(x.rule, x.value),
                ),
                Column(
                    QCoreApplication.translate("Admin", "Herkomst"),
                    lambda x: (
                        QCoreApplication.translate("Admin", "standaard")
                        if x.is_default
                        else QCoreApplication.translate("Admin", "eigen")
                    ),
                ),
            ],
            self,
        )
        self.rules_table = table_view(self.rules, "rulesTable", stretch=1)
        self.rule = QComboBox()
        self.rule.addItem(
            QCoreApplication.translate("Admin", "jaren na het afsluiten"),
            retention.YEARS_AFTER_CLOSURE,
        )
        self.rule.addItem(
            QCoreApplication.translate("Admin", "tot de leeftijd van"), retention.UNTIL_AGE
        )
        self.value = QSpinBox()
        self.value.setRange(0, 100)
        self.save_button = QPushButton(QCoreApplication.translate("Admin", "Regel &bewaren"))
        self.save_button.setEnabled(False)
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, QCoreApplication.translate("Admin", "&Regel:"), "rule", self.rule)
        self.errors.add_row(
            form, QCoreApplication.translate("Admin", "&Waarde:"), "value", self.value
        )
        form.addRow("", self.save_button)

        self.due_model = RecordsModel(
            [
                Column(
                    QCoreApplication.translate("Admin", "Dossier"),
                    lambda x: x.youth_id[:8],
                    lambda x: x.youth_id,
                ),
                Column(
                    QCoreApplication.translate("Admin", "Te anonimiseren sinds"),
                    lambda x: format_date(x.due_on),
                    lambda x: x.due_on,
                ),
                Column(
                    QCoreApplication.translate("Admin", "Regel"), lambda x: due_rule_text(x.rule)
                ),
                Column(QCoreApplication.translate("Admin", "Aanmeldingen"), lambda x: x.referrals),
            ],
            self,
        )
        self.due_table = table_view(self.due_model, "dueTable", stretch=2)
        self.due_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # longest overdue first
        self.due_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.due_empty = hint(
            QCoreApplication.translate(
                "Admin", "Er is nu geen dossier waarvan de bewaartermijn voorbij is."
            )
        )
        self.anonymise_button = QPushButton(QCoreApplication.translate("Admin", "&Anonimiseren…"))
        self.anonymise_button.setEnabled(False)
        self.select_all_button = QPushButton(
            QCoreApplication.translate("Admin", "Alles &selecteren")
        )

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading(QCoreApplication.translate("Admin", "Bewaartermijnen")))
        top_layout.addWidget(
            hint(
                QCoreApplication.translate(
                    "Admin",
                    "Hoe lang de gegevens van een jongere bewaard blijven, per soort aanbod. "
                    "Daarna worden naam en vrije tekst gewist; de cijfers blijven tellen.",
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.rules_table, 3)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(general)
        side.addStretch()
        row.addLayout(side, 2)
        top_layout.addLayout(row)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(heading(QCoreApplication.translate("Admin", "Aan de beurt")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_all_button)
        buttons.addWidget(self.anonymise_button)
        buttons.addStretch()
        bottom_layout.addLayout(buttons)
        bottom_layout.addWidget(self.due_empty)
        bottom_layout.addWidget(self.due_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.rules_table.selectionModel().selectionChanged.connect(self._rule_selected)
        self.rule.currentIndexChanged.connect(self._limits)
        self.save_button.clicked.connect(self.save_rule)
        self.due_table.selectionModel().selectionChanged.connect(
            lambda *_: self.anonymise_button.setEnabled(bool(self.selected_due()))
        )
        self.select_all_button.clicked.connect(self.select_all_due)
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        load_on_first_show(self, self.reload)

    def reload(self) -> None:
        self.ctx.call(retention.list_rules, on_success=self.rules.set_records)
        self.reload_due()

    def reload_due(self) -> None:
        self.ctx.call(retention.due, self.today, on_success=self._due_loaded)

    def _due_loaded(self, items: list[Any]) -> None:
        self.due_model.set_records(items)
        self.due_empty.setVisible(not items)
        self.select_all_button.setEnabled(bool(items))
        self.anonymise_button.setEnabled(False)

    # --- rules ----------------------------------------------------------------------------
    def _rule_selected(self) -> None:
        rule = selected_record(self.rules_table)
        self.save_button.setEnabled(rule is not None)
        self.errors.clear()
        if rule is not None:
            self.rule.setCurrentIndex(self.rule.findData(rule.rule))
            self._limits()
            self.value.setValue(rule.value)

    def _limits(self) -> None:
        low, high = RULE_LIMITS.get(str(self.rule.currentData()), (0, 100))
        self.value.setRange(low, high)
        self.value.setSuffix(
            QCoreApplication.translate("Admin", " jaar")
            if self.rule.currentData() == retention.YEARS_AFTER_CLOSURE
            else QCoreApplication.translate("Admin", " jaar oud")
        )

    def save_rule(self) -> None:
        rule = selected_record(self.rules_table)
        if rule is None:
            return
        self.errors.clear()
        self.ctx.call(
            retention.set_rule,
            rule.offer_type,
            self.rule.currentData(),
            self.value.value(),
            on_success=lambda _r: self.reload(),
            on_failure=self._rule_failed,
        )

    def _rule_failed(self, exc: BaseException) -> None:
        if not self.errors.show_error(exc, self.ctx.lang, {"offer_type": "rule"}):
            raise exc

    # --- due ------------------------------------------------------------------------------
    def selected_due(self) -> list[Any]:
        view = self.due_table
        return [view.model().data(i, OBJECT_ROLE) for i in view.selectionModel().selectedRows()]

    def select_all_due(self) -> None:
        self.due_table.selectAll()
        self.due_table.setFocus()
        self.due_table.selectionModel().setCurrentIndex(
            self.due_table.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )

    def anonymise_selected(self) -> None:
        items = self.selected_due()
        if not items:
            return
        confirmed = self.ctx.prompts.confirm(
            self,
            QCoreApplication.translate("Admin", "Dossiers anonimiseren"),
            QCoreApplication.translate(
                "Admin",
                "%1 dossier(s) anonimiseren?\n\nNamen, geboortedata en alle vrije tekst "
                "(hulpvragen, verslagen, doelen) worden definitief gewist. Dit kan niet "
                "ongedaan gemaakt worden, ook niet met een reservekopie van na vandaag. "
                "De aantallen in de rapporten blijven kloppen.",
            ).replace("%1", str(len(items))),
            QCoreApplication.translate("Admin", "&Definitief anonimiseren"),
        )
        if not confirmed:
            return
        vault, caller, today = self.ctx.vault, self.ctx.vault.identity, self.today
        ids = [item.youth_id for item in items]
        self.anonymise_button.setEnabled(False)
        self.ctx.worker.submit(
            lambda: retention.anonymise(vault, caller, ids, today),
            self._anonymised,
            show_failure(
                self.ctx, self, QCoreApplication.translate("Admin", "Niet geanonimiseerd")
            ),
        )

    def _anonymised(self, count: int) -> None:
        self.ctx.prompts.info(
            self,
            QCoreApplication.translate("Admin", "Geanonimiseerd"),
            QCoreApplication.translate("Admin", "%1 dossier(s) geanonimiseerd.").replace(
                "%1", str(count)
            ),
        )
        self.reload_due()
