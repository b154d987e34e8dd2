"""Index generations on disk, written atomically, read as immutable snapshots.

Layout of an index home::

    CURRENT            name of the live generation (replaced atomically)
    gen-000007/        manifest.json, store.sqlite, vectors.npy, keyword/ (BM25), dense.faiss (FAISS store)
    .lock              held by the one writer

The search store (:mod:`assistant.index.search_store`) indexes each generation's vectors and BM25
weights: FAISS files in the folder, or one Milvus collection per generation (``ASSISTANT_STORE=milvus``).

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
from assistant.index.keyword import KeywordIndex
from assistant.index.manifest import read_manifest
from assistant.index.search_store import GenerationIndex, RowMeta, SearchStore
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


def row_meta(documents: list[DocumentRecord], paths: list[str]) -> RowMeta:
    """Year, name and version of each row's document (``paths``: each row's document path)."""
    docs = {d.path: d for d in documents}
    return RowMeta(np.array([int((docs[p].date or "0")[:4]) for p in paths], dtype=np.int32),
                   [docs[p].source for p in paths], [docs[p].doc_id for p in paths])


@dataclass
class IndexSnapshot:
    """Everything needed to search one generation: its text store and its search store's index."""

    folder: Path
    manifest: dict
    store: Store
    search: GenerationIndex
    vectors: np.ndarray
    meta: RowMeta

    @classmethod
    def open(cls, home: Path, tokenizer: VietnameseTokenizer | None = None,
             engine: SearchStore | None = None) -> IndexSnapshot:
        """The live generation, searched by ``engine`` (default: FAISS + bm25s, flat unless the folder says)."""
        folder = current_generation(home)
        if folder is None:
            raise IndexMissingError(
                f"Chưa có chỉ mục tại {home}. Hãy chạy: assistant ingest corpus/",
                f"no index at {home}; run: assistant ingest corpus/",
            )
        if engine is None:
            from assistant.index.faiss_store import FaissStore

            engine = FaissStore(tokenizer=tokenizer)
        manifest = read_manifest(folder)
        store = Store(folder / "store.sqlite")
        meta = row_meta(store.documents(), store.chunk_paths())
        vectors = np.load(folder / "vectors.npy", mmap_mode="r")
        return cls(folder, manifest, store, engine.open(folder, meta), vectors, meta)

    @cached_property
    def restorer(self) -> DiacriticRestorer:
        """Diacritic restoration learnt from this generation's chunks (built on first use)."""
        return DiacriticRestorer(c.context + "\n" + c.text for c in self.store.all_chunks())

    def prepare(self) -> None:
        """Load now what the first search would load lazily (accent restoration, the search store's parts,
        the text store's pages), so that search is as fast as any other."""
        self.restorer.restore("khoi dong")
        self.search.prepare()
        if self.meta.sources:
            self.store.chunks([0])


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
                     engine: SearchStore, keep: int = 2) -> Path:
    """Write a complete generation, index it in ``engine`` and make it live; return its folder.
    Call under :func:`writer_lock`."""
    import json

    home.mkdir(parents=True, exist_ok=True)
    existing = sorted(p.name for p in home.glob("gen-*") if p.is_dir())
    number = int(existing[-1].split("-")[1]) + 1 if existing else 1
    name = f"gen-{number:06d}"
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-gen-", dir=home))
    try:
        write_store(tmp / "store.sqlite", documents, chunks)
        np.save(tmp / "vectors.npy", vectors.astype(np.float32))
        (tmp / "keyword").mkdir()
        KeywordIndex.build(token_lists, tokenizer).save(tmp / "keyword")  # the BM25 statistics, for every engine
        engine.write(tmp, name, vectors.astype(np.float32), row_meta(documents, [c.path for c in chunks]))
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
    engine.publish(name)
    generations = sorted(p for p in home.glob("gen-*") if p.is_dir())
    for old in generations[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
    engine.prune([p.name for p in generations[-keep:]])
    for stale in home.glob(".tmp-gen-*"):
        shutil.rmtree(stale, ignore_errors=True)
    log.info("Index generation %s is live (%d documents, %d chunks)", name, len(documents), len(chunks))
    return home / name


def today() -> str:
    return date.today().isoformat()
