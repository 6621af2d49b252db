"""The command line: a second front end on the same services, and the scripting contract.

Exit codes: 0 success, 1 an error (one line on stderr), 2 wrong usage.
Passwords come from AMO_PASSWORD / AMO_NEW_PASSWORD and the user from AMO_USER when set.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from amo_desktop.cli.invocation import Cli, UsageError
from amo_desktop.cli.messages import one_line
from amo_desktop.cli.parser import Handler, build_parser
from amo_desktop.config import log_dir
from amo_desktop.crash_report import write_crash_report
from amo_desktop.errors import KnownError, ValidationError
from amo_desktop.logging_setup import configure as configure_logging


def start_gui(cli: Cli) -> int:
    try:
        from amo_desktop.app import run_app
    except ImportError as exc:
        print(cli.t("no_gui", error=exc), file=sys.stderr)
        return 1
    # Without --lang or AMO_LANG the GUI uses the language chosen in its settings.
    chosen = cli.args.lang or os.environ.get("AMO_LANG")
    return run_app(cli.data_dir, chosen, demo=cli.args.demo)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    cli = Cli(args)
    handler: Callable[[Cli], int]
    if args.selftest:
        handler = Handler("vault_commands", "cmd_selftest")
    elif args.command is None:
        handler = start_gui
    else:
        handler = args.func
    try:
        if not (args.selftest or args.command in ("selftest", "inventory")):
            configure_logging(cli.data_dir)
        code = handler(cli)
        if code == 0:
            cli.finish()
        return code
    except KnownError as exc:
        field = f"{exc.field}: " if isinstance(exc, ValidationError) else ""
        print(f"amo-desktop: {one_line(field + exc.message(cli.lang))}", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"amo-desktop: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 1
    except BrokenPipeError:  # the reader stopped early (`| head`, `grep -q`): no crash report
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        report = write_crash_report(log_dir(cli.data_dir), type(exc), exc)
        kind = type(exc).__name__
        print(f"amo-desktop: {cli.t('bug', kind=kind, report=report or '-')}", file=sys.stderr)
        return 1
