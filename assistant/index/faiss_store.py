"""The default search store: FAISS and bm25s as files in the generation folder, searched in process.

``faiss_index="auto"`` picks the FAISS type by corpus size (README § Scale / Milvus, from
``scripts/bench_search.py --synthetic 100000 --dense-sizes 200000,400000``): exact ``Flat`` (recall 1,
linear in the corpus) while it stays inside the latency target, then ``HNSW32``. Measured on one search
thread: Flat hybrid p95 35 ms at 100 000 chunks, Flat dense alone p95 59 ms at 200 000 and 105 ms at
400 000: up to 200 000 a new question (hybrid ~70 ms + query embedding 43 ms p95 when a core is free)
stays inside 150 ms.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import faiss
import numpy as np

from assistant.index.dense import build_dense, load_dense, save_dense, search_dense
from assistant.index.keyword import KeywordIndex
from assistant.index.search_store import NO_FILTERS, Filters, GenerationIndex, Ranked, RowMeta, SearchStore
from assistant.index.tokenizer import VietnameseTokenizer

log = logging.getLogger(__name__)

# Up to this many chunks exact search stays inside the latency target (measured, README § Scale / Milvus).
AUTO_FLAT_MAX = 200_000
AUTO_LARGE = "HNSW32"


def resolve_factory(factory: str, size: int) -> str:
    """The FAISS factory string for ``size`` chunks: ``factory`` itself unless it is ``auto``."""
    if factory != "auto":
        return factory
    return "Flat" if size <= AUTO_FLAT_MAX else AUTO_LARGE


@contextmanager
def omp_threads(count: int) -> Iterator[None]:
    """FAISS's OpenMP threads set to ``count`` (0: leave as is) for the block, in the calling thread only
    (OpenMP keeps the setting per thread, so searches in other threads and index builds are unaffected)."""
    if count <= 0:
        yield
        return
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(count)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def tune(index: faiss.Index, probe: int) -> faiss.Index:
    """Search-time knobs of approximate indexes: IVF lists probed, HNSW candidate list length."""
    with suppress(RuntimeError):  # not an IVF index
        faiss.extract_index_ivf(index).nprobe = probe
    hnsw = getattr(faiss.downcast_index(index), "hnsw", None)
    if hnsw is not None:
        hnsw.efSearch = max(hnsw.efSearch, probe)
    return index


class FaissGeneration(GenerationIndex):
    """A FAISS index and a bm25s index over one generation's rows.

    One query scans the vectors on ``threads`` OpenMP threads (0: all cores). The scan is memory-bound,
    so a second thread gains little, and on a shared CPU it waits for a busy core: at 100 000 chunks on
    this 2-core VM one thread searched in 26 ms, two in 65 ms (README § Scale / Milvus)."""

    def __init__(self, dense: faiss.Index, keyword: KeywordIndex, meta: RowMeta, threads: int = 1) -> None:
        self.dense_index = dense
        self.keyword_index = keyword
        self.meta = meta
        self.threads = threads
        self.deleted = np.zeros(len(meta.sources), dtype=bool)

    def allowed_rows(self, filters: Filters) -> np.ndarray | None:
        """Rows that pass the filters (and are not deleted), or None when every row does."""
        if filters.empty and not self.deleted.any():
            return None
        mask = ~self.deleted
        if filters.since is not None:
            mask &= self.meta.years >= filters.since
        if filters.until is not None:
            mask &= (self.meta.years <= filters.until) & (self.meta.years > 0)
        if filters.sources:
            wanted = set(filters.sources)
            mask &= np.array([s in wanted for s in self.meta.sources], dtype=bool)
        return np.flatnonzero(mask)

    def dense(self, vector: np.ndarray, k: int, filters: Filters = NO_FILTERS) -> Ranked:
        with omp_threads(self.threads):
            return search_dense(self.dense_index, vector, k, self.allowed_rows(filters))

    def keyword(self, query: str, k: int, filters: Filters = NO_FILTERS) -> Ranked:
        return self.keyword_index.search(query, k, self.allowed_rows(filters))

    def delete_document(self, doc_id: str) -> int:
        rows = np.array([d == doc_id for d in self.meta.doc_ids], dtype=bool) & ~self.deleted
        self.deleted |= rows
        return int(rows.sum())

    def prepare(self) -> None:
        self.keyword_index.query_tokens("khởi động")  # loads pyvi and the vocabulary lookups


class FaissStore(SearchStore):
    """FAISS (``factory``, or by size when ``auto``) beside the generation's bm25s files."""

    kind = "faiss"

    def __init__(self, factory: str = "auto", probe: int = 32, tokenizer: VietnameseTokenizer | None = None,
                 threads: int = 1) -> None:
        self.factory = factory
        self.probe = probe
        self.tokenizer = tokenizer or VietnameseTokenizer()
        self.threads = threads

    def write(self, folder: Path, generation: str, vectors: np.ndarray, meta: RowMeta) -> None:
        factory = resolve_factory(self.factory, len(vectors))
        save_dense(build_dense(vectors.astype(np.float32), factory), folder / "dense.faiss")

    def open(self, folder: Path, meta: RowMeta) -> FaissGeneration:
        path = folder / "dense.faiss"
        if path.is_file():
            dense = load_dense(path)
        else:  # a generation written by another store: build the FAISS index from its vectors
            vectors = np.load(folder / "vectors.npy")
            factory = resolve_factory(self.factory, len(vectors))
            log.info("%s has no FAISS index; building %s over %d vectors in memory", folder.name, factory, len(vectors))
            dense = build_dense(vectors.astype(np.float32), factory)
        keyword = KeywordIndex.load(folder / "keyword", self.tokenizer, len(meta.sources))
        return FaissGeneration(tune(dense, self.probe), keyword, meta, self.threads)
