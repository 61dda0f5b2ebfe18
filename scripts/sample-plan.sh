#!/usr/bin/env bash
# Set everything up and write a sample plan (sample-plan.pdf) from the built-in catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e .
.venv/bin/hiprehab plan --goal prevent --name "Sample Runner" --no-red-flags \
  --start 2027-01-04 --weeks 8 --run-days tue,thu,sun --weekly-km 20 --longest-run-km 8 \
  --out sample-plan.pdf --json sample-plan.json
echo "Wrote sample-plan.pdf (and sample-plan.json)."
