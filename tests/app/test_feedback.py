"""Feedback store: SQLite rows with question, answer, citations JSON and time; CSV export."""

from __future__ import annotations

import csv
import re
import threading

import pytest

from assistant.app.feedback import CSV_HEADER, FeedbackStore


def test_add_and_read_back(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    cits = [{"n": 1, "source": "002.txt", "quote": "Phó Trưởng ban chủ trì"}]
    first = store.add("up", "Ai chủ trì buổi làm việc?", "Phó Trưởng ban [1]", cits, "  đúng  ", answerable=True)
    second = store.add(False, "Câu hỏi ngoài tài liệu?", "Không tìm thấy thông tin này trong tài liệu.", [])
    assert (first, second) == (1, 2)
    rows = store.rows()
    assert [r["rating"] for r in rows] == ["up", "down"]
    assert rows[0]["citations"] == cits and rows[0]["comment"] == "đúng" and rows[0]["answerable"] == 1
    assert rows[1]["answerable"] is None and rows[1]["comment"] == ""
    assert rows[0]["created_at"].endswith("+00:00")
    assert FeedbackStore(tmp_path / "feedback.sqlite").count() == 2  # persisted


def test_rejects_unknown_rating(tmp_path):
    with pytest.raises(ValueError):
        FeedbackStore(tmp_path / "f.sqlite").add("maybe", "q", "a")


def test_export_csv_round_trip(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    store.add("down", 'Câu "có" dấu, phẩy', "Dòng 1\nDòng 2", [{"n": 1, "title": "Tân Đức"}], "sai ngày")
    path = store.export_csv(tmp_path / "out" / "phan_hoi.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER and rows[0][:4] == ["Mã", "Thời gian (UTC)", "Đánh giá", "Câu hỏi"]
    assert rows[1][2:5] == ["Chưa đúng", 'Câu "có" dấu, phẩy', "Dòng 1\nDòng 2"]
    assert '"title": "Tân Đức"' in rows[1][5] and rows[1][6] == "sai ngày" and rows[1][7] == ""
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}", rows[1][1])
    store.add("up", "q", "a", answerable=True)
    with open(store.export_csv(tmp_path / "b.csv"), encoding="utf-8-sig", newline="") as handle:
        assert [(r[2], r[7]) for r in list(csv.reader(handle))[1:]] == [("Chưa đúng", ""), ("Hữu ích", "có")]


def test_concurrent_writers(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    threads = [threading.Thread(target=lambda i=i: store.add("up", f"q{i}", "a")) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count() == 8
