"""SQLite storage of documents and chunks, one file per index generation.

A chunk's ``row`` is its position in the FAISS index and in the keyword index, so a hit from
either maps straight back to its text, span and document.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

SCHEMA = """
CREATE TABLE documents (
  path TEXT PRIMARY KEY, doc_id TEXT NOT NULL, source TEXT NOT NULL, root TEXT NOT NULL,
  title TEXT, date TEXT, dates TEXT, unit TEXT, text TEXT NOT NULL, page_starts TEXT,
  size INTEGER, added_at TEXT, n_chunks INTEGER
);
CREATE TABLE chunks (
  row INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL, path TEXT NOT NULL,
  ord INTEGER, start INTEGER, "end" INTEGER, page INTEGER, context TEXT, text TEXT NOT NULL
);
CREATE INDEX chunks_doc ON chunks(doc_id);
"""


@dataclass
class DocumentRecord:
    path: str
    doc_id: str
    source: str
    root: str
    title: str
    date: str | None
    dates: list[str]
    unit: str | None
    text: str
    page_starts: list[int] = field(default_factory=list)
    size: int = 0
    added_at: str = ""
    n_chunks: int = 0


@dataclass
class ChunkRecord:
    chunk_id: str
    doc_id: str
    path: str
    ord: int
    start: int
    end: int
    page: int | None
    context: str
    text: str


def write_store(path: Path, documents: list[DocumentRecord], chunks: list[ChunkRecord]) -> None:
    """Write a fresh store; chunk ``row`` is the list position."""
    db = sqlite3.connect(str(path))
    with db:
        db.executescript(SCHEMA)
        db.executemany(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(d.path, d.doc_id, d.source, d.root, d.title, d.date, json.dumps(d.dates), d.unit, d.text,
              json.dumps(d.page_starts), d.size, d.added_at, d.n_chunks) for d in documents],
        )
        db.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(i, c.chunk_id, c.doc_id, c.path, c.ord, c.start, c.end, c.page, c.context, c.text)
             for i, c in enumerate(chunks)],
        )
    db.close()


class Store:
    """Read access to one generation's SQLite file (shared between threads, read-only)."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        self._db.close()

    def documents(self) -> list[DocumentRecord]:
        rows = self._db.execute("SELECT * FROM documents ORDER BY source").fetchall()
        return [self._doc(r) for r in rows]

    def document(self, key: str) -> DocumentRecord | None:
        """A document by doc id, source or path."""
        row = self._db.execute(
            "SELECT * FROM documents WHERE doc_id=? OR source=? OR path=? LIMIT 1", (key, key, key)
        ).fetchone()
        return self._doc(row) if row else None

    @staticmethod
    def _doc(row: sqlite3.Row) -> DocumentRecord:
        data = dict(row)
        data["dates"] = json.loads(data["dates"] or "[]")
        data["page_starts"] = json.loads(data["page_starts"] or "[]")
        return DocumentRecord(**data)

    def chunks(self, rows: list[int]) -> list[ChunkRecord]:
        if not rows:
            return []
        marks = ",".join("?" * len(rows))
        found = {
            r["row"]: self._chunk(r)
            for r in self._db.execute(f"SELECT * FROM chunks WHERE row IN ({marks})", rows)
        }
        return [found[r] for r in rows if r in found]

    def all_chunks(self) -> list[ChunkRecord]:
        return [self._chunk(r) for r in self._db.execute("SELECT * FROM chunks ORDER BY row")]

    @staticmethod
    def _chunk(row: sqlite3.Row) -> ChunkRecord:
        data = dict(row)
        data.pop("row")
        return ChunkRecord(**data)

    def chunk_paths(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT path FROM chunks ORDER BY row")]


def record_dict(record: DocumentRecord | ChunkRecord) -> dict:
    return asdict(record)
