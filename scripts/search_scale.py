"""Search at scale on synthetic vectors (``scripts/bench_search.py --synthetic N``).

Chunks are real Vietnamese text (Wikipedia, ../shared/data/viwiki) cut into ``chunk_size`` windows, so
BM25 sees real vocabulary and posting lengths; their vectors are random unit vectors of the model's
dimension (the model is not run over 100 000 chunks). Each size is written once as a real generation
(SQLite, vectors, BM25) and then searched through :class:`HybridRetriever` with each FAISS type and,
with ``--store milvus``, with Milvus (milvus-lite), so the timed path is the app's: accent restoration,
dense + BM25, fusion, and reading the passages from SQLite. Query vectors are stored vectors plus noise,
so approximate indexes have true neighbours to find. Two recalls against Flat: ``recall@10`` (all ten
exact neighbours; on random vectors the nine after the planted one are near-ties no approximate index
can order, so it is pessimistic) and ``nn@10`` (the exact nearest neighbour is in the top 10, the
usual 1-recall@10).

The four search modes are timed round-robin, query by query, so that other jobs on the machine slow
them alike. FAISS searches on ``settings.faiss_threads`` OpenMP threads (1 by default, as in the app);
Flat is also timed on all cores, as the app searched before that setting.
:func:`dense_scaling` times dense search alone (no BM25, no text) at larger sizes, for the ``auto`` bound.

Query embedding by the real model is timed separately (``embed`` row) and is not in the search
figures: hybrid latency for a new question = ``hybrid`` + ``embed``.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import pickle
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import faiss
import numpy as np

from assistant.index.dense import build_dense, search_dense
from assistant.index.faiss_store import FaissGeneration, FaissStore, omp_threads, tune
from assistant.index.keyword import KeywordIndex
from assistant.index.retriever import HybridRetriever
from assistant.index.snapshot import IndexSnapshot, row_meta, write_generation
from assistant.index.store import ChunkRecord, DocumentRecord, Store
from assistant.index.tokenizer import VietnameseTokenizer
from assistant.settings import Settings

log = logging.getLogger(__name__)
SEED = 15


def faiss_types(size: int) -> list[str]:
    """Flat, HNSW32 and IVF-PQ for ``size`` vectors: about 2·√n lists, 96 sub-quantizers of 4 bits
    (48 bytes a vector, fast-scan; 8-bit PQ trains for minutes on this CPU)."""
    lists = 1 << max(6, int(np.log2(2 * np.sqrt(size))))
    return ["Flat", "HNSW32", f"IVF{lists},PQ96x4fs"]


def wiki_chunks(path: Path, count: int, size: int) -> list[tuple[str, str]]:
    """``count`` (title, text) windows of about ``size`` characters; a second pass shifts by half a window."""
    out: list[tuple[str, str]] = []
    for shift in (0, size // 2, size // 4):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                article = json.loads(line)
                text = article.get("text", "")
                for start in range(shift, len(text) - size // 4, size):
                    out.append((article["title"], text[start:start + size]))
                    if len(out) >= count:
                        return out
    raise SystemExit(f"{path} has fewer than {count} windows of {size} characters")


def _tokenize(texts: list[str]) -> list[list[str]]:
    tokenizer = VietnameseTokenizer()
    return [tokenizer(t) for t in texts]


def token_lists(texts: list[str], cache: Path) -> list[list[str]]:
    """Our tokenizer over every text, on every core, cached on disk (pyvi: ~2 ms a chunk idle, minutes at 100 k)."""
    if cache.is_file():
        log.info("tokens of %d chunks from %s", len(texts), cache)
        return pickle.loads(cache.read_bytes())
    workers = os.cpu_count() or 1
    log.info("tokenizing %d chunks on %d processes", len(texts), workers)
    parts = [texts[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        done = list(pool.map(_tokenize, parts))
    tokens: list[list[str]] = [[] for _ in texts]
    for w, part in enumerate(done):
        tokens[w::workers] = part
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(tokens))
    return tokens


def unit_vectors(count: int, dim: int, seed: int = SEED) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((count, dim), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def records(windows: list[tuple[str, str]]) -> tuple[list[DocumentRecord], list[ChunkRecord]]:
    """One document per 20 chunks (event years 2010-2024, for the filtered search), one chunk per window."""
    documents, chunks = [], []
    for d in range(0, len(windows), 20):
        part = windows[d:d + 20]
        path, doc_id = f"/wiki/{d // 20:06d}.txt", f"{d // 20:016x}"
        text = "\n".join(t for _, t in part)
        documents.append(DocumentRecord(path=path, doc_id=doc_id, source=f"{d // 20:06d}.txt", root="/wiki",
                                        title=part[0][0], date=f"{2010 + (d // 20) % 15}-01-01", dates=[],
                                        unit=None, text=text, n_chunks=len(part)))
        start = 0
        for i, (_, chunk) in enumerate(part):
            chunks.append(ChunkRecord(f"{doc_id}-{i:04d}", doc_id, path, i, start, start + len(chunk), None, "", chunk))
            start += len(chunk) + 1
    return documents, chunks


class SyntheticEmbedder:
    """Query vectors for the timed searches: a stored vector plus noise, one per query, in turn."""

    def __init__(self, vectors: np.ndarray, count: int = 200) -> None:
        rng = np.random.default_rng(SEED + 1)
        rows = rng.choice(len(vectors), size=count, replace=False)
        noise = rng.standard_normal(vectors[rows].shape, dtype=np.float32)
        noisy = vectors[rows] + 0.5 * noise / np.linalg.norm(noise, axis=1, keepdims=True)  # cosine ~0.9
        self.queries = noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
        self.turn = 0

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        vector = self.queries[self.turn % len(self.queries)]
        self.turn += 1
        return vector[None, :]


def percentiles(seconds: list[float]) -> dict[str, float]:
    ms = np.array(seconds) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 1), "p95_ms": round(float(np.percentile(ms, 95)), 1)}


def time_searches(snap: IndexSnapshot, embedder: SyntheticEmbedder, queries: list[str], settings: Settings) -> dict:
    """p50/p95 of hybrid, dense, keyword and year-filtered hybrid through the app's retriever, timed
    round-robin (each query in every mode before the next query)."""
    retriever = HybridRetriever(snap, embedder, settings)  # type: ignore[arg-type]
    for query in queries[:3]:
        retriever.run(query, k=5)
    modes = (("hybrid", {}), ("dense", {}), ("keyword", {}), ("hybrid_2018+", {"since": 2018}))
    times: dict[str, list[float]] = {mode: [] for mode, _ in modes}
    for i, query in enumerate(queries):
        for mode, filters in modes:
            embedder.turn = i  # the same query vector for the same question in every mode
            t0 = time.perf_counter()
            retriever.run(query, k=5, mode=mode.split("_")[0], **filters)
            times[mode].append(time.perf_counter() - t0)
    return {mode: percentiles(seconds) for mode, seconds in times.items()}


def recalls(index: faiss.Index, exact: faiss.Index, embedder: SyntheticEmbedder) -> dict[str, float]:
    """recall@10 (the ten exact neighbours) and nn@10 (the exact nearest one in the top 10), 100 queries."""
    found = nearest = 0
    queries = embedder.queries[:100]
    for vector in queries:
        truth = search_dense(exact, vector, 10)[0]
        got = set(search_dense(index, vector, 10)[0])
        found += len(set(truth) & got)
        nearest += truth[0] in got
    return {"recall@10": round(found / (10 * len(queries)), 3), "nn@10": round(nearest / len(queries), 3)}


def dense_scaling(sizes: list[int], dim: int, queries: int, probe: int) -> list[dict]:
    """Dense search alone (random unit vectors, k = 50 as hybrid asks) at each size: Flat on all threads
    and on one, HNSW32 with efSearch = ``probe`` and 4 × ``probe`` (build time, nn@10). No BM25 or text:
    the part of hybrid search that grows with the corpus."""
    out = []
    for size in sizes:
        log.info("dense only, %d vectors", size)
        vectors = unit_vectors(size, dim)
        embedder = SyntheticEmbedder(vectors, count=max(100, queries))
        flat = build_dense(vectors, "Flat")
        row: dict = {"chunks": size}
        for label, threads in (("flat", faiss.omp_get_max_threads()), ("flat_1thread", 1)):
            with omp_threads(threads):
                row[label] = percentiles(_dense_times(flat, embedder.queries[:queries]))
        t0 = time.perf_counter()
        hnsw = tune(build_dense(vectors, "HNSW32"), probe)
        row["hnsw32_build_s"] = round(time.perf_counter() - t0, 1)
        for label, ef in (("hnsw32", probe), (f"hnsw32_ef{4 * probe}", 4 * probe)):
            tune(hnsw, ef)  # efSearch = ASSISTANT_FAISS_PROBE
            with omp_threads(1):
                row[label] = percentiles(_dense_times(hnsw, embedder.queries[:queries]))
            row[label].update(recalls(hnsw, flat, embedder))
        out.append(row)
        del vectors, flat, hnsw
    return out


def _dense_times(index: faiss.Index, queries: np.ndarray) -> list[float]:
    search_dense(index, queries[0], 50)
    times = []
    for vector in queries:
        t0 = time.perf_counter()
        search_dense(index, vector, 50)
        times.append(time.perf_counter() - t0)
    return times


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    """Processes started (directly or not) by ``pid``: the milvus-lite server."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent]
        found += children
        frontier += children
    return found


