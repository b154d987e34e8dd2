"""The Milvus search store on milvus-lite: the same rows and scores as FAISS + bm25s over one generation.

Both engines search the same generation folder (its vectors and BM25 statistics), so any difference
is the engine's. The fast tests use the fake embedder (the engine is what is tested); the slow one
compares hybrid search with the real model on the corpus questions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.index.faiss_store import FaissStore
from assistant.index.milvus_store import MilvusStore, filter_expression
from assistant.index.retriever import HybridRetriever
from assistant.index.search_store import Filters, open_store
from assistant.index.snapshot import IndexSnapshot, current_generation
from assistant.ingest import ingest
from assistant.settings import Settings

S000, S002, S004 = "000_3d55e78805e88411.txt", "002_c703fc18134db130.txt", "004_6d3412d8dd45478c.txt"
QUERIES = ["KCN Tân Đức", "hoi nghi tong ket nam 2019", "hợp tác Bình Phước Đồng Nai Lâm Đồng",
           "Nghị định 29/2008/NĐ-CP", "thu hut dau tu vao KCN", "ISO 9001:2008"]


def milvus_settings(tmp: Path, **extra: Any) -> Settings:
    return Settings(store="milvus", milvus_uri=str(tmp / "milvus.db"), **extra)


def both(home: Path, settings: Settings) -> tuple[IndexSnapshot, IndexSnapshot]:
    """The live generation opened by Milvus and by FAISS (FAISS index built in memory from vectors.npy)."""
    return (IndexSnapshot.open(home, engine=open_store(settings, home)),
            IndexSnapshot.open(home, engine=FaissStore("Flat")))


def same(a: tuple[list[int], list[float]], b: tuple[list[int], list[float]]) -> None:
    """Same scores, and the same rows wherever the scores are not tied."""
    assert len(a[0]) == len(b[0]) and np.allclose(a[1], b[1], rtol=1e-5, atol=1e-5)
    untied = [i for i, s in enumerate(b[1]) if np.isclose(np.asarray(b[1]), s, rtol=1e-5, atol=1e-5).sum() == 1]
    assert [a[0][i] for i in untied] == [b[0][i] for i in untied]


def test_filter_expression_quotes_names() -> None:
    expression = filter_expression(Filters(since=2018, until=2020, sources=('Quyết định "số 1".pdf', "a\\b.txt")))
    assert expression == ('year >= 2018 and (year <= 2020 and year > 0) and '
                          'source in ["Quyết định \\"số 1\\".pdf", "a\\\\b.txt"]')
    assert filter_expression(Filters()) == ""


@pytest.mark.slow
def test_milvus_store_searches_like_faiss(tmp_path: Path, docs: Path, home: Path, fake_embedder: Any) -> None:
    settings = milvus_settings(tmp_path)
    ingest(home, settings, fake_embedder, [docs])
    assert not (current_generation(home) / "dense.faiss").exists()  # Milvus holds the vectors
    milvus, faiss = both(home, settings)
    for query in QUERIES:
        vector = fake_embedder.encode_queries([query])[0]
        same(milvus.search.keyword(query, 20), faiss.search.keyword(query, 20))
        same(milvus.search.dense(vector, 20), faiss.search.dense(vector, 20))
        assert milvus.search.hybrid(query, vector, 5, Filters(), 50, 10, 0.8, 1.0).ranked == \
               faiss.search.hybrid(query, vector, 5, Filters(), 50, 10, 0.8, 1.0).ranked
    for filters in (Filters(since=2019), Filters(until=2018), Filters(sources=(S002, S004)),
                    Filters(since=2017, until=2019, sources=(S000, S004)), Filters(sources=("không có.txt",))):
        m, f = milvus.search.keyword("KCN", 50, filters), faiss.search.keyword("KCN", 50, filters)
        same(m, f)
        vector = fake_embedder.encode_queries(["KCN"])[0]
        same(milvus.search.dense(vector, 50, filters), faiss.search.dense(vector, 50, filters))
        allowed = faiss.search.allowed_rows(filters)
        assert set(m[0]) <= set(allowed.tolist())
    assert milvus.search.dense(vector, 50, Filters(sources=("không có.txt",))) == ([], [])


@pytest.mark.slow
def test_delete_and_retriever(tmp_path: Path, docs: Path, home: Path, fake_embedder: Any) -> None:
    settings = milvus_settings(tmp_path)
    ingest(home, settings, fake_embedder, [docs])
    snap = IndexSnapshot.open(home, engine=open_store(settings, home))
    hits = HybridRetriever(snap, fake_embedder, settings).run("KCN Tân Đức", k=3)
    assert hits[0].source == S004 and set(hits[0].scores) == {"dense", "keyword"}
    doc_id = hits[0].doc_id
    assert snap.search.delete_document(doc_id) == snap.store.document(S004).n_chunks
    assert S004 not in {p.source for p in HybridRetriever(snap, fake_embedder, settings).run("KCN Tân Đức", k=10)}
    assert snap.search.delete_document(doc_id) == 0


@pytest.mark.slow
def test_generation_switch(tmp_path: Path, docs: Path, home: Path, fake_embedder: Any) -> None:
    settings = milvus_settings(tmp_path, keep_generations=2)
    ingest(home, settings, fake_embedder, [docs])
    engine = open_store(settings, home)
    assert isinstance(engine, MilvusStore)
    first = IndexSnapshot.open(home, engine=engine)
    assert engine.live_collection() == "assistant_gen_000001"
    (docs / S004).unlink()
    ingest(home, settings, fake_embedder, [docs])
    assert engine.live_collection() == "assistant_gen_000002"
    # A search that opened the old generation keeps its own collection until that generation is pruned.
    assert first.search.keyword("KCN Tân Đức", 3)[0]
    second = IndexSnapshot.open(home, engine=engine)
    assert S004 not in {second.meta.sources[r] for r in second.search.keyword("KCN Tân Đức", 10)[0]}
    (docs / S002).unlink()
    ingest(home, settings, fake_embedder, [docs])
    assert engine.live_collection() == "assistant_gen_000003"
    assert sorted(c for c in engine.client.list_collections() if c.startswith("assistant_gen_")) == \
           ["assistant_gen_000002", "assistant_gen_000003"]
    manifest = json.loads((current_generation(home) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["store"] == "milvus"


@pytest.mark.slow
def test_real_model_hybrid_equivalence_on_corpus(tmp_path: Path, corpus_dir: Path) -> None:
    """With the real model, Milvus (its collection filled from a FAISS-written generation) returns
    the same top 5 as FAISS for the corpus questions, ties aside."""
    from assistant.core import Assistant

    bot = Assistant(home=tmp_path / "home")
    bot.ingest([corpus_dir])
    settings = milvus_settings(tmp_path)
    milvus = HybridRetriever(IndexSnapshot.open(bot.home, engine=open_store(settings, bot.home)), bot.embedder, settings)
    faiss = bot.retriever()
    lines = (Path(__file__).resolve().parents[2] / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines[::6]]
    differ = 0
    for question in questions:
        m, f = milvus.run(question, k=5), faiss.run(question, k=5)
        assert [p.chunk_id for p in m][:1] == [p.chunk_id for p in f][:1], question
        differ += [p.chunk_id for p in m] != [p.chunk_id for p in f]
        assert np.allclose([p.score for p in m], [p.score for p in f], atol=1e-6)
    assert differ <= len(questions) // 10  # only tied fused scores may swap places
