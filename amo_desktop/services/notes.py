"""Session notes (verslagen): every save keeps the earlier text, with its author and time."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.caseload import (
    Goal,
    GuidanceSession,
    NoteTemplate,
    NoteVersion,
    SessionNote,
)
from amo_desktop.domain.enums import ContactType, GoalEvaluation, Visibility
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.note_templates import default_texts
from amo_desktop.errors import ValidationError
from amo_desktop.services import audit, trajectories
from amo_desktop.services._lookups import load_session, load_trajectory
from amo_desktop.services._validation import check_code, require_text
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, requires
from amo_desktop.services.trajectories import GoalInfo

MAX_FIELD = 20_000
STANDARD_NAME = "Standaard"  # the note_templates row that holds a type's standard template
TEMPLATE_FIELDS = ("content", "observations", "agreements", "next_steps")


@dataclass
class NoteInput:
    content: str = ""
    observations: str = ""
    agreements: str = ""
    next_steps: str = ""
    goal_progress: dict[str, str] | None = None
    visibility: str = "intern"


@dataclass(frozen=True)
class NoteInfo:
    id: str
    session_id: str
    version: int
    author_id: str
    saved_at: datetime
    content: str
    observations: str
    agreements: str
    next_steps: str
    goal_progress: dict[str, str]
    visibility: str
    is_draft: bool


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    contact_type: str
    name: str
    content: str
    observations: str
    agreements: str
    next_steps: str
    is_default: bool = False  # the standard template as shipped (never edited, or restored)


def _info(note: SessionNote) -> NoteInfo:
    return NoteInfo(
        note.id,
        note.session_id,
        note.version,
        note.author_id,
        note.updated_at,
        note.content,
        note.observations,
        note.agreements,
        note.next_steps,
        json.loads(note.goal_progress or "{}"),
        note.visibility,
        note.is_draft,
    )


def _check_lengths(data: NoteInput | TemplateInfo) -> None:
    for name in TEMPLATE_FIELDS:
        if len(getattr(data, name)) > MAX_FIELD:
            raise ValidationError(
                name,
                f"Gebruik hoogstens {MAX_FIELD} tekens.",
                f"Use at most {MAX_FIELD} characters.",
            )


def _check(s: Session, row: GuidanceSession, data: NoteInput) -> None:
    check_code("visibility", data.visibility, Visibility)
    _check_lengths(data)
    for goal_id, evaluation in (data.goal_progress or {}).items():
        goal = s.get(Goal, goal_id)
        if goal is None or goal.trajectory_id != row.trajectory_id:
            raise ValidationError(
                "goal_progress",
                "Dit doel hoort niet bij dit traject.",
                "This goal is not part of this trajectory.",
            )
        check_code("goal_progress", evaluation, GoalEvaluation)


@requires(ALL_ROLES)
def save_note(
    s: Session, caller: Identity, session_id: str, data: NoteInput, draft: bool = False
) -> NoteInfo:
    """Creates or edits the note; the text before this save goes to note_versions.

    A draft (autosave) overwrites the previous draft instead of adding a version.
    """
    row = load_session(s, caller, session_id)
    _check(s, row, data)
    note = s.scalar(select(SessionNote).where(SessionNote.session_id == row.id))
    if note is None:
        note = SessionNote(session_id=row.id, author_id=caller.user_id, version=1)
        s.add(note)
    elif not note.is_draft:
        s.add(
            NoteVersion(
                note_id=note.id,
                version=note.version,
                saved_at=note.updated_at,
                author_id=note.author_id,
                content=note.content,
                observations=note.observations,
                agreements=note.agreements,
                next_steps=note.next_steps,
                goal_progress=note.goal_progress,
                visibility=note.visibility,
            )
        )
        note.version += 1
    note.author_id = caller.user_id
    note.content = data.content
    note.observations = data.observations
    note.agreements = data.agreements
    note.next_steps = data.next_steps
    note.goal_progress = json.dumps(data.goal_progress or {}, sort_keys=True)
    note.visibility = data.visibility
    note.is_draft = draft
    note.changed_by = caller.user_id
    note.updated_at = datetime.now(UTC)
    s.flush()
    audit.record(s, caller.user_id, "draft" if draft else "update", "session_note", note.id)
    return _info(note)


@requires(ALL_ROLES)
def get_note(s: Session, caller: Identity, session_id: str) -> NoteInfo | None:
    row = load_session(s, caller, session_id)
    note = s.scalar(select(SessionNote).where(SessionNote.session_id == row.id))
    if note is None:
        return None
    audit.record(s, caller.user_id, "open", "session_note", note.id)
    return _info(note)


@requires(ALL_ROLES)
def note_history(s: Session, caller: Identity, session_id: str) -> list[NoteInfo]:
    """Earlier versions, oldest first, then the current text."""
    row = load_session(s, caller, session_id)
    note = s.scalar(select(SessionNote).where(SessionNote.session_id == row.id))
    if note is None:
        return []
    versions = [
        NoteInfo(
            v.id,
            row.id,
            v.version,
            v.author_id,
            v.saved_at,
            v.content,
            v.observations,
            v.agreements,
            v.next_steps,
            json.loads(v.goal_progress or "{}"),
            v.visibility,
            False,
        )
        for v in s.scalars(
            select(NoteVersion).where(NoteVersion.note_id == note.id).order_by(NoteVersion.version)
        )
    ]
    audit.record(s, caller.user_id, "open", "session_note", note.id, "history")
    return [*versions, _info(note)]


@requires(ALL_ROLES)
def last_agreements(
    s: Session, caller: Identity, trajectory_id: str, before_session_id: str | None = None
) -> str:
    """'Copy agreements from the last session' of this trajectory (PEERS.md); with
    before_session_id, the last one before that session, never that session's own."""
    load_trajectory(s, caller, trajectory_id)
    query = (
        select(SessionNote)
        .join(GuidanceSession, GuidanceSession.id == SessionNote.session_id)
        .where(GuidanceSession.trajectory_id == trajectory_id, SessionNote.agreements != "")
    )
    if before_session_id is not None:
        current = s.get(GuidanceSession, before_session_id)
        if current is not None:
            query = query.where(
                GuidanceSession.id != current.id,
                (GuidanceSession.on < current.on)
                | ((GuidanceSession.on == current.on) & (GuidanceSession.start < current.start)),
            )
    note = s.scalar(
        query.order_by(GuidanceSession.on.desc(), GuidanceSession.start.desc()).limit(1)
    )
    return note.agreements if note else ""


