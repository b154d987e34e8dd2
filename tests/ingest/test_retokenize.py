"""An index made by an older keyword tokenizer: an ingest rebuilds only its BM25 index (nothing is
re-embedded), searches refuse it until then with a message naming a plain ``assistant ingest``, and any
other mismatch still asks for ``--rebuild``. Fake embedder, real FAISS, SQLite and BM25 on disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from index_helpers import live, run, search

from assistant.core import Assistant
from assistant.errors import IndexMismatchError
from assistant.index.keyword import KeywordIndex
from assistant.index.manifest import TOKENIZER
from assistant.index.store import Store
from assistant.index.tokenizer import VietnameseTokenizer
from assistant.ingest.pipeline import passage_text
from assistant.settings import Settings
from assistant.text.normalize import strip_diacritics

OLD_TOKENIZER = {**TOKENIZER, "version": TOKENIZER["version"] - 1}


def _old_tokens(tokenizer: VietnameseTokenizer, text: str) -> list[str]:
    """Tokens as a tokenizer without abbreviation expansions made them: syllables, compounds, folded forms."""
    plain = [t for t in tokenizer(text) if not t.startswith("~")]
    return plain + ["~" + strip_diacritics(t) for t in plain]


def _make_old(folder: Path) -> None:
    """Turn the generation at ``folder`` into one the previous tokenizer wrote: its manifest and its BM25 files."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    (folder / "manifest.json").write_text(json.dumps({**manifest, "tokenizer": OLD_TOKENIZER}, ensure_ascii=False),
                                          encoding="utf-8")
    store = Store(folder / "store.sqlite")
    try:
        docs = {d.path: d for d in store.documents()}
        texts = [passage_text(docs[c.path], c) for c in store.all_chunks()]
    finally:
        store.close()
    tokenizer = VietnameseTokenizer()
    KeywordIndex.build([_old_tokens(tokenizer, t) for t in texts], tokenizer).save(folder / "keyword")


def _vocabulary(folder: Path) -> set[str]:
    return set(KeywordIndex.load(folder / "keyword", VietnameseTokenizer(), 0).bm25.vocab_dict)


def _chunks(folder: Path) -> list[tuple[str, str]]:
    store = Store(folder / "store.sqlite")
    try:
        return [(c.chunk_id, c.text) for c in store.all_chunks()]
    finally:
        store.close()


def test_old_tokenizer_index_is_retokenized_without_embedding(home: Path, docs: Path, fake_embedder: Any,
                                                               tmp_path: Path) -> None:
    first = run(home, [docs], fake_embedder)
    old = home / live(home)
    _make_old(old)
    assert "~dn" not in _vocabulary(old)  # "doanh nghiệp" had no abbreviation token then
    with pytest.raises(IndexMismatchError) as refused:
        Assistant(home=home).search("DN", mode="keyword")
    assert "assistant ingest" in str(refused.value) and "assistant ingest --rebuild" not in str(refused.value)
    assert "tokenizer" in refused.value.log_message
    embedded_before = fake_embedder.documents_encoded

    report = run(home, [docs], fake_embedder)

    assert fake_embedder.documents_encoded == embedded_before  # nothing embedded again
    assert report.retokenized and report.embedded == 0 and not report.changed
    assert len(report.unchanged) == len(first.added) and report.chunks == first.chunks
    new = home / live(home)
    assert new != old
    manifest = json.loads((new / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tokenizer"] == TOKENIZER and manifest["chunks"] == first.chunks
    assert _chunks(new) == _chunks(old)
    assert np.array_equal(np.load(new / "vectors.npy"), np.load(old / "vectors.npy"))
    # The keyword index is the one a fresh build with the current tokenizer makes.
    fresh = tmp_path / "fresh"
    run(fresh, [docs], fake_embedder)
    assert _vocabulary(new) == _vocabulary(fresh / live(fresh)) and "~dn" in _vocabulary(new)
    # Searches open it again; "DN" finds "doanh nghiệp".
    hits = Assistant(home=home).search("DN", mode="keyword", k=3)
    assert hits and all("doanh nghiệp" in hit.text.lower() for hit in hits)
    assert search(home, "DN", fake_embedder, mode="hybrid")
    # Once done, the next ingest writes nothing.
    again = run(home, [docs], fake_embedder)
    assert not again.retokenized and live(home) == new.name and report.to_dict()["retokenized"]


def test_other_mismatch_with_old_tokenizer_still_asks_to_rebuild(home: Path, docs: Path, fake_embedder: Any,
                                                                 make_fake_embedder: type) -> None:
    run(home, [docs], fake_embedder)
    _make_old(home / live(home))
    encoded = fake_embedder.documents_encoded
    with pytest.raises(IndexMismatchError, match="assistant ingest --rebuild") as info:
        run(home, [docs], make_fake_embedder(dimension=32))
    assert "dimension" in str(info.value)
    with pytest.raises(IndexMismatchError, match="assistant ingest --rebuild"):
        run(home, [docs], fake_embedder, Settings(model="another/model"))
    with pytest.raises(IndexMismatchError, match="assistant ingest --rebuild"):
        Assistant(Settings(chunk_size=500), home=home).search("DN", mode="keyword")
    assert live(home) == "gen-000001" and fake_embedder.documents_encoded == encoded


def test_delete_on_old_tokenizer_index_names_the_current_tokenizer(home: Path, docs: Path,
                                                                    fake_embedder: Any) -> None:
    """A deletion re-tokenizes every chunk it keeps, so its generation is searchable at once."""
    from assistant.ingest import delete

    run(home, [docs], fake_embedder)
    _make_old(home / live(home))
    source = sorted(p.name for p in docs.iterdir())[0]
    report = delete(home, Settings(), fake_embedder, source)
    assert report.removed == [source]
    manifest = json.loads((home / live(home) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tokenizer"] == TOKENIZER
    assert Assistant(home=home).search("DN", mode="keyword")
