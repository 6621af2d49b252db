"""Working as a team without a server: invitations, encrypted bundles, a shared folder, conflicts.

Every laptop exports what changed since the others last confirmed, one encrypted section per
receiving laptop with only what that laptop may know; imports merge field by field and land
whole or not at all. Format: docs/exchange-format.md.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, text, update

from amo_desktop import __version__
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User, new_id
from amo_desktop.domain.replication import by_name
from amo_desktop.errors import (
    InviteExpiredError,
    KnownError,
    ValidationError,
)
from amo_desktop.services import password_policy
from amo_desktop.services._exchange_incoming import (
    apply_content,
    judge_for,
    open_bundle,
    sender_of,
    take_roster,
)
from amo_desktop.services._exchange_outgoing import content_for, roster
from amo_desktop.services._exchange_records import (
    HISTORY,
    PEERS,
    add_peer,
    audit,
    history_row,
    login_of,
    peer,
    peer_rows,
)
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, public, requires
from amo_desktop.storage import capture
from amo_desktop.storage.keyslots import b64d, b64e
from amo_desktop.storage.outputs import save_output
from amo_desktop.storage.vault import Vault
from amo_desktop.sync import bundle as files
from amo_desktop.sync import ledger
from amo_desktop.sync.ledger import CONFLICTS

log = logging.getLogger(__name__)
INVITE_DAYS = 14
BUNDLE_SUFFIX = ".amox"


# --- results ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PeerInfo:
    vault_id: str
    login: str
    role: str
    revoked: bool
    joined: bool
    last_import_at: datetime | None


@dataclass(frozen=True)
class ExchangeStatus:
    in_team: bool
    team_name: str
    vault_id: str | None
    key_gen: int
    folder: str
    pending: int
    open_conflicts: int
    last_export_at: datetime | None
    last_import_at: datetime | None
    peers: list[PeerInfo]


@dataclass(frozen=True)
class Invitation:
    data: bytes
    code: str
    vault_id: str
    expires: datetime


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    bundle_id: str
    rows: dict[str, int]  # per receiving login


@dataclass(frozen=True)
class ImportResult:
    sender: str
    bundle_id: str
    rows: int
    conflicts: int
    removed: int


@dataclass(frozen=True)
class SyncResult:
    exported: ExportResult | None
    imported: list[ImportResult]
    refused: list[tuple[str, str]]  # (file name, message)
    path: Path | None = None  # where our bundle was dropped


@dataclass(frozen=True)
class ConflictValue:
    value: Any
    by_login: str
    at: str


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    table: str
    row_key: str
    field: str
    values: list[ConflictValue]
    detected_at: str
    open: bool
    resolved_at: datetime | None
    resolved_by_login: str


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    direction: str
    peer: str
    rows: int
    conflicts: int
    message: str


# --- team leader: invite ------------------------------------------------------------------
def _setup(conn: Connection, caller: Identity, team_name: str) -> None:
    """Make this vault the first laptop of a new team."""
    keys = files.VaultKeys.generate()
    vault_id = new_id()
    conn.execute(
        text(
            "UPDATE sync_state SET team_id = :t, team_name = :n, key_gen = 1, team_key = :k, "
            "box_private = :b, sign_private = :s WHERE id = 1"
        ),
        {
            "t": new_id(),
            "n": team_name,
            "k": secrets.token_bytes(32),
            "b": keys.box_private,
            "s": keys.sign_private,
        },
    )
    ledger.bootstrap(conn, vault_id)
    add_peer(conn, vault_id, caller.user_id, caller.login, caller.role, keys, 1, joined=True)
    audit(conn, caller, "exchange.setup")


def _invitee(conn: Connection, caller: Identity, login: str) -> Any:
    user = conn.execute(
        select(User.__table__).where(User.login == login, User.active.is_(True))
    ).first()
    if user is None:
        raise ValidationError(
            "login",
            f"Er is geen actieve gebruiker '{login}'. Voeg die eerst toe bij Beheer > Gebruikers.",
            f"There is no active user '{login}'. Add them first under Beheer > Gebruikers.",
        )
    if user.id == caller.user_id:
        raise ValidationError(
            "login", "U kunt uzelf niet uitnodigen.", "You cannot invite yourself."
        )
    return user


@requires(TEAMLEADER_ROLES)
def invite(
    vault: Vault, caller: Identity, login: str, kdf: dict[str, int] | None = None
) -> Invitation:
    """An invitation file for a user's laptop, and the one-time code that opens it."""
    with vault.transaction() as conn:
        user = _invitee(conn, caller, login)
        if not ledger.state(conn).team_id:
            _setup(conn, caller, vault.sidecar.organisation)
        ledger.stamp(conn)
        st = ledger.state(conn)
        team = st.team()
        keys = files.VaultKeys.generate()
        vault_id = new_id()
        expires = datetime.now(UTC) + timedelta(days=INVITE_DAYS)
        to = add_peer(
            conn, vault_id, user.id, user.login, user.role, keys, st.key_gen, invite_expires=expires
        )
        content = content_for(conn, st, to)
        content.fields["roster"] = roster(conn)
        conn.execute(update(PEERS).where(PEERS.c.vault_id == vault_id).values(acked=st.lseq))
        payload = {
            "team": team.team_id,
            "team_name": st.team_name,
            "gen": st.key_gen,
            "team_key": b64e(team.team_key),
            "vault": vault_id,
            "box": b64e(keys.box_private),
            "sign": b64e(keys.sign_private),
            "user": {
                "id": user.id,
                "login": user.login,
                "full_name": user.full_name,
                "role": user.role,
            },
            "organisation": vault.sidecar.organisation,
            "expires": expires.isoformat(),
            "from": team.vault_id,
            "content": lambda packer: packer.object(content.fields),
        }
        code = files.new_code()
        header = _header("invite", team, {"to": vault_id, "id": new_id()})
        data = files.write_invite(header, files.pack(payload), code, kdf)
        audit(conn, caller, "exchange.invite", user.id)
        history_row(conn, "invite", user.login, header["id"], content.rows)
    log.info("invitation made for a %s laptop", user.role)
    return Invitation(data, code, vault_id, expires)


