"""Choose the fusion settings (RRF ``k``, dense and keyword weights) by measurement.

Every question is searched once by each retriever, ``candidates`` deep, exactly as hybrid search
does before fusing; each grid point is then fused in memory with :func:`assistant.index.fusion.fuse`.
A grid of dozens of settings costs one pass of the embedding model.

Only the ratio of the two weights changes the fused order (scaling both scales every score), so
the grid varies the dense weight against a keyword weight of 1.

Example:
    >>> runs = [Candidates(dense=[1, 2], keyword=[2, 1], relevant={2}, same_doc={2})]
    >>> [row["mrr@10"] for row in score_grid(runs, ks=[60], dense_weights=[2.0, 0.5])]
    [0.5, 1.0]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tqdm import tqdm

from assistant.core import Assistant
from assistant.evaluation import metrics
from assistant.index.fusion import fuse

DEFAULT_KS = (1, 5, 10, 20, 30, 60, 100, 200)
DEFAULT_DENSE_WEIGHTS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0)


@dataclass
class Candidates:
    """One answerable question: each retriever's ranked rows, and which rows hold the evidence."""

    dense: list[int]
    keyword: list[int]
    relevant: set[int] = field(default_factory=set)  # rows whose span overlaps the evidence
    same_doc: set[int] = field(default_factory=set)  # rows from the gold document


def collect(bot: Assistant, items: list[dict], spans: dict[str, list[tuple[int, int]]],
            progress: bool = True) -> list[Candidates]:
    """Dense and keyword candidates of every answerable item (``settings.candidates`` deep)."""
    depth = bot.settings.candidates
    runs = []
    for item in tqdm([it for it in items if it["answers"]], desc="Truy xuất ứng viên", unit="câu",
                     disable=not progress):
        run = Candidates(dense=[], keyword=[])
        for mode in ("dense", "keyword"):
            for r in bot.search(item["question"], k=depth, mode=mode):
                getattr(run, mode).append(r.row)
                if r.source == item["source"]:
                    run.same_doc.add(r.row)
                    if metrics.overlaps(r.start, r.end, spans.get(item["id"], [])):
                        run.relevant.add(r.row)
        runs.append(run)
    return runs


def _first(ranking: list[int], wanted: set[int]) -> int | None:
    return next((rank for rank, row in enumerate(ranking, 1) if row in wanted), None)


def score_grid(runs: list[Candidates], ks=DEFAULT_KS, dense_weights=DEFAULT_DENSE_WEIGHTS,
               retrieved: int = 10) -> list[dict]:
    """Retrieval metrics for every (k, dense weight) pair, keyword weight 1, in grid order."""
    rows = []
    for k in ks:
        for weight in dense_weights:
            fused = [[row for row, _ in fuse([run.dense, run.keyword], k=k, weights=[weight, 1.0])[:retrieved]]
                     for run in runs]
            ranks = [_first(f, run.relevant) for f, run in zip(fused, runs, strict=True)]
            doc_ranks = [_first(f, run.same_doc) for f, run in zip(fused, runs, strict=True)]
            rows.append({"rrf_k": k, "dense_weight": weight, "keyword_weight": 1.0,
                         **metrics.retrieval_metrics(ranks, retrieved), "doc_hit@1": metrics.hit_at_k(doc_ranks, 1)})
    return rows


def ranked(rows: list[dict], key: str = "mrr@10") -> list[dict]:
    """Rows best first by ``key``; ties go to higher hit@1, then keep grid order."""
    return sorted(rows, key=lambda r: (-round(r[key], 9), -round(r["hit@1"], 9)))


def best(rows: list[dict], key: str = "mrr@10") -> dict:
    """The first of :func:`ranked`."""
    return ranked(rows, key)[0]
