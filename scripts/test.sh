#!/usr/bin/env bash
# Set up, install Debian's Chromium for the browser tests if missing, and the Debian tools the converter
# tests use (Tesseract with Vietnamese data, poppler-utils, catdoc, antiword; LibreOffice Writer to make
# real .doc files), and run the whole test suite. Extra arguments go to pytest (e.g. -m "not slow").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if [ ! -x /usr/bin/chromium ]; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
missing=""
for pkg in tesseract-ocr tesseract-ocr-vie poppler-utils catdoc antiword libreoffice-writer-nogui; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" = 5 ]; then echo "no tests collected"; fi
exit "$code"
