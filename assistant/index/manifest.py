"""The manifest: what an index was built with, so it is never searched with the wrong model."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from assistant.errors import IndexMismatchError

FORMAT = 1
CHUNKER_VERSION = 1
TOKENIZER_VERSION = 2  # 2: DN, NĐT, GPMB, CCHC, TTHC, BVMT, XNK written out
TOKENIZER = {"name": "vietnamese-syllables+pyvi+folded+abbreviations", "version": TOKENIZER_VERSION}
# Keys that must match for an index to be usable; anything else is informative.
_BINDING = ("format", "model", "embedding", "dimension", "prompts", "max_seq_length", "chunker", "tokenizer")
# How the vectors were computed (backend, precision); generations written before this key were torch fp32.
LEGACY_EMBEDDING = {"backend": "torch", "precision": "fp32"}


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def build_manifest(*, model: str, embedding: dict, dimension: int, prompts: dict, max_seq_length: int,
                   chunk_size: int, overlap: int, faiss_index: str, documents: int, chunks: int) -> dict:
    return {
        "format": FORMAT,
        "model": model,
        "embedding": embedding,
        "dimension": dimension,
        "prompts": prompts,
        "max_seq_length": max_seq_length,
        "chunker": {"size": chunk_size, "overlap_sentences": overlap, "version": CHUNKER_VERSION},
        "tokenizer": TOKENIZER,
        "faiss_index": faiss_index,
        "documents": documents,
        "chunks": chunks,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": {
            "python": platform.python_version(),
            **{p: _version(p) for p in ("assistant", "sentence-transformers", "faiss-cpu", "bm25s", "pyvi", "torch",
                                        "onnxruntime")},
        },
    }


def settings_binding(model: str, embedding: dict, chunk_size: int, overlap: int) -> dict:
    """The binding keys known from settings alone (without loading the model); ``embedding`` is the
    backend and precision the embedder runs with (:func:`assistant.models.embedder.embedding_binding`)."""
    return {"format": FORMAT, "model": model, "embedding": embedding, "tokenizer": TOKENIZER,
            "chunker": {"size": chunk_size, "overlap_sentences": overlap, "version": CHUNKER_VERSION}}


def read_manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def check_compatible(stored: dict, wanted: dict, retokenize: bool = False) -> bool:
    """Raise :class:`IndexMismatchError` when ``stored`` was built with other binding settings.

    Only the tokenizer differing needs no re-embedding: the keyword index is rebuilt from the stored
    chunk texts. With ``retokenize`` (an ingest, which does that) it is no error and True is returned;
    otherwise the message says a plain ``assistant ingest`` is enough."""
    if stored.get("embedding") is None:
        stored = {**stored, "embedding": LEGACY_EMBEDDING}
    diffs = [key for key in _BINDING if stored.get(key) != wanted.get(key)]
    if not diffs:
        return False
    detail = ", ".join(f"{k}: {stored.get(k)!r} ≠ {wanted.get(k)!r}" for k in diffs)
    if diffs == ["tokenizer"]:
        if retokenize:
            return True
        raise IndexMismatchError(
            "Chỉ mục từ khóa được lập bằng bộ tách từ cũ của phiên bản trước. Hãy chạy lệnh: assistant ingest "
            "(chỉ lập lại chỉ mục từ khóa, không nhúng lại văn bản, không cần --rebuild)",
            f"keyword index built with another tokenizer ({detail}); run: assistant ingest (no re-embedding)",
        )
    raise IndexMismatchError(
        "Chỉ mục hiện có được xây dựng với cấu hình khác (mô hình, cách chạy mô hình hoặc cách chia đoạn): "
        f"{detail}. Hãy xây dựng lại bằng lệnh: assistant ingest --rebuild",
        f"index built with other settings ({detail}); rebuild with: assistant ingest --rebuild",
    )
