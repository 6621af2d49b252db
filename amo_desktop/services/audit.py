"""Audit trail: who did what to which record; the content never goes in (ARCHITECTURE §5)."""

from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from amo_desktop.domain.models import AuditEvent, Stamped


def record(
    session: Session,
    user_id: str | None,
    action: str,
    entity: str,
    entity_id: str | None = None,
    detail: str = "",
) -> None:
    session.add(
        AuditEvent(
            user_id=user_id, action=action, entity=entity, entity_id=entity_id, detail=detail
        )
    )


class _Row(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Row)


def created(session: Session, user_id: str | None, entity: str, row: R) -> R:
    """Stores a new row, so it has its id, and records who created it."""
    session.add(row)
    session.flush()
    record(session, user_id, "create", entity, row.id)
    return row


def changed(
    session: Session, user_id: str | None, action: str, entity: str, row: Stamped, detail: str = ""
) -> None:
    """Marks an existing row as last changed by `user_id` and records what was done to it."""
    row.changed_by = user_id
    record(session, user_id, action, entity, row.id, detail)
