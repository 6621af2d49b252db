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

from sqlalchemy import Connection, Table, insert, select, text, update

from amo_desktop import __version__
from amo_desktop.domain.exchange import SyncConflict, SyncHistory, SyncPeer
from amo_desktop.domain.models import AuditEvent, User, new_id
from amo_desktop.errors import (
    BundleNotForUsError,
    BundleOldKeyError,
    BundleOtherTeamError,
    BundleRevokedError,
    BundleUnknownSenderError,
    InviteExpiredError,
    KnownError,
    NoTeamError,
    ValidationError,
)
from amo_desktop.services import password_policy
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, public, requires
from amo_desktop.storage.keyslots import b64d, b64e
from amo_desktop.storage.outputs import save_output
from amo_desktop.storage.vault import Identity, Vault
from amo_desktop.sync import bundle as files
from amo_desktop.sync import capture, ledger
from amo_desktop.sync.rights import Judge
from amo_desktop.sync.scope import dependants, scope_for
from amo_desktop.sync.tables import by_name, replicated

log = logging.getLogger(__name__)
INVITE_DAYS = 14
BUNDLE_SUFFIX = ".amox"
_peers: Table = SyncPeer.__table__  # type: ignore[assignment]
_history: Table = SyncHistory.__table__  # type: ignore[assignment]
_conflicts: Table = SyncConflict.__table__  # type: ignore[assignment]


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


# --- helpers ------------------------------------------------------------------------------
def _require_team(st: dict[str, Any]) -> None:
    if not st["team_id"]:
        raise NoTeamError()


def _keys(st: dict[str, Any]) -> files.VaultKeys:
    return files.VaultKeys(st["box_private"], st["sign_private"])


