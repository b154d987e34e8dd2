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
    assert set(row["engines"]) == {"faiss Flat", "faiss HNSW32", "faiss IVF64,PQ96x4fs"}
    assert row["engines"]["faiss Flat"]["recall@10"] == 1.0
    for engine in row["engines"].values():
        assert {"hybrid", "dense", "keyword", "hybrid_2018+"} <= set(engine)
        assert engine["hybrid"]["p95_ms"] >= engine["hybrid"]["p50_ms"] > 0
