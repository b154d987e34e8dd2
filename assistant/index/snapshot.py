"""Index generations on disk, written atomically, read as immutable snapshots.

Layout of an index home::

    CURRENT            name of the live generation (replaced atomically)
    gen-000007/        manifest.json, store.sqlite, vectors.npy, dense.faiss, keyword/
    .lock              held by the one writer

A writer builds a complete new generation in a temporary folder, renames it into place, then
swaps ``CURRENT``. A crash at any point leaves the previous generation live, and readers (searches
during an ingest) see either the old or the new index, never a half-written one.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.errors import IndexMissingError
from assistant.index.dense import build_dense, load_dense, save_dense
from assistant.index.keyword import KeywordIndex
from assistant.index.manifest import read_manifest
from assistant.index.store import ChunkRecord, DocumentRecord, Store, write_store
from assistant.index.tokenizer import VietnameseTokenizer
from assistant.text.restore import DiacriticRestorer

log = logging.getLogger(__name__)


def current_generation(home: Path) -> Path | None:
    pointer = home / "CURRENT"
    if not pointer.is_file():
        return None
    folder = home / pointer.read_text(encoding="utf-8").strip()
    return folder if folder.is_dir() else None


@dataclass
class IndexSnapshot:
    """Everything needed to search one generation, loaded into memory."""

    folder: Path
    manifest: dict
    store: Store
    dense: object
    keyword: KeywordIndex
    vectors: np.ndarray
    chunk_years: np.ndarray  # event year of each chunk's document, 0 when unknown
    chunk_sources: list[str]

    @classmethod
    def open(cls, home: Path, tokenizer: VietnameseTokenizer | None = None) -> IndexSnapshot:
        folder = current_generation(home)
        if folder is None:
            raise IndexMissingError(
                f"Chưa có chỉ mục tại {home}. Hãy chạy: assistant ingest corpus/",
                f"no index at {home}; run: assistant ingest corpus/",
            )
        manifest = read_manifest(folder)
        store = Store(folder / "store.sqlite")
        docs = {d.path: d for d in store.documents()}
        paths = store.chunk_paths()
        years = np.array([int((docs[p].date or "0")[:4]) for p in paths], dtype=np.int32)
        sources = [docs[p].source for p in paths]
        vectors = np.load(folder / "vectors.npy", mmap_mode="r")
        return cls(folder, manifest, store, load_dense(folder / "dense.faiss"),
                   KeywordIndex.load(folder / "keyword", tokenizer or VietnameseTokenizer(), len(paths)),
                   vectors, years, sources)

    @cached_property
    def restorer(self) -> DiacriticRestorer:
        """Diacritic restoration learnt from this generation's chunks (built on first use)."""
        return DiacriticRestorer(c.context + "\n" + c.text for c in self.store.all_chunks())

    def allowed_rows(self, since: int | None, until: int | None, sources: list[str] | None) -> np.ndarray | None:
        """Rows that pass the filters, or None when there is no filter."""
        if since is None and until is None and not sources:
            return None
        mask = np.ones(len(self.chunk_sources), dtype=bool)
        if since is not None:
            mask &= self.chunk_years >= since
        if until is not None:
            mask &= (self.chunk_years <= until) & (self.chunk_years > 0)
        if sources:
            wanted = set(sources)
            mask &= np.array([s in wanted for s in self.chunk_sources], dtype=bool)
        return np.flatnonzero(mask)


@contextmanager
def writer_lock(home: Path) -> Iterator[None]:
    """One writer per index home at a time (across processes)."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_generation(home: Path, manifest: dict, documents: list[DocumentRecord], chunks: list[ChunkRecord],
                     vectors: np.ndarray, token_lists: list[list[str]], tokenizer: VietnameseTokenizer,
                     factory: str, keep: int = 2) -> Path:
    """Write a complete generation and make it live; return its folder. Call under :func:`writer_lock`."""
    import json

    home.mkdir(parents=True, exist_ok=True)
    existing = sorted(p.name for p in home.glob("gen-*") if p.is_dir())
    number = int(existing[-1].split("-")[1]) + 1 if existing else 1
    name = f"gen-{number:06d}"
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-gen-", dir=home))
    try:
        write_store(tmp / "store.sqlite", documents, chunks)
        np.save(tmp / "vectors.npy", vectors.astype(np.float32))
        save_dense(build_dense(vectors.astype(np.float32), factory), tmp / "dense.faiss")
        (tmp / "keyword").mkdir()
        KeywordIndex.build(token_lists, tokenizer).save(tmp / "keyword")
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        for path in tmp.rglob("*"):
            if path.is_file():
                with open(path, "rb") as handle:
                    os.fsync(handle.fileno())
        os.replace(tmp, home / name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    pointer_tmp = home / "CURRENT.tmp"
    pointer_tmp.write_text(name + "\n", encoding="utf-8")
    with open(pointer_tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer_tmp, home / "CURRENT")
    for old in sorted(p for p in home.glob("gen-*") if p.is_dir())[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
    for stale in home.glob(".tmp-gen-*"):
        shutil.rmtree(stale, ignore_errors=True)
    log.info("Index generation %s is live (%d documents, %d chunks)", name, len(documents), len(chunks))
    return home / name


def today() -> str:
    return date.today().isoformat()
