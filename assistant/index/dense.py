"""The FAISS index: inner product on normalized vectors (cosine), flat unless configured."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

TRAIN_MAX = 32_768  # vectors an IVF / PQ index is trained on at most


def build_dense(vectors: np.ndarray, factory: str = "Flat") -> faiss.Index:
    """An inner-product index over ``vectors`` (float32, L2-normalized) built from a factory string."""
    dim = vectors.shape[1]
    index = faiss.index_factory(dim, factory, faiss.METRIC_INNER_PRODUCT)
    if not index.is_trained:
        if len(vectors) < 1:
            raise ValueError(f"FAISS index {factory!r} needs training vectors")
        # k-means costs grow with the sample: a bounded random sample trains as well (FAISS samples too).
        sample = vectors if len(vectors) <= TRAIN_MAX else vectors[np.random.default_rng(0).choice(
            len(vectors), TRAIN_MAX, replace=False)]
        index.train(sample)
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
        params = _filtered(index, faiss.IDSelectorBatch(allowed.astype(np.int64)))
    scores, rows = index.search(query.reshape(1, -1).astype(np.float32), k, params=params)
    keep = rows[0] >= 0
    return rows[0][keep].tolist(), scores[0][keep].tolist()


def _filtered(index: faiss.Index, selector: faiss.IDSelector) -> faiss.SearchParameters:
    """Search parameters restricted to ``selector``, of the index's own kind (IVF and HNSW refuse others,
    and would otherwise lose their nprobe / efSearch)."""
    inner = faiss.downcast_index(index)
    if isinstance(inner, faiss.IndexIVF):
        return faiss.SearchParametersIVF(sel=selector, nprobe=inner.nprobe)
    if hasattr(inner, "hnsw"):
        return faiss.SearchParametersHNSW(sel=selector, efSearch=inner.hnsw.efSearch)
    return faiss.SearchParameters(sel=selector)
