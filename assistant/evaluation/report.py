"""Write an evaluation's report: ``report.md`` tables, ``questions.csv``, ``questions.jsonl``, ``summary.json``
and PNG plots. Generated answers add their own table (prompt tokens, removals, fallbacks, latency).

Example:
    >>> paths = write_report(result, Path("eval/out"))   # doctest: +SKIP
    >>> sorted(p.name for p in paths)                     # doctest: +SKIP
    ['accuracy_by_type.png', 'hit_at_k.png', 'questions.csv', 'questions.jsonl', 'report.md', 'summary.json']
"""

from __future__ import annotations

import csv
import json
import logging
from datetime import datetime
from pathlib import Path

from assistant.evaluation.metrics import KS
from assistant.evaluation.runner import EvalResult

log = logging.getLogger(__name__)

CSV_COLUMNS = ("config", "id", "type", "question", "gold", "short_answer", "answer", "first_relevant_rank", "doc_rank", "correct",
               "correct_nodiac", "f1", "abstained", "citation_correct", "citations", "latency_ms", "search_ms",
               "standalone_question", "raw_answer", "dropped", "notice", "prompt_tokens", "completion_tokens")
# (header, section, key, kind) of the comparison table; kind "r" is a rate, "ms" milliseconds.
COLUMNS = (
    ("hit@1", "retrieval", "hit@1", "r"), ("hit@3", "retrieval", "hit@3", "r"), ("hit@5", "retrieval", "hit@5", "r"),
    ("hit@10", "retrieval", "hit@10", "r"), ("MRR@10", "retrieval", "mrr@10", "r"),
    ("doc hit@1", "retrieval_doc", "hit@1", "r"), ("doc hit@5", "retrieval_doc", "hit@5", "r"),
    ("doc MRR@10", "retrieval_doc", "mrr@10", "r"),
    ("accuracy", "answer", "accuracy", "r"), ("accuracy (no diacritics)", "answer", "accuracy_nodiac", "r"),
    ("F1", "answer", "f1", "r"), ("short EM", "answer", "short_exact", "r"),
    ("short contains", "answer", "short_containment", "r"), ("citation P", "citation", "precision", "r"), ("citation R", "citation", "recall", "r"),
    ("abstain P", "abstention", "precision", "r"), ("abstain R", "abstention", "recall", "r"),
    ("p50 ms", "latency_ms", "p50", "ms"), ("p95 ms", "latency_ms", "p95", "ms"),
)


def _fmt(value, kind: str = "r") -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "1" if value else "0"
    if kind == "ms":
        return f"{value:.0f}"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def comparison_table(result: EvalResult) -> str:
    """One Markdown table, a row per configuration."""
    lines = ["| configuration | " + " | ".join(c[0] for c in COLUMNS) + " |",
             "|---|" + "---:|" * len(COLUMNS)]
    for name, config in result.configs.items():
        s = config["summary"]
        lines.append(f"| {name} | " + " | ".join(_fmt(s[sec][key], kind) for _, sec, key, kind in COLUMNS) + " |")
    return "\n".join(lines)


def type_table(result: EvalResult) -> str:
    """Per question type: count, then hit@5 and accuracy for each configuration."""
    names = list(result.configs)
    types = sorted({t for c in result.configs.values() for t in c["by_type"]})
    head = "| type | n | " + " | ".join(f"{n} hit@5" for n in names) + " | " + " | ".join(f"{n} acc" for n in names) + " |"
    lines = [head, "|---|---:|" + "---:|" * (2 * len(names))]
    for t in types:
        rows = [result.configs[n]["by_type"].get(t, {}) for n in names]
        n = rows[0].get("n", 0)
        lines.append(f"| {t} | {n} | " + " | ".join(_fmt(r.get("hit@5")) for r in rows) + " | "
                     + " | ".join(_fmt(r.get("accuracy")) for r in rows) + " |")
    return "\n".join(lines)


def _misses(result: EvalResult, limit: int = 40) -> list[str]:
    records = result.configs[result.primary]["records"]
    out = []
    for r in records:
        if r["answerable"] and (r["rank"] is None or r["rank"] > 5):
            out.append(f"- `{r['id']}` (rank {r['rank'] or '>' + str(result.setup['k'])}): {r['question']}")
    return out[:limit] + ([f"- … and {len(out) - limit} more"] if len(out) > limit else [])


def write_markdown(result: EvalResult, path: Path, command: str = "") -> None:
    s = result.setup
    notes = [
        f"# Evaluation report — {datetime.now().isoformat(timespec='seconds')}", "",
        f"- dataset: `{s['dataset']}` — {s['questions']} questions ({s['answerable']} answerable)"
        + (f", limited to {s['limit']}" if s.get("limit") else ""),
        f"- corpus: `{s['corpus']}` — {s['documents']} documents, {s['chunks']} chunks (size {s['chunk_size']})",
        f"- model: `{s['model']}`; k = {s['k']}; answerer: {s['answerer'] or 'none (Assistant.ask unavailable)'}",
        f"- run time: {s['seconds']} s" + (f"; command: `{command}`" if command else ""), "",
        "## Configurations", "", comparison_table(result), "",
        "Retrieval and answer metrics are over answerable questions; a chunk is relevant when its span overlaps "
        "the evidence span in the gold source (`doc` columns: any chunk of the gold source). Abstention counts "
        "every question (positive class: abstained). Latency is per question, with a fresh query embedding "
        "(`ask()` when answering, else the search).", "",
        "![hit@k](hit_at_k.png)", "",
        "## By question type", "", type_table(result), "",
        "Accuracy of an unanswerable question is whether the assistant abstained.", "",
        "![accuracy by type](accuracy_by_type.png)", "",
        *llm_section(result),
        f"## Evidence not in the top 5 ({result.primary})", "", *(_misses(result) or ["- none"]), "",
    ]
    path.write_text("\n".join(notes), encoding="utf-8")


