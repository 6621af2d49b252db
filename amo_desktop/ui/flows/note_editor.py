"""The note (verslag) of one session: templates, last time's agreements, drafts and versions.

A new note starts with the standard template of the session's contact type (the team leader
keeps it in Beheer > Verslagsjablonen); a note for a session that has not happened yet shows a
warning, but still saves: the autosave and closing must never be blocked by a question, and a
coach may prepare a meeting in its note on purpose.

Nothing typed is lost: every 30 seconds, and whenever the editor closes (also when the app
locks or quits, which rejects open dialogs first), changed text is saved as a draft inside the
vault. 'Opslaan' makes it a version; every earlier version keeps its author and time.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import ContactType, GoalEvaluation, Visibility
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts, notes
from amo_desktop.services.notes import NoteContext, NoteInfo, NoteInput, TemplateInfo
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.services.trajectories import GoalInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import labelled
from amo_desktop.ui.kit.tables import ID_ROLE, Column, RecordModel, sorted_table
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import HINT_STYLE, VerticalScrollArea, column, fill_combo, label_of

AUTOSAVE_MS = 30_000
TEXT_FIELDS = ("content", "observations", "agreements", "next_steps")


def local_time(at: datetime) -> datetime:
    """Stored stamps are UTC (naive from SQLite)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone()


