"""A new index generation is prepared in the indexing thread before it goes live.

After an ingest, delete or restore through :class:`~assistant.core.Assistant`, the first search loads
nothing (no snapshot opened, no FAISS or BM25 read, no accent-restoration vocabulary built): the loads
are counted, not timed. While the new generation is being prepared, searches in other threads answer
from the previous one without waiting.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.index import faiss_store, snapshot
from assistant.index.keyword import KeywordIndex
from assistant.index.snapshot import IndexSnapshot, current_generation
from assistant.settings import Settings

FIRST = "000_3d55e78805e88411.txt"
TAN_DUC = "004_6d3412d8dd45478c.txt"  # the only document about KCN Tân Đức


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """Counts of every load a search would do lazily: snapshot opened, FAISS read, BM25 read, restorer built."""
    counts: Counter = Counter()

    def counted(name: str, function):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(IndexSnapshot, "open", classmethod(counted("snapshot", IndexSnapshot.open.__func__)))
    monkeypatch.setattr(faiss_store, "load_dense", counted("faiss", faiss_store.load_dense))
    monkeypatch.setattr(KeywordIndex, "load", classmethod(counted("bm25", KeywordIndex.load.__func__)))
    monkeypatch.setattr(snapshot, "DiacriticRestorer", counted("restorer", snapshot.DiacriticRestorer))
    return counts


def bot_for(tmp_path: Path, fake_embedder) -> Assistant:
    return Assistant(Settings(cache_dir=tmp_path / "cache"), embedder=fake_embedder, home=tmp_path / "home")


def searches(bot: Assistant) -> list[str]:
    """A search in each mode; the sources of the hybrid one."""
    bot.search("hoi nghi tong ket", mode="dense")
    bot.search("KCN Tân Đức", mode="keyword")
    return [p.source for p in bot.search("KCN Tan Duc", k=10)]


def test_first_search_after_an_index_job_loads_nothing(tmp_path: Path, docs: Path, fake_embedder, loads: Counter) -> None:
    bot = bot_for(tmp_path, fake_embedder)
    bot.ingest([docs / FIRST])
    assert loads == Counter(snapshot=1, faiss=1, bm25=1, restorer=1)  # prepared by the ingest itself
    assert TAN_DUC not in searches(bot)
    bot.ingest([docs / TAN_DUC])
    assert loads == Counter(snapshot=2, faiss=2, bm25=2, restorer=2)
    assert TAN_DUC in searches(bot)  # the new generation, already loaded
    assert loads == Counter(snapshot=2, faiss=2, bm25=2, restorer=2)

    doc = bot.document(TAN_DUC)
    bot.delete(doc.uid)
    assert loads["restorer"] == 3
    assert TAN_DUC not in searches(bot)
    bot.restore(doc.uid)
    assert loads == Counter(snapshot=4, faiss=4, bm25=4, restorer=4)
    assert TAN_DUC in searches(bot)
    assert loads == Counter(snapshot=4, faiss=4, bm25=4, restorer=4)

    # A generation made by another process (another Assistant here) is loaded by the next search.
    bot_for(tmp_path, fake_embedder).ingest([docs])
    searches(bot)
    assert loads["snapshot"] == 6 and loads["restorer"] == 6


def test_searches_keep_the_old_generation_until_the_new_one_is_ready(
        tmp_path: Path, docs: Path, fake_embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    bot = bot_for(tmp_path, fake_embedder)
    bot.ingest([docs / FIRST])
    old = bot.retriever()
    entered, release = threading.Event(), threading.Event()
    prepare = IndexSnapshot.prepare

    def held_prepare(self: IndexSnapshot) -> None:
        entered.set()
        release.wait(60)
        prepare(self)

    monkeypatch.setattr(IndexSnapshot, "prepare", held_prepare)
    job = threading.Thread(target=bot.ingest, args=([docs / TAN_DUC],))
    job.start()
    try:
        assert entered.wait(60), "the ingest never reached preparation"
        assert current_generation(bot.home) != old.snapshot.folder  # the new generation is on disk, not ready
        found: list[list[str]] = []
        reader = threading.Thread(target=lambda: found.append(searches(bot)))
        reader.start()
        reader.join(20)
        waited = reader.is_alive()
    finally:
        release.set()
        job.join(120)
    assert not waited, "a search waited for the new generation to be prepared"
    assert found and TAN_DUC not in found[0]  # answered from the old generation
    assert not job.is_alive()
    assert bot.retriever() is not old and bot.retriever().snapshot.folder == current_generation(bot.home)
    assert TAN_DUC in searches(bot)
