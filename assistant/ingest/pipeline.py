"""Ingest: files -> cleaned documents -> chunks -> a new index generation.

Incremental: an unchanged file (same content hash) keeps its chunks and vectors; a changed file is
re-chunked (vectors come from the embedding cache where the text is the same); a file deleted from a
scanned folder is removed. A file that cannot be read, or is over the size or chunk limits, is reported
with its reason and its previous version, if any, stays indexed. Nothing is written when nothing
changed, unless the live generation was tokenized by an older keyword tokenizer: then a new generation
keeps every chunk and vector and only the keyword index is rebuilt. Each version indexed is recorded in the :class:`~assistant.index.store.Catalog`. The progress callback hears each stage, and ``("Nhúng đoạn văn — a.pdf", done, total)`` while a large
document is embedded; raising :class:`IngestCancelled` from it stops the ingest, the old index stays live.

Example:
    >>> report = ingest(Path(".assistant"), Settings(), Embedder(Settings()), [Path("corpus")])   # doctest: +SKIP
    >>> report.added                                                                      # doctest: +SKIP
    ['000_3d55e78805e88411.txt', ...]
"""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from assistant.converters import ConvertOptions, check_size, convert
from assistant.errors import AssistantError, DocumentError
from assistant.index.faiss_store import resolve_factory
from assistant.index.manifest import TOKENIZER, build_manifest, check_compatible, read_manifest
from assistant.index.search_store import open_store
from assistant.index.snapshot import current_generation, write_generation
from assistant.index.store import Catalog, ChunkRecord, DocumentRecord, Store, content_hash, document_uid
from assistant.index.tokenizer import VietnameseTokenizer
from assistant.models.embedder import Embedder, embedding_binding
from assistant.preprocessors.chunker import chunk_text
from assistant.preprocessors.cleaner import clean_pages, clean_text
from assistant.preprocessors.metadata import extract_metadata
from assistant.schema import STAGES, Progress
from assistant.settings import Settings

log = logging.getLogger(__name__)

WAIT_STAGE = "Đang chờ lần lập chỉ mục khác kết thúc"
GROUP = 32  # small documents are embedded together, up to this many chunks a call


class IngestCancelled(AssistantError):
    """The user cancelled an index job; the previous generation stays live."""

    def __init__(self) -> None:
        super().__init__("Đã hủy. Chỉ mục trước đó vẫn được dùng, không mất tài liệu nào.", "ingest cancelled")


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (source, what the user should know)
    ids: dict[str, str] = field(default_factory=dict)  # source -> stable id of each document touched
    chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0
    retokenized: bool = False  # the keyword index was rebuilt for a new tokenizer (no chunk re-embedded)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def to_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "removed": self.removed, "unchanged": self.unchanged,
                "failed": [{"source": s, "reason": r} for s, r in self.failed],
                "notes": [{"source": s, "note": n} for s, n in self.notes], "ids": self.ids,
                "chunks": self.chunks, "embedded": self.embedded, "retokenized": self.retokenized,
                "seconds": round(self.seconds, 2)}


