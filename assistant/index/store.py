"""SQLite storage of documents and chunks, one file per index generation; and the :class:`Catalog` of
every document's versions, kept beside the generations.

A chunk's ``row`` is its position in the FAISS index and in the keyword index, so a hit from
either maps straight back to its text, span and document.

Every document has a stable id, :func:`document_uid` of its file's path (relative to the index home
for uploads), so the id survives new versions, deletion, restoring and rebuilds; ``doc_id`` is the
content hash of the version indexed now. The catalog (``<home>/documents.sqlite``) records each version
of each document and where its file is: in place while it is the live version, under
``versions/<id>/`` when a newer one replaced it, under ``trash/`` once deleted. Files are moved into
and out of those folders under unique names, never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from assistant.errors import DocumentError

SCHEMA = """
CREATE TABLE documents (
  path TEXT PRIMARY KEY, doc_id TEXT NOT NULL, source TEXT NOT NULL, root TEXT NOT NULL,
  title TEXT, date TEXT, dates TEXT, unit TEXT, text TEXT NOT NULL, page_starts TEXT,
  size INTEGER, added_at TEXT, n_chunks INTEGER, uid TEXT, version INTEGER, ocr_pages TEXT, notes TEXT
);
CREATE TABLE chunks (
  row INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL, path TEXT NOT NULL,
  ord INTEGER, start INTEGER, "end" INTEGER, page INTEGER, context TEXT, text TEXT NOT NULL
);
CREATE INDEX chunks_doc ON chunks(doc_id);
CREATE INDEX documents_uid ON documents(uid);
"""


def document_uid(path: str | Path, home: Path) -> str:
    """The stable id of the document whose file is ``path``: 10 hex digits of the path's hash, taken
    relative to the index ``home`` for files inside it (uploads keep their ids if the home moves)."""
    file, base = Path(path).expanduser().resolve(), Path(home).expanduser().resolve()
    key = file.relative_to(base).as_posix() if file.is_relative_to(base) else file.as_posix()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def content_hash(data: bytes) -> str:
    """A version's ``doc_id``: the first 16 hex digits of its bytes' SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


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
    uid: str = ""  # stable id (see document_uid); doc_id is the content hash of this version
    version: int = 1
    ocr_pages: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


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
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(d.path, d.doc_id, d.source, d.root, d.title, d.date, json.dumps(d.dates), d.unit, d.text,
              json.dumps(d.page_starts), d.size, d.added_at, d.n_chunks, d.uid, d.version,
              json.dumps(d.ocr_pages), json.dumps(d.notes, ensure_ascii=False)) for d in documents],
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
        self._home = Path(path).parent.parent
        self._has_uid = any(r[1] == "uid" for r in self._db.execute("PRAGMA table_info(documents)"))

    def close(self) -> None:
        self._db.close()

    def documents(self) -> list[DocumentRecord]:
        rows = self._db.execute("SELECT * FROM documents ORDER BY source, path").fetchall()
        return [self._doc(r) for r in rows]

    def document(self, key: str) -> DocumentRecord | None:
        """The one document ``key`` names (see :meth:`matches`); None when none or several do."""
        found = self.matches(key)
        return found[0] if len(found) == 1 else None

    def matches(self, key: str) -> list[DocumentRecord]:
        """Documents ``key`` names: its path, content hash, stable id or source name (several documents
        may share a name), else the start (4 characters or more) of a stable id."""
        columns = ("path", "doc_id", "uid", "source") if self._has_uid else ("path", "doc_id", "source")
        for column in columns:
            rows = self._db.execute(f"SELECT * FROM documents WHERE {column}=? ORDER BY path", (key,)).fetchall()
            if rows:
                return [self._doc(r) for r in rows]
        uid = "uid" if self._has_uid else "NULL"
        ids = {path: value or document_uid(path, self._home)
               for path, value in self._db.execute(f"SELECT path, {uid} FROM documents ORDER BY path")}
        paths = [p for p, value in ids.items() if value == key or (len(key) >= 4 and value.startswith(key))]
        return [self._doc(self._db.execute("SELECT * FROM documents WHERE path=?", (p,)).fetchone()) for p in paths]

    def _doc(self, row: sqlite3.Row) -> DocumentRecord:
        data = dict(row)
        for key in ("dates", "page_starts", "ocr_pages", "notes"):
            data[key] = json.loads(data.get(key) or "[]")
        data["version"] = data.get("version") or 1
        data["uid"] = data.get("uid") or document_uid(data["path"], self._home)  # generations older than ids
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

    def edge_rows(self, path: str) -> list[int]:
        """Rows of a document's first and last chunks: its headline and publication stamp, its byline."""
        return [r[0] for r in self._db.execute(
            "SELECT row FROM chunks WHERE path=? AND (ord=0 OR ord=(SELECT MAX(ord) FROM chunks WHERE path=?)) "
            "ORDER BY ord", (path, path))]

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


