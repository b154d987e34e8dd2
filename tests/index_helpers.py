"""Ingest and search over a fake-embedder index, shared by the ingest, limits, encoding and CLI tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from assistant.index.retriever import HybridRetriever
from assistant.index.snapshot import IndexSnapshot
from assistant.ingest import IngestReport, ingest
from assistant.settings import Settings

CORPUS_FILES = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))


def copy_corpus(folder: Path) -> Path:
    """A writable copy of the corpus in ``folder``."""
    folder.mkdir()
    for path in CORPUS_FILES:
        shutil.copy(path, folder / path.name)
    return folder


def run(home: Path, paths: list[Path], fake: Any, settings: Settings | None = None,
        rebuild: bool = False) -> IngestReport:
    return ingest(home, settings or Settings(), fake, paths, rebuild=rebuild)


def search(home: Path, query: str, fake: Any, mode: str = "keyword", k: int = 5, **filters):
    return HybridRetriever(IndexSnapshot.open(home), fake, Settings()).run(query, k=k, mode=mode, **filters)


def live(home: Path) -> str:
    return (home / "CURRENT").read_text(encoding="utf-8").strip()
