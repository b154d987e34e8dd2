"""Answer latency of the extractive `ask` after model load: p50 / p95 over the eval questions.

Every question is embedded afresh (the query cache is off), as a question never asked before; the
sentences the answerer may quote are embedded once up front, as they are in steady use.

    .venv/bin/python scripts/bench_ask.py [--dataset eval/questions.jsonl] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.chains.answer import AnswerChain  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from assistant.evaluation.runner import index_passages, prewarm_answerer  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    questions = [json.loads(line)["question"] for line in args.dataset.read_text(encoding="utf-8").splitlines() if line]
    settings = Settings(llm=None)
    with tempfile.TemporaryDirectory() as home:
        bot = Assistant(settings, home=home)
        started = time.perf_counter()
        _ = bot.embedder.model
        load = time.perf_counter() - started
        bot.ingest([args.corpus])
        embedder = bot.embedder.with_query_cache(False)
        prewarm_answerer(embedder, index_passages(bot))
        chain = AnswerChain(bot.retriever(), embedder, settings)
        for q in questions[:3]:  # warm up kernels; not timed
            chain.invoke(q)
        times = []
        for q in questions:
            t0 = time.perf_counter()
            chain.invoke(q)
            times.append((time.perf_counter() - t0) * 1000)
    ms = np.array(times)
    out = {"questions": len(ms), "model_load_s": round(load, 1), "ask_p50_ms": round(float(np.percentile(ms, 50)), 1),
           "ask_p95_ms": round(float(np.percentile(ms, 95)), 1), "ask_max_ms": round(float(ms.max()), 1)}
    if not args.json:
        print(f"{len(ms)} câu hỏi / questions: p50 {out['ask_p50_ms']} ms, p95 {out['ask_p95_ms']} ms, "
              f"max {out['ask_max_ms']} ms (model load {out['model_load_s']} s)")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
