"""The runner, report and CLI end to end, with the fake embedder (no model, seconds)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from assistant.cli import build_parser
from assistant.evaluation.dataset import typed_plain
from assistant.evaluation.report import write_report
from assistant.evaluation.runner import COMPARE, EvalOptions, eval_settings, load_items, run_eval, sample
from assistant.text.normalize import fold

REPO = Path(__file__).resolve().parents[2]
TOP_KEYS = {"n", "retrieval", "retrieval_doc", "answer", "citation", "abstention", "latency_ms"}


def _options(tmp_path: Path, **kw) -> EvalOptions:
    return EvalOptions(dataset=REPO / "eval" / "questions.jsonl", corpus=REPO / "corpus", out=tmp_path / "out",
                       progress=False, **kw)


def test_compare_runs_every_configuration_and_writes_the_report(tmp_path, make_bot):
    bot = make_bot(tmp_path / "index", eval_settings("extractive"))
    result = run_eval(_options(tmp_path, compare=True, limit=12), bot=bot)
    assert list(result.configs) == ["hybrid", "keyword", "dense", "tutorial-rag"]
    data = result.to_dict()
    assert set(data) >= TOP_KEYS and data["n"] == 12
    assert set(data["retrieval"]) == {"hit@1", "hit@3", "hit@5", "hit@10", "mrr@10"}
    assert {"accuracy", "accuracy_nodiac", "f1"} <= set(data["answer"])
    assert set(data["configurations"]) == set(COMPARE)
    for summary in data["configurations"].values():
        assert 0 <= summary["retrieval"]["hit@5"] <= summary["retrieval"]["hit@10"] <= 1
        assert summary["answer"]["accuracy"] is not None and summary["latency_ms"]["p50"] > 0
    json.dumps(data)
    paths = write_report(result, tmp_path / "out")
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)
    rows = list(csv.DictReader((tmp_path / "out" / "questions.csv").open(encoding="utf-8")))
    assert len(rows) == 12 * len(COMPARE)
    assert {"id", "type", "question", "gold", "answer", "first_relevant_rank", "correct", "citation_correct",
            "latency_ms"} <= set(rows[0])
    assert "| tutorial-rag |" in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


def test_retrieval_only_leaves_answer_metrics_null(tmp_path, make_bot):
    result = run_eval(_options(tmp_path, limit=6, answers=False), bot=make_bot(tmp_path / "index", eval_settings("extractive")))
    data = result.to_dict()
    assert data["retrieval"]["hit@10"] is not None
    assert data["answer"]["accuracy"] is None and data["citation"]["recall"] is None
    assert data["abstention"]["precision"] is None and data["latency_ms"]["p50"] is not None
    write_report(result, tmp_path / "out")


def test_plain_questions_are_typed_without_marks_or_capitals(tmp_path):
    items, _, label = load_items(_options(tmp_path, limit=3, plain=True))
    assert label.endswith("(typed plain)")
    assert all(it["question"] == fold(it["question"]).rstrip(" ?") for it in items)
    assert typed_plain("Ai chủ trì buổi làm việc ngày 06/11/2012?") == "ai chu tri buoi lam viec ngay 06/11/2012"
    assert build_parser().parse_args(["eval", "--plain"]).plain


def test_sample_spreads_over_the_types():
    items = [{"id": f"t{i // 10}-{i}"} for i in range(50)]
    picked = sample(items, 5)
    assert [it["id"] for it in picked] == ["t0-0", "t1-10", "t2-20", "t3-30", "t4-40"]
    assert sample(items, None) is items


def test_cli_registers_eval():
    args = build_parser().parse_args(["eval", "--compare", "--squad", "a.json", "--squad", "b.json", "--limit", "3",
                                      "--mode", "dense", "--json"])
    assert args.command == "eval" and args.compare and args.json and args.limit == 3 and args.mode == "dense"
    assert [p.name for p in args.squad] == ["a.json", "b.json"]
    assert str(args.dataset) == "eval/questions.jsonl" and str(args.corpus) == "corpus" and args.k == 10


def test_every_configuration_answers_a_byline_question_without_error(tmp_path, make_bot):
    item = next(i for i in map(json.loads, (REPO / "eval" / "questions.jsonl").open(encoding="utf-8"))
                if i["id"] == "who-006")
    dataset = tmp_path / "byline.jsonl"
    dataset.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    bot = make_bot(tmp_path / "index", eval_settings("extractive"))
    options = EvalOptions(dataset=dataset, corpus=REPO / "corpus", out=tmp_path / "out", progress=False, compare=True)
    result = run_eval(options, bot=bot)
    for name, config in result.configs.items():
        assert not any(r["error"] for r in config["records"]), name
    assert result.configs["hybrid"]["records"][0]["short_answer"] == "Yến Lệ"
