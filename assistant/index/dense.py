"""The FAISS index: inner product on normalized vectors (cosine), flat unless configured."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


def build_dense(vectors: np.ndarray, factory: str = "Flat") -> faiss.Index:
    """An inner-product index over ``vectors`` (float32, L2-normalized) built from a factory string."""
    dim = vectors.shape[1]
    index = faiss.index_factory(dim, factory, faiss.METRIC_INNER_PRODUCT)
    if not index.is_trained:
        if len(vectors) < 1:
            raise ValueError(f"FAISS index {factory!r} needs training vectors")
        index.train(vectors)
    if len(vectors):
        index.add(vectors)
    return index


def save_dense(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def load_dense(path: Path) -> faiss.Index:
    return faiss.read_index(str(path))


def search_dense(index: faiss.Index, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[list[int], list[float]]:
    """Top-``k`` rows and scores for one query vector, optionally restricted to ``allowed`` rows."""
    if index.ntotal == 0 or k <= 0:
        return [], []
    k = min(k, index.ntotal)
    params = None
    if allowed is not None:
        if len(allowed) == 0:
            return [], []
        params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed.astype(np.int64)))
    scores, rows = index.search(query.reshape(1, -1).astype(np.float32), k, params=params)
    keep = rows[0] >= 0
    return rows[0][keep].tolist(), scores[0][keep].tolist()
