"""Milvus as the search store (``ASSISTANT_STORE=milvus``): the same hybrid search, on an engine that shards.

One collection per index generation (``<prefix>_gen_000007``) holds, keyed by ``row`` (the chunk's row
in the generation's SQLite store):

* ``dense``: the chunk's normalized embedding (FLOAT_VECTOR, inner product = cosine, FLAT = exact, as FAISS Flat);
* ``sparse``: the chunk's BM25 weight for every term our Vietnamese tokenizer gives it (syllables,
  compounds, diacritic-free forms, abbreviations), term id = position in the generation's vocabulary.
  A query is its term ids weighted by how often each occurs, so the inner product is exactly the
  BM25 score bm25s computes (same idf, same length normalisation, same duplicates);
* ``year``, ``source``, ``doc_id``: for filter expressions and deletion.

Writing a generation fills its collection before the folder is renamed into place; once ``CURRENT``
points at it, the alias ``<prefix>_live`` is switched to it (for other readers of the same Milvus), and
collections of pruned generations are dropped. The app reads the collection of the generation it opened,
so a search in flight never sees a half-switched index. A generation without its collection (written by
the FAISS store, or on another Milvus) gets one from its folder when first opened.

``ASSISTANT_MILVUS_URI`` is a file path for milvus-lite (default ``<home>/milvus.db``; one process at a
time may open it) or ``http://host:19530`` for a Milvus server or cluster.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from pathlib import Path

import bm25s
import numpy as np
from pymilvus import DataType, MilvusClient
from scipy import sparse
from tqdm import tqdm

from assistant.index.keyword import query_terms
from assistant.index.search_store import (
    NO_FILTERS,
    Filters,
    GenerationIndex,
    Ranked,
    RowMeta,
    SearchStore,
    milvus_uri,
)
from assistant.index.tokenizer import VietnameseTokenizer
from assistant.settings import Settings

log = logging.getLogger(__name__)

BATCH = 2000  # rows per insert call
_clients: dict[tuple[str, str], MilvusClient] = {}
_clients_lock = threading.Lock()


class _LiteNoise(logging.Filter):
    """milvus-lite's in-process gRPC server logs a traceback for AllocTimestamp, which it does not
    implement and pymilvus does without; drop only that record."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Method not implemented" not in record.getMessage()


def client_for(uri: str, token: str = "") -> MilvusClient:
    """One client per URI in this process (milvus-lite starts one local server per file)."""
    with _clients_lock:
        key = (uri, token)
        if key not in _clients:
            if "://" not in uri:
                logging.getLogger("grpc._server").addFilter(_LiteNoise())
            _clients[key] = MilvusClient(uri=uri, token=token) if token else MilvusClient(uri=uri)
        return _clients[key]


def bm25_rows(folder: Path) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """The BM25 weight of each (row, term) of the generation's keyword index, and its vocabulary."""
    bm25 = bm25s.BM25.load(str(folder), mmap=False)
    scores = bm25.scores
    matrix = sparse.csc_matrix((scores["data"], scores["indices"], scores["indptr"]),
                               shape=(scores["num_docs"], len(scores["indptr"]) - 1))
    return matrix.tocsr(), dict(bm25.vocab_dict)


def literal(value: str) -> str:
    """A Milvus string literal (milvus-lite has no filter templates): double-quoted, escaped as JSON."""
    return json.dumps(value, ensure_ascii=False)


def filter_expression(filters: Filters) -> str:
    """A Milvus boolean expression for ``filters``; ``""`` for none."""
    parts = []
    if filters.since is not None:
        parts.append(f"year >= {int(filters.since)}")
    if filters.until is not None:
        parts.append(f"(year <= {int(filters.until)} and year > 0)")
    if filters.sources:
        parts.append(f"source in [{', '.join(literal(s) for s in filters.sources)}]")
    return " and ".join(parts)


class MilvusGeneration(GenerationIndex):
    """Search one generation's collection."""

    def __init__(self, client: MilvusClient, collection: str, vocab: dict[str, int],
                 tokenizer: VietnameseTokenizer, size: int) -> None:
        self.client = client
        self.collection = collection
        self.vocab = vocab
        self.tokenizer = tokenizer
        self.size = size

    def _search(self, data: list, field: str, k: int, filters: Filters) -> Ranked:
        if k <= 0 or self.size == 0:
            return [], []
        hits = self.client.search(self.collection, data=data, anns_field=field, limit=min(k, self.size, 16384),
                                  filter=filter_expression(filters), output_fields=["row"],
                                  search_params={"metric_type": "IP"})[0]
        return [int(h["row"]) for h in hits], [float(h["distance"]) for h in hits]

    def dense(self, vector: np.ndarray, k: int, filters: Filters = NO_FILTERS) -> Ranked:
        return self._search([np.asarray(vector, dtype=np.float32).tolist()], "dense", k, filters)

    def query_vector(self, query: str) -> dict[int, float]:
        """Term id -> occurrences in the query: its inner product with a row's weights is the BM25 score."""
        counts = Counter(self.vocab[t] for t in query_terms(self.tokenizer, self.vocab, query))
        return {term: float(n) for term, n in counts.items()}

    def keyword(self, query: str, k: int, filters: Filters = NO_FILTERS) -> Ranked:
        vector = self.query_vector(query)
        if not vector:
            return [], []
        rows, scores = self._search([vector], "sparse", k, filters)
        keep = [i for i, s in enumerate(scores) if s > 0]
        return [rows[i] for i in keep], [scores[i] for i in keep]

    def delete_document(self, doc_id: str) -> int:
        found = self.client.query(self.collection, filter=f"doc_id == {literal(doc_id)}",
                                  output_fields=["row"])
        rows = [int(r["row"]) for r in found]
        if rows:
            self.client.delete(self.collection, ids=rows)
        return len(rows)

    def prepare(self) -> None:
        self.client.load_collection(self.collection)
        query_terms(self.tokenizer, self.vocab, "khởi động")