def _header(kind: str, team: ledger.Team, more: dict[str, Any]) -> dict[str, Any]:
    """A bundle's or invitation's header; `more` in the order the file has it."""
    return {
        "format": 1,
        "kind": kind,
        "team": team.team_id,
        **more,
        "created": ledger.now_iso(),
        "app": __version__,
    }


# --- joining ------------------------------------------------------------------------------
@public
def read_invitation(data: bytes, code: str) -> dict[str, str]:
    """Who the invitation is for, to show before the password is asked."""
    _, payload = files.read_invite(data, code)
    _check_expiry(payload)
    return {
        "login": payload["user"]["login"],
        "full_name": payload["user"]["full_name"],
        "team": payload["team_name"],
        "organisation": payload["organisation"],
    }


def _check_expiry(payload: dict[str, Any]) -> None:
    if datetime.fromisoformat(payload["expires"]) < datetime.now(UTC):
        raise InviteExpiredError()


@public
def join(vault: Vault, data: bytes, code: str, password: str) -> str:
    """Makes this laptop's vault from an invitation; returns the new vault's recovery key."""
    _, payload = files.read_invite(data, code)
    _check_expiry(payload)
    user = payload["user"]
    words = password_policy.password_words(
        user["login"], user["full_name"], payload["organisation"], payload["team_name"]
    )
    password_policy.validate_new_password(password, words)  # before anything is made
    recovery = vault.create(
        payload["organisation"],
        user["login"],
        user["full_name"],
        password,
        user_id=user["id"],
        role=user["role"],
    )
    with vault.transaction() as conn:
        conn.execute(
            text(
                "UPDATE sync_state SET vault_id = :v, team_id = :t, team_name = :n, key_gen = :g, "
                "team_key = :k, box_private = :b, sign_private = :s WHERE id = 1"
            ),
            {
                "v": payload["vault"],
                "t": payload["team"],
                "n": payload["team_name"],
                "g": payload["gen"],
                "k": b64d(payload["team_key"]),
                "b": b64d(payload["box"]),
                "s": b64d(payload["sign"]),
            },
        )
        sender = payload["from"]
        take_roster(conn, payload["content"]["roster"], payload["vault"])
        lseq = ledger.next_counter(conn, "lseq")
        apply_content(conn, payload["content"], lseq)
        conn.execute(  # what came in the invitation need not go back to its sender
            update(PEERS)
            .where(PEERS.c.vault_id == sender)
            .values(
                received=payload["content"]["upto"],
                acked=lseq,
                last_import_at=datetime.now(UTC),
            )
        )
        capture.set_capture(conn, True)
        audit(conn, vault.identity, "exchange.join")
        rows = sum(len(t["rows"]) for t in payload["content"]["tables"].values())
        history_row(conn, "join", login_of(conn, sender), "", rows)
    return recovery