@requires(TEAMLEADER_ROLES)
def add_template(
    s: Session,
    caller: Identity,
    contact_type: str,
    name: str,
    content: str = "",
    observations: str = "",
    agreements: str = "",
    next_steps: str = "",
) -> TemplateInfo:
    check_code("contact_type", contact_type, ContactType)
    template = audit.created(
        s,
        caller.user_id,
        "note_template",
        NoteTemplate(
            contact_type=contact_type,
            name=require_text("name", name, 100),
            content=content,
            observations=observations,
            agreements=agreements,
            next_steps=next_steps,
            changed_by=caller.user_id,
        ),
    )
    return _template_info(template)


def _template_info(t: NoteTemplate) -> TemplateInfo:
    return TemplateInfo(
        t.id, t.contact_type, t.name, t.content, t.observations, t.agreements, t.next_steps
    )


@requires(ALL_ROLES)
def templates_for(s: Session, caller: Identity, contact_type: str) -> list[TemplateInfo]:
    """The named templates of a contact type; its standard template comes from
    standard_template."""
    rows = s.scalars(
        select(NoteTemplate)
        .where(NoteTemplate.contact_type == contact_type, NoteTemplate.name != STANDARD_NAME)
        .order_by(NoteTemplate.name)
    )
    return [_template_info(t) for t in rows]


