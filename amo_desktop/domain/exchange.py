"""Bookkeeping for the team exchange: change stamps per field, peers, conflicts (issue 7).

A row's creation carries one stamp (a "dot": the vault and its counter); a field changed later
carries its own version vector and dot. Concurrent values of one field are kept as siblings
until someone resolves them. See docs/exchange-format.md.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from amo_desktop.domain.models import Base, Stamped, utcnow


class SyncState(Base):
    """This vault's identity in the team and its counters; exactly one row (id 1)."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    capture: Mapped[int] = mapped_column(Integer, default=0)  # triggers record changes when 1
    vault_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    team_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    team_name: Mapped[str] = mapped_column(String(200), default="")
    key_gen: Mapped[int] = mapped_column(Integer, default=0)
    team_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    box_private: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # X25519
    sign_private: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # Ed25519
    seq: Mapped[int] = mapped_column(Integer, default=0)  # dots this vault has handed out
    lseq: Mapped[int] = mapped_column(Integer, default=0)  # local change batches
    folder: Mapped[str] = mapped_column(Text, default="")


class SyncPeer(Base):
    """Another vault of the team (or this one), as the team leader's roster describes it."""

    __tablename__ = "sync_peers"

    vault_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    login: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(20))
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    joined: Mapped[bool] = mapped_column(Boolean, default=False)
    acked: Mapped[int] = mapped_column(Integer, default=0)  # our lseq the peer confirmed
    received: Mapped[int] = mapped_column(Integer, default=0)  # peer's lseq we imported
    known_gen: Mapped[int] = mapped_column(Integer, default=0)
    last_import_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    invite_expires: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SyncRow(Base):
    """The stamp of a row's creation and the local batch that last touched it."""

    __tablename__ = "sync_rows"
    __table_args__ = (Index("ix_sync_rows_changed", "tbl", "lseq"),)

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    dot: Mapped[str] = mapped_column(String(60))
    by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    at: Mapped[str] = mapped_column(String(30))
    lseq: Mapped[int] = mapped_column(Integer)


class SyncField(Base):
    """A field changed after its row was made: its version vector and the dot of its value."""

    __tablename__ = "sync_fields"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    vv: Mapped[str] = mapped_column(Text)  # JSON {vault: counter}
    dot: Mapped[str | None] = mapped_column(String(60), nullable=True)  # None: value unknown
    by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    at: Mapped[str] = mapped_column(String(30), default="")


class SyncSibling(Base):
    """A value that was set at the same time as another on a different laptop: a conflict."""

    __tablename__ = "sync_siblings"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    dot: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
    by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    at: Mapped[str] = mapped_column(String(30))


class SyncPending(Base):
    """Filled by triggers: a field (or "*" made, "-" deleted) changed since the last stamping."""

    __tablename__ = "sync_pending"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    at: Mapped[str] = mapped_column(String(30))


class SyncTombstone(Base):
    """A row deleted for good; the deletion travels and wins."""

    __tablename__ = "sync_tombstones"
    __table_args__ = (Index("ix_sync_tombstones_lseq", "lseq"),)

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    dot: Mapped[str] = mapped_column(String(60))
    at: Mapped[str] = mapped_column(String(30))
    lseq: Mapped[int] = mapped_column(Integer)


class SyncHistory(Base):
    """One export or import, for the Uitwisselen page; no content."""

    __tablename__ = "sync_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    direction: Mapped[str] = mapped_column(String(10))  # export | import | refused
    peer: Mapped[str] = mapped_column(String(64), default="")
    bundle_id: Mapped[str] = mapped_column(String(36), default="")
    rows: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Stamped, Base):
    """A field set on two laptops at once; exchanged, so the team leader sees every one."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_record", "tbl", "row_key", "field"),)

    tbl: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(40))
    values: Mapped[str] = mapped_column(Text)  # JSON [[dot, value, by, at], ...]
    detected_at: Mapped[str] = mapped_column(String(30))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    resolution: Mapped[str] = mapped_column(Text, default="")  # JSON of the chosen value