def bench_faiss(folder: Path, vectors: np.ndarray, snap: IndexSnapshot, embedder: SyntheticEmbedder,
                queries: list[str], settings: Settings, flat: faiss.Index) -> dict[str, dict]:
    out = {}
    for factory in faiss_types(len(vectors)):
        log.info("%d chunks: faiss %s", len(vectors), factory)
        t0 = time.perf_counter()
        index = flat if factory == "Flat" else build_dense(vectors, factory)
        built = time.perf_counter() - t0
        tune(index, settings.faiss_probe)
        keyword = snap.search.keyword_index  # type: ignore[attr-defined]
        snap.search = FaissGeneration(index, keyword, snap.meta, settings.faiss_threads)
        row = {"build_s": round(built, 1), "dense_mb": round(faiss.serialize_index(index).nbytes / 2**20, 1),
               **recalls(index, flat, embedder)}
        row.update(time_searches(snap, embedder, queries, settings))
        out[f"faiss {factory}"] = row
        if factory == "Flat":  # as the app searched before faiss_threads: all cores for one query
            snap.search = FaissGeneration(index, keyword, snap.meta, threads=0)
            out["faiss Flat, all threads"] = {**row, **time_searches(snap, embedder, queries, settings)}
        log.info("%d chunks, %s: %s", len(vectors), factory, row)
    return out


