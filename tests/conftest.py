"""Shared fixtures: paths to the bundled data and a fake embedder for tests that must not load the model.

The fake embedder has the surface :mod:`assistant.ingest` and :class:`~assistant.index.retriever.HybridRetriever`
use (``dimension``, ``prompts``, ``model.max_seq_length``, ``encode_documents``, ``encode_queries``). Its
vectors are a hashed bag of folded syllables, L2-normalized: deterministic, and similar for texts that
share words, so dense and hybrid searches over it behave sensibly without the real model.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from index_helpers import CORPUS_FILES, copy_corpus

from assistant.text.normalize import fold

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
LAW = REPO.parent / "shared" / "data" / "law" / "bo-luat-lao-dong-2019.txt"

_WORD = re.compile(r"[^\W_]+")


class FakeEmbedder:
    """A deterministic stand-in for :class:`assistant.models.embedder.Embedder`."""

    def __init__(self, dimension: int = 64, max_seq_length: int = 512) -> None:
        self.dimension = dimension
        self.prompts = {"query": "task: search result | query: ", "document": "title: none | text: "}
        self.model = SimpleNamespace(max_seq_length=max_seq_length)
        self.model_id = "fake"
        self.documents_encoded = 0
        self.queries_encoded = 0

    def with_query_cache(self, enabled: bool) -> FakeEmbedder:
        return self  # nothing is cached

    def vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dimension, dtype=np.float32)
        for word in _WORD.findall(fold(text)):
            digest = hashlib.sha1(word.encode("utf-8")).digest()
            vec[int.from_bytes(digest[:4], "little") % self.dimension] += 1.0
        norm = float(np.linalg.norm(vec))
        if norm == 0.0:
            vec[0] = 1.0
            return vec
        return vec / norm

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = self.vector(text)
        return out

    def encode_documents(self, texts: Sequence[str], progress=None) -> np.ndarray:
        self.documents_encoded += len(texts)
        return self._encode(texts)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.queries_encoded += len(texts)
        return self._encode(texts)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def make_fake_embedder() -> type[FakeEmbedder]:
    """The class itself, for tests that need an embedder with other parameters."""
    return FakeEmbedder


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    assert len(CORPUS_FILES) == 5, f"expected the five corpus documents in {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def law_path() -> Path:
    if not LAW.is_file():
        pytest.skip(f"{LAW} is not available")
    return LAW


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A writable copy of the corpus."""
    return copy_corpus(tmp_path / "docs")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"
