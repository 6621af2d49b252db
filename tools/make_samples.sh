#!/usr/bin/env bash
# Makes docs/samples/ again: a typical demo vault (invented people) with reference day
# 2026-02-02, then one sample of every report, made through the command line as a user would.
# Usage: bash tools/make_samples.sh [WORKDIR]   (WORKDIR defaults to a new temporary folder)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY=python3
WORK="${1:-$(mktemp -d)}"
OUT="$ROOT/docs/samples"
export PYTHONPATH="$ROOT" AMO_PASSWORD=demo-wachtwoord AMO_USER=teamleider QT_QPA_PLATFORM=offscreen
amo() { "$PY" -m amo_desktop --data-dir "$WORK/vault" "$@"; }

[ -f "$WORK/vault/vault.keys" ] || amo demo --today 2026-02-02
YEAR=2025-2026
amo report steering --school-year $YEAR --out "$OUT/stuurgroeprapport.pdf"
amo report school --school-year $YEAR --school "BuSO De Kleine Linde Opwijk" \
    --out "$OUT/schoolrapport.pdf"
amo report funder --school-year $YEAR --funder "Plan Samenleven – Klasbakken" \
    --out "$OUT/financiersrapport.pdf"
amo report signal --school-year $YEAR --municipality Asse --out "$OUT/signaal-lokaal-bestuur.pdf"
amo report planning --week 2026-01-26 --out "$OUT/planning-team.pdf"
# The young person of the trajectory report and the access export: Tess Yılmaz.
PUPIL="$("$PY" - "$WORK/vault" <<'EOF'
import sys
from pathlib import Path

from sqlalchemy import select

from amo_desktop.domain.caseload import Youth
from amo_desktop.storage.vault import Vault

vault = Vault(Path(sys.argv[1]))
vault.unlock("teamleider", "demo-wachtwoord")
with vault.session() as s:
    print(s.scalar(select(Youth.id).where(Youth.first_name == "Tess", Youth.last_name == "Yılmaz")))
vault.lock()
EOF
)"
amo report trajectory --pupil "$PUPIL" --audience school --out "$OUT/trajectverslag.pdf"
amo report access --pupil "$PUPIL" --reason "Voorbeeld (verzonnen gegevens)." \
    --out "$OUT/inzage-export.pdf"
# The referral form a school fills in, for a pupil and for a class (docs/referral-form.md).
rm -f "$OUT/aanmeldingsformulier-leerling.pdf" "$OUT/aanmeldingsformulier-klas.pdf"
amo form referral --school "BuSO De Kleine Linde Opwijk" --out "$OUT/aanmeldingsformulier-leerling.pdf"
amo form referral --school "BuSO De Kleine Linde Opwijk" --class \
    --out "$OUT/aanmeldingsformulier-klas.pdf"
echo "Samples in $OUT (demo vault in $WORK/vault)"
