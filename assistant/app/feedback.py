"""Users' thumbs up/down on answers, kept in SQLite beside the index and exported as CSV.

The table stores ``up``/``down`` (stable keys); the CSV a person opens says it in Vietnamese: headers
with diacritics, "Hữu ích"/"Chưa đúng", "có"/"không", times as dd/mm/yyyy hh:mm:ss.

Example:
    >>> store = FeedbackStore(Path(tmp) / "feedback.sqlite")                      # doctest: +SKIP
    >>> store.add("up", "Ai chủ trì?", "Ông A [1]", [{"n": 1, "source": "a.txt"}], "đúng")  # doctest: +SKIP
    1
    >>> store.export_csv(Path(tmp) / "phan_hoi.csv")                               # doctest: +SKIP
"""

from __future__ import annotations

import csv
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  citations TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  answerable INTEGER
)
"""
COLUMNS = ("id", "created_at", "rating", "question", "answer", "citations", "comment", "answerable")
CSV_HEADER = ("Mã", "Thời gian (UTC)", "Đánh giá", "Câu hỏi", "Câu trả lời", "Trích dẫn (JSON)", "Góp ý",
              "Tài liệu có câu trả lời")
RATING_VI = {"up": "Hữu ích", "down": "Chưa đúng"}
ANSWERABLE_VI = {1: "có", 0: "không", None: ""}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what Excel and LibreOffice read as the start of a formula


def csv_cell(value: Any) -> Any:
    """A cell that a spreadsheet shows as text: text starting like a formula gets a leading apostrophe
    (OWASP's advice against CSV injection); numbers and empty cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _when(value: str) -> str:
    """ISO time as "26/04/2019 14:05:09" (UTC, as stored)."""
    try:
        return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M:%S")
    except (TypeError, ValueError):
        return value or ""


class FeedbackStore:
    """Append-only feedback table; one short connection per call, so any thread may use it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(str(self.path), timeout=30)
        db.row_factory = sqlite3.Row
        try:
            with db:
                yield db
        finally:
            db.close()

    def add(self, rating: str | bool, question: str, answer: str, citations: list[dict[str, Any]] | None = None,
            comment: str | None = None, answerable: bool | None = None) -> int:
        """Store one judgement (``"up"``/``"down"`` or True/False); return its id."""
        if isinstance(rating, bool):
            rating = "up" if rating else "down"
        if rating not in ("up", "down"):
            raise ValueError("rating must be 'up' or 'down'")
        row = (datetime.now(UTC).isoformat(timespec="seconds"), rating, question or "", answer or "",
               json.dumps(citations or [], ensure_ascii=False), (comment or "").strip(),
               None if answerable is None else int(bool(answerable)))
        with self._lock, self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (created_at, rating, question, answer, citations, comment, answerable)"
                " VALUES (?,?,?,?,?,?,?)", row)
            return int(cursor.lastrowid)

    def rows(self) -> list[dict[str, Any]]:
        """All feedback, oldest first, with ``citations`` decoded."""
        with self._connect() as db:
            found = [dict(r) for r in db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id")]
        for row in found:
            row["citations"] = json.loads(row["citations"] or "[]")
        return found

    def count(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

    def export_csv(self, path: str | Path) -> Path:
        """Write every row to ``path`` as UTF-8 CSV with a BOM (Excel shows Vietnamese correctly), headers and
        values in Vietnamese (:data:`CSV_HEADER`, :data:`RATING_VI`); text that
        would start a formula (= + - @) is escaped with an apostrophe (:func:`csv_cell`)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for row in self.rows():
                values = dict(row, citations=json.dumps(row["citations"], ensure_ascii=False),
                              rating=RATING_VI.get(row["rating"], row["rating"]),
                              answerable=ANSWERABLE_VI.get(row["answerable"], ""),
                              created_at=_when(row["created_at"]))
                writer.writerow([csv_cell(values[c]) for c in COLUMNS])
        return path
