"""Metric functions over plain values: strings, spans, lists and dicts. No model, no index.

Per question the runner builds a *record* (a dict, see :data:`RECORD_KEYS`); :func:`summarize`
turns a list of records into the report's numbers. A metric that cannot be computed (no answers
yet, no abstentions to judge) is ``None``.

Example:
    >>> answer_correct("Hội nghị tổ chức tại thành phố Đà Lạt.", ["Đà Lạt"])
    True
    >>> token_f1("thành phố Đà Lạt", ["Đà Lạt"])
    0.6666666666666666
    >>> locate_evidence("Đà  Lạt", "Hội nghị ở Đà Lạt.")
    [(11, 17)]
    >>> hit_at_k([1, None, 4], 3), mrr([1, None, 4], 10)
    (0.3333333333333333, 0.4166666666666667)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict

from assistant.preprocessors.cleaner import clean_line
from assistant.text.normalize import fold, normalize_text

KS = (1, 3, 5, 10)
# What the runner records for each question and configuration.
RECORD_KEYS = (
    "id", "type", "question", "gold", "answerable", "rank", "doc_rank", "answer", "abstained", "correct",
    "correct_nodiac", "f1", "citations_correct", "citations_total", "latency_ms", "search_ms", "evidence_found",
    "error",
)


# -- answers -------------------------------------------------------------------------------------

def normalize_answer(text: str, nodiac: bool = False) -> str:
    """NFC (one tone-mark style), lowercase, punctuation to spaces, whitespace collapsed.

    With ``nodiac`` the text is also folded to ASCII-like letters (``Đà Lạt`` -> ``da lat``).
    """
    text = fold(text) if nodiac else normalize_text(text).lower()
    text = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text)
    return " ".join(text.split())


def answer_correct(answer: str | None, golds: list[str], nodiac: bool = False) -> bool:
    """True when some normalized gold answer occurs in the normalized answer, on word boundaries."""
    if not answer:
        return False
    said = f" {normalize_answer(answer, nodiac)} "
    return any(g and f" {g} " in said for g in (normalize_answer(x, nodiac) for x in golds))


def short_exact(answer: str | None, golds: list[str]) -> bool:
    """True when the short answer, normalized, equals some normalized gold answer."""
    said = normalize_answer(answer or "")
    return bool(said) and any(said == normalize_answer(g) for g in golds)


def token_f1(answer: str | None, golds: list[str]) -> float:
    """SQuAD-style token F1 of the normalized answer against the best gold answer."""
    said = normalize_answer(answer or "").split()
    best = 0.0
    for gold in golds:
        want = normalize_answer(gold).split()
        common = sum((Counter(said) & Counter(want)).values())
        if common:
            precision, recall = common / len(said), common / len(want)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


# -- spans ---------------------------------------------------------------------------------------

def _squeeze(text: str, folded: bool) -> tuple[str, list[int]]:
    """``text`` without whitespace (and folded), with the original index of every kept character."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        for out in fold(ch) if folded else ch:
            chars.append(out)
            where.append(i)
    return "".join(chars), where


def _find_all(needle: str, hay: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), hay)] if needle else []


