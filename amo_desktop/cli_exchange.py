"""`amo-desktop exchange …`: team exchange from the command line (issue 7)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from amo_desktop.errors import KnownError, ValidationError
from amo_desktop.services import exchange
from amo_desktop.storage.inputs import read_input
from amo_desktop.storage.outputs import check_output, save_output

if TYPE_CHECKING:
    from amo_desktop.cli import Cli

MAX_EXCHANGE_FILE = 1 << 30  # far above a team's bundle; a larger file is not ours

_TEXT = {
    "invited": {
        "nl": "Uitnodiging voor {login} geschreven: {path}\nEenmalige code: {code}\n"
        "Geef de code apart van het bestand door (bv. mondeling). Geldig tot {until}.",
        "en": "Invitation for {login} written: {path}\nOne-time code: {code}\n"
        "Pass the code on separately from the file (e.g. in person). Valid until {until}.",
    },
    "joined": {
        "nl": "Aangesloten bij team {team} als {login}. Kluis in {path}.\n"
        "Herstelsleutel: {key}\nSchrijf die op of druk hem af en bewaar hem veilig.",
        "en": "Joined team {team} as {login}. Vault in {path}.\n"
        "Recovery key: {key}\nWrite it down or print it and keep it safe.",
    },
    "joined_file": {
        "nl": "Aangesloten bij team {team} als {login}. Kluis in {path}. De herstelsleutel "
        "staat in {keyfile}: druk hem af, bewaar hem veilig en verwijder dan het bestand.",
        "en": "Joined team {team} as {login}. Vault in {path}. The recovery key is in "
        "{keyfile}: print it, keep it safe, then delete the file.",
    },
    "exported": {
        "nl": "Uitwisselbestand geschreven: {path} ({summary})",
        "en": "Exchange file written: {path} ({summary})",
    },
    "imported": {
        "nl": "Ingelezen van {sender}: {rows} gewijzigde rijen, {conflicts} nieuwe conflicten, "
        "{removed} verwijderd.",
        "en": "Imported from {sender}: {rows} rows changed, {conflicts} new conflicts, "
        "{removed} removed.",
    },
    "folder_set": {"nl": "Gedeelde map ingesteld: {path}", "en": "Shared folder set: {path}"},
    "folder_cleared": {"nl": "Geen gedeelde map meer.", "en": "No shared folder any more."},
    "refused": {"nl": "Geweigerd: {name}: {message}", "en": "Refused: {name}: {message}"},
    "no_conflicts": {"nl": "Geen open conflicten.", "en": "No open conflicts."},
    "resolved": {"nl": "Conflict opgelost.", "en": "Conflict resolved."},
    "exists": {
        "nl": "{path} bestaat al. Kies een andere naam.",
        "en": "{path} already exists. Choose another name.",
    },
}


def _t(cli: Cli, text_id: str, /, **params: object) -> str:
    return _TEXT[text_id][cli.lang].format(**params)


def add_parser(sub: Any, handler: Any) -> None:
    ex = sub.add_parser("exchange", help="exchange encrypted bundles with the team's laptops")
    ex_sub = ex.add_subparsers(dest="exchange_command", required=True)
    invite = ex_sub.add_parser("invite", help="team leader: an invitation for a user's laptop")
    invite.add_argument("login")
    invite.add_argument("--out", required=True, metavar="FILE")
    join = ex_sub.add_parser("join", help="make this laptop's vault from an invitation")
    join.add_argument("file", metavar="FILE")
    join.add_argument("--code", required=True)
    join.add_argument("--recovery-key-out", metavar="FILE", help="write the recovery key here")
    export = ex_sub.add_parser("export", help="write this laptop's bundle")
    export.add_argument("--out", required=True, metavar="FILE")
    importing = ex_sub.add_parser("import", help="read another laptop's bundle")
    importing.add_argument("file", metavar="FILE")
    folder = ex_sub.add_parser("folder", help="set the shared folder ('' to clear)")
    folder.add_argument("path", metavar="PATH")
    ex_sub.add_parser("sync", help="drop our bundle in the shared folder and read the others'")
    conflicts = ex_sub.add_parser("conflicts", help="team leader: fields set on two laptops")
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--all", action="store_true", help="also the resolved ones")
    resolve = ex_sub.add_parser("resolve", help="team leader: keep one value of a conflict")
    resolve.add_argument("conflict_id", metavar="ID")
    resolve.add_argument("--keep", type=int, required=True, metavar="N", help="value 1, 2, …")
    status = ex_sub.add_parser("status", help="team, laptops, last exchange, conflicts")
    status.add_argument("--json", action="store_true")
    ex.set_defaults(func=handler, json=False)


def run(cli: Cli) -> int:
    command = cli.args.exchange_command
    if command == "join":
        return _join(cli)
    vault = cli.unlocked()
    try:
        me = vault.identity
        assert me is not None
        if command == "invite":
            out = check_output(cli.args.out, cli.data_dir)
            invitation = exchange.invite(vault, me, cli.args.login)
            save_output(out, invitation.data, cli.data_dir)
            print(
                _t(
                    cli,
                    "invited",
                    login=cli.args.login,
                    path=out,
                    code=invitation.code,
                    until=invitation.expires.astimezone().strftime("%d/%m/%Y"),
                )
            )
        elif command == "export":
            out = check_output(cli.args.out, cli.data_dir)
            result = exchange.export_bundle(vault, me)
            save_output(out, result.data, cli.data_dir)
            summary = ", ".join(f"{login}: {n}" for login, n in sorted(result.rows.items()))
            print(_t(cli, "exported", path=cli.args.out, summary=summary or "-"))
        elif command == "import":
            res = exchange.import_bundle(vault, me, _read(cli.args.file))
            print(
                _t(
                    cli,
                    "imported",
                    sender=res.sender,
                    rows=res.rows,
                    conflicts=res.conflicts,
                    removed=res.removed,
                )
            )
        elif command == "folder":
            exchange.set_folder(vault, me, cli.args.path)
            print(
                _t(cli, "folder_set", path=cli.args.path)
                if cli.args.path
                else _t(cli, "folder_cleared")
            )
        elif command == "sync":
            return _sync(cli, vault, me)
        elif command == "conflicts":
            _conflicts(cli, exchange.conflicts(vault, me, open_only=not cli.args.all))
        elif command == "resolve":
            exchange.resolve_conflict(vault, me, cli.args.conflict_id, cli.args.keep - 1)
            print(_t(cli, "resolved"))
        elif command == "status":
            _status(cli, exchange.status(vault, me))
        return 0
    finally:
        vault.lock()


def _read(path: str) -> bytes:
    return read_input(path, limit=MAX_EXCHANGE_FILE)


def _join(cli: Cli) -> int:
    data = _read(cli.args.file)
    key_out = (  # checked before the vault exists: the key must reach the user
        check_output(cli.args.recovery_key_out, cli.data_dir) if cli.args.recovery_key_out else None
    )
    if key_out is not None and key_out.exists():
        raise ValidationError(
            "recovery-key-out",
            _t(cli, "exists", path=key_out),
            _TEXT["exists"]["en"].format(path=key_out),
        )
    about = exchange.read_invitation(data, cli.args.code)
    password = cli.secret("AMO_PASSWORD", "new_password", confirm=True)
    vault = cli.vault()
    try:
        recovery = exchange.join(vault, data, cli.args.code, password)
    finally:
        vault.lock()
    shown = {"team": about["team"], "login": about["login"], "path": cli.data_dir}
    if key_out is None:
        print(_t(cli, "joined", key=recovery, **shown))
        return 0
    try:
        save_output(key_out, (recovery + "\n").encode(), cli.data_dir)
    except KnownError:  # the vault exists now: show the key rather than lose it
        print(_t(cli, "joined", key=recovery, **shown))
        raise
    print(_t(cli, "joined_file", keyfile=key_out, **shown))
    return 0


def _sync(cli: Cli, vault: Any, me: Any) -> int:
    result = exchange.sync_folder(vault, me)
    for res in result.imported:
        print(
            _t(
                cli,
                "imported",
                sender=res.sender,
                rows=res.rows,
                conflicts=res.conflicts,
                removed=res.removed,
            )
        )
    for name, message in result.refused:
        print(_t(cli, "refused", name=name, message=message))
    if result.exported is not None:
        summary = ", ".join(f"{k}: {n}" for k, n in sorted(result.exported.rows.items()))
        print(_t(cli, "exported", path=result.path, summary=summary or "-"))
    return 1 if result.refused else 0


def _conflicts(cli: Cli, items: list[exchange.ConflictInfo]) -> None:
    if cli.args.json:
        print(
            json.dumps(
                [
                    {
                        "id": c.id,
                        "table": c.table,
                        "record": c.row_key,
                        "field": c.field,
                        "open": c.open,
                        "detected_at": c.detected_at,
                        "values": [
                            {"value": v.value, "by": v.by_login, "at": v.at} for v in c.values
                        ],
                        "resolved_by": c.resolved_by_login or None,
                    }
                    for c in items
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not items:
        print(_t(cli, "no_conflicts"))
        return
    for c in items:
        print(f"{c.id}  {c.table}.{c.field}  ({c.row_key})")
        for n, v in enumerate(c.values, start=1):
            print(f"  {n}. {v.value!r}  — {v.by_login}, {v.at}")


def _status(cli: Cli, st: exchange.ExchangeStatus) -> None:
    data = {
        "in_team": st.in_team,
        "team": st.team_name,
        "vault_id": st.vault_id,
        "key_generation": st.key_gen,
        "folder": st.folder,
        "pending_changes": st.pending,
        "open_conflicts": st.open_conflicts,
        "last_export": st.last_export_at.isoformat() if st.last_export_at else None,
        "last_import": st.last_import_at.isoformat() if st.last_import_at else None,
        "laptops": [
            {"login": p.login, "role": p.role, "revoked": p.revoked, "joined": p.joined}
            for p in st.peers
        ],
    }
    if cli.args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
