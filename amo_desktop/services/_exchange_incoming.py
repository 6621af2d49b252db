"""Taking in what another laptop sent: its roster, deletions and rows, judged by its rights."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, text, update

from amo_desktop.domain.models import User
from amo_desktop.errors import (
    BundleNotForUsError,
    BundleOldKeyError,
    BundleOtherTeamError,
    BundleRevokedError,
    BundleUnknownSenderError,
)
from amo_desktop.services._exchange_records import PEERS, peer
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.storage import capture
from amo_desktop.storage.keyslots import b64d
from amo_desktop.sync import bundle as files
from amo_desktop.sync import deletions, ledger
from amo_desktop.sync.incoming import apply_tables
from amo_desktop.sync.rights import Judge


def take_roster(conn: Connection, roster: list[dict[str, Any]], me: str) -> None:
    for p in roster:
        existing = conn.execute(select(PEERS).where(PEERS.c.vault_id == p["vault"])).first()
        values = {
            "user_id": p["user"],
            "login": p["login"],
            "role": p["role"],
            "box_public": b64d(p["box"]),
            "sign_public": b64d(p["sign"]),
        }
        if existing is None:
            conn.execute(
                insert(PEERS).values(
                    vault_id=p["vault"],
                    revoked=p["revoked"],
                    joined=p["vault"] == me,
                    acked=0,
                    received=0,
                    known_gen=0,
                    **values,
                )
            )
        elif p["revoked"] and not existing.revoked:
            conn.execute(update(PEERS).where(PEERS.c.vault_id == p["vault"]).values(revoked=True))


def apply_content(
    conn: Connection, content: dict[str, Any], lseq: int, judge: Judge | None = None
) -> tuple[int, int, int]:
    """Deletions, forgets, then rows, with capture off; returns rows, conflicts and removed."""
    capture.set_capture(conn, False)
    removed = deletions.apply_tombstones(conn, content.get("tomb", []), lseq, judge)
    forgets = deletions.present(conn, content.get("forget", []))
    if judge is not None and judge.full:
        forgets = []  # only the team leader tells a laptop what to forget
    for tbl, key in forgets:
        removed += deletions.remove_row(conn, tbl, key, None, "", lseq)
    if forgets:
        removed += _forget_orphan_youths(conn, lseq)
    result = apply_tables(conn, content.get("tables", {}), lseq, judge)
    return result.rows, result.conflicts, removed


def judge_for(conn: Connection, sender: Any, me: str, content: dict[str, Any]) -> Judge | None:
    """A coach's bundle is held against the coach's rights as this vault knows them now."""
    role = conn.execute(select(User.role).where(User.id == sender.user_id)).scalar()
    if (role or sender.role) in TEAMLEADER_ROLES:
        return None
    full = peer(conn, me).role in TEAMLEADER_ROLES
    return Judge.make(conn, sender, me, content.get("tables", {}), full)


def _forget_orphan_youths(conn: Connection, lseq: int) -> int:
    orphans = [
        row[0]
        for row in conn.execute(
            text(
                "SELECT id FROM youths WHERE id NOT IN "
                "(SELECT youth_id FROM referrals WHERE youth_id IS NOT NULL)"
            )
        )
    ]
    return sum(deletions.remove_row(conn, "youths", y, None, "", lseq) for y in orphans)


def sender_of(conn: Connection, parsed: files.ParsedBundle, team: ledger.Team) -> Any:
    """The sending laptop's row, once the bundle proved to come from it for this vault."""
    header = parsed.header
    if header.get("team") != team.team_id:
        raise BundleOtherTeamError()
    sender = conn.execute(select(PEERS).where(PEERS.c.vault_id == header.get("from"))).first()
    if header.get("from") == team.vault_id:
        raise BundleNotForUsError()
    if sender is None:
        raise BundleUnknownSenderError()
    if sender.revoked:
        raise BundleRevokedError(login=sender.login)
    files.verify(parsed, bytes(sender.sign_public))
    return sender


def open_bundle(conn: Connection, parsed: files.ParsedBundle, sender: Any) -> dict[str, Any]:
    """This vault's section of the bundle, after taking a new team key from the team leader."""
    st = ledger.state(conn)
    team = st.team()
    if sender.role in TEAMLEADER_ROLES:
        update_key = files.key_update_for(parsed, team.vault_id, team.box_private)
        if update_key is not None and update_key[0] > st.key_gen:
            conn.execute(
                text("UPDATE sync_state SET key_gen = :g, team_key = :k WHERE id = 1"),
                {"g": update_key[0], "k": update_key[1]},
            )
            st = ledger.state(conn)
            team = st.team()
    if int(parsed.header.get("gen", 0)) != st.key_gen:
        raise BundleOldKeyError()
    meta = files.section_for(parsed, team.vault_id)
    if meta is None:
        raise BundleNotForUsError()
    return files.open_section(parsed, meta, team.box_private, team.team_key)