class MilvusStore(SearchStore):
    """Collections ``<prefix>_gen_NNNNNN`` and the alias ``<prefix>_live`` on one Milvus (or milvus-lite)."""

    kind = "milvus"

    def __init__(self, client: MilvusClient, prefix: str = "assistant", index_type: str = "FLAT",
                 tokenizer: VietnameseTokenizer | None = None, strong: bool = False) -> None:
        self.client = client
        self.strong = strong  # a server reads a just-written collection only with Strong consistency
        self.prefix = prefix
        self.index_type = index_type
        self.tokenizer = tokenizer or VietnameseTokenizer()

    @classmethod
    def connect(cls, settings: Settings, home: Path, tokenizer: VietnameseTokenizer | None = None) -> MilvusStore:
        uri = milvus_uri(settings, home)
        if "://" not in uri:
            Path(uri).parent.mkdir(parents=True, exist_ok=True)
        return cls(client_for(uri, settings.milvus_token or ""), settings.milvus_collection,
                   settings.milvus_index, tokenizer, strong="://" in uri)

    @property
    def alias(self) -> str:
        return f"{self.prefix}_live"

    def collection(self, generation: str) -> str:
        return f"{self.prefix}_{generation.replace('-', '_')}"

    def _create(self, name: str, dimension: int) -> None:
        if self.client.has_collection(name):
            self._drop(name)  # a crashed writer's leftover under the same generation name
        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("row", DataType.INT64, is_primary=True)
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dimension)
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("year", DataType.INT32)
        schema.add_field("source", DataType.VARCHAR, max_length=4096)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=64)
        index = self.client.prepare_index_params()
        index.add_index("dense", index_type=self.index_type, metric_type="IP")
        index.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
        index.add_index("doc_id", index_type="INVERTED")
        extra = {"consistency_level": "Strong"} if self.strong else {}  # milvus-lite is always consistent
        self.client.create_collection(name, schema=schema, index_params=index, **extra)

    def write(self, folder: Path, generation: str, vectors: np.ndarray, meta: RowMeta) -> None:
        name = self.collection(generation)
        weights, vocab = bm25_rows(folder / "keyword")
        self._create(name, vectors.shape[1])
        unused = weights.shape[1] + 1  # a row with no term still needs one nonzero weight: a term no query has
        for start in tqdm(range(0, len(vectors), BATCH), desc="Milvus", unit="lô", disable=len(vectors) < 10 * BATCH):
            rows = []
            for row in range(start, min(start + BATCH, len(vectors))):
                lo, hi = weights.indptr[row], weights.indptr[row + 1]
                terms = {int(t): float(w) for t, w in zip(weights.indices[lo:hi], weights.data[lo:hi], strict=True)
                         if w > 0}
                rows.append({"row": row, "dense": vectors[row].astype(np.float32), "sparse": terms or {unused: 1e-6},
                             "year": int(meta.years[row]), "source": meta.sources[row], "doc_id": meta.doc_ids[row]})
            self.client.insert(name, rows)
        self.client.flush(name)
        log.info("Milvus collection %s: %d rows", name, len(vectors))

    def _aliases(self, collection: str = "") -> list[str]:
        found = self.client.list_aliases(collection)
        return list(found.get("aliases", [])) if isinstance(found, dict) else list(found)

    def _drop(self, name: str) -> None:
        for alias in self._aliases(name):
            self.client.drop_alias(alias)
        self.client.drop_collection(name)

    def publish(self, generation: str) -> None:
        name = self.collection(generation)
        if self.alias in self._aliases():
            self.client.alter_alias(name, self.alias)
        else:
            self.client.create_alias(name, self.alias)

    def live_collection(self) -> str | None:
        """The collection the alias points at (what other readers of this Milvus search)."""
        if self.alias not in self._aliases():
            return None
        return self.client.describe_alias(self.alias).get("collection_name")

    def prune(self, kept: list[str]) -> None:
        keep = {self.collection(g) for g in kept}
        for name in self.client.list_collections():
            if name.startswith(f"{self.prefix}_gen_") and name not in keep:
                self._drop(name)

    def open(self, folder: Path, meta: RowMeta) -> MilvusGeneration:
        name = self.collection(folder.name)
        if not self.client.has_collection(name):
            log.info("no Milvus collection for %s; filling %s from the generation folder", folder.name, name)
            self.write(folder, folder.name, np.load(folder / "vectors.npy"), meta)
        vocab = dict(bm25s.BM25.load(str(folder / "keyword"), mmap=True).vocab_dict)
        return MilvusGeneration(self.client, name, vocab, self.tokenizer, len(meta.sources))
