"""The search store: where one index generation's dense vectors and BM25 term weights are searched.

Two engines implement it. :class:`~assistant.index.faiss_store.FaissStore` (the default) keeps a FAISS
index and a bm25s index as files in the generation folder, in this process. :class:`~assistant.index.
milvus_store.MilvusStore` (``ASSISTANT_STORE=milvus``) puts the same vectors and the same BM25 weights
in a Milvus collection per generation, on milvus-lite (a local file) or a Milvus server, for corpora
that outgrow one process.

Either way the generation folder stays the source of truth: the SQLite store (text, spans), the
vectors (``vectors.npy``) and the BM25 statistics (``keyword/``: vocabulary, idf and length
normalisation baked into each chunk's term weights) are written by :func:`~assistant.index.snapshot.
write_generation`; an engine only serves them, and Milvus rebuilds a missing collection from them.
Hybrid search fuses the two ranked lists with :func:`~assistant.index.fusion.fuse` in both engines.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.index.fusion import fuse
from assistant.index.tokenizer import VietnameseTokenizer
from assistant.settings import Settings

Ranked = tuple[list[int], list[float]]  # rows, best first, and their scores


@dataclass(frozen=True)
class Filters:
    """Which chunks a search may return: event years of their documents, and document names."""

    since: int | None = None
    until: int | None = None
    sources: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.since is None and self.until is None and not self.sources


NO_FILTERS = Filters()


@dataclass
class RowMeta:
    """Per-row facts the filters and deletion need, in row order (row = position in the SQLite store)."""

    years: np.ndarray  # event year of the chunk's document, 0 when unknown
    sources: list[str]
    doc_ids: list[str]


@dataclass
class Hybrid:
    """A fused ranking, and each list it came from (for the passages' per-retriever scores)."""

    ranked: list[tuple[int, float]]
    dense: Ranked
    keyword: Ranked


class GenerationIndex(ABC):
    """Search one generation; rows are those of its SQLite store."""

    @abstractmethod
    def dense(self, vector: np.ndarray, k: int, filters: Filters = NO_FILTERS) -> Ranked:
        """Top ``k`` rows by inner product with the (normalized) query vector."""

    @abstractmethod
    def keyword(self, query: str, k: int, filters: Filters = NO_FILTERS) -> Ranked:
        """Top ``k`` rows by BM25 over the project's Vietnamese tokens (rows scoring 0 left out)."""

    @abstractmethod
    def delete_document(self, doc_id: str) -> int:
        """Stop returning the chunks of the document version ``doc_id``; the number of rows removed.

        The durable deletion is the next generation (written without it, BM25 statistics recomputed);
        this takes a document out of the live one at once."""

    def prepare(self) -> None:  # noqa: B027 - optional hook
        """Load whatever the first search would otherwise load."""

    def hybrid(self, query: str, vector: np.ndarray, k: int, filters: Filters, candidates: int,
               rrf_k: int, dense_weight: float, keyword_weight: float) -> Hybrid:
        """Dense and keyword lists, ``candidates`` deep, fused by weighted reciprocal rank."""
        dense = self.dense(vector, candidates, filters)
        keyword = self.keyword(query, candidates, filters)
        ranked = fuse([dense[0], keyword[0]], k=rrf_k, weights=[dense_weight, keyword_weight])[:k]
        return Hybrid([(int(row), score) for row, score in ranked], dense, keyword)


class SearchStore(ABC):
    """One engine: writes a generation's search data, makes it live, drops pruned ones, opens one."""

    kind: str

    @abstractmethod
    def write(self, folder: Path, generation: str, vectors: np.ndarray, meta: RowMeta) -> None:
        """Index ``vectors`` and the BM25 weights in ``folder/keyword`` for ``generation`` (before it is live)."""

    def publish(self, generation: str) -> None:  # noqa: B027 - optional hook
        """``generation`` has just become live (CURRENT points at it)."""

    def prune(self, kept: list[str]) -> None:  # noqa: B027 - optional hook
        """Drop the data of every generation not in ``kept``."""

    @abstractmethod
    def open(self, folder: Path, meta: RowMeta) -> GenerationIndex:
        """The searchable index of the generation in ``folder``."""


def milvus_uri(settings: Settings, home: Path) -> str:
    """The Milvus to use: ``settings.milvus_uri``, else the milvus-lite file ``<home>/milvus.db``."""
    return settings.milvus_uri or str(Path(home).expanduser().resolve() / "milvus.db")


def describe_store(settings: Settings, home: Path) -> dict[str, str]:
    """Which engine serves the index at ``home`` and where (for ``assistant info``); never the token."""
    if settings.store == "milvus":
        uri = milvus_uri(settings, home)
        scheme, sep, rest = uri.partition("://")
        if sep and "@" in rest.split("/", 1)[0]:  # http://user:password@host -> http://host
            uri = f"{scheme}://{rest.split('@', 1)[1]}"
        return {"store": "milvus", "milvus_uri": uri, "milvus_collection": settings.milvus_collection,
                "milvus_index": settings.milvus_index}
    return {"store": "faiss", "faiss_setting": settings.faiss_index}


def open_store(settings: Settings, home: Path, tokenizer: VietnameseTokenizer | None = None) -> SearchStore:
    """The engine ``settings.store`` names, for the index at ``home``."""
    if settings.store == "milvus":
        from assistant.index.milvus_store import MilvusStore

        return MilvusStore.connect(settings, home, tokenizer)
    from assistant.index.faiss_store import FaissStore

    return FaissStore(settings.faiss_index, settings.faiss_probe, tokenizer, settings.faiss_threads)
