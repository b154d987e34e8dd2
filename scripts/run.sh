#!/usr/bin/env bash
# Set up, index corpus/ (incremental), and open the web app on http://127.0.0.1:7860.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/assistant ingest corpus/
if [ -f app.py ]; then
  exec .venv/bin/python app.py "$@"
else
  exec .venv/bin/assistant search "${1:-hội nghị sơ kết chương trình hợp tác}"
fi