def _audit(
    conn: Connection,
    caller: Identity | None,
    action: str,
    detail: str = "",
    entity: str = "exchange",
    entity_id: str | None = None,
) -> None:
    """audit.record for work done on a Connection rather than a Session."""
    conn.execute(
        insert(AuditEvent.__table__).values(
            id=new_id(),
            at=datetime.now(UTC),
            user_id=caller.user_id if caller else None,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )


def _history_row(
    conn: Connection,
    direction: str,
    peer: str,
    bundle_id: str,
    rows: int,
    conflicts: int = 0,
    message: str = "",
) -> None:
    conn.execute(
        insert(_history).values(
            at=datetime.now(UTC),
            direction=direction,
            peer=peer,
            bundle_id=bundle_id,
            rows=rows,
            conflicts=conflicts,
            message=message,
        )
    )


def _peer_rows(conn: Connection) -> list[Any]:
    return list(conn.execute(select(_peers)))


def _setup(conn: Connection, caller: Identity, team_name: str) -> dict[str, Any]:
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
    conn.execute(
        insert(_peers).values(
            vault_id=vault_id,
            user_id=caller.user_id,
            login=caller.login,
            role=caller.role,
            box_public=keys.box_public,
            sign_public=keys.sign_public,
            revoked=False,
            joined=True,
            acked=0,
            received=0,
            known_gen=1,
        )
    )
    _audit(conn, caller, "exchange.setup")
    return ledger.state(conn)


def _roster(conn: Connection) -> list[dict[str, Any]]:
    return [
        {
            "vault": p.vault_id,
            "user": p.user_id,
            "login": p.login,
            "role": p.role,
            "box": b64e(p.box_public),
            "sign": b64e(p.sign_public),
            "revoked": bool(p.revoked),
        }
        for p in _peer_rows(conn)
    ]


def _payload_for(conn: Connection, st: dict[str, Any], peer: Any) -> tuple[dict[str, Any], int]:
    """What this peer may have and has not confirmed yet; returns the payload and its row count."""
    since = int(peer.acked)
    changed = ledger.changed_keys(conn, since)
    scope = scope_for(conn, peer.user_id, peer.role, changed)
    include: dict[str, set[str]] = {}
    for tbl, keys in changed.items():
        allowed = {k for k in keys if scope.allows(tbl, k)}
        if allowed:
            include[tbl] = allowed
    forgets: list[list[str]] = []
    if not scope.full:
        fresh = set(include.get("trajectories", set()))
        fresh |= {k.split("|")[0] for k in include.get("trajectory_coaches", set())}
        fresh &= scope.rows.get("trajectories", set())
        for tbl, ids in dependants(conn, fresh).items():
            include.setdefault(tbl, set()).update(ids)
        include.setdefault("trajectories", set()).update(fresh)
        if since:  # a laptop that has nothing yet has nothing to forget
            for tbl in ("referrals", "trajectories"):
                forgets += [[tbl, k] for k in changed.get(tbl, []) if not scope.allows(tbl, k)]
    tables: dict[str, Any] = {}
    count = 0
    for r in replicated():
        if r.name not in include and not scope.full:
            continue
        keys = None if scope.full else include[r.name]
        wire = ledger.read_table(
            conn, r, since, keys, lambda k, t=r.name: scope.withheld_fields(t, k)
        )
        if wire is not None:
            tables[r.name] = wire
            count += len(wire["rows"])
    payload = {
        "upto": int(st["lseq"]),
        "ack": int(peer.received),
        "roster": _roster(conn) if _me(conn, st).role in TEAMLEADER_ROLES else None,
        "tables": tables,
        "tomb": ledger.tombstones(conn, since),
        "forget": forgets,
        "team_name": st["team_name"],
    }
    return payload, count


def _me(conn: Connection, st: dict[str, Any]) -> Any:
    return conn.execute(select(_peers).where(_peers.c.vault_id == st["vault_id"])).one()


# --- team leader: invite and revoke ----------------------------------------------------------
@requires(TEAMLEADER_ROLES)
def invite(
    vault: Vault, caller: Identity, login: str, kdf: dict[str, int] | None = None
) -> Invitation:
    """An invitation file for a user's laptop, and the one-time code that opens it."""
    with vault.engine.begin() as conn:
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
        st = ledger.state(conn)
        if not st["team_id"]:
            organisation = vault.sidecar.organisation
            st = _setup(conn, caller, organisation)
        ledger.stamp(conn)
        st = ledger.state(conn)
        keys = files.VaultKeys.generate()
        vault_id = new_id()
        expires = datetime.now(UTC) + timedelta(days=INVITE_DAYS)
        conn.execute(
            insert(_peers).values(
                vault_id=vault_id,
                user_id=user.id,
                login=user.login,
                role=user.role,
                box_public=keys.box_public,
                sign_public=keys.sign_public,
                revoked=False,
                joined=False,
                acked=0,
                received=0,
                known_gen=st["key_gen"],
                invite_expires=expires,
            )
        )
        peer = conn.execute(select(_peers).where(_peers.c.vault_id == vault_id)).one()
        content, count = _payload_for(conn, st, peer)
        conn.execute(update(_peers).where(_peers.c.vault_id == vault_id).values(acked=st["lseq"]))
        payload = {
            "team": st["team_id"],
            "team_name": st["team_name"],
            "gen": st["key_gen"],
            "team_key": b64e(st["team_key"]),
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
            "from": st["vault_id"],
            "content": {**content, "roster": _roster(conn)},
        }
        code = files.new_code()
        header = {
            "format": 1,
            "kind": "invite",
            "team": st["team_id"],
            "to": vault_id,
            "id": new_id(),
            "created": ledger.now_iso(),
            "app": __version__,
        }
        data = files.write_invite(header, payload, code, kdf)
        _audit(conn, caller, "exchange.invite", user.id)
        _history_row(conn, "invite", user.login, header["id"], count)
    log.info("invitation made for a %s laptop", user.role)
    return Invitation(data, code, vault_id, expires)


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
    with vault.engine.begin() as conn:
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
        _take_roster(conn, payload["content"]["roster"], payload["vault"])
        lseq = ledger.next_counter(conn, "lseq")
        _apply(conn, payload["content"], lseq)
        conn.execute(  # what came in the invitation need not go back to its sender
            update(_peers)
            .where(_peers.c.vault_id == sender)
            .values(
                received=payload["content"]["upto"],
                acked=lseq,
                last_import_at=datetime.now(UTC),
            )
        )
        capture.set_capture(conn, True)
        identity = vault.identity
        _audit(conn, identity, "exchange.join")
        rows = sum(len(t["rows"]) for t in payload["content"]["tables"].values())
        _history_row(conn, "join", _login_of(conn, sender), "", rows)
    return recovery


def _login_of(conn: Connection, vault_id: str) -> str:
    row = conn.execute(select(_peers.c.login).where(_peers.c.vault_id == vault_id)).first()
    return row[0] if row else "?"


def _take_roster(conn: Connection, roster: list[dict[str, Any]], me: str) -> None:
    for p in roster:
        existing = conn.execute(select(_peers).where(_peers.c.vault_id == p["vault"])).first()
        values = {
            "user_id": p["user"],
            "login": p["login"],
            "role": p["role"],
            "box_public": b64d(p["box"]),
            "sign_public": b64d(p["sign"]),
        }
        if existing is None:
            conn.execute(
                insert(_peers).values(
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
            conn.execute(update(_peers).where(_peers.c.vault_id == p["vault"]).values(revoked=True))


def _apply(
    conn: Connection, content: dict[str, Any], lseq: int, judge: Judge | None = None
) -> tuple[int, int, int]:
    capture.set_capture(conn, False)
    removed = ledger.apply_tombstones(conn, content.get("tomb", []), lseq, judge)
    forgets = ledger.present(conn, content.get("forget", []))
    if judge is not None and judge.full:
        forgets = []  # only the team leader tells a laptop what to forget
    for tbl, key in forgets:
        removed += ledger.remove_row(conn, tbl, key, None, "", lseq)
    if forgets:
        removed += _forget_orphan_youths(conn, lseq)
    result = ledger.apply_tables(conn, content.get("tables", {}), lseq, judge)
    return result.rows, result.conflicts, removed


def _judge_for(conn: Connection, sender: Any, me: str, content: dict[str, Any]) -> Judge | None:
    """A coach's bundle is held against the coach's rights as this vault knows them now."""
    role = conn.execute(select(User.role).where(User.id == sender.user_id)).scalar()
    if (role or sender.role) in TEAMLEADER_ROLES:
        return None
    full = _me(conn, ledger.state(conn)).role in TEAMLEADER_ROLES
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
    return sum(ledger.remove_row(conn, "youths", y, None, "", lseq) for y in orphans)


# --- export and import ----------------------------------------------------------------------
@requires(ALL_ROLES)
def export_bundle(vault: Vault, caller: Identity) -> ExportResult:
    """One bundle for every other laptop of the team, each part readable by its laptop only."""
    with vault.engine.begin() as conn:
        st = ledger.state(conn)
        _require_team(st)
        ledger.stamp(conn)
        st = ledger.state(conn)
        sections, counts = [], {}
        i_lead = _me(conn, st).role in TEAMLEADER_ROLES
        for peer in _peer_rows(conn):
            if peer.vault_id == st["vault_id"] or peer.revoked:
                continue
            payload, count = _payload_for(conn, st, peer)
            update_key = None
            if i_lead and peer.known_gen < st["key_gen"]:
                update_key = (int(st["key_gen"]), bytes(st["team_key"]))
            sections.append(
                files.Section(
                    peer.vault_id, bytes(peer.box_public), files.pack(payload), update_key
                )
            )
            counts[peer.login] = count
        bundle_id = new_id()
        header = {
            "format": 1,
            "kind": "bundle",
            "team": st["team_id"],
            "gen": st["key_gen"],
            "from": st["vault_id"],
            "id": bundle_id,
            "created": ledger.now_iso(),
            "app": __version__,
        }
        data = files.write_bundle(header, sections, bytes(st["team_key"]), st["sign_private"])
        _history_row(conn, "export", ", ".join(sorted(counts)), bundle_id, sum(counts.values()))
        _audit(conn, caller, "exchange.export", bundle_id)
    return ExportResult(data, bundle_id, counts)


@requires(ALL_ROLES)
def import_bundle(vault: Vault, caller: Identity, data: bytes) -> ImportResult:
    """Merge another laptop's bundle; a bundle that fails any check changes nothing."""
    try:
        return _import(vault, caller, data)
    except Exception as exc:
        with vault.engine.begin() as conn:
            message = exc.message("nl") if hasattr(exc, "message") else "onverwachte fout"
            _history_row(conn, "refused", "", "", 0, 0, message)
        raise


def _import(vault: Vault, caller: Identity, data: bytes) -> ImportResult:
    parsed = files.parse_bundle(data)
    header = parsed.header
    with vault.engine.begin() as conn:
        st = ledger.state(conn)
        _require_team(st)
        if header.get("team") != st["team_id"]:
            raise BundleOtherTeamError()
        sender = conn.execute(select(_peers).where(_peers.c.vault_id == header.get("from"))).first()
        if header.get("from") == st["vault_id"]:
            raise BundleNotForUsError()
        if sender is None:
            raise BundleUnknownSenderError()
        if sender.revoked:
            raise BundleRevokedError(login=sender.login)
        files.verify(parsed, bytes(sender.sign_public))
        if sender.role in TEAMLEADER_ROLES:
            update_key = files.key_update_for(parsed, st["vault_id"], st["box_private"])
            if update_key is not None and update_key[0] > st["key_gen"]:
                conn.execute(
                    text("UPDATE sync_state SET key_gen = :g, team_key = :k WHERE id = 1"),
                    {"g": update_key[0], "k": update_key[1]},
                )
                st = ledger.state(conn)
        if int(header.get("gen", 0)) != st["key_gen"]:
            raise BundleOldKeyError()
        meta = files.section_for(parsed, st["vault_id"])
        if meta is None:
            raise BundleNotForUsError()
        content = files.open_section(parsed, meta, st["box_private"], bytes(st["team_key"]))
        ledger.stamp(conn)
        if sender.role in TEAMLEADER_ROLES and content.get("roster"):
            _take_roster(conn, content["roster"], st["vault_id"])
        judge = _judge_for(conn, sender, st["vault_id"], content)
        lseq = ledger.next_counter(conn, "lseq")
        rows, conflicts, removed = _apply(conn, content, lseq, judge)
        capture.set_capture(conn, True)
        conn.execute(
            update(_peers)
            .where(_peers.c.vault_id == sender.vault_id)
            .values(
                received=max(int(sender.received), int(content["upto"])),
                acked=max(int(sender.acked), int(content["ack"])),
                known_gen=max(int(sender.known_gen), int(header["gen"])),
                joined=True,
                last_import_at=datetime.now(UTC),
            )
        )
        _history_row(conn, "import", sender.login, header["id"], rows, conflicts)
        _audit(conn, caller, "exchange.import", header["id"])
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
    with vault.engine.begin() as conn:
        conn.execute(
            text("UPDATE sync_state SET folder = :f WHERE id = 1"),
            {"f": str(path.resolve()) if path else ""},
        )
        _audit(conn, caller, "exchange.folder")


def _bundle_name(team_id: str, vault_id: str) -> str:
    return f"amo-{team_id[:8]}-{vault_id}{BUNDLE_SUFFIX}"


@requires(ALL_ROLES)
def sync_folder(vault: Vault, caller: Identity) -> SyncResult:
    """Drop this laptop's bundle in the shared folder and take in the others'."""
    with vault.engine.connect() as conn:
        st = ledger.state(conn)
    _require_team(st)
    if not st["folder"]:
        raise ValidationError(
            "folder",
            "Er is nog geen gedeelde map ingesteld. Kies er een op de pagina Uitwisselen.",
            "No shared folder is set yet. Choose one on the Uitwisselen page.",
        )
    folder = Path(st["folder"])
    imported, refused = [], []
    own = _bundle_name(st["team_id"], st["vault_id"])
    for path in sorted(folder.glob(f"amo-{st['team_id'][:8]}-*{BUNDLE_SUFFIX}")):
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
    with vault.engine.connect() as conn:
        logins = dict(conn.execute(select(User.id, User.login)).all())
        open_sets = _open_sets(conn)
        out = []
        for c in conn.execute(select(_conflicts).order_by(_conflicts.c.detected_at)):
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
    with vault.engine.begin() as conn:
        c = conn.execute(select(_conflicts).where(_conflicts.c.id == conflict_id)).first()
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
            f'UPDATE "{r.name}" SET "{c.field}" = ? WHERE '
            + " AND ".join(f'"{col}" = ?' for col in r.key_columns),
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
            update(_conflicts)
            .where(_conflicts.c.id == conflict_id)
            .values(
                resolved_at=datetime.now(UTC),
                resolved_by=caller.user_id,
                resolution=json.dumps(chosen),
                changed_by=caller.user_id,
                updated_at=datetime.now(UTC),
            )
        )
        ledger.stamp(conn)
        _audit(conn, caller, "exchange.conflict_resolved", c.field, c.tbl, c.row_key[:36])


# --- status and history -----------------------------------------------------------------------
@requires(ALL_ROLES)
def status(vault: Vault, caller: Identity) -> ExchangeStatus:
    with vault.engine.connect() as conn:
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
                select(_history.c.at)
                .where(_history.c.direction == d)
                .order_by(_history.c.id.desc())
                .limit(1)
            ).scalar()
            for d in ("export", "import")
        }
        peers = [
            PeerInfo(p.vault_id, p.login, p.role, bool(p.revoked), bool(p.joined), p.last_import_at)
            for p in _peer_rows(conn)
            if p.vault_id != st["vault_id"]
        ]
    return ExchangeStatus(
        bool(st["team_id"]),
        st["team_name"],
        st["vault_id"],
        int(st["key_gen"]),
        st["folder"],
        int(pending),
        open_conflicts,
        last["export"],
        last["import"],
        peers,
    )


@requires(ALL_ROLES)
def history(vault: Vault, caller: Identity, limit: int = 200) -> list[HistoryEntry]:
    with vault.engine.connect() as conn:
        return [
            HistoryEntry(h.at, h.direction, h.peer, h.rows, h.conflicts, h.message)
            for h in conn.execute(select(_history).order_by(_history.c.id.desc()).limit(limit))
        ]