def locate_evidence(evidence: str | None, text: str) -> list[tuple[int, int]]:
    """Spans of ``evidence`` in a document's cleaned ``text``; ``[]`` when it cannot be found.

    Tried in order: the evidence cleaned like a document line (exact), then ignoring whitespace,
    then also ignoring case and diacritics.
    """
    if not evidence or not evidence.strip():
        return []
    needle = clean_line(evidence)
    spans = [(s, s + len(needle)) for s in _find_all(needle, text)]
    if spans:
        return spans
    for folded in (False, True):
        hay, where = _squeeze(text, folded)
        small, _ = _squeeze(needle, folded)
        spans = [(where[s], where[s + len(small) - 1] + 1) for s in _find_all(small, hay)]
        if spans:
            return spans
    return []


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``[start, end)`` shares at least one character with one of ``spans``."""
    return any(start < e and s < end for s, e in spans)


# -- retrieval -----------------------------------------------------------------------------------

def first_relevant_rank(results: list[dict], source: str | None, spans: list[tuple[int, int]]) -> int | None:
    """1-based rank of the first result from ``source`` whose span overlaps an evidence span."""
    for rank, r in enumerate(results, 1):
        if r["source"] == source and overlaps(r["start"], r["end"], spans):
            return rank
    return None


def first_document_rank(results: list[dict], source: str | None) -> int | None:
    """1-based rank of the first result from the gold ``source`` document."""
    for rank, r in enumerate(results, 1):
        if r["source"] == source:
            return rank
    return None


def hit_at_k(ranks: list[int | None], k: int) -> float | None:
    """Share of questions whose first relevant rank is at most ``k``."""
    if not ranks:
        return None
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mrr(ranks: list[int | None], k: int = 10) -> float | None:
    """Mean reciprocal rank, counting only ranks up to ``k``."""
    if not ranks:
        return None
    return sum(1 / r for r in ranks if r is not None and r <= k) / len(ranks)


def retrieval_metrics(ranks: list[int | None], retrieved: int = 10, ks: tuple[int, ...] = KS) -> dict:
    """``hit@k`` for each k and ``mrr@10``; a k above the number retrieved is ``None``."""
    out: dict = {f"hit@{k}": hit_at_k(ranks, k) if k <= retrieved else None for k in ks}
    out["mrr@10"] = mrr(ranks, 10)
    return out


# -- citations and abstention --------------------------------------------------------------------

def citation_counts(citations: list[dict], source: str | None, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """(correct, total) citations: correct when in ``source`` and overlapping the evidence."""
    correct = sum(1 for c in citations if c["source"] == source and overlaps(c["start"], c["end"], spans))
    return correct, len(citations)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def abstention_metrics(unanswerable: list[bool], abstained: list[bool]) -> dict:
    """Precision and recall of abstaining (the positive class), against unanswerable gold items."""
    tp = sum(1 for u, a in zip(unanswerable, abstained, strict=True) if u and a)
    return {"precision": _ratio(tp, sum(abstained)), "recall": _ratio(tp, sum(unanswerable))}


# -- latency -------------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile (0-100) with linear interpolation, as ``numpy.percentile``."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency_summary(values: list[float]) -> dict:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95),
            "mean": sum(values) / len(values) if values else None}


# -- everything ----------------------------------------------------------------------------------

def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(records: list[dict], retrieved: int = 10) -> dict:
    """The report's numbers for one configuration, from its per-question records.

    Retrieval, answer accuracy/F1 and citations are over answerable questions; abstention over
    all; answer, citation and abstention metrics are ``None`` when no record has an answer.
    """
    answerable = [r for r in records if r["answerable"]]
    answered = [r for r in records if r.get("abstained") is not None]
    gold_answered = [r for r in answerable if r.get("abstained") is not None]
    out: dict = {
        "n": len(records),
        "n_answerable": len(answerable),
        "retrieval": retrieval_metrics([r["rank"] for r in answerable], retrieved),
        "retrieval_doc": retrieval_metrics([r["doc_rank"] for r in answerable], retrieved),
        "evidence_not_found": sum(1 for r in answerable if not r.get("evidence_found", True)),
        "errors": sum(1 for r in records if r.get("error")),
    }
    if answered:
        correct = sum(1 for r in gold_answered if r["citations_correct"])
        out["answer"] = {
            "accuracy": _mean([float(r["correct"]) for r in gold_answered]),
            "accuracy_nodiac": _mean([float(r["correct_nodiac"]) for r in gold_answered]),
            "f1": _mean([r["f1"] for r in gold_answered]),
            "overall_accuracy": _mean([float(r["correct"] if r["answerable"] else r["abstained"]) for r in answered]),
            # The short answer (the phrase shown first): the gold answer equals it, or occurs in it.
            "short_exact": _mean([float(r.get("short_exact") or False) for r in gold_answered]),
            "short_containment": _mean([float(r.get("short_contains") or False) for r in gold_answered]),
        }
        out["citation"] = {
            "precision": _ratio(sum(r["citations_correct"] for r in gold_answered),
                                sum(r["citations_total"] for r in gold_answered)),
            "recall": _ratio(correct, len(gold_answered)),
        }
        out["abstention"] = abstention_metrics([not r["answerable"] for r in answered],
                                               [bool(r["abstained"]) for r in answered])
    else:
        out["answer"] = {"accuracy": None, "accuracy_nodiac": None, "f1": None, "overall_accuracy": None,
                         "short_exact": None, "short_containment": None}
        out["citation"] = {"precision": None, "recall": None}
        out["abstention"] = {"precision": None, "recall": None}
    timed = [r["latency_ms"] for r in records if r.get("latency_ms") is not None]
    out["latency_ms"] = latency_summary(timed)
    out["search_latency_ms"] = latency_summary([r["search_ms"] for r in records if r.get("search_ms") is not None])
    if (llm := llm_summary(records)) is not None:
        out["llm"] = llm
    return out


def by_type(records: list[dict]) -> dict[str, dict]:
    """Per question type: count, evidence hit@5 (answerable) and accuracy.

    Accuracy of an unanswerable question is whether the assistant abstained, so types made of
    unanswerable questions get a score too; ``None`` when there are no answers.
    """
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        groups[r["type"]].append(r)
    out = {}
    for name, group in sorted(groups.items()):
        answerable = [r for r in group if r["answerable"]]
        answered = [r for r in group if r.get("abstained") is not None]
        out[name] = {
            "n": len(group),
            "hit@5": hit_at_k([r["rank"] for r in answerable], 5),
            "accuracy": _mean([float(r["correct"] if r["answerable"] else r["abstained"]) for r in answered]),
            "short_containment": _mean([float(r.get("short_contains") or False) for r in answerable
                                        if r.get("abstained") is not None]),
        }
    return out


# -- generated answers ---------------------------------------------------------------------------

def llm_summary(records: list[dict]) -> dict | None:
    """Prompt size, removals, fallbacks and speed of generated answers; None when no record has any
    (the extractive answerer). Latency percentiles are those of :func:`latency_summary`."""
    used = [r for r in records if r.get("usage") or r.get("raw_answer") or r.get("notice")]
    if not used:
        return None
    prompt = [r["usage"]["prompt_tokens"] for r in used if (r.get("usage") or {}).get("prompt_tokens")]
    completion = [r["usage"]["completion_tokens"] for r in used if (r.get("usage") or {}).get("completion_tokens")]
    speed = [r["usage"]["tokens_per_second"] for r in used if (r.get("usage") or {}).get("tokens_per_second")]
    kinds = Counter(d.get("kind", "sentence") for r in used for d in r.get("dropped") or [])
    latency = latency_summary([r["latency_ms"] for r in used if r.get("latency_ms") is not None])
    return {
        "answers": len(used),
        "prompt_tokens": {"mean": _mean(prompt), "max": max(prompt) if prompt else None},
        "completion_tokens": {"mean": _mean(completion), "max": max(completion) if completion else None},
        "tokens_per_second": _mean(speed),
        "dropped": sum(kinds.values()), "dropped_by_kind": dict(sorted(kinds.items())),
        "answers_with_dropped": sum(1 for r in used if r.get("dropped")),
        "refused_after_checks": sum(1 for r in used if r.get("abstained") and r.get("dropped")),
        "notices": sum(1 for r in used if r.get("notice")),
        "latency_ms": {"p50": latency["p50"], "p95": latency["p95"]},
    }
