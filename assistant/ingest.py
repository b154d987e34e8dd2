"""Ingest: files -> cleaned documents -> chunks -> a new index generation.

Incremental: a file whose content hash is unchanged keeps its chunks and vectors; a changed file
is re-chunked (vectors come from the embedding cache where the text is the same); a file deleted
from a scanned folder is removed. A file that cannot be read is reported with its reason and
skipped, and its previous version, if any, stays indexed. Nothing is written when nothing changed.

Example:
    >>> report = ingest(Path(".assistant"), Settings(), Embedder(Settings()), [Path("corpus")])   # doctest: +SKIP
    >>> report.added                                                                      # doctest: +SKIP
    ['000_3d55e78805e88411.txt', ...]
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from assistant.converters import convert
from assistant.errors import AssistantError, DocumentError
from assistant.index.manifest import build_manifest, check_compatible, read_manifest
from assistant.index.snapshot import current_generation, write_generation, writer_lock
from assistant.index.store import ChunkRecord, DocumentRecord, Store
from assistant.index.tokenizer import VietnameseTokenizer
from assistant.models.embedder import Embedder
from assistant.preprocessors.chunker import chunk_text
from assistant.preprocessors.cleaner import clean_pages, clean_text
from assistant.preprocessors.metadata import extract_metadata
from assistant.schema import Progress
from assistant.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def to_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "removed": self.removed, "unchanged": self.unchanged,
                "failed": [{"source": s, "reason": r} for s, r in self.failed], "chunks": self.chunks,
                "embedded": self.embedded, "seconds": round(self.seconds, 2)}


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


def read_document(file: Path, root: Path, data: bytes | None = None) -> DocumentRecord:
    """Convert, clean and describe one file (no chunking)."""
    raw = convert(file)
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
        path=str(file), doc_id=hashlib.sha256(data).hexdigest()[:16], source=file.relative_to(root).as_posix(),
        root=str(root), title=meta["title"] or file.stem, date=meta["date"], dates=meta["dates"], unit=meta["unit"],
        text=text, page_starts=page_starts, size=len(data),
    )


def make_chunks(doc: DocumentRecord, settings: Settings) -> list[ChunkRecord]:
    pieces = chunk_text(doc.text, settings.chunk_size, settings.chunk_overlap_sentences, doc.page_starts or None)
    return [ChunkRecord(f"{doc.doc_id}-{i:04d}", doc.doc_id, doc.path, i, c.start, c.end, c.page, c.context, c.text)
            for i, c in enumerate(pieces)]


def passage_text(doc: DocumentRecord, chunk: ChunkRecord) -> str:
    """What the embedder and the keyword index see: title and headings give a chunk its context."""
    return "\n".join(part for part in (doc.title, chunk.context, chunk.text) if part)


def _wanted_manifest(settings: Settings, embedder: Embedder, documents: int, chunks: int) -> dict:
    return build_manifest(model=settings.model, dimension=embedder.dimension, prompts=embedder.prompts,
                          max_seq_length=embedder.model.max_seq_length, chunk_size=settings.chunk_size,
                          overlap=settings.chunk_overlap_sentences, faiss_index=settings.faiss_index,
                          documents=documents, chunks=chunks)


def commit(home: Path, settings: Settings, embedder: Embedder, docs: list[tuple[DocumentRecord, list[ChunkRecord]]],
           old_vectors: dict[str, np.ndarray], progress: Progress | None = None) -> tuple[int, int]:
    """Write a generation holding ``docs``; return (chunks, chunks embedded now)."""
    tokenizer = VietnameseTokenizer()
    documents, chunks, texts = [], [], []
    for doc, doc_chunks in docs:
        doc.n_chunks = len(doc_chunks)
        documents.append(doc)
        chunks.extend(doc_chunks)
        texts.extend(passage_text(doc, c) for c in doc_chunks)
    vectors = np.zeros((len(chunks), embedder.dimension), dtype=np.float32)
    todo = [i for i, c in enumerate(chunks) if c.chunk_id not in old_vectors]
    for i, c in enumerate(chunks):
        if c.chunk_id in old_vectors:
            vectors[i] = old_vectors[c.chunk_id]
    if todo:
        vectors[todo] = embedder.encode_documents([texts[i] for i in todo], progress=progress)
    token_lists = []
    for i, text in enumerate(texts, 1):
        token_lists.append(tokenizer(text))
        if progress and (i % 200 == 0 or i == len(texts)):
            progress("keyword", i, len(texts))
    manifest = _wanted_manifest(settings, embedder, len(documents), len(chunks))
    write_generation(home, manifest, documents, chunks, vectors, token_lists, tokenizer, settings.faiss_index,
                     keep=settings.keep_generations)
    return len(chunks), len(todo)


def _load_old(home: Path, settings: Settings, embedder: Embedder, rebuild: bool):
    """The live generation's documents, chunks by document and vectors by chunk id."""
    folder = current_generation(home)
    if folder is None or rebuild:
        return {}, {}, {}
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


