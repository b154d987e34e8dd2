"""Sentence embeddings with a persistent cache: the same text is never embedded twice.

On this 2-core CPU the default model encodes about two 230-token chunks a second on torch, so
re-embedding an unchanged corpus would dominate every ingest. Vectors are cached in SQLite keyed by the
model id, the backend and precision, the prompt kind and the text hash.

The model runs on ONNX Runtime by default (``ASSISTANT_EMBED_BACKEND=onnx``: the same vectors about twice
as fast, README § Speed) once provisioning has exported and checked it; without a checked export it runs
on torch, and says so once in the log. :func:`embedding_binding` names what actually runs, for the index
manifest: vectors from different backends are never mixed.

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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Backend:
    """What runs the model: ``torch`` (fp32), or ``onnx`` with its precision and exported file."""

    name: str
    precision: str = "fp32"
    onnx_file: Path | None = None

    @property
    def binding(self) -> dict[str, str]:
        return {"backend": self.name, "precision": self.precision}


TORCH = Backend("torch")


def resolve_backend(settings: Settings) -> Backend:
    """The backend the embedder runs with: the one asked for when its checked export is on disk, else torch
    (logged once). Reads a small record; never loads or provisions the model."""
    return _resolve_backend(settings.embed_backend, settings.device, settings.model, str(settings.model_path or ""),
                            str(Path(settings.cache_dir).expanduser()))


def embedding_binding(settings: Settings) -> dict[str, str]:
    """Backend and precision of the vectors the configured embedder makes (the manifest's ``embedding``)."""
    return resolve_backend(settings).binding


@lru_cache(maxsize=8)
def _resolve_backend(requested: str, device: str, model: str, model_path: str, cache_dir: str) -> Backend:
    from assistant.models.onnx_encoder import FP32, INT8, onnx_folder, unusable_reason
    from assistant.models.provision import provisioned_folder

    if requested == "torch":
        return TORCH
    if device != "cpu":
        log.info("Embedding backend %s is for the CPU; device %s runs torch", requested, device)
        return TORCH
    folder = provisioned_folder(Settings(model=model, model_path=model_path or None, cache_dir=Path(cache_dir)))
    precision = "int8" if requested == "onnx-int8" else "fp32"
    reason = "the model is not provisioned yet"
    if folder is not None:
        file = onnx_folder(Path(cache_dir), folder) / (INT8 if precision == "int8" else FP32)
        reason = unusable_reason(file, folder)
        if reason is None:
            return Backend("onnx", precision, file)
    log.warning("Embedding backend %s not available (%s): using torch. Run `bash scripts/setup.sh` "
                "(python -m assistant.models.provision%s) to export it.", requested, reason,
                " --int8" if precision == "int8" else "")
    return TORCH


def cache_key(model_id: str, max_seq_length: int, backend: Backend, kind: str, text: str) -> str:
    """The embedding cache's key. Torch fp32 keeps the key it had before other backends existed, so the
    vectors it cached stay valid; every other backend and precision has its own."""
    tag = "" if backend == TORCH else f"{backend.name}-{backend.precision}\0"
    return hashlib.sha256(f"{model_id}\0{max_seq_length}\0{tag}{kind}\0{text}".encode()).hexdigest()


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
        self.backend = resolve_backend(settings)

    @classmethod
    def from_settings(cls, settings: Settings, cache_queries: bool = True) -> Embedder:
        return cls(settings, cache_queries=cache_queries)

    def with_query_cache(self, enabled: bool) -> Embedder:
        """The same model with the query cache switched on or off."""
        return Embedder(self.settings, cache_queries=enabled)

    @property
    def binding(self) -> dict[str, str]:
        """Backend and precision of this embedder's vectors, as the index manifest records them."""
        return self.backend.binding

    @cached_property
    def model(self):
        """The loaded model: a ``SentenceTransformer`` on torch, an :class:`OnnxEncoder` on ONNX Runtime."""
        settings = self.settings
        cache_dir = str(Path(settings.cache_dir).expanduser())
        if self.backend.onnx_file is not None:
            return _load_onnx(str(self.backend.onnx_file), settings.model, str(settings.model_path or ""), cache_dir,
                              settings.max_seq_length)
        return _load_model(settings.model, str(settings.model_path or ""), cache_dir, settings.max_seq_length,
                           settings.device)

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
        return cache_key(self.model_id, self.model.max_seq_length, self.backend, kind, text)

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


@lru_cache(maxsize=2)
def _load_onnx(onnx_file: str, model: str, model_path: str, cache_dir: str, max_seq_length: int):
    """One ONNX Runtime session per process and file (a gigabyte; about five seconds to load)."""
    from assistant.models.onnx_encoder import OnnxEncoder
    from assistant.models.provision import resolve_model

    path = resolve_model(Settings(model=model, model_path=model_path or None, cache_dir=Path(cache_dir)))
    log.info("Loading embedding model %s on ONNX Runtime from %s", model, onnx_file)
    return OnnxEncoder(Path(path), Path(onnx_file), max_seq_length)


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
