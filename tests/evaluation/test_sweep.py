"""The fusion sweep: its in-memory fusion must rank exactly as hybrid search does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluation import metrics
from assistant.evaluation.runner import EvalOptions, open_eval
from assistant.evaluation.sweep import Candidates, best, collect, score_grid

REPO = Path(__file__).resolve().parents[2]


def test_grid_matches_hybrid_search_for_every_setting(tmp_path, make_bot):
    options = EvalOptions(dataset=REPO / "eval" / "questions.jsonl", corpus=REPO / "corpus", out=tmp_path,
                          limit=25, progress=False)
    bot, items, spans, _, _ = open_eval(options, make_bot(tmp_path / "index"))
    runs = collect(bot, items, spans, progress=False)
    settings = [(1, 0.5), (10, 0.8), (60, 1.0), (60, 2.0)]
    grid = score_grid(runs, ks=sorted({k for k, _ in settings}), dense_weights=sorted({w for _, w in settings}))
    answerable = [it for it in items if it["answers"]]
    for k, weight in settings:
        tuned = make_bot(bot.home, bot.settings.model_copy(update={"rrf_k": k, "dense_weight": weight}))
        ranks = [metrics.first_relevant_rank([r.to_dict() for r in tuned.search(it["question"], k=10)],
                                             it["source"], spans[it["id"]]) for it in answerable]
        row = next(r for r in grid if (r["rrf_k"], r["dense_weight"]) == (k, weight))
        assert row["mrr@10"] == pytest.approx(metrics.mrr(ranks, 10))
        assert row["hit@1"] == pytest.approx(metrics.hit_at_k(ranks, 1))


def test_weights_and_k_move_the_relevant_row():
    # Row 2 is second in dense and first in keyword: it wins only when keyword weighs more.
    runs = [Candidates(dense=[1, 2], keyword=[2, 1], relevant={2}, same_doc={2})]
    grid = score_grid(runs, ks=[10], dense_weights=[2.0, 0.5])
    assert [r["hit@1"] for r in grid] == [0.0, 1.0]
    assert best(grid)["dense_weight"] == 0.5


def test_best_prefers_higher_hit_at_1_then_the_earlier_row():
    rows = [{"mrr@10": 0.5, "hit@1": 0.2}, {"mrr@10": 0.5, "hit@1": 0.4}, {"mrr@10": 0.5, "hit@1": 0.4}]
    assert best(rows) is rows[1]


def test_unfound_evidence_counts_as_a_miss():
    runs = [Candidates(dense=[1], keyword=[1]), Candidates(dense=[3], keyword=[3], relevant={3}, same_doc={3})]
    (row,) = score_grid(runs, ks=[60], dense_weights=[1.0])
    assert row["hit@10"] == 0.5 and row["doc_hit@1"] == 0.5
