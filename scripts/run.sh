#!/usr/bin/env bash
# Set up, then open the web app on http://127.0.0.1:7860. The app indexes corpus/ (incrementally)
# in the background on start, with its progress shown on the page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python app.py "$@"