class NoteEditor(QDialog):
    """Open with `open()`; the fields stay read-only until the stored note has loaded."""

    def __init__(
        self,
        ctx: AppContext,
        session: SessionInfo,
        parent: QWidget | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.in_future = datetime.combine(session.on, session.start) > (
            now or datetime.now()
        ).replace(tzinfo=None)
        self.filled: dict[str, str] = {}  # standard template text put in a new note's fields
        self.loaded = False
        self.goals: list[GoalInfo] = []
        self.templates: list[TemplateInfo] = []
        self.saved_input = NoteInput()  # what the vault holds (as draft or version)
        self.stored_is_draft = False
        self.version = 0
        self.versions_dialog: VersionsDialog | None = None
        self._pending: list[NoteInput] = []
        self.setWindowTitle(
            fill(self.tr("Verslag – %1 – %2"), session.label, f"{session.on:%d/%m/%Y}")
        )
        self._build_fields()
        self._build_tools()
        self._build_layout()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        self._set_editable(False)
        self.resize(720, 720)
        ctx.call(
            notes.note_context,
            session.id,
            session.trajectory_id,
            session.contact_type,
            on_success=self._loaded,
            on_failure=self._failed,
        )

    # --- building -------------------------------------------------------------------------
    def _build_fields(self) -> None:
        self.status = QLabel(self.tr("Het verslag wordt geladen…"))
        self.status.setObjectName("noteStatus")
        self.status.setStyleSheet(HINT_STYLE)
        self.content = self._text(self.tr("Wat gebeurde er? Waarover ging het gesprek?"))
        self.observations = self._text(self.tr("Wat viel op?"))
        self.agreements = self._text(self.tr("Wat spraken jullie af, wie doet wat?"))
        self.next_steps = self._text(self.tr("Wat is de volgende stap?"))
        self.visibility = QComboBox()
        fill_combo(self.visibility, Visibility, "intern")
        self.goal_box = QGroupBox(self.tr("Voortgang per doel"))
        self.goal_form = QFormLayout(self.goal_box)
        self.goal_combos: dict[str, QComboBox] = {}
        self.goal_box.hide()
        self.future_warning = QLabel(
            self.tr("Dit contactmoment ligt in de toekomst: schrijf het verslag na het gesprek.")
        )
        self.future_warning.setObjectName("noteFuture")
        self.future_warning.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.future_warning.setWordWrap(True)
        self.future_warning.setVisible(self.in_future)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

    def _build_tools(self) -> None:
        self.template_button = QPushButton(self.tr("S&jabloon…"))
        self.template_menu = QMenu(self)
        self.template_button.setMenu(self.template_menu)
        self.agreements_button = QPushButton(self.tr("Afspraken van vorige &keer"))
        self.agreements_button.setEnabled(False)
        self.versions_button = QPushButton(self.tr("V&ersies…"))
        self.save_button = QPushButton(self.tr("&Opslaan"))
        self.save_button.setToolTip(self.tr("Bewaart een nieuwe versie (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Sl&uiten"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save)
        self.addAction(save)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.versions_button.clicked.connect(self.open_versions)
        self.agreements_button.clicked.connect(self.copy_last_agreements)

    def _build_layout(self) -> None:
        session = self.session
        heading = QLabel(
            f"<b>{session.label}</b> · {session.on:%d/%m/%Y} {session.start:%H:%M} · "
            f"{label_of(ContactType, session.contact_type)}"
        )
        heading.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, widget in (
            (self.tr("&Verloop:"), self.content),
            (self.tr("O&bservaties:"), self.observations),
            (self.tr("&Afspraken:"), self.agreements),
            (self.tr("Volgende &stappen:"), self.next_steps),
            (self.tr("&Zichtbaarheid:"), self.visibility),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
        tools = QHBoxLayout()
        tools.addWidget(self.template_button)
        tools.addWidget(self.agreements_button)
        tools.addWidget(self.versions_button)
        tools.addStretch()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        body = QWidget()  # the fields scroll on a low screen; the rest stays in view
        column(body, form, self.goal_box).setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.future_warning)
        layout.addLayout(tools)
        layout.addWidget(VerticalScrollArea(body), 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)  # Tab goes to the next field, as in a form
        edit.setMinimumHeight(70)
        return edit

    def _set_editable(self, editable: bool) -> None:
        for name in TEXT_FIELDS:
            self.field(name).setReadOnly(not editable)
        for widget in (self.visibility, self.template_button, self.save_button):
            widget.setEnabled(editable)

    def field(self, name: str) -> QPlainTextEdit:
        edit: QPlainTextEdit = getattr(self, name)
        return edit

    # --- loading --------------------------------------------------------------------------
    def _loaded(self, context: NoteContext) -> None:
        self.templates = context.templates
        self.goals = context.goals
        for goal in context.goals:
            combo = QComboBox()
            combo.addItem(self.tr("— niet besproken —"), None)
            fill_combo(combo, GoalEvaluation)
            combo.setCurrentIndex(0)
            self.goal_combos[goal.id] = combo
            label = labelled(goal.description.replace("&", "&&"), combo)  # no '&' letter
            label.setWordWrap(True)
            self.goal_form.addRow(label, combo)
        self.goal_box.setVisible(bool(context.goals))
        self._fill_template_menu(context)
        note = context.note
        if note is not None:
            self.set_input(
                NoteInput(
                    note.content,
                    note.observations,
                    note.agreements,
                    note.next_steps,
                    dict(note.goal_progress),
                    note.visibility,
                )
            )
            self.saved_input = self.current_input()
            self._stored(note)
        else:
            self._fill_standard(context.standard)
            self.saved_input = self.current_input()  # untouched headings are not a draft
            self.status.setText(self.tr("Nieuw verslag."))
        self.loaded = True
        self._set_editable(True)
        self.agreements_button.setEnabled(self.session.trajectory_id is not None)
        self.content.setFocus()
        self.autosave_timer.start()

    def _fill_template_menu(self, context: NoteContext) -> None:
        """The named templates of this contact type, then its standard template."""
        self.template_menu.clear()
        for template in context.templates:
            action = self.template_menu.addAction(template.name)
            action.triggered.connect(lambda _=False, t=template: self.apply_template(t))
        if context.templates:
            self.template_menu.addSeparator()
        standard = self.template_menu.addAction(self.tr("Standaardsjabloon"))
        standard.triggered.connect(lambda _=False: self.apply_template(context.standard))

    def _fill_standard(self, template: TemplateInfo) -> None:
        for name in TEXT_FIELDS:
            text = getattr(template, name)
            self.field(name).setPlainText(text)
            self.filled[name] = text

    def untouched(self, name: str) -> bool:
        """Empty, or still the standard template's headings as the note started with."""
        text = self.field(name).toPlainText()
        return not text.strip() or text == self.filled.get(name)

    def set_input(self, data: NoteInput) -> None:
        for name in TEXT_FIELDS:
            self.field(name).setPlainText(getattr(data, name))
        self.visibility.setCurrentIndex(max(0, self.visibility.findData(data.visibility)))
        for goal_id, combo in self.goal_combos.items():
            code = (data.goal_progress or {}).get(goal_id)
            combo.setCurrentIndex(max(0, combo.findData(code)) if code else 0)

    def current_input(self) -> NoteInput:
        progress = {
            goal_id: combo.currentData()
            for goal_id, combo in self.goal_combos.items()
            if combo.currentData()
        }
        return NoteInput(
            content=self.content.toPlainText(),
            observations=self.observations.toPlainText(),
            agreements=self.agreements.toPlainText(),
            next_steps=self.next_steps.toPlainText(),
            goal_progress=progress,
            visibility=self.visibility.currentData(),
        )

    def is_dirty(self) -> bool:
        return self.loaded and self.current_input() != self.saved_input

    def _stored(self, note: NoteInfo) -> None:
        self.stored_is_draft = note.is_draft
        self.version = note.version
        at = local_time(note.saved_at)
        if note.is_draft:
            self.status.setText(
                fill(
                    self.tr("Concept automatisch bewaard om %1 (nog geen nieuwe versie)."),
                    f"{at:%d/%m/%Y %H:%M}",
                )
            )
        else:
            self.status.setText(
                fill(self.tr("Versie %1, opgeslagen op %2."), note.version, f"{at:%d/%m/%Y %H:%M}")
            )

    # --- helpers for the coach ------------------------------------------------------------
    def apply_template(self, template: TemplateInfo) -> None:
        """Fills the empty fields and those still holding the standard headings; text already
        typed is kept."""
        for name in TEXT_FIELDS:
            text = getattr(template, name)
            if text and self.untouched(name):
                self.field(name).setPlainText(text)
                self.filled[name] = text
        self.status.setText(
            fill(self.tr("Sjabloon '%1' ingevuld in de lege velden."), template.name)
        )

    def copy_last_agreements(self) -> None:
        if self.session.trajectory_id is None:
            return
        self.ctx.call(
            notes.last_agreements,
            self.session.trajectory_id,
            on_success=self._got_agreements,
            on_failure=self._failed,
        )

    def _got_agreements(self, text: str) -> None:
        if not text.strip():
            self.status.setText(self.tr("Er zijn nog geen afspraken van een vorige keer."))
            return
        current = "" if self.untouched("agreements") else self.agreements.toPlainText().rstrip()
        if text.strip() in current:
            self.status.setText(self.tr("De afspraken van vorige keer staan er al."))
            return
        header = self.tr("Afspraken van vorige keer:")
        block = f"{header}\n{text.strip()}"
        self.agreements.setPlainText(f"{current}\n\n{block}" if current else block)
        self.agreements.setFocus()

    # --- saving ---------------------------------------------------------------------------
    def autosave(self) -> None:
        """A draft replaces the previous draft; it does not add a version."""
        if self.is_dirty():
            self._save(draft=True)

    def save(self) -> None:
        if not self.loaded:
            return
        if not self.is_dirty() and not self.stored_is_draft and self.version:
            self.status.setText(self.tr("Er is niets gewijzigd sinds de laatste versie."))
            return
        self.error.hide()
        self._save(draft=False)

    def _save(self, draft: bool) -> None:
        data = self.current_input()
        self._pending.append(data)  # the worker runs jobs in order: results come back in order
        # Bound methods: when the editor is gone (closed, locked) the save still runs, but
        # its callbacks are skipped instead of touching deleted widgets.
        self.ctx.call(
            notes.save_note,
            self.session.id,
            data,
            draft=draft,
            on_success=self._saved,
            on_failure=self._save_failed,
        )

    def _saved(self, note: NoteInfo) -> None:
        self.saved_input = self._pending.pop(0)
        self._stored(note)
        if not note.is_draft:
            self.ctx.status(fill(self.tr("Verslag opgeslagen (versie %1)."), note.version))

    def _save_failed(self, exc: BaseException) -> None:
        self._pending.pop(0)
        self._failed(exc)

    def done(self, result: int) -> None:
        """Closing, Escape, locking and quitting all come here: keep what was typed."""
        self.autosave_timer.stop()
        if self.is_dirty():
            self._save(draft=True)
        self.loaded = False  # a second done() (lock after close) saves nothing twice
        super().done(result)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            self.ctx.fail(exc)
            return
        self.error.setText(exc.message(self.ctx.lang))
        self.error.show()

    # --- versions -------------------------------------------------------------------------
    def open_versions(self) -> VersionsDialog:
        dialog = VersionsDialog(self.ctx, self.session.id, self)
        dialog.finished.connect(dialog.deleteLater)
        self.versions_dialog = dialog
        dialog.open()
        return dialog


def open_note_editor(ctx: AppContext, session: SessionInfo, parent: QWidget) -> NoteEditor:
    """Opens the note of `session` (window-modal); the editor deletes itself when closed."""
    editor = NoteEditor(ctx, session, parent)
    editor.finished.connect(editor.deleteLater)
    editor.open()
    return editor


class VersionsModel(RecordModel):
    """A note's versions, oldest first, with who saved each and when."""

    COL_VERSION, COL_AUTHOR, COL_SAVED, COL_KIND = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_names: dict[str, str] = {}
        self.set_columns(
            (
                Column(
                    self.tr("Versie"),
                    lambda n: n.version,
                    lambda n: n.version * 2 + int(n.is_draft),
                ),
                Column(self.tr("Auteur"), lambda n: self.user_names.get(n.author_id, n.author_id)),
                Column(
                    self.tr("Opgeslagen op"),
                    lambda n: f"{local_time(n.saved_at):%d/%m/%Y %H:%M}",
                    lambda n: local_time(n.saved_at).isoformat(),
                ),
                Column(
                    self.tr("Soort"),
                    lambda n: self.tr("Concept") if n.is_draft else self.tr("Versie"),
                ),
            )
        )


class VersionsDialog(QDialog):
    """The list of versions and, for the selected one, its full text (read-only)."""

    def __init__(self, ctx: AppContext, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Versies van het verslag"))
        self.model = VersionsModel(self)
        self.table, self.proxy = sorted_table(self.model, "versionsTable", VersionsModel.COL_AUTHOR)
        self.table.sortByColumn(VersionsModel.COL_VERSION, Qt.SortOrder.DescendingOrder)
        self.text = QTextBrowser()
        self.text.setObjectName("versionText")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sl&uiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.resize(640, 520)
        ctx.call_vault(accounts.list_users, include_removed=True, on_success=self._users_loaded)
        ctx.call(notes.note_history, session_id, on_success=self._loaded, on_failure=self._failed)

    def _users_loaded(self, users: list[accounts.UserInfo]) -> None:
        self.model.user_names = {u.id: u.full_name or u.login for u in users}
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, VersionsModel.COL_AUTHOR),
                self.model.index(self.model.rowCount() - 1, VersionsModel.COL_AUTHOR),
            )

    def _loaded(self, history: list[NoteInfo]) -> None:
        self.model.set_records(history)
        if self.proxy.rowCount():
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self.text.setPlainText(self.tr("Dit verslag is nog niet bewaard."))

    def _show_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        record_id = self.proxy.data(index, ID_ROLE)
        note = next((n for n in self.model.records() if n.id == record_id), None)
        if note is None:
            return
        parts = []
        for caption, text in (
            (self.tr("Verloop"), note.content),
            (self.tr("Observaties"), note.observations),
            (self.tr("Afspraken"), note.agreements),
            (self.tr("Volgende stappen"), note.next_steps),
        ):
            if text.strip():
                parts.append(f"{caption}\n{text.strip()}")
        parts.append(fill(self.tr("Zichtbaarheid: %1"), label_of(Visibility, note.visibility)))
        self.text.setPlainText("\n\n".join(parts))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            self.ctx.fail(exc)
            return
        self.text.setPlainText(exc.message(self.ctx.lang))
