"""FAISS store: the index type chosen by size, and filtered search on every type settings allow."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index.dense import build_dense
from assistant.index.faiss_store import AUTO_FLAT_MAX, FaissGeneration, resolve_factory, tune
from assistant.index.keyword import KeywordIndex
from assistant.index.search_store import Filters, RowMeta
from assistant.index.tokenizer import VietnameseTokenizer


def test_auto_is_flat_up_to_the_measured_size() -> None:
    assert resolve_factory("auto", 42) == "Flat"
    assert resolve_factory("auto", AUTO_FLAT_MAX) == "Flat"
    assert resolve_factory("auto", AUTO_FLAT_MAX + 1) == "HNSW32"
    assert resolve_factory("IVF64,PQ16x4fs", 10) == "IVF64,PQ16x4fs"


@pytest.mark.parametrize("factory", ["Flat", "HNSW32", pytest.param("IVF16,PQ8x4fs", marks=pytest.mark.slow)])
def test_filtered_dense_search_on_each_type(factory: str) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((600, 32), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    years = np.array([2015 + i % 10 for i in range(600)], dtype=np.int32)
    meta = RowMeta(years, [f"{i % 7}.txt" for i in range(600)], [f"d{i % 7}" for i in range(600)])
    tokenizer = VietnameseTokenizer(segment=False)
    keyword = KeywordIndex.build([tokenizer("khu công nghiệp")] * 600, tokenizer)
    generation = FaissGeneration(tune(build_dense(vectors, factory), 16), keyword, meta)
    rows, _ = generation.dense(vectors[5], 20, Filters(since=2020, sources=("5.txt", "6.txt")))
    assert rows and all(years[r] >= 2020 and r % 7 in (5, 6) for r in rows)
    assert generation.dense(vectors[5], 5)[0][0] == 5  # the vector itself first (IVF probes its list)
    assert generation.delete_document("d5") == len([i for i in range(600) if i % 7 == 5])
    assert all(r % 7 != 5 for r in generation.dense(vectors[5], 50)[0] + generation.keyword("khu", 50)[0])


def test_one_search_thread_gives_the_same_rows_and_leaves_the_caller_setting() -> None:
    import faiss

    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((2000, 32), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    meta = RowMeta(np.full(2000, 2020, dtype=np.int32), ["a.txt"] * 2000, ["d"] * 2000)
    tokenizer = VietnameseTokenizer(segment=False)
    keyword = KeywordIndex.build([tokenizer("khu")] * 2000, tokenizer)
    index = build_dense(vectors, "Flat")
    before = faiss.omp_get_max_threads()
    one, every = FaissGeneration(index, keyword, meta, threads=1), FaissGeneration(index, keyword, meta, threads=0)
    for query in vectors[:5]:
        assert one.dense(query, 10) == every.dense(query, 10)
        assert one.dense(query, 10, Filters(since=2020)) == every.dense(query, 10, Filters(since=2020))
    assert faiss.omp_get_max_threads() == before
