"""Embedding backends side by side in one process: torch fp32, ONNX Runtime fp32, ONNX Runtime dynamic int8.

Speed: the same real chunks (the corpus cut by the project's chunker, topped up from the labour code in
../shared/data/law) are embedded by each backend in turn, the order rotated every round, so a busy CPU
slows all of them alike; what counts is each backend's ratio to torch fp32. Vectors: mean and min cosine
of each backend's chunk vectors to torch fp32's. Retrieval: the UIT regulation paragraphs and questions
(../shared/data/uit-regulations-qa, SQuAD format) embedded with the model's prompts, each question's gold
paragraph ranked among all of them: hit@1 and MRR@10. Peak RSS: each backend loaded and run alone in a
child process (a process's peak cannot be split between backends).

The ONNX models are made first if missing (fp32 export checked against torch, then int8).

    .venv/bin/python scripts/bench_embed.py [--json] [--chunks 64] [--rounds 3] [--paragraphs 0] [--questions 200]
    .venv/bin/python scripts/bench_embed.py --quick --json      # 16 chunks, 1 round, 30 paragraphs, 40 questions

The last line is one JSON object (ratio_onnx_fp32, ratio_onnx_int8, mrr_torch, mrr_onnx_fp32, mrr_onnx_int8 ...).
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.converters import convert  # noqa: E402
from assistant.evaluation.dataset import load_squad  # noqa: E402
from assistant.models.embedder import Embedder  # noqa: E402
from assistant.models.onnx_export import ensure_exports  # noqa: E402
from assistant.preprocessors.chunker import chunk_text  # noqa: E402
from assistant.preprocessors.cleaner import clean_text  # noqa: E402
from assistant.settings import Settings  # noqa: E402

BACKENDS = {"torch": "torch", "onnx_fp32": "onnx", "onnx_int8": "onnx-int8"}
SHARED = ROOT.parent / "shared" / "data"
UIT = [SHARED / "uit-regulations-qa" / "train_reg.json", SHARED / "uit-regulations-qa" / "test_reg.json"]
LAW = SHARED / "law" / "bo-luat-lao-dong-2019.txt"

log = logging.getLogger("bench_embed")


def bench_chunks(settings: Settings, count: int) -> list[str]:
    """``count`` chunks as ingest cuts them: the corpus first, then the labour code."""
    texts = [clean_text(convert(p).text) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    if LAW.is_file():
        texts.append(clean_text(LAW.read_text(encoding="utf-8")))
    chunks = []
    for text in texts:
        chunks += [c.text for c in chunk_text(text, settings.chunk_size, settings.chunk_overlap_sentences)]
        if len(chunks) >= count:
            break
    return chunks[:count]


def uit_set(paragraphs: int, questions: int) -> tuple[list[str], list[str], list[int]]:
    """Paragraph texts, questions and each question's paragraph index (questions spread evenly)."""
    with tempfile.TemporaryDirectory() as tmp:
        items = load_squad(UIT, tmp)
        sources = sorted({item["source"] for item in items})
        if paragraphs:
            sources = sources[:paragraphs]
        texts = [(Path(tmp) / s).read_text(encoding="utf-8") for s in sources]
    index = {s: i for i, s in enumerate(sources)}
    items = [item for item in items if item["source"] in index]
    step = max(1, len(items) // questions) if questions else 1
    picked = items[::step][:questions] if questions else items
    return texts, [item["question"] for item in picked], [index[item["source"]] for item in picked]


def load(name: str, base: Settings) -> Embedder:
    settings = base.model_copy(update={"embed_backend": BACKENDS[name]})
    embedder = Embedder(settings)
    wanted = "torch" if name == "torch" else "onnx"
    if embedder.backend.name != wanted:
        raise SystemExit(f"{name}: the ONNX model is not available (see the log); run: bash scripts/setup.sh")
    _ = embedder.model
    return embedder


def encode(embedder: Embedder, texts: list[str], kind: str = "document") -> np.ndarray:
    """Vectors without the embedding cache, batches of similar length (as ingest embeds)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    call = embedder.model.encode_query if kind == "query" else embedder.model.encode_document
    vecs = call([texts[i] for i in order], batch_size=embedder.settings.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False)
    out = np.zeros_like(vecs)
    out[order] = vecs
    return out.astype(np.float32)


def retrieval(embedder: Embedder, paragraphs: list[str], questions: list[str], gold: list[int]) -> dict:
    docs = encode(embedder, paragraphs)
    queries = encode(embedder, questions, "query")
    ranks = []
    for q, g in zip(queries @ docs.T, gold, strict=True):
        ranks.append(int((q > q[g]).sum()) + 1)
    ranks_arr = np.array(ranks)
    return {"hit1": round(float((ranks_arr == 1).mean()), 4),
            "mrr10": round(float(np.where(ranks_arr <= 10, 1.0 / ranks_arr, 0.0).mean()), 4)}


def probe(name: str, chunks: int) -> None:
    """Child process: load one backend, embed the chunks once, print its peak RSS."""
    settings = Settings()
    embedder = load(name, settings)
    encode(embedder, bench_chunks(settings, chunks))
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork and exec, so a child would report its parent's peak
    status = Path("/proc/self/status").read_text()
    peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    print(json.dumps({"peak_rss_mb": round(peak_kb / 1024)}))


def peak_rss(name: str, chunks: int) -> int | None:
    cmd = [sys.executable, __file__, "--probe", name, "--chunks", str(chunks)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        log.warning("RSS probe %s failed: %s", name, done.stderr[-500:])
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])["peak_rss_mb"]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="only the JSON line (and the log on stderr)")
    parser.add_argument("--chunks", type=int, default=64, help="chunks embedded per round and backend")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--paragraphs", type=int, default=0, help="UIT paragraphs (0: all 88)")
    parser.add_argument("--questions", type=int, default=200, help="UIT questions, spread over the set")
    parser.add_argument("--quick", action="store_true", help="16 chunks, 1 round, 30 paragraphs, 40 questions")
    parser.add_argument("--no-rss", action="store_true", help="skip the peak-RSS child processes")
    parser.add_argument("--probe", choices=list(BACKENDS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.chunks, args.rounds, args.paragraphs, args.questions = 16, 1, 30, 40
    return args


def main() -> None:
    args = parse()
    logging.basicConfig(level=logging.INFO if not args.probe else logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(name)s %(message)s")
    if args.probe:
        probe(args.probe, args.chunks)
        return
    settings = Settings()
    ensure_exports(settings, int8=True)  # before any backend is resolved in this process
    chunks = bench_chunks(settings, args.chunks)
    embedders = {name: load(name, settings) for name in BACKENDS}
    for embedder in embedders.values():  # warm-up, not timed
        encode(embedder, chunks[:2])
    seconds = dict.fromkeys(BACKENDS, 0.0)
    vectors: dict[str, np.ndarray] = {}
    names = list(BACKENDS)
    for r in range(args.rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            started = time.perf_counter()
            vectors[name] = encode(embedders[name], chunks)
            seconds[name] += time.perf_counter() - started
            log.info("round %d %s: %.1f s", r + 1, name, time.perf_counter() - started)
    paragraphs, questions, gold = uit_set(args.paragraphs, args.questions)
    result: dict = {"chunks": len(chunks), "rounds": args.rounds, "paragraphs": len(paragraphs),
                    "questions": len(questions)}
    for name in BACKENDS:
        cos = (vectors[name] * vectors["torch"]).sum(axis=1)
        rate = len(chunks) * args.rounds / seconds[name]
        started = time.perf_counter()
        found = retrieval(embedders[name], paragraphs, questions, gold)
        log.info("%s retrieval: %.0f s", name, time.perf_counter() - started)
        result[name] = {"chunks_per_s": round(rate, 2), "ratio": round(seconds["torch"] / seconds[name], 2),
                        "cos_mean": round(float(cos.mean()), 5), "cos_min": round(float(cos.min()), 5), **found}
        log.info("%s: %s", name, result[name])
    del embedders
    for name in BACKENDS:
        result[name]["peak_rss_mb"] = None if args.no_rss else peak_rss(name, args.chunks)
    summary = {"ratio_onnx_fp32": result["onnx_fp32"]["ratio"], "ratio_onnx_int8": result["onnx_int8"]["ratio"],
               "mrr_torch": result["torch"]["mrr10"], "mrr_onnx_fp32": result["onnx_fp32"]["mrr10"],
               "mrr_onnx_int8": result["onnx_int8"]["mrr10"], **result}
    if not args.json:
        print(f"{'backend':<10} {'chunks/s':>9} {'ratio':>6} {'cos mean':>9} {'cos min':>8} {'hit@1':>6} "
              f"{'MRR@10':>7} {'peak RSS MB':>12}")
        for name in BACKENDS:
            row = result[name]
            print(f"{name:<10} {row['chunks_per_s']:>9} {row['ratio']:>6} {row['cos_mean']:>9} {row['cos_min']:>8} "
                  f"{row['hit1']:>6} {row['mrr10']:>7} {row['peak_rss_mb']!s:>12}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
