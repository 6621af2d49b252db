#!/usr/bin/env bash
# Builds the Linux one-folder bundle with PyInstaller from requirements.lock, in its own venv
# under packaging/work/linux, then runs the bundle's selftest (the build fails if it fails) and
# reports the sizes. Works from a clean clone with Python 3.11 + pip; missing Debian packages are
# installed with apt-get.
#
#   bash packaging/build-linux.sh            # build + selftest
#   PYTHON=/usr/bin/python3.11 bash packaging/build-linux.sh
#   AMO_GUI_SMOKE=1 bash packaging/build-linux.sh   # also start the GUI on Xvfb, time + screenshot
#
# Output: packaging/work/linux/dist/amo-desktop/ and amo-desktop-<version>-linux-x86_64.tar.gz
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT="$WORK_DIR/linux"
VENV="$OUT/venv"
DIST="$OUT/dist"
BUNDLE="$DIST/amo-desktop"
TARBALL="$OUT/amo-desktop-$APP_VERSION-linux-x86_64.tar.gz"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
mkdir -p "$OUT"
cleanup() {
    if [ -n "${GUI_PID:-}" ]; then kill "$GUI_PID" 2>/dev/null || true; fi
    if [ -n "${XVFB_PID:-}" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

prerequisites() {
    "$PYTHON" -c 'import sys; assert sys.version_info[:2] >= (3, 11), sys.version' \
        || die "$PYTHON is not Python >= 3.11"
    local pkgs=(binutils)  # objdump, used by PyInstaller's dependency analysis
    "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || pkgs+=("python3-venv")
    if [ "${AMO_GUI_SMOKE:-0}" = 1 ]; then
        # Xvfb + tools, and the system libraries Qt's xcb plugin needs (as in the README).
        pkgs+=(xvfb xauth xdotool imagemagick libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0
               libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb-cursor0
               libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
               libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core)
    fi
    need_apt "${pkgs[@]}"
}

environment() {
    local stamp
    stamp="$(lock_stamp "$ROOT_DIR/requirements.lock" "$PACKAGING_DIR/build-requirements.txt")-$("$PYTHON" -c 'import sys; print(sys.version.split()[0])')"
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.stamp" 2>/dev/null)" = "$stamp" ]; then
        echo "reusing $VENV (lock unchanged)"
        return
    fi
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input \
        -r "$ROOT_DIR/requirements.lock" -r "$PACKAGING_DIR/build-requirements.txt" \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    "$VENV/bin/python" -m pip check
    echo "$stamp" > "$VENV/.stamp"
}

translations() {
    # resources/translations/*.ts -> .qm (gitignored; the spec refuses a missing or stale .qm).
    local ts found=0
    for ts in "$ROOT_DIR"/resources/translations/*.ts; do
        [ -f "$ts" ] || continue
        "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
        echo "$(basename "${ts%.ts}.qm")"
        found=1
    done
    [ $found -eq 1 ] || echo "no .ts files"
}

freeze() {
    rm -rf "$DIST" "$OUT/build"
    (cd "$ROOT_DIR" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$OUT/build" packaging/amo_desktop.spec)
    [ -x "$BUNDLE/amo-desktop" ] || die "no executable in $BUNDLE"
    ln -sfn amo-desktop "$BUNDLE/amo-desktop-debug"  # same name as the Windows console twin
}

selftest() {
    local home
    home="$(mktemp -d)"
    # A clean HOME and no QT/Python variables: the bundle must not lean on this machine's setup.
    env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 TMPDIR="$home" \
        "$BUNDLE/amo-desktop-debug" selftest | tee "$OUT/selftest.log"
    local rc=${PIPESTATUS[0]}
    rm -rf "$home"
    [ "$rc" -eq 0 ] || die "the bundle's selftest failed (exit $rc)"
    grep -q "^selftest passed" "$OUT/selftest.log" || die "selftest did not say it passed"
    grep -Eq "^OK +cipher memory security off" "$OUT/selftest.log" \
        || die "cipher_memory_security is not OFF in the bundle (R20)"
    env -i PATH=/usr/bin:/bin HOME=/nonexistent "$BUNDLE/amo-desktop-debug" --version
}

archive() {
    rm -f "$TARBALL"
    tar -C "$DIST" -czf "$TARBALL" amo-desktop
    local files
    files=$(find "$BUNDLE" -type f | wc -l)
    BUNDLE_SIZE="$(du -sb "$BUNDLE" | cut -f1)"
    TAR_SIZE="$(stat -c %s "$TARBALL")"
    echo "bundle: $(human "$BUNDLE_SIZE") in $files files ($(du -sh "$BUNDLE" | cut -f1) on disk)"
    echo "tar.gz: $(human "$TAR_SIZE")  $TARBALL"
}

gui_smoke() {
    [ -f "$ROOT_DIR/amo_desktop/app.py" ] || { echo "no GUI yet (amo_desktop/app.py): skipped"; return; }
    local data shot="$OUT/screenshot-linux.png" start pid elapsed display run ok=0
    data="$(mktemp -d)"
    # The demo vault first (the `demo` command), so that the timed starts are what a user sees:
    # from the program's start to the unlock window of an existing vault.
    HOME="$data" XDG_RUNTIME_DIR="$data" "$BUNDLE/amo-desktop" --data-dir "$data/vault" demo \
        | tail -n 1
    start_xvfb
    display=$XVFB_DISPLAY
    for run in 1 2; do
        start=$(date +%s.%N)
        DISPLAY="$display" HOME="$data" XDG_RUNTIME_DIR="$data" \
            "$BUNDLE/amo-desktop" --data-dir "$data/vault" --demo > "$OUT/gui.log" 2>&1 &
        pid=$!
        GUI_PID=$pid
        if DISPLAY="$display" timeout 60 xdotool search --sync --onlyvisible --name "AMO" >/dev/null; then
            elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
            echo "start $run: unlock window after ${elapsed}s"
            if [ "$run" = 1 ]; then
                sleep 3
                DISPLAY="$display" import -window root "$shot" && echo "screenshot: $shot"
            fi
        else
            echo "no window within 60 s"; cat "$OUT/gui.log"; ok=1
        fi
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        GUI_PID=""
        [ $ok -eq 0 ] || break
    done
    kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$data"
    [ $ok -eq 0 ] || die "the bundle's GUI did not show a window"
}

phase "prerequisites (apt)" prerequisites
phase "venv from requirements.lock" environment
phase "translations (lrelease)" translations
phase "pyinstaller" freeze
phase "selftest of the bundle" selftest
phase "archive + sizes" archive
if [ "${AMO_GUI_SMOKE:-0}" = 1 ]; then phase "GUI smoke test (Xvfb)" gui_smoke; fi
print_phases
