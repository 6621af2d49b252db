# Helpers shared by build-linux.sh and build-windows.sh (sourced, not run).

PACKAGING_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$PACKAGING_DIR/.." && pwd)"
WORK_DIR="$PACKAGING_DIR/work"
APP_VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT_DIR/amo_desktop/__init__.py")"
PHASES=()
SCRIPT_START=$SECONDS

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# phase NAME COMMAND...: runs a step and remembers how long it took.
phase() {
    local name=$1 start=$SECONDS
    shift
    log "$name"
    "$@"
    PHASES+=("$(printf '%-34s %4ss' "$name" $((SECONDS - start)))")
}

print_phases() {
    log "time per phase"
    printf '  %s\n' "${PHASES[@]}"
    printf '  %-34s %4ss\n' "total" $((SECONDS - SCRIPT_START))
}

# need_apt PACKAGE...: installs the Debian packages that are missing (non-interactive).
need_apt() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The package lists may be absent on a fresh machine; update once when needed. A mirror in
    # the middle of a sync makes `apt-get update` fail on one index while the others are fine:
    # that alone must not fail the build, the install that follows decides.
    if ! $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        $sudo apt-get update -q || echo "apt-get update reported errors; installing anyway" >&2
        $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

# human SIZE_IN_BYTES
human() { numfmt --to=iec-i --suffix=B --format='%.1f' "$1"; }

# lock_stamp FILE...: a hash of the inputs of an environment, to reuse it while they are unchanged.
lock_stamp() { cat "$@" | sha256sum | cut -c1-16; }

# start_xvfb: a virtual X display on a free number (Xvfb picks it); sets XVFB_PID, XVFB_DISPLAY.
start_xvfb() {
    local numfile
    numfile="$(mktemp)"
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$numfile" >/dev/null 2>&1 &
    XVFB_PID=$!
    local _
    for _ in $(seq 100); do [ -s "$numfile" ] && break; sleep 0.1; done
    [ -s "$numfile" ] || die "Xvfb did not start"
    XVFB_DISPLAY=":$(head -n 1 "$numfile")"
    rm -f "$numfile"
}