# --- export and import ----------------------------------------------------------------------
@requires(ALL_ROLES)
def export_bundle(vault: Vault, caller: Identity) -> ExportResult:
    """One bundle for every other laptop of the team, each part readable by its laptop only."""
    with vault.transaction() as conn:
        ledger.state(conn).team()  # NoTeamError before anything is stamped
        ledger.stamp(conn)
        st = ledger.state(conn)
        team = st.team()
        sections, counts = [], {}
        i_lead = peer(conn, team.vault_id).role in TEAMLEADER_ROLES
        for to in peer_rows(conn):
            if to.vault_id == team.vault_id or to.revoked:
                continue
            content = content_for(conn, st, to)
            packed = files.pack(content.fields)
            update_key = None
            if i_lead and to.known_gen < st.key_gen:
                update_key = (st.key_gen, team.team_key)
            sections.append(files.Section(to.vault_id, bytes(to.box_public), packed, update_key))
            counts[to.login] = content.rows
        bundle_id = new_id()
        header = _header(
            "bundle", team, {"gen": st.key_gen, "from": team.vault_id, "id": bundle_id}
        )
        data = files.write_bundle(header, sections, team.team_key, team.sign_private)
        history_row(conn, "export", ", ".join(sorted(counts)), bundle_id, sum(counts.values()))
        audit(conn, caller, "exchange.export", bundle_id)
    return ExportResult(data, bundle_id, counts)


@requires(ALL_ROLES)
def import_bundle(vault: Vault, caller: Identity, data: bytes) -> ImportResult:
    """Merge another laptop's bundle; a bundle that fails any check changes nothing."""
    try:
        return _import(vault, caller, data)
    except Exception as exc:
        with vault.transaction() as conn:
            message = exc.message("nl") if hasattr(exc, "message") else "onverwachte fout"
            history_row(conn, "refused", "", "", 0, 0, message)
        raise


def _import(vault: Vault, caller: Identity, data: bytes) -> ImportResult:
    parsed = files.parse_bundle(data)
    header = parsed.header
    with vault.transaction() as conn:
        team = ledger.state(conn).team()
        sender = sender_of(conn, parsed, team)
        content = open_bundle(conn, parsed, sender)
        ledger.stamp(conn)
        if sender.role in TEAMLEADER_ROLES and content.get("roster"):
            take_roster(conn, content["roster"], team.vault_id)
        judge = judge_for(conn, sender, team.vault_id, content)
        lseq = ledger.next_counter(conn, "lseq")
        rows, conflicts, removed = apply_content(conn, content, lseq, judge)
        capture.set_capture(conn, True)
        conn.execute(
            update(PEERS)
            .where(PEERS.c.vault_id == sender.vault_id)
            .values(
                received=max(int(sender.received), int(content["upto"])),
                acked=max(int(sender.acked), int(content["ack"])),
                known_gen=max(int(sender.known_gen), int(header["gen"])),
                joined=True,
                last_import_at=datetime.now(UTC),
            )
        )
        history_row(conn, "import", sender.login, header["id"], rows, conflicts)
        audit(conn, caller, "exchange.import", header["id"])
    return ImportResult(sender.login, header["id"], rows, conflicts, removed)


