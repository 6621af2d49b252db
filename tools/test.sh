#!/usr/bin/env bash
# Sets up and runs the whole test suite (the same command CI runs). Extra args go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
# Lint (with the complexity limits) and types first: a new error fails the run in seconds.
"$VENV/bin/ruff" check amo_desktop tests tools
"$VENV/bin/ruff" format --check --quiet amo_desktop tests tools
"$VENV/bin/mypy" amo_desktop
# Two workers on the 2-core CI machine; pass -n 0 to run in one process.
"$VENV/bin/python" -m pytest -p no:cacheprovider -n auto "$@"