@contextmanager
def locked(home: Path, progress: Progress | None = None) -> Iterator[None]:
    """One writer per index home at a time (across processes); a writer that must wait says so."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another ingest is writing %s; waiting for it to finish", home)
            if progress:
                progress(WAIT_STAGE, 0, 1)
            fcntl.flock(handle, fcntl.LOCK_EX)
            if progress:
                progress(WAIT_STAGE, 1, 1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _scan(paths: list[Path], report: IngestReport) -> tuple[list[tuple[Path, Path]], set[str]]:
    """(file, root) pairs to read, and the folders scanned in full (where deletions count)."""
    files: list[tuple[Path, Path]] = []
    roots: set[str] = set()
    for given in paths:
        path = given.expanduser().resolve()
        if path.is_dir():
            roots.add(str(path))
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(path)
                if file.is_file() and not any(part.startswith(".") for part in rel.parts):
                    files.append((file, path))
        elif path.is_file():
            files.append((path, path.parent))
        else:
            report.failed.append((str(given), "Không tìm thấy tệp hoặc thư mục."))
            log.warning("path not found: %s", given)
    return files, roots


def _too_long(count: int, settings: Settings, estimated: bool = False) -> DocumentError:
    """The error for a document of ``count`` chunks (Vietnamese thousands: 4.729)."""
    about, n, limit = "khoảng " if estimated else "", f"{count:,}".replace(",", "."), f"{settings.max_chunks:,}"
    return DocumentError(f"Tài liệu quá dài ({about}{n} đoạn); giới hạn là {limit.replace(',', '.')} đoạn mỗi tài "
                         "liệu (ASSISTANT_MAX_CHUNKS). Hãy chia tệp thành nhiều phần rồi tải lên lại.",
                         f"{'about ' if estimated else ''}{count} chunks over the limit of {settings.max_chunks}")


def read_document(file: Path, root: Path, data: bytes | None = None, settings: Settings | None = None,
                  home: Path | None = None, progress: Progress | None = None) -> DocumentRecord:
    """Convert, clean and describe one file (no chunking); refuse text far over the chunk limit."""
    settings = settings or Settings()
    source = file.relative_to(root).as_posix()
    options = ConvertOptions(settings.ocr_languages, settings.ocr_max_pages, progress, source)
    raw = convert(file, options)
    if len(raw.text) > 1.2 * settings.max_chunks * settings.chunk_size:  # surely too long; chunking takes long too
        raise _too_long(len(raw.text) // settings.chunk_size, settings, estimated=True)
    if raw.page_starts:
        pages = [raw.text[s:e] for s, e in zip(raw.page_starts, raw.page_starts[1:] + [len(raw.text)], strict=True)]
        text, page_starts = clean_pages(pages)
    else:
        text, page_starts = clean_text(raw.text), []
    if not text.strip():
        raise DocumentError("Tệp chỉ có phần trang trí trang web, không có nội dung.", "no content after cleaning")
    meta = extract_metadata(text)
    data = file.read_bytes() if data is None else data
    return DocumentRecord(
        path=str(file), doc_id=content_hash(data), source=source, root=str(root), title=meta["title"] or file.stem,
        date=meta["date"], dates=meta["dates"], unit=meta["unit"], text=text, page_starts=page_starts,
        size=len(data), uid=document_uid(file, home) if home else "", ocr_pages=raw.ocr_pages, notes=raw.notes,
    )


def make_chunks(doc: DocumentRecord, settings: Settings) -> list[ChunkRecord]:
    pieces = chunk_text(doc.text, settings.chunk_size, settings.chunk_overlap_sentences, doc.page_starts or None)
    return [ChunkRecord(f"{doc.doc_id}-{i:04d}", doc.doc_id, doc.path, i, c.start, c.end, c.page, c.context, c.text)
            for i, c in enumerate(pieces)]


def passage_text(doc: DocumentRecord, chunk: ChunkRecord) -> str:
    """What the embedder and the keyword index see: title and headings give a chunk its context."""
    return "\n".join(part for part in (doc.title, chunk.context, chunk.text) if part)


def _wanted_manifest(settings: Settings, embedder: Embedder, documents: int, chunks: int) -> dict:
    return build_manifest(model=settings.model, embedding=embedding_binding(settings), dimension=embedder.dimension,
                          prompts=embedder.prompts,
                          max_seq_length=embedder.model.max_seq_length, chunk_size=settings.chunk_size,
                          overlap=settings.chunk_overlap_sentences, faiss_index=settings.faiss_index,
                          documents=documents, chunks=chunks)


def _embed(embedder: Embedder, groups: list[tuple[str, list[int]]], texts: list[str], vectors: np.ndarray,
           progress: Progress | None) -> None:
    """Embed ``texts[i]`` for each group's rows: a large document alone, with its own progress
    ("Nhúng đoạn văn — a.pdf", done, total), small ones together; the overall "embed" stage too."""
    total = sum(len(rows) for _, rows in groups)
    done, heard = 0, [-1]
    for label, rows in groups:
        def report(stage: str, part: int, of: int, base: int = done, label: str = label, size: int = len(rows)) -> None:
            if progress:
                heard[0] = base + part * size // max(of, 1)
                progress("embed", heard[0], total)
                if label:
                    progress(f"{STAGES['embed']} — {label}", part, of)
        vectors[rows] = embedder.encode_documents([texts[i] for i in rows], progress=report)
        done += len(rows)
    if progress and total and heard[0] != total:  # the last batches came from the embedding cache
        progress("embed", total, total)


def _groups(docs: list[tuple[DocumentRecord, list[ChunkRecord]]], todo: set[str]) -> list[tuple[str, list[int]]]:
    """Rows to embed, grouped: (source, rows) for a document of GROUP chunks or more, ("", rows) for small ones."""
    groups: list[tuple[str, list[int]]] = []
    small: list[int] = []
    row = 0
    for doc, chunks in docs:
        rows = [row + i for i, c in enumerate(chunks) if c.chunk_id in todo]
        row += len(chunks)
        if len(rows) >= GROUP:
            groups.append((doc.source, rows))
        else:
            small.extend(rows)
            if len(small) >= GROUP:
                groups.append(("", small))
                small = []
    return groups + ([("", small)] if small else [])


def commit(home: Path, settings: Settings, embedder: Embedder, docs: list[tuple[DocumentRecord, list[ChunkRecord]]],
           old_vectors: dict[str, np.ndarray], progress: Progress | None = None,
           manifest: dict | None = None) -> tuple[int, int]:
    """Write a generation holding ``docs``; return (chunks, chunks embedded now). With ``manifest`` (the
    live generation's) and nothing new to embed, the model is not loaded (deletions). Every chunk is
    tokenized anew, so the manifest names the current tokenizer."""
    tokenizer = VietnameseTokenizer()
    documents, chunks, texts = [], [], []
    for doc, doc_chunks in docs:
        doc.n_chunks = len(doc_chunks)
        documents.append(doc)
        chunks.extend(doc_chunks)
        texts.extend(passage_text(doc, c) for c in doc_chunks)
    todo = {c.chunk_id for c in chunks if c.chunk_id not in old_vectors}
    if todo or manifest is None:
        manifest = _wanted_manifest(settings, embedder, len(documents), len(chunks))
    manifest = {**manifest, "documents": len(documents), "chunks": len(chunks), "store": settings.store,
                "tokenizer": TOKENIZER,
                "faiss_index": resolve_factory(settings.faiss_index, len(chunks)),
                "created": datetime.now(UTC).isoformat(timespec="seconds")}
    vectors = np.zeros((len(chunks), manifest["dimension"]), dtype=np.float32)
    for i, c in enumerate(chunks):
        if c.chunk_id in old_vectors:
            vectors[i] = old_vectors[c.chunk_id]
    _embed(embedder, _groups(docs, todo), texts, vectors, progress)
    token_lists = []
    for i, text in enumerate(texts, 1):
        token_lists.append(tokenizer(text))
        if progress and (i % 200 == 0 or i == len(texts)):
            progress("keyword", i, len(texts))
    write_generation(home, manifest, documents, chunks, vectors, token_lists, tokenizer,
                     open_store(settings, home), keep=settings.keep_generations)
    return len(chunks), len(todo)


def _load_old(home: Path, settings: Settings, embedder: Embedder, rebuild: bool, check: bool = True):
    """The live generation's documents, chunks by document and vectors by chunk id (``check``: that the
    settings and model match it; a deletion needs no check, it embeds nothing)."""
    folder = current_generation(home)
    if folder is None or rebuild:
        return {}, {}, {}
    if check:
        check_compatible(read_manifest(folder), _wanted_manifest(settings, embedder, 0, 0))
    store = Store(folder / "store.sqlite")
    try:
        docs = {d.path: d for d in store.documents()}
        vectors = np.load(folder / "vectors.npy")
        by_doc: dict[str, list[ChunkRecord]] = {}
        old_vectors: dict[str, np.ndarray] = {}
        for row, chunk in enumerate(store.all_chunks()):
            by_doc.setdefault(chunk.path, []).append(chunk)
            old_vectors[chunk.chunk_id] = vectors[row]
    finally:
        store.close()
    return docs, by_doc, old_vectors


def _keyword_stale(home: Path, settings: Settings, embedder: Embedder, rebuild: bool) -> bool:
    """Whether the live generation matches the settings but for the keyword tokenizer (raise
    :class:`IndexMismatchError` on any other difference): its vectors stay, only BM25 is rebuilt."""
    folder = current_generation(home)
    if folder is None or rebuild:
        return False
    stored = read_manifest(folder)
    if not check_compatible(stored, _wanted_manifest(settings, embedder, 0, 0), retokenize=True):
        return False
    log.info("index %s was tokenized with %s; rebuilding its keyword index for %s (no chunk is re-embedded)",
             folder.name, stored.get("tokenizer"), TOKENIZER)
    return True


@dataclass
class _Batch:
    """One ingest's state: what is indexed now, content already seen by hash, and the report."""

    home: Path
    settings: Settings
    report: IngestReport
    old: dict[str, DocumentRecord]
    kept: dict[str, tuple[DocumentRecord, list[ChunkRecord]]]
    ids: dict[str, tuple[str, str]]
    catalog: Catalog
    now: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def read(self, file: Path, root: Path, progress: Progress | None) -> None:
        """Bring one file into ``kept``, or report why not (its indexed version, if any, stays)."""
        key, source = str(file), file.relative_to(root).as_posix()
        check_size(file.stat().st_size, self.settings.max_file_mb)
        data = file.read_bytes()
        doc_id = content_hash(data)
        old = self.old.get(key)
        if old is not None and old.doc_id == doc_id:
            self.report.unchanged.append(source)
            return
        if doc_id in self.ids and self.ids[doc_id][0] != key:
            other = self.ids[doc_id][1]
            raise DocumentError(f"Trùng nội dung với tài liệu đã có: {other}.", f"duplicate of {other}")
        doc = read_document(file, root, data, self.settings, self.home, progress)
        doc.added_at, doc.version = self.now, self.catalog.number(doc.uid, doc.doc_id)
        chunks = make_chunks(doc, self.settings)
        if len(chunks) > self.settings.max_chunks:
            raise _too_long(len(chunks), self.settings)
        self.kept[key] = (doc, chunks)
        if old is not None and self.ids.get(old.doc_id, ("",))[0] == key:
            del self.ids[old.doc_id]
        self.ids[doc_id] = (key, source)
        (self.report.updated if old is not None else self.report.added).append(source)
        self.report.ids[source] = doc.uid
        self.report.notes.extend((source, note) for note in doc.notes)


