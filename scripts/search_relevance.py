#!/usr/bin/env python
"""Nhãn mức phù hợp của tab Tra cứu / How the "Tra cứu" relevance labels fall on real queries.

Indexes ``corpus/`` in a temporary home with the real model, then runs three kinds of query through
the tab's own handler (:func:`assistant.app.search.do_search`):

* ``questions``: eval/questions.jsonl (answerable; the gold document is known),
* ``unanswerable``: eval/unanswerable.jsonl (on the corpus' topics, but the documents do not answer),
* ``nonsense``: strings and topics no document is about.

For each kind it prints the dense similarity of the top passage (min / median / max), the label of the
first result card (or "none"), and for questions whether the gold document has a card at all and is
labelled "Rất phù hợp" or "Phù hợp". The cut-offs are ``ASSISTANT_SEARCH_DENSE_*`` (assistant/settings.py).

Example:
    .venv/bin/python scripts/search_relevance.py
    .venv/bin/python scripts/search_relevance.py --limit 40 --json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.app import search  # noqa: E402
from assistant.app.relevance import GOOD, VERY, dense_similarity  # noqa: E402
from assistant.app.runtime import AppRuntime  # noqa: E402
from assistant.settings import Settings  # noqa: E402

NONSENSE = ["xyzqw", "asdf qwerty", "zzkx brrp", "bóng đá world cup", "con mèo", "công thức nấu phở bò",
            "giá bitcoin hôm nay", "lịch thi đấu tennis", "thời tiết Hà Nội ngày mai", "qqqq 1234 vvvv"]


def load(path: Path, limit: int) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def run(runtime: AppRuntime, kind: str, queries: list[tuple[str, str | None]]) -> dict:
    """Labels and similarities of one kind of query; ``gold`` per query is its source document or None."""
    first_labels: Counter[str] = Counter()
    sims: list[float] = []
    gold_found = gold_good = 0
    for query, gold in queries:
        passages = runtime.bot.search(query, k=search.PASSAGES_READ)
        top = [s for s in (dense_similarity(p) for p in passages[:1]) if s is not None]
        sims += top
        _, groups, _, _ = search.do_search(runtime, query, "", "", "", 5)
        first_labels[groups[0].label if groups else "none"] += 1
        card = next((g for g in groups if g.source == gold), None) if gold else None
        gold_found += card is not None
        gold_good += card is not None and card.label in (VERY, GOOD)
    out = {"kind": kind, "queries": len(queries), "first_card": dict(first_labels),
           "top_dense": {"min": round(min(sims), 3), "median": round(statistics.median(sims), 3),
                         "max": round(max(sims), 3)} if sims else {}}
    if any(g for _, g in queries):
        out.update(with_gold=sum(1 for _, g in queries if g), gold_has_card=gold_found,
                   gold_labelled_relevant=gold_good)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="at most this many queries of each eval file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), corpus=ROOT / "corpus")
        runtime = AppRuntime(settings)
        runtime.bot.ingest([ROOT / "corpus"])
        runtime._set("ready", "")
        results = [
            run(runtime, "questions", [(r["question"], r["source"]) for r in load(ROOT / "eval/questions.jsonl",
                                                                                   args.limit)]),
            run(runtime, "unanswerable", [(r["question"], None) for r in load(ROOT / "eval/unanswerable.jsonl",
                                                                              args.limit)]),
            run(runtime, "nonsense", [(q, None) for q in NONSENSE]),
        ]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for r in results:
        print(f"{r['kind']:13} n={r['queries']:3}  top dense {r['top_dense']}  first card {r['first_card']}"
              + (f"  of {r['with_gold']} with a gold document: it has a card {r['gold_has_card']}, labelled "
                 f"relevant {r['gold_labelled_relevant']}"
                 if "gold_has_card" in r else ""))


if __name__ == "__main__":
    main()
