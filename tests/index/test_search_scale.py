"""Smoke test of the scale benchmark (scripts/search_scale.py) on a few hundred Wikipedia chunks."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from assistant.settings import Settings

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
WIKI = SCRIPTS.parent.parent / "shared" / "data" / "viwiki" / "viwiki.jsonl.gz"


@pytest.mark.slow
def test_bench_size_measures_every_faiss_type(tmp_path: Path) -> None:
    if not WIKI.is_file():
        pytest.skip(f"{WIKI} is not available")
    sys.path.insert(0, str(SCRIPTS))
    import search_scale

    windows = search_scale.wiki_chunks(WIKI, 400, 800)
    tokens = search_scale.token_lists([t for _, t in windows], tmp_path / "tokens.pkl")
    row = search_scale.bench_size(400, windows, tokens, 192, ["khu công nghiệp", "lich su Viet Nam"], Settings(), False)
    shutil.rmtree(row.pop("home"))
    assert set(row["engines"]) == {"faiss Flat", "faiss Flat, all threads", "faiss HNSW32", "faiss IVF64,PQ96x4fs"}
    assert row["engines"]["faiss Flat"]["recall@10"] == row["engines"]["faiss Flat"]["nn@10"] == 1.0
    for name in ("faiss HNSW32", "faiss IVF64,PQ96x4fs"):
        assert 0 < row["engines"][name]["recall@10"] <= 1.0 and 0 < row["engines"][name]["nn@10"] <= 1.0
    for engine in row["engines"].values():
        assert {"hybrid", "dense", "keyword", "hybrid_2018+"} <= set(engine)
        assert engine["hybrid"]["p95_ms"] >= engine["hybrid"]["p50_ms"] > 0


@pytest.mark.slow
def test_dense_scaling_times_flat_on_all_and_one_thread() -> None:
    sys.path.insert(0, str(SCRIPTS))
    import search_scale

    (row,) = search_scale.dense_scaling([5000], 256, 10, probe=32)
    assert row["chunks"] == 5000
    for name in ("flat", "flat_1thread", "hnsw32", "hnsw32_ef128"):  # ms to one decimal: HNSW may round to 0
        assert row[name]["p95_ms"] >= row[name]["p50_ms"] >= 0
    assert row["flat_1thread"]["p50_ms"] > 0
    assert 0 < row["hnsw32"]["nn@10"] <= 1.0 and row["hnsw32_build_s"] >= 0