def _stored_standard(s: Session, contact_type: str) -> NoteTemplate | None:
    """The newest row: two laptops may each have saved one before an exchange."""
    return s.scalar(
        select(NoteTemplate)
        .where(NoteTemplate.contact_type == contact_type, NoteTemplate.name == STANDARD_NAME)
        .order_by(NoteTemplate.updated_at.desc(), NoteTemplate.id)
        .limit(1)
    )


def _standard(s: Session, contact_type: str) -> TemplateInfo:
    shipped = TemplateInfo("", contact_type, STANDARD_NAME, *default_texts(contact_type), True)
    row = _stored_standard(s, contact_type)
    if row is None:
        return shipped
    texts = (row.content, row.observations, row.agreements, row.next_steps)
    is_default = texts == default_texts(contact_type)
    return TemplateInfo(row.id, contact_type, STANDARD_NAME, *texts, is_default)


@requires(ALL_ROLES)
def standard_template(s: Session, caller: Identity, contact_type: str) -> TemplateInfo:
    """What a new note of this contact type starts with: the team leader's version or the
    shipped one."""
    check_code("contact_type", contact_type, ContactType)
    return _standard(s, contact_type)


@requires(ALL_ROLES)
def list_templates(s: Session, caller: Identity) -> list[TemplateInfo]:
    """The standard template of every contact type, in the order of the contact types."""
    return [_standard(s, member.value) for member in ContactType]


@requires(TEAMLEADER_ROLES)
def save_template(
    s: Session,
    caller: Identity,
    contact_type: str,
    content: str,
    observations: str,
    agreements: str,
    next_steps: str,
) -> TemplateInfo:
    """Changes the standard template of a contact type, for every laptop it is exchanged to."""
    check_code("contact_type", contact_type, ContactType)
    texts = (content, observations, agreements, next_steps)
    _check_lengths(TemplateInfo("", contact_type, STANDARD_NAME, *texts))
    return _save_standard(s, caller, contact_type, texts)


@requires(TEAMLEADER_ROLES)
def reset_template(s: Session, caller: Identity, contact_type: str) -> TemplateInfo:
    """Puts the shipped texts back. Saved as a change (not a deletion) so that the exchange
    takes the restored template to the other laptops too."""
    check_code("contact_type", contact_type, ContactType)
    return _save_standard(s, caller, contact_type, default_texts(contact_type))


def _save_standard(
    s: Session, caller: Identity, contact_type: str, texts: tuple[str, str, str, str]
) -> TemplateInfo:
    row = _stored_standard(s, contact_type)
    if row is None:
        row = audit.created(
            s,
            caller.user_id,
            "note_template",
            NoteTemplate(contact_type=contact_type, name=STANDARD_NAME, changed_by=caller.user_id),
        )
    else:
        audit.changed(s, caller.user_id, "update", "note_template", row)
    for name, text in zip(TEMPLATE_FIELDS, texts, strict=True):
        setattr(row, name, text)
    row.updated_at = datetime.now(UTC)  # the newest row wins, also after an exchange
    s.flush()
    return _standard(s, contact_type)


@dataclass(frozen=True)
class NoteContext:
    """What the note editor needs to open: the note, its type's templates, the goals."""

    note: NoteInfo | None
    templates: list[TemplateInfo]
    goals: list[GoalInfo]
    standard: TemplateInfo  # what a new note starts with


@requires(ALL_ROLES)
def note_context(
    s: Session, caller: Identity, session_id: str, trajectory_id: str | None, contact_type: str
) -> NoteContext:
    """The note, the templates for its type and the trajectory's goals, in one unit of work."""
    note = get_note(s, caller, session_id)
    templates = templates_for(s, caller, contact_type)
    goals = trajectories.get_trajectory(s, caller, trajectory_id).goals if trajectory_id else []
    return NoteContext(note, templates, goals, _standard(s, contact_type))