# -- versions, trash and history ------------------------------------------------------------------------
CATALOG_SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
  uid TEXT NOT NULL, n INTEGER NOT NULL, sha TEXT NOT NULL, path TEXT NOT NULL, root TEXT NOT NULL,
  source TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', size INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL, file TEXT, changed_at TEXT NOT NULL, PRIMARY KEY (uid, n)
)
"""
STATES_VI = {"current": "Đang dùng", "kept": "Phiên bản cũ (đã lưu)", "deleted": "Đã xóa (trong thùng rác)",
             "gone": "Không còn tệp (đã bị thay hoặc xóa ngoài ứng dụng)"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class VersionRecord:
    """One version of a document: ``state`` is current, kept (an older version whose file is under
    ``versions/``), deleted (its file in ``trash/``) or gone (no file kept); ``file`` is relative to the home."""

    uid: str
    n: int
    sha: str
    path: str
    root: str
    source: str
    title: str = ""
    size: int = 0
    added_at: str = ""
    state: str = "current"
    file: str | None = None
    changed_at: str = ""

    @property
    def restorable(self) -> bool:
        return self.state in ("kept", "deleted") and bool(self.file)

    @property
    def state_vi(self) -> str:
        return STATES_VI.get(self.state, self.state)

    @classmethod
    def of(cls, doc: DocumentRecord) -> VersionRecord:
        return cls(doc.uid, doc.version, doc.doc_id, doc.path, doc.root, doc.source, doc.title, doc.size, doc.added_at)


class Catalog:
    """The version history of every document of an index home, and the files it keeps."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.path = self.home / "documents.sqlite"

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.home.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), timeout=30)
        db.row_factory = sqlite3.Row
        try:
            with db:
                db.execute(CATALOG_SCHEMA)
                yield db
        finally:
            db.close()

    def rows(self, uid: str | None = None) -> list[VersionRecord]:
        """Every version (of the document ``uid``, or of all), by document and version number."""
        with self._db() as db:
            found = db.execute("SELECT * FROM versions WHERE ? IS NULL OR uid=? ORDER BY uid, n", (uid, uid))
            return [VersionRecord(**dict(r)) for r in found]

    def uids(self, prefix: str) -> list[str]:
        """Stable ids in the history equal to ``prefix``, else starting with it (4 characters or more)."""
        with self._db() as db:
            every = [r[0] for r in db.execute("SELECT DISTINCT uid FROM versions ORDER BY uid")]
        return [prefix] if prefix in every else [u for u in every if len(prefix) >= 4 and u.startswith(prefix)]

    def number(self, uid: str, sha: str) -> int:
        """The version number of content ``sha`` of document ``uid``: its number if seen before, else the next."""
        with self._db() as db:
            row = db.execute("SELECT n FROM versions WHERE uid=? AND sha=? ORDER BY n DESC", (uid, sha)).fetchone()
            if row:
                return int(row[0])
            return int(db.execute("SELECT COALESCE(MAX(n), 0) FROM versions WHERE uid=?", (uid,)).fetchone()[0]) + 1

    def save(self, entry: VersionRecord) -> None:
        """Insert or replace one version's row."""
        entry.changed_at = _now()
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO versions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", tuple(asdict(entry).values()))

    def set_current(self, docs: list[DocumentRecord]) -> None:
        """Record ``docs`` as the live versions; other live versions of them without a kept file are gone."""
        with self._db() as db:
            for doc in docs:
                db.execute("UPDATE versions SET state='gone', changed_at=? WHERE uid=? AND n<>? AND state='current'",
                           (_now(), doc.uid, doc.version))
                entry = VersionRecord.of(doc)
                entry.changed_at = _now()
                db.execute("INSERT OR REPLACE INTO versions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                           tuple(asdict(entry).values()))

    def forget(self, uids: list[str]) -> None:
        """The live versions of ``uids`` left the index with no file kept (removed from their folder)."""
        with self._db() as db:
            db.executemany("UPDATE versions SET state='gone', changed_at=? WHERE uid=? AND state='current'",
                           [(_now(), uid) for uid in uids])

    def stash(self, entry: VersionRecord, state: str) -> VersionRecord:
        """Move the file at ``entry.path`` into ``versions/<uid>/`` (state kept) or ``trash/`` (deleted)."""
        name = Path(entry.path).name
        if state == "kept":
            folder, wanted = self.home / "versions" / entry.uid, f"v{entry.n}-{name}"
        else:
            folder, wanted = self.home / "trash", f"{datetime.now().strftime('%Y%m%d-%H%M%S')}-{entry.uid}-{name}"
        target = _free(folder, wanted)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.move(entry.path, target)
        except OSError as exc:
            raise DocumentError(f"Không chuyển được tệp {name} vào {folder.name}/: {exc.strerror or exc}. "
                                "Chưa có gì thay đổi.", f"cannot move {entry.path} to {target}: {exc}") from exc
        entry = VersionRecord(**{**asdict(entry), "state": state, "file": target.relative_to(self.home).as_posix()})
        self.save(entry)
        return entry

    def unstash(self, entry: VersionRecord) -> VersionRecord:
        """Move a kept or deleted version's file back to its path (which must be free); it is current again."""
        source, target = self.home / str(entry.file), Path(entry.path)
        if target.exists():
            raise DocumentError(f"Đã có tệp khác tại {target}; không ghi đè.", f"{target} exists; not overwritten")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, target)
        except OSError as exc:
            raise DocumentError(f"Không đưa được tệp về {target}: {exc.strerror or exc}.",
                                f"cannot move {source} back to {target}: {exc}") from exc
        entry = VersionRecord(**{**asdict(entry), "state": "current", "file": None})
        self.save(entry)
        return entry

    def pick(self, key: str, version: int | None) -> tuple[VersionRecord | None, str]:
        """The version to restore and, when there is none, why: ``version`` of the document with id
        ``key`` (or an unambiguous start of it), else the document itself if it was deleted."""
        uids = self.uids(key)
        if len(uids) != 1:
            return None, (f"Không có tài liệu nào có mã «{key}» trong lịch sử." if not uids
                          else f"Mã «{key}» ứng với nhiều tài liệu ({', '.join(uids)}); hãy gõ đủ mã.")
        rows = self.rows(uids[0])
        if version is None:
            deleted = [r for r in rows if r.state == "deleted"]
            if deleted:
                return deleted[-1], ""
            kept = ", ".join(str(r.n) for r in rows if r.restorable)
            return None, (f"Tài liệu {uids[0]} đang có trong chỉ mục; hãy chọn phiên bản cần khôi phục ({kept})."
                          if kept else f"Tài liệu {uids[0]} không có phiên bản cũ nào được lưu để khôi phục.")
        row = next((r for r in rows if r.n == version), None)
        if row is None or row.state == "current":
            return None, (f"Phiên bản {version} đang được dùng." if row
                          else f"Tài liệu {uids[0]} không có phiên bản {version}.")
        if not row.restorable:
            return None, f"Phiên bản {version} không được lưu lại (tệp đã bị thay hoặc xóa ngoài ứng dụng)."
        return row, ""

    def make_room(self, row: VersionRecord) -> VersionRecord | None:
        """Keep the file now at ``row.path`` (another version of that document) under ``versions/``,
        so ``row`` can move back without overwriting it; None when the path is free."""
        target = Path(row.path)
        if not target.exists():
            return None
        sha = content_hash(target.read_bytes())
        current = next((r for r in self.rows(row.uid) if r.sha == sha and r.state == "current"), None)
        entry = current or VersionRecord(row.uid, self.number(row.uid, sha), sha, row.path, row.root, row.source,
                                         target.stem, target.stat().st_size)
        return self.stash(entry, "kept")


def _free(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/stem-2.ext`` ... when that exists: a name nothing is written over."""
    target = folder / name
    stem, suffix, i = target.stem, target.suffix, 2
    while target.exists():
        target, i = folder / f"{stem}-{i}{suffix}", i + 1
    return target
