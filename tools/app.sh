#!/usr/bin/env bash
# Sets up and starts AMO Desktop. `tools/app.sh --demo` opens a demo vault in ./demo-vault;
# other arguments go to amo-desktop (e.g. `tools/app.sh --data-dir D selftest`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap
cd "$ROOT"
if [ "${1:-}" = "--demo" ]; then
    shift
    if [ ! -f "$ROOT/demo-vault/vault.keys" ]; then
        echo "Making a demo vault with invented data in ./demo-vault (about half a minute)..."
        "$VENV/bin/amo-desktop" --data-dir "$ROOT/demo-vault" demo
    fi
    exec "$VENV/bin/amo-desktop" --data-dir "$ROOT/demo-vault" --demo "$@"
fi
exec "$VENV/bin/amo-desktop" "$@"
