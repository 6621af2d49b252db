#!/usr/bin/env bash
# Sets up and runs the whole test suite (the same command CI runs). Extra args go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
"$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
