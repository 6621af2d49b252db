"""The referral form on the command line: making one for a school and importing filled ones."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from amo_desktop.cli.invocation import Cli
from amo_desktop.cli.messages import one_line
from amo_desktop.errors import ValidationError
from amo_desktop.storage.outputs import check_output


def cmd_form(cli: Cli) -> int:
    """form referral --school NAME [--class] --out FILE.pdf"""
    from amo_desktop.services import referral_form

    args = cli.args
    out = check_output(args.out, cli.data_dir)
    if out.exists():
        raise ValidationError("out", cli.t("exists", path=out))
    with cli.unlocked() as (vault, caller):
        written = referral_form.make_form(vault, caller, args.school, args.for_class, out)
    cli.say("form_done", path=written)
    return 0


def cmd_import_form(cli: Cli) -> int:
    """import form FILE…: every form read and checked, then all saved or none."""
    from amo_desktop.services import referral_form

    paths = [Path(name) for name in cli.args.files]
    with cli.unlocked() as (vault, caller):
        result = referral_form.import_forms(vault, caller, paths, date.today(), cli.lang)
    if result.problems:
        for name, problem in result.problems:
            print(one_line(f"{name}: {problem}"), file=sys.stderr)
        print(f"amo-desktop: {cli.t('import_failed', count=len(result.problems))}", file=sys.stderr)
        return 1
    cli.say("form_imported", count=len(result.created))
    return 0