# --- shared folder ----------------------------------------------------------------------------
@requires(ALL_ROLES)
def set_folder(vault: Vault, caller: Identity, folder: str) -> None:
    path = Path(folder).expanduser() if folder else None
    if path is not None and not path.is_dir():
        raise ValidationError(
            "folder",
            f"De map {folder} bestaat niet. Kies een bestaande gedeelde map.",
            f"The folder {folder} does not exist. Choose an existing shared folder.",
        )
    with vault.transaction() as conn:
        conn.execute(
            text("UPDATE sync_state SET folder = :f WHERE id = 1"),
            {"f": str(path.resolve()) if path else ""},
        )
        audit(conn, caller, "exchange.folder")


def _bundle_name(team_id: str, vault_id: str) -> str:
    return f"amo-{team_id[:8]}-{vault_id}{BUNDLE_SUFFIX}"


@requires(ALL_ROLES)
def sync_folder(vault: Vault, caller: Identity) -> SyncResult:
    """Drop this laptop's bundle in the shared folder and take in the others'."""
    with vault.reading() as conn:
        st = ledger.state(conn)
    team = st.team()
    if not st.folder:
        raise ValidationError(
            "folder",
            "Er is nog geen gedeelde map ingesteld. Kies er een op de pagina Uitwisselen.",
            "No shared folder is set yet. Choose one on the Uitwisselen page.",
        )
    folder = Path(st.folder)
    imported, refused = [], []
    own = _bundle_name(team.team_id, team.vault_id)
    for path in sorted(folder.glob(f"amo-{team.team_id[:8]}-*{BUNDLE_SUFFIX}")):
        if path.name == own:
            continue
        try:
            imported.append(import_bundle(vault, caller, path.read_bytes()))
        except (OSError, KnownError) as exc:
            message = exc.message("nl") if hasattr(exc, "message") else str(exc.strerror)
            refused.append((path.name, message))
    exported = export_bundle(vault, caller)
    save_output(folder / own, exported.data, vault.data_dir)
    return SyncResult(exported, imported, refused, folder / own)


# --- conflicts ------------------------------------------------------------------------------
@requires(TEAMLEADER_ROLES)
def conflicts(vault: Vault, caller: Identity, open_only: bool = True) -> list[ConflictInfo]:
    with vault.reading() as conn:
        logins = dict(conn.execute(select(User.id, User.login)).all())
        open_sets = _open_sets(conn)
        out = []
        for c in conn.execute(select(CONFLICTS).order_by(CONFLICTS.c.detected_at)):
            dots = frozenset(v[0] for v in json.loads(c.values))
            is_open = c.resolved_at is None and any(
                dots <= s for s in open_sets.get((c.tbl, c.row_key, c.field), [])
            )
            if open_only and not is_open:
                continue
            out.append(
                ConflictInfo(
                    c.id,
                    c.tbl,
                    c.row_key,
                    c.field,
                    [
                        ConflictValue(v[1], logins.get(v[2], "?"), v[3])
                        for v in json.loads(c.values)
                    ],
                    c.detected_at,
                    is_open,
                    c.resolved_at,
                    logins.get(c.resolved_by, ""),
                )
            )
    return out


