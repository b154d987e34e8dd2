#!/usr/bin/env python
"""Đo hiệu năng lập chỉ mục và tìm kiếm / Benchmark ingest and search.

Builds a fresh index of ``corpus/`` in a temporary home (optionally with the Labour Code 2019 and
N Vietnamese Wikipedia articles as distractors), then reports:

* model load time,
* ingest throughput in chunks per second (reading, cleaning, chunking, embedding and writing),
* search latency p50 / p95 per mode (hybrid, dense, keyword) over N queries, after the model is loaded.

Query embeddings are computed by the model for every timed search (the embedding cache is bypassed),
so dense and hybrid latencies are those of a new question. ``--no-cache`` also starts ingest with an
empty embedding cache, so every chunk is embedded by the model.

With ``--synthetic N`` it measures search at scale instead (:mod:`search_scale`): real Wikipedia text
for BM25, random unit vectors, 10 000 and N chunks, each FAISS type (and Milvus with ``--store milvus``):
build time, memory, p50 / p95 of hybrid, dense, keyword and filtered search, and the model's query
embedding time on its own row; ``--dense-sizes`` adds dense search alone at larger sizes.

Example:
    .venv/bin/python scripts/bench_search.py --law --no-cache
    .venv/bin/python scripts/bench_search.py --extra-wiki 200 --queries 50 --json
    .venv/bin/python scripts/bench_search.py --synthetic 100000 --store milvus --queries 40 --dense-sizes 200000,400000
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.core import Assistant  # noqa: E402
from assistant.models.embedder import Embedder  # noqa: E402


class TimedEmbedder(Embedder):
    """An embedder that adds up the seconds spent embedding documents."""

    seconds = 0.0

    def encode_documents(self, texts, progress=None):
        t0 = time.perf_counter()
        try:
            return super().encode_documents(texts, progress=progress)
        finally:
            self.seconds += time.perf_counter() - t0
from assistant.settings import Settings, default_cache_dir  # noqa: E402

CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared" / "data"
LAW = SHARED / "law" / "bo-luat-lao-dong-2019.txt"
WIKI = SHARED / "viwiki" / "viwiki.jsonl.gz"
MODES = ("hybrid", "dense", "keyword")

# Questions staff would type, with and without diacritics and abbreviations.
QUERIES = [
    "Hội nghị sơ kết chương trình hợp tác lần thứ nhất năm 2019 tại Đà Lạt",
    "hop tac giua BQL KKT Binh Phuoc, Dong Nai va Lam Dong",
    "Vì sao hỗ trợ cung ứng lao động giữa 03 địa phương khó thực hiện?",
    "cung ung lao dong giua cac KCN khac nhau ve muc luong",
    "hop tac voi Ban Quan ly cac Khu che xuat va cong nghiep TP.HCM",
    "Nghi dinh 29/2008/ND-CP ve khu cong nghiep",
    "áp dụng hệ thống quản lý chất lượng ISO 9001:2008",
    "so ket nhiem vu 9 thang dau nam 2017 va trien khai quy IV",
    "thu hut dau tu vao KCN Phu Hoi va Loc Son",
    "hoi nghi tong ket nam 2019",
    "lua chon nha dau tu KCN Tan Duc",
    "Phó Chủ tịch Thường trực UBND tỉnh phát biểu chỉ đạo",
    "quy hoach phan khu xay dung 1/2.000 KCN Son My",
    "vi pham quy dinh ve PCCC va moi truong o doanh nghiep KCN",
    "thời giờ làm thêm tối đa trong năm",
    "nguoi lao dong don phuong cham dut hop dong lao dong",
    "tuổi nghỉ hưu của người lao động",
    "trợ cấp thôi việc được tính như thế nào",
    "thoi gian thu viec toi da",
    "nghỉ thai sản của lao động nữ",
]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Đo tốc độ lập chỉ mục và độ trễ tìm kiếm trên corpus/ / "
                    "Benchmark ingest throughput and search latency over corpus/.",
    )
    parser.add_argument("--law", action="store_true",
                        help="thêm Bộ luật Lao động 2019 / also index the Labour Code 2019")
    parser.add_argument("--extra-wiki", type=int, default=0, metavar="N",
                        help="thêm N bài Wikipedia tiếng Việt làm nhiễu / add N Vietnamese Wikipedia articles "
                             "as distractors (default %(default)s)")
    parser.add_argument("--no-cache", action="store_true",
                        help="bộ nhớ đệm nhúng rỗng: mọi đoạn đều được mô hình nhúng / start with an empty "
                             "embedding cache so every chunk is embedded by the model")
    parser.add_argument("--queries", type=int, default=30, metavar="N",
                        help="số truy vấn đo cho mỗi chế độ / timed queries per mode (default %(default)s)")
    parser.add_argument("--k", type=int, default=5, help="số kết quả mỗi truy vấn / results per query (default %(default)s)")
    parser.add_argument("--chunk-size", type=int, default=None, metavar="CHARS",
                        help="kích thước đoạn (ký tự) / chunk size in characters (default: settings)")
    parser.add_argument("--model-path", type=Path, default=default_cache_dir() / "models" / "embeddinggemma-300m",
                        help="thư mục mô hình cục bộ / local model folder (default %(default)s)")
    parser.add_argument("--keep", action="store_true",
                        help="giữ thư mục tạm để xem lại / keep the temporary folder")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON / print JSON")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="đo ở quy mô lớn: 10 000 và N đoạn, vectơ ngẫu nhiên / search at scale on 10 000 "
                             "and N chunks of Wikipedia text with random vectors")
    parser.add_argument("--store", choices=("faiss", "milvus"), default="faiss",
                        help="với --synthetic: milvus đo thêm Milvus (milvus-lite) / with --synthetic, also Milvus")
    parser.add_argument("--dim", type=int, default=768, help="số chiều vectơ / vector dimension (default %(default)s)")
    parser.add_argument("--dense-sizes", default="", metavar="N,N",
                        help="với --synthetic: đo thêm riêng tìm kiếm vectơ ở các cỡ này / with --synthetic, also "
                             "time dense search alone at these sizes, e.g. 200000,400000 (for the auto bound)")
    return parser


def _write_wiki(folder: Path, count: int) -> int:
    """The first ``count`` articles with some body text, one .txt file each."""
    if count <= 0:
        return 0
    if not WIKI.is_file():
        raise SystemExit(f"Không thấy {WIKI} / {WIKI} not found")
    folder.mkdir(parents=True)
    written = 0
    with gzip.open(WIKI, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            text = article.get("text", "").strip()
            if len(text) < 300:
                continue
            written += 1
            (folder / f"wiki_{written:05d}.txt").write_text(f"{article['title']}\n\n{text}\n", encoding="utf-8")
            if written >= count:
                break
    return written


def _percentiles(values: list[float]) -> dict[str, float]:
    ms = np.array(values) * 1000.0
    return {"p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95)),
            "mean_ms": float(ms.mean()), "n": len(values)}


def run(args: argparse.Namespace) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-assistant-"))
    try:
        overrides: dict = {}
        if args.model_path and Path(args.model_path).expanduser().is_dir():
            overrides["model_path"] = Path(args.model_path).expanduser()
        if args.no_cache:
            overrides["cache_dir"] = work / "cache"
        if args.chunk_size:
            overrides["chunk_size"] = args.chunk_size
        settings = Settings(**overrides)
        home = work / "home"
        paths = [CORPUS]
        if args.law:
            if not LAW.is_file():
                raise SystemExit(f"Không thấy {LAW} / {LAW} not found")
            paths.append(LAW)
        wiki = _write_wiki(work / "wiki", args.extra_wiki)
        if wiki:
            paths.append(work / "wiki")

        started = time.perf_counter()
        embedder = TimedEmbedder(settings)
        _ = embedder.model
        model_load = time.perf_counter() - started
        bot = Assistant(settings, embedder=embedder, home=home)
        report = bot.ingest(paths)
        embed_seconds = embedder.seconds
        if report.failed:
            print(f"Cảnh báo / warning: {report.failed}", file=sys.stderr)

        # Timed searches embed every query with the model (no cache hits), after one warm-up per mode.
        cache, embedder.cache = embedder.cache, None
        latency: dict[str, dict] = {}
        try:
            queries = [QUERIES[i % len(QUERIES)] for i in range(args.queries)]
            for mode in MODES:
                bot.search(QUERIES[0], k=args.k, mode=mode)
                times = []
                for query in queries:
                    t0 = time.perf_counter()
                    bot.search(query, k=args.k, mode=mode)
                    times.append(time.perf_counter() - t0)
                latency[mode] = _percentiles(times)
        finally:
            embedder.cache = cache

        info = bot.info()
        import torch

        return {
            "corpus": {"documents": info["documents"], "chunks": report.chunks, "law": args.law, "wiki_articles": wiki,
                       "chunk_size": settings.chunk_size, "index_bytes": info.get("total_bytes")},
            "model": {"name": settings.model, "path": str(settings.model_path or ""), "load_seconds": model_load},
            "ingest": {"seconds": report.seconds, "embedded": report.embedded, "embed_seconds": embed_seconds,
                       "chunks_per_second": report.chunks / report.seconds if report.seconds else None,
                       "embedded_per_second": report.embedded / embed_seconds if embed_seconds else None,
                       "empty_cache": args.no_cache},
            "search": {"k": args.k, "queries": args.queries, **latency},
            "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                        "torch_threads": torch.get_num_threads(), "faiss_index": settings.faiss_index},
        }
    finally:
        if args.keep:
            print(f"Giữ thư mục tạm / kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def _table(result: dict) -> str:
    c, m, i, s = result["corpus"], result["model"], result["ingest"], result["search"]
    extra = (" + Bộ luật Lao động" if c["law"] else "") + (f" + {c['wiki_articles']} bài Wikipedia" if c["wiki_articles"] else "")
    eps = f"{i['embedded_per_second']:.2f}" if i["embedded_per_second"] else "-"
    lines = [
        f"Tài liệu / documents : {c['documents']} (corpus/{extra}), {c['chunks']} đoạn / chunks, "
        f"chunk_size {c['chunk_size']}",
        f"Nạp mô hình / model load : {m['load_seconds']:.1f} s",
        f"Lập chỉ mục / ingest   : {i['seconds']:.1f} s, {i['chunks_per_second']:.2f} đoạn/s (chunks/s); "
        f"nhúng / embedded {i['embedded']} in {i['embed_seconds']:.1f} s = {eps}/s"
        + ("; bộ đệm rỗng / empty cache" if i["empty_cache"] else ""),
        "",
        f"Độ trễ tìm kiếm / search latency ({s['queries']} truy vấn/queries, k={s['k']}):",
        f"  {'chế độ/mode':<12}{'p50 ms':>10}{'p95 ms':>10}{'mean ms':>10}",
    ]
    for mode in MODES:
        row = s[mode]
        lines.append(f"  {mode:<12}{row['p50_ms']:>10.1f}{row['p95_ms']:>10.1f}{row['mean_ms']:>10.1f}")
    mach = result["machine"]
    lines.append("")
    lines.append(f"Python {mach['python']}, {mach['cpus']} CPU, torch {mach['torch_threads']} luồng/threads, "
                 f"FAISS {mach['faiss_index']}")
    return "\n".join(lines)


def run_synthetic(args: argparse.Namespace) -> dict:
    """The scale table: each size written once, searched with every engine; query embedding timed apart."""
    import search_scale

    settings = Settings(**({"chunk_size": args.chunk_size} if args.chunk_size else {}))
    sizes = sorted({min(10_000, args.synthetic), args.synthetic})
    windows = search_scale.wiki_chunks(WIKI, sizes[-1], settings.chunk_size)
    t0 = time.perf_counter()
    cache = default_cache_dir() / "bench" / f"viwiki-tokens-{sizes[-1]}-{settings.chunk_size}.pkl"
    cached = cache.is_file()
    tokens = search_scale.token_lists([t for _, t in windows], cache)
    tokenize_s = time.perf_counter() - t0
    queries = [QUERIES[i % len(QUERIES)] for i in range(args.queries)]
    result: dict = {"sizes": [], "tokenize_s": round(tokenize_s, 1), "tokens_cached": cached,
                    "queries": len(queries), "dim": args.dim}
    for size in sizes:
        row = search_scale.bench_size(size, windows, tokens, args.dim, queries, settings, args.store == "milvus")
        shutil.rmtree(row.pop("home"), ignore_errors=True)
        result["sizes"].append(row)
    dense_sizes = [int(n) for n in args.dense_sizes.split(",") if n.strip()]
    if dense_sizes:
        result["dense_only"] = search_scale.dense_scaling(dense_sizes, args.dim, len(queries), settings.faiss_probe)
    if args.model_path and Path(args.model_path).expanduser().is_dir():
        embedder = Embedder(settings.model_copy(update={"model_path": Path(args.model_path).expanduser()}))
        embedder = embedder.with_query_cache(False)
        embedder.encode_queries([QUERIES[0]])
        times = []
        for query in queries:
            t0 = time.perf_counter()
            embedder.encode_queries([query])
            times.append(time.perf_counter() - t0)
        result["embed"] = _percentiles(times)
    result["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(),
                         "load": round(os.getloadavg()[0], 1)}
    return result


def _synthetic_table(result: dict) -> str:
    pairs = ("hybrid", "dense", "keyword", "hybrid_2018+")
    lines = [f"{'chunks':>8}  {'engine':<24}{'build s':>8}{'MB':>8}{'rec@10':>7}{'nn@10':>7}"
             + "".join(f"{m + ' p50/p95 ms':>24}" for m in pairs)]
    for size in result["sizes"]:
        for name, row in size["engines"].items():
            memory = row.get("dense_mb", row.get("rss_growth_mb"))
            recall = "".join("      -" if row.get(r) is None else f"{row[r]:>7.3f}" for r in ("recall@10", "nn@10"))
            lines.append(f"{size['chunks']:>8}  {name:<24}{row['build_s']:>8.1f}{memory:>8.0f}{recall}" + "".join(
                f"{row[m]['p50_ms']:>13.1f} /{row[m]['p95_ms']:>8.1f}" for m in pairs))
        lines.append(f"{'':>8}  generation (SQLite + BM25 + Flat) {size['generation_write_s']} s, BM25 "
                     f"{size['bm25_mb']} MB, accent restorer {size['restorer_build_s']} s, peak RSS {size['peak_rss_mb']} MB")
    for row in result.get("dense_only", []):
        flat, one = row["flat"], row["flat_1thread"]
        hnsw = "; ".join(f"{k.replace('hnsw32_', 'HNSW32 ').replace('hnsw32', 'HNSW32')} {v['p50_ms']} / {v['p95_ms']} ms, "
                         f"nn@10 {v['nn@10']}" for k, v in row.items() if k.startswith("hnsw32") and isinstance(v, dict))
        lines.append(f"dense only, {row['chunks']} vectors (k=50, p50 / p95): Flat all threads {flat['p50_ms']} / "
                     f"{flat['p95_ms']} ms, Flat 1 thread {one['p50_ms']} / {one['p95_ms']} ms; {hnsw} "
                     f"(HNSW32 build {row['hnsw32_build_s']} s)")
    if "embed" in result:
        lines.append(f"query embedding (model, not in the rows above): p50 {result['embed']['p50_ms']:.1f} ms, "
                     f"p95 {result['embed']['p95_ms']:.1f} ms")
    how = "read from the cache" if result["tokens_cached"] else "pyvi on every core"
    lines.append(f"tokenize {result['tokenize_s']} s ({how}); {result['queries']} queries; "
                 f"{result['machine']['cpus']} CPU, load {result['machine']['load']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.queries < 1 or args.extra_wiki < 0 or args.synthetic < 0:
        raise SystemExit("--queries >= 1, --extra-wiki >= 0, --synthetic >= 0")
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s: %(message)s")
    for noisy in ("sentence_transformers", "transformers", "bm25s", "faiss"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("search_scale").setLevel(logging.INFO)  # the stages of a long --synthetic run
    if args.synthetic:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        result = run_synthetic(args)
        print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else _synthetic_table(result))
        return 0
    result = run(args)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else _table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
