"""Beheer > Bewaartermijnen (SECURITY.md R22): the rule per offer type, editable, and the files
whose term has passed, anonymised only after a confirmation that says it cannot be undone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from amo_desktop.domain.enums import OfferType
from amo_desktop.services import retention
from amo_desktop.services.retention import DueItem, RuleInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.tables import (
    Column,
    RecordModel,
    selected_record,
    selected_records,
    table_view,
)
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import format_date, hint, label_of
from amo_desktop.ui.screens.beheer.parts import (
    ORIGIN,
    DatedTab,
    left_row,
    split_vertically,
    stack,
)

RULE_LIMITS = {retention.UNTIL_AGE: (18, 100), retention.YEARS_AFTER_CLOSURE: (0, 50)}


def rule_text(rule: str, value: int) -> str:
    if rule == retention.UNTIL_AGE:
        return fill(QCoreApplication.translate("Admin", "tot de jongere %1 jaar is"), value)
    return fill(QCoreApplication.translate("Admin", "%1 jaar na het afsluiten"), value)


def due_rule_text(rule: str) -> str:
    """'individuele_begeleiding:years_after_closure:5' in words."""
    offer, _, rest = rule.partition(":")
    kind, _, value = rest.partition(":")
    words = rule_text(kind, int(value)) if value.isdigit() else rest
    return f"{label_of(OfferType, offer)}: {words}"


class RulesModel(RecordModel):
    CONTEXT = "Admin"
    COLUMNS = (
        Column("Aanbod", lambda x: label_of(OfferType, x.offer_type)),
        Column("Bewaren", lambda x: rule_text(x.rule, x.value)),
        ORIGIN,
    )


class DueModel(RecordModel):
    CONTEXT = "Admin"
    COLUMNS = (
        Column("Dossier", lambda x: x.youth_id[:8], lambda x: x.youth_id),
        Column("Te anonimiseren sinds", lambda x: format_date(x.due_on), lambda x: x.due_on),
        Column("Regel", lambda x: due_rule_text(x.rule)),
        Column("Aanmeldingen", lambda x: x.referrals),
    )


class RetentionTab(DatedTab):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(ctx, parent, today)
        self.rules = RulesModel(self, key=lambda r: r.offer_type)
        self.rules_table = table_view(self.rules, "rulesTable")  # a long offer is shortened
        self.due_model = DueModel(self, key=lambda d: d.youth_id)
        self.due_table = table_view(self.due_model, "dueTable", stretch=2)
        self.due_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # longest overdue first
        self.due_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        split_vertically(self, self._build_rules(), self._build_due())
        self.rules_table.selectionModel().selectionChanged.connect(self._rule_selected)
        self.rule.currentIndexChanged.connect(self._limits)
        self.save_button.clicked.connect(self.save_rule)
        self.due_table.selectionModel().selectionChanged.connect(
            lambda *_: self.anonymise_button.setEnabled(bool(self.selected_due()))
        )
        self.select_all_button.clicked.connect(self.select_all_due)
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        load_on_first_show(self, self.reload)

    def _build_rules(self) -> QWidget:
        """The rules beside the form that changes the selected one."""
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
        self.save_button = QPushButton(QCoreApplication.translate("Admin", "Regel bewar&en"))
        self.save_button.setEnabled(False)
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, QCoreApplication.translate("Admin", "Rege&l:"), "rule", self.rule)
        self.errors.add_row(
            form, QCoreApplication.translate("Admin", "Waar&de:"), "value", self.value
        )
        form.addRow("", self.save_button)
        row = QHBoxLayout()
        row.addWidget(self.rules_table, 3)
        row.addWidget(stack(form, general, stretch=True), 2)
        explanation = QCoreApplication.translate(
            "Admin",
            "Hoe lang de gegevens van een jongere bewaard blijven, per soort aanbod. "
            "Daarna worden naam en vrije tekst gewist; de cijfers blijven tellen.",
        )
        return stack(QCoreApplication.translate("Admin", "Bewaartermijnen"), hint(explanation), row)

    def _build_due(self) -> QWidget:
        """The files whose term has passed, and anonymising them."""
        self.due_empty = hint(
            QCoreApplication.translate(
                "Admin", "Er is nu geen dossier waarvan de bewaartermijn voorbij is."
            )
        )
        self.anonymise_button = QPushButton(QCoreApplication.translate("Admin", "&Anonimiseren…"))
        self.anonymise_button.setEnabled(False)
        self.select_all_button = QPushButton(
            QCoreApplication.translate("Admin", "Alles selec&teren")
        )
        return stack(
            QCoreApplication.translate("Admin", "Aan de beurt"),
            left_row(self.select_all_button, self.anonymise_button),
            self.due_empty,
            self.due_table,
        )

    def reload(self) -> None:
        self.ctx.call(retention.list_rules, on_success=self.rules.set_records)
        self.reload_due()

    def reload_due(self) -> None:
        self.ctx.call(retention.due, self.today, on_success=self._due_loaded)

    def _due_loaded(self, items: list[DueItem]) -> None:
        self.due_model.set_records(items)
        self.due_empty.setVisible(not items)
        self.select_all_button.setEnabled(bool(items))
        self.anonymise_button.setEnabled(False)

    # --- rules ----------------------------------------------------------------------------
    def selected_rule(self) -> RuleInfo | None:
        rule: RuleInfo | None = selected_record(self.rules_table)
        return rule

    def _rule_selected(self) -> None:
        rule = self.selected_rule()
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
        rule = self.selected_rule()
        if rule is None:
            return
        self.errors.clear()
        self.ctx.call(
            retention.set_rule,
            rule.offer_type,
            self.rule.currentData(),
            self.value.value(),
            on_success=self._rule_saved,
            on_failure=self._rule_failed,
        )

    def _rule_saved(self, _rule: object) -> None:
        self.ctx.status(QCoreApplication.translate("Admin", "Bewaarregel opgeslagen."))
        self.reload()

    def _rule_failed(self, exc: BaseException) -> None:
        if not self.errors.show_error(exc, self.ctx.lang, {"offer_type": "rule"}):
            self.ctx.fail(exc)

    # --- due ------------------------------------------------------------------------------
    def selected_due(self) -> list[DueItem]:
        return selected_records(self.due_table)

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
            fill(
                QCoreApplication.translate(
                    "Admin",
                    "%1 dossier(s) anonimiseren?\n\nNamen, geboortedata en alle vrije tekst "
                    "(hulpvragen, verslagen, doelen) worden definitief gewist. Dit kan niet "
                    "ongedaan gemaakt worden, ook niet met een reservekopie van na vandaag. "
                    "De aantallen in de rapporten blijven kloppen.",
                ),
                len(items),
            ),
            QCoreApplication.translate("Admin", "&Definitief anonimiseren"),
        )
        if not confirmed:
            return
        self.anonymise_button.setEnabled(False)
        self.ctx.call_vault(
            retention.anonymise,
            [item.youth_id for item in items],
            self.today,
            on_success=self._anonymised,
        )

    def _anonymised(self, count: int) -> None:
        self.ctx.status(
            fill(QCoreApplication.translate("Admin", "%1 dossier(s) geanonimiseerd."), count)
        )
        self.ctx.prompts.info(
            self,
            QCoreApplication.translate("Admin", "Geanonimiseerd"),
            fill(QCoreApplication.translate("Admin", "%1 dossier(s) geanonimiseerd."), count),
        )
        self.reload_due()