def write_csv(result: EvalResult, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for name, config in result.configs.items():
            for r in config["records"]:
                cited = None if r["citations_correct"] is None else r["citations_correct"] > 0
                writer.writerow([
                    name, r["id"], r["type"], r["question"], r["gold"], r["short_answer"] or "", r["answer"] or "",
                    r["rank"] or "",
                    r["doc_rank"] or "", _fmt(r["correct"]), _fmt(r["correct_nodiac"]),
                    "" if r["f1"] is None else f"{r['f1']:.3f}", _fmt(r["abstained"]), _fmt(cited),
                    _fmt(r["citations_total"]), f"{r['latency_ms']:.1f}", f"{r['search_ms']:.1f}",
                    *_llm_cells(r),
                ])


def _llm_cells(r: dict) -> list[str]:
    """The generated-answer columns of one record: empty for the extractive answerer."""
    usage = r.get("usage") or {}
    dropped = r.get("dropped") or []
    return [r.get("standalone_question") or "", r.get("raw_answer") or "",
            json.dumps(dropped, ensure_ascii=False) if dropped else "", r.get("notice") or "",
            str(usage.get("prompt_tokens", "")), str(usage.get("completion_tokens", ""))]


def llm_section(result: EvalResult) -> list[str]:
    """Markdown lines on generated answers (prompt tokens, removals, fallbacks, latency); [] without them."""
    llm = result.summary().get("llm")
    if not llm:
        return []
    kinds = ", ".join(f"{k} {v}" for k, v in llm["dropped_by_kind"].items()) or "none"
    p, c, lat = llm["prompt_tokens"], llm["completion_tokens"], llm["latency_ms"]
    return [
        f"## Generated answers ({result.primary})", "",
        "| measure | value |", "|---|---:|",
        f"| answers generated | {llm['answers']} |",
        f"| prompt tokens, mean / max | {_fmt(p['mean'], 'ms')} / {_fmt(p['max'])} |",
        f"| completion tokens, mean / max | {_fmt(c['mean'], 'ms')} / {_fmt(c['max'])} |",
        f"| generation speed, tokens/s (mean) | {_fmt(llm['tokens_per_second'])} |",
        f"| removed by the checks | {llm['dropped']} ({kinds}) in {llm['answers_with_dropped']} answers |",
        f"| refused after the checks | {llm['refused_after_checks']} |",
        f"| fallbacks with a notice (model unreachable or too slow) | {llm['notices']} |",
        f"| latency p50 / p95, ms | {_fmt(lat['p50'], 'ms')} / {_fmt(lat['p95'], 'ms')} |", "",
        "Per question: `questions.csv` (raw_answer, dropped, notice, tokens) and `questions.jsonl` (every field).", "",
    ]


def write_records(result: EvalResult, path: Path) -> None:
    """Every record of every configuration, one JSON object a line (with the model's raw text)."""
    with path.open("w", encoding="utf-8") as handle:
        for name, config in result.configs.items():
            for r in config["records"]:
                handle.write(json.dumps({"config": name, **r}, ensure_ascii=False) + "\n")


def plot_hits(result: EvalResult, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for name, config in result.configs.items():
        ks = [k for k in KS if config["summary"]["retrieval"][f"hit@{k}"] is not None]
        ax.plot(ks, [config["summary"]["retrieval"][f"hit@{k}"] for k in ks], marker="o", label=name)
    ax.set_xticks(list(KS))
    ax.set_xlabel("k")
    ax.set_ylabel("hit@k (evidence level)")
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title(f"Retrieval hit@k — {result.setup['dataset']}", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def plot_types(result: EvalResult, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    has_answers = any(c["summary"]["answer"]["accuracy"] is not None for c in result.configs.values())
    key = "accuracy" if has_answers else "hit@5"
    names = [n for n, c in result.configs.items() if not has_answers or c["summary"]["answer"]["accuracy"] is not None]
    types = sorted({t for n in names for t in result.configs[n]["by_type"]})
    width = 0.8 / max(len(names), 1)
    fig, ax = plt.subplots(figsize=(max(7.5, 0.7 * len(types) + 3), 4.6))
    for i, name in enumerate(names):
        values = [result.configs[name]["by_type"].get(t, {}).get(key) for t in types]
        ax.bar([x + i * width for x in range(len(types))], [v or 0 for v in values], width, label=name)
    ax.set_xticks([x + width * (len(names) - 1) / 2 for x in range(len(types))])
    counts = {t: max(result.configs[n]["by_type"].get(t, {}).get("n", 0) for n in names) for t in types}
    ax.set_xticklabels([f"{t} ({counts[t]})" for t in types], rotation=40, ha="right")
    ax.set_ylim(0, 1.02)
    ax.set_ylabel(key if has_answers else "hit@5 (no answers available)")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(f"{'Answer accuracy' if has_answers else 'Retrieval hit@5'} by question type", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_report(result: EvalResult, out: Path, command: str = "") -> list[Path]:
    """Write every report file under ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "report.md", out / "questions.csv", out / "summary.json", out / "hit_at_k.png",
             out / "accuracy_by_type.png", out / "questions.jsonl"]
    write_markdown(result, paths[0], command)
    write_csv(result, paths[1])
    paths[2].write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    plot_hits(result, paths[3])
    plot_types(result, paths[4])
    write_records(result, paths[5])
    log.info("evaluation report written to %s", out)
    return paths
