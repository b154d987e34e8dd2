"""Generated-answer fields in the evaluation outputs: per question (CSV, JSONL) and in aggregate."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from assistant.evaluation import metrics
from assistant.evaluation.report import write_report
from assistant.evaluation.runner import EvalOptions, EvalResult, _record
from assistant.schema import Answer

ITEM = {"id": "when-001", "question": "Hội nghị tổ chức khi nào?", "answers": ["26/04/2019"], "source": "a.txt"}
UNANS = {"id": "unans-001", "question": "Dân số tỉnh là bao nhiêu?", "answers": [], "source": None}


def _llm_answer(text: str, answerable: bool, dropped: list[dict], usage: dict, notice: str = "") -> Answer:
    return Answer(question="q", answer=text, answerable=answerable, mode="llm", raw_answer="Trả lời ngắn: x\n" + text,
                  dropped=dropped, usage=usage, notice=notice, standalone_question="q?")


def _records() -> list[dict]:
    dropped = [{"sentence": "Họp ở Huế.", "kind": "sentence", "reason": "không có trong tài liệu: huế"},
               {"sentence": "x", "kind": "short", "reason": "không chép nguyên văn từ tài liệu"}]
    a = _llm_answer("Ngày 26/04/2019 [1].", True, dropped, {"prompt_tokens": 900, "completion_tokens": 40,
                                                             "tokens_per_second": 6.0})
    b = _llm_answer("Không tìm thấy thông tin này trong tài liệu.", False,
                    [{"sentence": "Dân số 1 triệu.", "kind": "sentence", "reason": "không đoạn tài liệu nào nói điều này"}],
                    {"prompt_tokens": 1100, "completion_tokens": 20, "tokens_per_second": 4.0})
    return [_record(ITEM, [], [], 5.0, a, 30_000.0), _record(UNANS, [], [], 5.0, b, 50_000.0)]


def test_records_keep_the_model_text_removals_and_tokens():
    first, second = _records()
    assert first["raw_answer"].startswith("Trả lời ngắn") and first["standalone_question"] == "q?"
    assert [d["kind"] for d in first["dropped"]] == ["sentence", "short"]
    assert first["usage"]["prompt_tokens"] == 900 and first["notice"] is None
    assert second["abstained"] and second["dropped"][0]["reason"].startswith("không đoạn")


def test_llm_summary_aggregates_tokens_removals_and_latency():
    summary = metrics.llm_summary(_records())
    assert summary["prompt_tokens"] == {"mean": 1000.0, "max": 1100}
    assert summary["dropped"] == 3 and summary["dropped_by_kind"] == {"sentence": 2, "short": 1}
    assert summary["answers_with_dropped"] == 2 and summary["refused_after_checks"] == 1
    assert summary["latency_ms"] == {"p50": 40_000.0, "p95": 49_000.0} and summary["notices"] == 0
    extractive = dict(_records()[0], raw_answer=None, usage={}, dropped=[], notice=None)
    assert metrics.llm_summary([extractive]) is None
    assert "llm" in metrics.summarize(_records()) and "llm" not in metrics.summarize([extractive])


def test_notice_counted_when_the_model_was_unreachable():
    answer = _llm_answer("⚠ Không kết nối được ...", True, [], {}, notice="Không kết nối được mô hình ngôn ngữ")
    rec = _record(ITEM, [], [], 5.0, answer, 1_000.0)
    assert rec["notice"] and metrics.llm_summary([rec])["notices"] == 1


def test_report_writes_llm_columns_jsonl_and_table(tmp_path: Path):
    records = _records()
    result = EvalResult(EvalOptions(answerer="llm", progress=False), {
        "dataset": "d.jsonl", "corpus": "corpus", "documents": 1, "chunks": 1, "model": "m", "chunk_size": 800,
        "k": 10, "answerer": "llm", "questions": 2, "answerable": 1, "limit": None, "seconds": 1.0},
        {"hybrid": {"summary": metrics.summarize(records), "by_type": metrics.by_type(records), "records": records}})
    write_report(result, tmp_path)
    rows = list(csv.DictReader((tmp_path / "questions.csv").open(encoding="utf-8")))
    assert rows[0]["raw_answer"].startswith("Trả lời ngắn") and rows[0]["prompt_tokens"] == "900"
    assert json.loads(rows[0]["dropped"])[0]["reason"] == "không có trong tài liệu: huế"
    lines = [json.loads(line) for line in (tmp_path / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["when-001", "unans-001"] and lines[1]["usage"]["prompt_tokens"] == 1100
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| prompt tokens, mean / max | 1000 / 1100 |" in report
    assert "| removed by the checks | 3 (sentence 2, short 1) in 2 answers |" in report
    assert json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["llm"]["dropped"] == 3
