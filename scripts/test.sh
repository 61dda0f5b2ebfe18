#!/usr/bin/env bash
# Set everything up and run the whole test suite: lint, types, tests.
# Used by the README's second command and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian tools the PDF tests read plans back with (qpdf --check, pdffonts, pdftoppm), and
# CUPS with the cups-pdf printer that the printing tests print to (they start their own
# scheduler). CUPS comes without its recommends (drivers, network discovery); a failed
# CUPS install only skips the printing tests.
PDF_TOOLS=()
command -v qpdf >/dev/null || PDF_TOOLS+=(qpdf)
command -v pdffonts >/dev/null || PDF_TOOLS+=(poppler-utils)
PRINTING=()
{ PATH="$PATH:/usr/sbin:/sbin" command -v cupsd >/dev/null && command -v lp >/dev/null; } || PRINTING+=(cups)
[ -e /usr/lib/cups/backend/cups-pdf ] || PRINTING+=(printer-driver-cups-pdf)
if [ ${#PDF_TOOLS[@]} -gt 0 ] || [ ${#PRINTING[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    if [ ${#PDF_TOOLS[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${PDF_TOOLS[@]}" >/dev/null
    fi
    if [ ${#PRINTING[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        "${PRINTING[@]}" >/dev/null 2>&1 \
        || echo "warning: could not install ${PRINTING[*]}; the printing tests will be skipped" >&2
    fi
  else
    echo "warning: apt-get is not available to install ${PDF_TOOLS[*]} ${PRINTING[*]}; the tests that need them will be skipped" >&2
  fi
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache
# The tests run on every core (pytest-xdist); each worker has its own temporary folders.
.venv/bin/pytest -n auto "$@"