def _open_sets(conn: Connection) -> dict[tuple[str, str, str], list[frozenset[str]]]:
    sets: dict[tuple[str, str, str], set[str]] = {}
    for tbl, key, name, dot in conn.execute(
        text("SELECT tbl, row_key, field, dot FROM sync_siblings")
    ):
        sets.setdefault((tbl, key, name), set()).add(dot)
    return {k: [frozenset(v)] for k, v in sets.items()}


@requires(TEAMLEADER_ROLES)
def resolve_conflict(vault: Vault, caller: Identity, conflict_id: str, choice: int) -> None:
    """Keep value number `choice` of the conflict; every laptop gets it at the next exchange."""
    with vault.transaction() as conn:
        c = conn.execute(select(CONFLICTS).where(CONFLICTS.c.id == conflict_id)).first()
        if c is None:
            raise ValidationError(
                "conflict", "Dit conflict bestaat niet meer.", "This conflict no longer exists."
            )
        values = json.loads(c.values)
        if not 0 <= choice < len(values):
            raise ValidationError("choice", "Kies een van de waarden.", "Choose one of the values.")
        r = by_name().get(c.tbl)
        if r is None or c.field not in r.fields:  # a record is data: never trust it as SQL
            raise ValidationError(
                "conflict",
                "Dit conflict verwijst naar een onbekend veld en kan niet worden opgelost.",
                "This conflict names an unknown field and cannot be resolved.",
            )
        chosen = values[choice][1]
        conn.exec_driver_sql(
            f"UPDATE {r.sql_name} SET {r.column_sql(c.field)} = ? WHERE {r.key_where()}",
            (chosen, *r.key_values(c.row_key).values()),
        )
        conn.execute(
            text(
                "INSERT OR REPLACE INTO sync_pending (tbl, row_key, field, by, at) "
                "VALUES (:t, :k, :f, :b, :a)"
            ),
            {"t": c.tbl, "k": c.row_key, "f": c.field, "b": caller.user_id, "a": ledger.now_iso()},
        )
        conn.execute(
            update(CONFLICTS)
            .where(CONFLICTS.c.id == conflict_id)
            .values(
                resolved_at=datetime.now(UTC),
                resolved_by=caller.user_id,
                resolution=json.dumps(chosen),
                changed_by=caller.user_id,
                updated_at=datetime.now(UTC),
            )
        )
        ledger.stamp(conn)
        audit(conn, caller, "exchange.conflict_resolved", c.field, c.tbl, c.row_key[:36])


# --- status and history -----------------------------------------------------------------------
@requires(ALL_ROLES)
def status(vault: Vault, caller: Identity) -> ExchangeStatus:
    with vault.reading() as conn:
        st = ledger.state(conn)
        pending = conn.execute(text("SELECT COUNT(*) FROM sync_pending")).scalar_one()
        open_conflicts = len(
            {
                k
                for k in conn.execute(
                    text("SELECT DISTINCT tbl, row_key, field FROM sync_siblings")
                )
            }
        )
        last = {
            d: conn.execute(
                select(HISTORY.c.at)
                .where(HISTORY.c.direction == d)
                .order_by(HISTORY.c.id.desc())
                .limit(1)
            ).scalar()
            for d in ("export", "import")
        }
        peers = [
            PeerInfo(p.vault_id, p.login, p.role, bool(p.revoked), bool(p.joined), p.last_import_at)
            for p in peer_rows(conn)
            if p.vault_id != st.vault_id
        ]
    return ExchangeStatus(
        bool(st.team_id),
        st.team_name,
        st.vault_id,
        st.key_gen,
        st.folder,
        int(pending),
        open_conflicts,
        last["export"],
        last["import"],
        peers,
    )


@requires(ALL_ROLES)
def history(vault: Vault, caller: Identity, limit: int = 200) -> list[HistoryEntry]:
    with vault.reading() as conn:
        return [
            HistoryEntry(h.at, h.direction, h.peer, h.rows, h.conflicts, h.message)
            for h in conn.execute(select(HISTORY).order_by(HISTORY.c.id.desc()).limit(limit))
        ]
