"""Sentence embeddings with a persistent cache: the same text is never embedded twice.

On this 2-core CPU the default model encodes about two 230-token chunks a second, so re-embedding
an unchanged corpus would dominate every ingest. Vectors are cached in SQLite keyed by the model
id, the prompt kind and the text hash.

Example:
    >>> emb = Embedder(Settings())                         # doctest: +SKIP
    >>> emb.encode_queries(["hội nghị sơ kết"]).shape      # doctest: +SKIP
    (1, 768)
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Sequence
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from assistant.errors import ModelError
from assistant.schema import Progress
from assistant.settings import Settings

log = logging.getLogger(__name__)


class EmbeddingCache:
    """SQLite table ``key -> float32 vector``; safe to share between processes (WAL)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB)")
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                batch = list(keys[start : start + 500])
                marks = ",".join("?" * len(batch))
                for key, blob in self._db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", batch):
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
            )


class Embedder:
    """A sentence-transformers model used with its own query and document prompts.

    Nothing is loaded at construction: the model (seconds and a gigabyte) is loaded on the first
    encode and shared by every embedder of the same configuration in the process, so a keyword
    search never pays for it. ``cache_queries=False`` embeds every question afresh (evaluation
    latencies are those of a question never asked before); documents are always cached.
    """

    def __init__(self, settings: Settings, cache_queries: bool = True) -> None:
        self.settings = settings
        self.model_id = settings.model
        self.cache_queries = cache_queries

    @classmethod
    def from_settings(cls, settings: Settings, cache_queries: bool = True) -> Embedder:
        return cls(settings, cache_queries=cache_queries)

    def with_query_cache(self, enabled: bool) -> Embedder:
        """The same model with the query cache switched on or off."""
        return Embedder(self.settings, cache_queries=enabled)

    @cached_property
    def model(self):
        settings = self.settings
        return _load_model(settings.model, str(settings.model_path or ""), str(Path(settings.cache_dir).expanduser()),
                           settings.max_seq_length, settings.device)

    @cached_property
    def cache(self) -> EmbeddingCache:
        return _open_cache(str(Path(self.settings.cache_dir).expanduser() / "embeddings.sqlite"))

    @property
    def dimension(self) -> int:
        return int(self.model.get_embedding_dimension())

    @property
    def prompts(self) -> dict[str, str]:
        return {k: self.model.prompts.get(k, "") for k in ("query", "document")}

    def _key(self, kind: str, text: str) -> str:
        raw = f"{self.model_id}\0{self.model.max_seq_length}\0{kind}\0{text}".encode()
        return hashlib.sha256(raw).hexdigest()

    def _encode(self, texts: Sequence[str], kind: str, progress: Progress | None = None,
                use_cache: bool = True) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        cache = self.cache if use_cache else None
        keys = [self._key(kind, t) for t in texts]
        cached = cache.get_many(keys) if cache else {}
        todo = [i for i, k in enumerate(keys) if k not in cached]
        for i, k in enumerate(keys):
            if k in cached:
                out[i] = cached[k]
        if todo:
            encode = self.model.encode_query if kind == "query" else self.model.encode_document
            batch = self.settings.batch_size
            done = 0
            if progress:
                progress("embed", done, len(todo))
            # Sorting by length keeps padding small inside each batch.
            todo.sort(key=lambda i: len(texts[i]))
            for start in range(0, len(todo), batch * 4):
                idx = todo[start : start + batch * 4]
                vecs = encode([texts[i] for i in idx], batch_size=batch, normalize_embeddings=True,
                              convert_to_numpy=True, show_progress_bar=False).astype(np.float32)
                out[idx] = vecs
                if cache:
                    cache.put_many({keys[i]: v for i, v in zip(idx, vecs, strict=True)})
                done += len(idx)
                if progress:
                    progress("embed", done, len(todo))
        return out

    def encode_documents(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Normalized float32 vectors for passages, with the model's document prompt; ``progress``
        hears ("embed", done, total) for the texts not yet cached."""
        return self._encode(texts, "document", progress)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Normalized float32 vectors for questions, with the model's query prompt."""
        return self._encode(texts, "query", use_cache=self.cache_queries)


@lru_cache(maxsize=4)
def _open_cache(path: str) -> EmbeddingCache:
    return EmbeddingCache(Path(path))


@lru_cache(maxsize=4)
def _load_model(model: str, model_path: str, cache_dir: str, max_seq_length: int, device: str):
    """One model per process and configuration: loading takes seconds and a gigabyte."""
    import torch
    from sentence_transformers import SentenceTransformer

    from assistant.models.provision import resolve_model

    torch.set_num_threads(max(1, torch.get_num_threads()))
    path = resolve_model(Settings(model=model, model_path=model_path or None, cache_dir=Path(cache_dir)))
    log.info("Loading embedding model %s from %s", model, path)
    try:
        loaded = SentenceTransformer(path, device=device, local_files_only=Path(path).is_dir())
    except Exception as exc:  # noqa: BLE001 - any load failure is reported the same way
        raise ModelError(f"Không nạp được mô hình nhúng từ {path}.", f"cannot load model {path}: {exc}") from exc
    loaded.max_seq_length = min(max_seq_length, loaded.max_seq_length or max_seq_length)
    return loaded