def _ingest_locked(home: Path, settings: Settings, embedder: Embedder, files: list[tuple[Path, Path]],
                   roots: set[str], rebuild: bool, progress: Progress | None, report: IngestReport) -> IngestReport:
    report.retokenized = _keyword_stale(home, settings, embedder, rebuild)
    old_docs, old_chunks, old_vectors = _load_old(home, settings, embedder, rebuild, check=False)
    # Documents whose files are gone from a scanned folder do not count as indexed content, so a renamed
    # or moved file is re-added, not a "duplicate".
    gone = {key for key, doc in old_docs.items() if doc.root in roots and not Path(key).exists()}
    batch = _Batch(home, settings, report, old_docs, {p: (d, old_chunks.get(p, [])) for p, d in old_docs.items()},
                   {d.doc_id: (p, d.source) for p, d in old_docs.items() if p not in gone}, Catalog(home))
    for done, (file, root) in enumerate(files):
        if progress:
            progress("read", done, len(files))
        try:
            batch.read(file, root, progress)
        except IngestCancelled:
            raise
        except AssistantError as exc:
            report.failed.append((file.relative_to(root).as_posix(), str(exc)))
            log.warning("skipped %s: %s", file, exc.log_message)
        except OSError as exc:
            report.failed.append((file.relative_to(root).as_posix(), "Không đọc được tệp."))
            log.warning("skipped %s: %s", file, exc)
    if progress:
        progress("read", len(files), len(files))
    for key in gone:
        del batch.kept[key]
        report.removed.append(old_docs[key].source)
    if report.changed or rebuild or report.retokenized:
        docs = sorted(batch.kept.values(), key=lambda pair: (pair[0].root, pair[0].source))
        report.chunks, report.embedded = commit(home, settings, embedder, docs, old_vectors, progress)
        if report.retokenized:
            log.info("keyword index rebuilt for tokenizer %s: %d chunks, %d embedded", TOKENIZER, report.chunks,
                     report.embedded)
    else:
        report.chunks = sum(len(c) for _, c in batch.kept.values())
    batch.catalog.forget([old_docs[key].uid for key in gone])
    batch.catalog.set_current([doc for doc, _ in batch.kept.values()])
    return report


def ingest(home: Path, settings: Settings, embedder: Embedder, paths: list[Path],
           rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
    """Bring the index at ``home`` up to date with ``paths`` (files or folders)."""
    started = time.perf_counter()
    report = IngestReport()
    files, roots = _scan(paths, report)
    with locked(home, progress):
        _ingest_locked(home, settings, embedder, files, roots, rebuild, progress, report)
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["IngestCancelled", "IngestReport", "commit", "ingest", "locked", "make_chunks", "passage_text",
           "read_document"]
