#!/usr/bin/env bash
# Sets up everything AMO Desktop needs on a fresh Debian/Ubuntu machine with Python 3.11 + pip:
# the system libraries Qt loads, a virtual environment in .venv, and the locked packages.
# Sourced by tools/app.sh and tools/test.sh; safe to run again (it only adds what is missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${AMO_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"

# Qt's xcb (windows) and offscreen (tests) platform plugins need these shared libraries.
QT_DEBS=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
         libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
         libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
         fonts-dejavu-core)

install_debs() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "Install these system packages yourself: ${missing[*]}" >&2
        return 0
    fi
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

setup_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$PY" -m venv "$VENV"
    fi
    local stamp="$VENV/.amo-lock-stamp"
    local want
    want="$(cat "$ROOT/requirements-dev.lock" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -r "$ROOT/requirements-dev.lock"
        "$VENV/bin/python" -m pip install -q --no-deps -e "$ROOT"
        echo "$want" > "$stamp"
    fi
}

bootstrap() {
    install_debs "${QT_DEBS[@]}" "$@"
    setup_venv
}