def bench_milvus(folder: Path, vectors: np.ndarray, snap: IndexSnapshot, embedder: SyntheticEmbedder,
                 queries: list[str], settings: Settings) -> dict:
    from assistant.index.milvus_store import MilvusStore

    engine = MilvusStore.connect(settings.model_copy(update={"milvus_uri": str(folder.parent / "milvus.db")}),
                                 folder.parent)
    log.info("%d chunks: milvus-lite", len(vectors))
    before = rss_mb(os.getpid()) + sum(rss_mb(p) for p in descendants(os.getpid()))
    t0 = time.perf_counter()
    snap.search = engine.open(folder, snap.meta)  # fills the collection from the generation folder
    snap.search.prepare()
    built = time.perf_counter() - t0
    after = rss_mb(os.getpid()) + sum(rss_mb(p) for p in descendants(os.getpid()))
    row = {"build_s": round(built, 1), "rss_growth_mb": round(after - before, 1), "recall@10": None,
           "nn@10": None}
    row.update(time_searches(snap, embedder, queries, settings))
    engine.client.drop_collection(engine.collection(folder.name))
    log.info("%d chunks, milvus: %s", len(vectors), row)
    return row


def bench_size(size: int, windows: list[tuple[str, str]], tokens: list[list[str]], dim: int, queries: list[str],
               settings: Settings, milvus: bool) -> dict:
    """Write one generation of ``size`` chunks and search it with every engine."""
    log.info("%d chunks: writing the generation (SQLite, vectors, BM25, Flat)", size)
    documents, chunks = records(windows[:size])
    vectors = unit_vectors(size, dim)
    home = Path(tempfile.mkdtemp(prefix=f"bench-scale-{size}-"))
    t0 = time.perf_counter()
    folder = write_generation(home, {"synthetic": True}, documents, chunks, vectors, tokens[:size],
                              VietnameseTokenizer(), FaissStore("Flat"))
    written = time.perf_counter() - t0
    meta = row_meta(documents, [c.path for c in chunks])
    flat = faiss.read_index(str(folder / "dense.faiss"))
    keyword = KeywordIndex.load(folder / "keyword", VietnameseTokenizer(), size)
    snap = IndexSnapshot(folder, {}, Store(folder / "store.sqlite"), FaissGeneration(flat, keyword, meta, settings.faiss_threads),
                         vectors, meta)
    log.info("%d chunks: accent restorer", size)
    t0 = time.perf_counter()
    _ = snap.restorer
    restorer = time.perf_counter() - t0
    embedder = SyntheticEmbedder(vectors)
    engines = bench_faiss(folder, vectors, snap, embedder, queries, settings, flat)
    if milvus:
        engines["milvus FLAT (lite)"] = bench_milvus(folder, vectors, snap, embedder, queries, settings)
    bm25_mb = sum(p.stat().st_size for p in (folder / "keyword").iterdir()) / 2**20
    return {"chunks": size, "generation_write_s": round(written, 1), "restorer_build_s": round(restorer, 1),
            "bm25_mb": round(bm25_mb, 1), "engines": engines,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), "home": str(home)}