def ingest(home: Path, settings: Settings, embedder: Embedder, paths: list[Path],
           rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
    """Bring the index at ``home`` up to date with ``paths`` (files or folders)."""
    started = time.perf_counter()
    report = IngestReport()
    files, roots = _scan(paths, report)
    with writer_lock(home):
        old_docs, old_chunks, old_vectors = _load_old(home, settings, embedder, rebuild)
        kept: dict[str, tuple[DocumentRecord, list[ChunkRecord]]] = {
            p: (d, old_chunks.get(p, [])) for p, d in old_docs.items()
        }
        # Content already indexed, by doc id -> (path, source); documents whose files are gone from a
        # scanned folder do not count, so a renamed or moved file is re-added, not a "duplicate".
        gone = {key for key, doc in old_docs.items() if doc.root in roots and not Path(key).exists()}
        ids: dict[str, tuple[str, str]] = {d.doc_id: (p, d.source) for p, d in old_docs.items() if p not in gone}
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for done, (file, root) in enumerate(files):
            if progress:
                progress("read", done, len(files))
            key = str(file)
            source = file.relative_to(root).as_posix()
            try:
                data = file.read_bytes()
                doc_id = hashlib.sha256(data).hexdigest()[:16]
                old = old_docs.get(key)
                if old is not None and old.doc_id == doc_id:
                    report.unchanged.append(source)
                    continue
                if doc_id in ids and ids[doc_id][0] != key:
                    other = ids[doc_id][1]
                    raise DocumentError(f"Trùng nội dung với tài liệu đã có: {other}.", f"duplicate of {other}")
                doc = read_document(file, root, data)
                doc.added_at = now
                kept[key] = (doc, make_chunks(doc, settings))
                if old is not None and ids.get(old.doc_id, ("",))[0] == key:
                    del ids[old.doc_id]
                ids[doc_id] = (key, source)
                (report.updated if old is not None else report.added).append(source)
            except AssistantError as exc:
                report.failed.append((source, str(exc)))
                log.warning("skipped %s: %s", file, exc.log_message)
            except OSError as exc:
                report.failed.append((source, "Không đọc được tệp."))
                log.warning("skipped %s: %s", file, exc)
        if progress:
            progress("read", len(files), len(files))
        for key, doc in old_docs.items():
            if key in gone:
                del kept[key]
                report.removed.append(doc.source)
        if report.changed or rebuild:
            docs = sorted(kept.values(), key=lambda pair: (pair[0].root, pair[0].source))
            report.chunks, report.embedded = commit(home, settings, embedder, docs, old_vectors, progress)
        else:
            report.chunks = sum(len(c) for _, c in kept.values())
    report.seconds = time.perf_counter() - started
    return report


def delete(home: Path, settings: Settings, embedder: Embedder, key: str) -> IngestReport:
    """Remove one document (by doc id, source or path) from the index."""
    report = IngestReport()
    with writer_lock(home):
        old_docs, old_chunks, old_vectors = _load_old(home, settings, embedder, False)
        match = [p for p, d in old_docs.items() if key in (d.doc_id, d.source, d.path)]
        if not match:
            report.failed.append((key, "Không có tài liệu này trong chỉ mục."))
            return report
        for path in match:
            report.removed.append(old_docs[path].source)
        docs = [(d, old_chunks.get(p, [])) for p, d in old_docs.items() if p not in match]
        report.chunks, _ = commit(home, settings, embedder, docs, old_vectors)
    return report
