#!/usr/bin/env bash
# Mutation testing of the rules that protect a pupil (mutmut), on demand; not part of CI.
#   bash tools/mutation.sh                      # every protective module (hours on 2 cores)
#   bash tools/mutation.sh services/waitlist.py # one or more modules, relative to amo_desktop/
# Works on a copy of the tree in .cache/mutation (AMO_MUTATION_DIR), kept between runs so mutmut
# checks again only what changed (AMO_MUTATION_FRESH=1 starts over); prints the score per module.
# AMO_MUTATION_CHILDREN sets how many mutants run at once (default: one per core).
# Mutants listed as equivalent in docs/testing.md leave the denominator.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap
cd "$ROOT"
"$VENV/bin/python" -m pip install -q -r tools/mutation-requirements.txt

PROTECTIVE=(
    storage/keyslots.py storage/engine.py storage/backup.py storage/restore.py
    storage/outputs.py storage/removal.py services/authz.py services/restore.py sync/scope.py
    sync/rights.py services/retention.py services/waitlist.py domain/rules.py sync/ledger.py
    sync/incoming.py sync/deletions.py reports/disclosure.py services/_import_read.py
    services/_import_check.py
)
if [ "$#" -gt 0 ]; then MODULES=("$@"); else MODULES=("${PROTECTIVE[@]}"); fi
WORK="${AMO_MUTATION_DIR:-$ROOT/.cache/mutation}"
[ "${AMO_MUTATION_FRESH:-0}" = 1 ] && rm -rf "$WORK"
mkdir -p "$WORK"
tar -C "$ROOT" --exclude=./.venv --exclude=./.git --exclude=./.cache --exclude=./packaging/work \
    --exclude=./mutants --exclude=__pycache__ -cf - . | tar -C "$WORK" -xf -
only=""
for module in "${MODULES[@]}"; do
    [ -f "$WORK/amo_desktop/$module" ] || { echo "skipped (not in the tree): $module"; continue; }
    # mutmut never mutates a decorated function: wrap the services after their definition instead.
    "$VENV/bin/python" tools/mutation_undecorate.py "$WORK/amo_desktop/$module"
    # A module first asked for now was copied unmutated by an earlier run; mutmut keeps that copy.
    # Its tests were never traced either: without fresh stats every mutant counts as "no tests".
    [ -f "$WORK/mutants/amo_desktop/$module.meta" ] \
        || rm -f "$WORK/mutants/amo_desktop/$module" "$WORK/mutants/mutmut-stats.json"
    # A run without this module dropped its functions from the stats: trace the tests again.
    dotted="amo_desktop.$(echo "${module%.py}" | tr / .)."
    grep -qF "\"$dotted" "$WORK/mutants/mutmut-stats.json" 2>/dev/null \
        || rm -f "$WORK/mutants/mutmut-stats.json"
    only+="\"amo_desktop/$module\", "
done
# Fewer tests (e.g. AMO_MUTATION_TESTS=tests/unit) run faster and can only lower the score; use
# another AMO_MUTATION_DIR for them, since mutmut starts over when the tests asked for change.
TESTS="$(printf '"%s", ' ${AMO_MUTATION_TESTS:-tests/unit tests/integration})"
TESTS="${TESTS%, }"
"$VENV/bin/python" tools/mutation_report.py --retry "$WORK/mutants" docs/testing.md "${MODULES[@]}"
cat >> "$WORK/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = ["amo_desktop"]
only_mutate = [${only%, }]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:xdist", "-q"]
pytest_add_cli_args_test_selection = [$TESTS]
also_copy = ["resources", "docs", "tools"]
TOML
CHILDREN="${AMO_MUTATION_CHILDREN:-$(nproc)}"
start=$(date +%s)
(cd "$WORK" && QT_QPA_PLATFORM=offscreen "$VENV/bin/mutmut" run --max-children "$CHILDREN" >"$WORK/mutmut.log" 2>&1) \
    || { tail -n 30 "$WORK/mutmut.log"; exit 1; }
"$VENV/bin/python" tools/mutation_report.py "$WORK/mutants" docs/testing.md "${MODULES[@]}"
echo "time: $(( $(date +%s) - start )) s with $CHILDREN children on $(nproc) cores"
