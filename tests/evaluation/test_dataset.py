"""Loading our JSONL schema and converting SQuAD v1.1 JSON to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation.dataset import (
    load_jsonl,
    load_squad,
    question_type,
    squad_corpus_dir,
    squad_evidence,
    validate_item,
)
from assistant.evaluation.metrics import locate_evidence
from assistant.preprocessors.cleaner import clean_text

REPO = Path(__file__).resolve().parents[2]
UIT = REPO.parent / "shared" / "data" / "uit-regulations-qa"

CONTEXT = ("Học phí Sinh viên đóng học phí theo học kỳ. Mức học phí là 20 triệu đồng mỗi năm. "
           "Sinh viên nộp trễ bị cảnh báo.")
SQUAD = {"data": [
    {"title": "Học phí", "paragraphs": [{"context": CONTEXT, "qas": [
        {"id": "Q1", "question": "Mức học phí mỗi năm?", "answers": [{"text": "20 triệu đồng", "answer_start": 3}]},
        {"id": "Q1", "question": "Nộp trễ thì sao?", "answers": [
            {"text": "bị cảnh báo", "answer_start": 100}, {"text": "bị cảnh báo", "answer_start": 101},
            {"text": "Sinh viên nộp trễ bị cảnh báo", "answer_start": 0}]},
        {"id": "Q3", "question": "Không có đáp án?", "answers": [{"text": "không có trong đoạn", "answer_start": 0}]},
    ]}]},
    {"title": "Khác", "paragraphs": [{"context": "Đoạn thứ hai. Ký túc xá mở cửa lúc 6 giờ.", "qas": [
        {"id": "Q4", "question": "Ký túc xá mở cửa lúc mấy giờ?", "answers": [{"text": "6 giờ", "answer_start": 0}]},
    ]}]},
]}


def test_question_type():
    assert question_type("who-003") == "who"
    assert question_type("which-doc-002") == "which-doc"
    assert question_type("plain") == "plain"


def test_validate_item():
    good = {"id": "who-1", "question": "Ai?", "answers": ["A"], "source": "a.txt", "evidence": "A nói."}
    assert validate_item(good) == []
    assert validate_item({"id": "unans-1", "question": "Ai?", "answers": [], "source": None, "evidence": None}) == []
    assert validate_item({**good, "source": None})
    assert validate_item({**good, "answers": [], "evidence": None})
    assert validate_item({**good, "extra": 1})


def test_load_jsonl_rejects_repeated_ids(tmp_path: Path):
    item = {"id": "who-1", "question": "Ai?", "answers": [], "source": None, "evidence": None}
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps(item) + "\n\n" + json.dumps(item) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="repeated id"):
        load_jsonl(path)
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    assert load_jsonl(path) == [item]


def test_squad_evidence_is_the_answer_sentence():
    assert squad_evidence(CONTEXT, "20 triệu đồng", 0) == "Mức học phí là 20 triệu đồng mỗi năm."
    assert squad_evidence(CONTEXT, "không có", 0) == ""
    # Sentences that would cross a line break: the answer text itself.
    assert squad_evidence("Dòng một có x y.\nDòng hai.", "x y.\nDòng", 0) == "x y.\nDòng"


def test_squad_converter_produces_valid_items(tmp_path: Path):
    source = tmp_path / "mini.json"
    source.write_text(json.dumps(SQUAD, ensure_ascii=False), encoding="utf-8")
    corpus = squad_corpus_dir([source], tmp_path)
    items = load_squad([source], corpus)
    assert [it["id"] for it in items] == ["mini-0001", "mini-0002", "mini-0004"]  # Q3's answer is not in the text
    for item in items:
        assert validate_item(item) == [], item
        text = (corpus / item["source"]).read_text(encoding="utf-8")
        assert item["evidence"] in text and "\n" not in item["evidence"]
        assert all(a in text for a in item["answers"])
        assert locate_evidence(item["evidence"], clean_text(text))
    assert items[1]["answers"] == ["bị cảnh báo", "Sinh viên nộp trễ bị cảnh báo"]
    assert items[1]["evidence"] == "Sinh viên nộp trễ bị cảnh báo."
    assert items[0]["source"] == "mini/a000-p00.txt" and items[2]["source"] == "mini/a001-p00.txt"
    assert sorted(p.name for p in corpus.rglob("*.txt")) == ["a000-p00.txt", "a001-p00.txt"]
    assert load_squad([source], corpus) == items  # rerun: same files, same items


@pytest.mark.skipif(not UIT.is_dir(), reason="UIT regulations QA data not available")
def test_uit_regulations_convert_completely(tmp_path: Path):
    files = [UIT / "train_reg.json", UIT / "test_reg.json"]
    items = load_squad(files, tmp_path)
    assert len(items) == 721
    assert len({it["id"] for it in items}) == 721
    assert len(list(tmp_path.rglob("*.txt"))) == 88
    for item in items:
        assert validate_item(item) == [], item
        text = clean_text((tmp_path / item["source"]).read_text(encoding="utf-8"))
        assert locate_evidence(item["evidence"], text), item["id"]
