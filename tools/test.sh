#!/usr/bin/env bash
# Install everything, then run every check: lint, types, architecture, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PIXIODOC_EXTRAS=test,build bash tools/install.sh
echo "== ruff";        .venv/bin/ruff check . && .venv/bin/ruff format --check .
echo "== mypy";        .venv/bin/mypy
echo "== lint-imports"; .venv/bin/lint-imports
echo "== pytest";      .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
