"""`amo-desktop exchange …`: team exchange from the command line (issue 7)."""

from __future__ import annotations

import json
from collections.abc import Callable

from amo_desktop.cli.invocation import Cli
from amo_desktop.cli.messages import TEXT
from amo_desktop.domain.identity import Identity
from amo_desktop.errors import KnownError, ValidationError
from amo_desktop.services import exchange
from amo_desktop.storage.inputs import read_input
from amo_desktop.storage.outputs import check_output, save_output
from amo_desktop.storage.vault import Vault

MAX_EXCHANGE_FILE = 1 << 30  # far above a team's bundle; a larger file is not ours


def run(cli: Cli) -> int:
    command = cli.args.exchange_command
    if command == "join":
        return _join(cli)
    with cli.unlocked() as (vault, me):
        return _UNLOCKED[command](cli, vault, me)


def _invite(cli: Cli, vault: Vault, me: Identity) -> int:
    out = check_output(cli.args.out, cli.data_dir)
    invitation = exchange.invite(vault, me, cli.args.login)
    save_output(out, invitation.data, cli.data_dir)
    until = invitation.expires.astimezone().strftime("%d/%m/%Y")
    cli.say("invited", login=cli.args.login, path=out, code=invitation.code, until=until)
    return 0


def _export(cli: Cli, vault: Vault, me: Identity) -> int:
    out = check_output(cli.args.out, cli.data_dir)
    result = exchange.export_bundle(vault, me)
    save_output(out, result.data, cli.data_dir)
    cli.say("exported", path=cli.args.out, summary=_summary(result.rows))
    return 0


def _import(cli: Cli, vault: Vault, me: Identity) -> int:
    _print_imported(cli, exchange.import_bundle(vault, me, _read(cli.args.file)))
    return 0


def _folder(cli: Cli, vault: Vault, me: Identity) -> int:
    exchange.set_folder(vault, me, cli.args.path)
    if cli.args.path:
        cli.say("folder_set", path=cli.args.path)
    else:
        cli.say("folder_cleared")
    return 0


def _resolve(cli: Cli, vault: Vault, me: Identity) -> int:
    exchange.resolve_conflict(vault, me, cli.args.conflict_id, cli.args.keep - 1)
    cli.say("resolved")
    return 0


def _summary(rows: dict[str, int]) -> str:
    """Rows per login, e.g. 'an: 3, lea: 12', or '-' when there are none."""
    return ", ".join(f"{login}: {n}" for login, n in sorted(rows.items())) or "-"


def _print_imported(cli: Cli, res: exchange.ImportResult) -> None:
    cli.say(
        "imported", sender=res.sender, rows=res.rows, conflicts=res.conflicts, removed=res.removed
    )


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
            cli.t("exists", path=key_out),
            TEXT["exists"]["en"].format(path=key_out),
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
        cli.say("joined", key=recovery, **shown)
        return 0
    try:
        save_output(key_out, (recovery + "\n").encode(), cli.data_dir)
    except KnownError:  # the vault exists now: show the key rather than lose it
        cli.say("joined", key=recovery, **shown)
        raise
    cli.say("joined_file", keyfile=key_out, **shown)
    return 0


def _sync(cli: Cli, vault: Vault, me: Identity) -> int:
    result = exchange.sync_folder(vault, me)
    for res in result.imported:
        _print_imported(cli, res)
    for name, message in result.refused:
        cli.say("refused", name=name, message=message)
    if result.exported is not None:
        cli.say("exported", path=result.path, summary=_summary(result.exported.rows))
    return 1 if result.refused else 0


def _conflicts(cli: Cli, vault: Vault, me: Identity) -> int:
    items = exchange.conflicts(vault, me, open_only=not cli.args.all)
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
        return 0
    if not items:
        cli.say("no_conflicts")
        return 0
    for c in items:
        print(f"{c.id}  {c.table}.{c.field}  ({c.row_key})")
        for n, v in enumerate(c.values, start=1):
            print(f"  {n}. {v.value!r}  — {v.by_login}, {v.at}")
    return 0


def _status(cli: Cli, vault: Vault, me: Identity) -> int:
    st = exchange.status(vault, me)
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
    return 0


# The subcommands that work in the unlocked vault, by name; each returns the exit code.
_UNLOCKED: dict[str, Callable[[Cli, Vault, Identity], int]] = {
    "invite": _invite,
    "export": _export,
    "import": _import,
    "folder": _folder,
    "sync": _sync,
    "conflicts": _conflicts,
    "resolve": _resolve,
    "status": _status,
}
