#!/usr/bin/env bash
# Install PixioDoc Desktop into ./.venv (system libraries, then Python packages).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/system-deps.sh
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[heif${PIXIODOC_EXTRAS:+,$PIXIODOC_EXTRAS}]"
