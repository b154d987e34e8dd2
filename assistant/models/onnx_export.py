"""Export the embedding model to ONNX once, at provisioning, and check it before it is ever used.

``torch.onnx.export`` (the TorchScript exporter of the pinned torch, so no export package that would pin
transformers) traces the whole sentence-transformers pipeline: transformer, mean pooling, both Dense
layers, normalization. EmbeddingGemma's attention masks are built by transformers with ``vmap``, which
cannot be traced; the graph builds them itself from the padding mask (full attention, and the
bidirectional sliding window of its local layers) and hands them to the transformer, which accepts
ready masks. The export is then run by ONNX Runtime on real corpus chunks and queries, with the model's
prompts, and compared to sentence-transformers on torch: it is marked usable only when every cosine is
at least :data:`FP32_MIN_COSINE`. Otherwise the record says why and the embedder stays on torch.

Dynamic int8 (``onnxruntime.quantization.quantize_dynamic``) is made from the fp32 export on request
(``ASSISTANT_EMBED_BACKEND=onnx-int8`` or ``--int8``) and checked against it the same way, with a looser
bound (:data:`INT8_MIN_COSINE`): it is an approximation, measured by ``scripts/bench_embed.py``.

Example:
    >>> ensure_exports(Settings())          # doctest: +SKIP
    {'fp32': {'verified': True, 'min_cosine': 0.99999..., ...}}
"""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import tempfile
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import numpy as np

from assistant.models.onnx_encoder import (
    FP32,
    INT8,
    OnnxEncoder,
    onnx_folder,
    read_record,
    record_path,
    source_fingerprint,
)
from assistant.settings import Settings

log = logging.getLogger(__name__)

FP32_MIN_COSINE = 0.9999
# Dynamic int8 (per-channel MatMul weights) moves vectors: cosine about 0.97 to fp32 on the corpus; a broken
# quantization falls far below.
INT8_MIN_COSINE = 0.93
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
_PACKAGES = ("torch", "transformers", "sentence-transformers", "onnxruntime", "onnx")


def sample_texts(corpus: Path = CORPUS, size: int = 800, count: int = 8) -> tuple[list[str], list[str]]:
    """Real text to check an export on: ``count`` passages of about ``size`` characters spread over the
    corpus files, one passage long enough to be truncated, and each file's first line as a query."""
    files = sorted(p for p in Path(corpus).glob("*") if p.is_file() and p.suffix in {".txt", ".md"})
    if not files:
        raise FileNotFoundError(f"no .txt files in {corpus} to check the ONNX export on")
    pieces, queries = [], []
    for path in files:
        lines = [re.sub(r"\s+", " ", line).strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        queries.append(lines[0][:200])
        current = ""
        for line in lines:
            current = f"{current}\n{line}" if current else line
            if len(current) >= size:
                pieces.append(current)
                current = ""
    step = max(1, len(pieces) // count)
    documents = pieces[::step][:count]
    documents.append("\n".join(pieces)[: size * 6])  # over 512 tokens: checks truncation
    return documents, queries


def _versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in _PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(axis=1)


def _graph_module(model):
    """The sentence-transformers ``model`` as one traceable module: (input_ids, attention_mask) -> vectors."""
    import torch

    transformer = model[0].model
    head = torch.nn.Sequential(*list(model)[1:])
    window = getattr(transformer.config, "sliding_window", None)
    layered = bool(getattr(transformer.config, "layer_types", None))

    class Graph(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer
            self.head = head

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            mask: object = attention_mask
            if layered:
                keep = attention_mask.bool()
                pos = torch.arange(input_ids.shape[1], device=input_ids.device)
                distance = (pos[:, None] - pos[None, :]).abs()
                full = keep[:, None, None, :] & torch.ones_like(distance, dtype=torch.bool)[None, None]
                near = distance < window if window else torch.ones_like(distance, dtype=torch.bool)
                mask = {"full_attention": full, "sliding_attention": full & near[None, None]}
            hidden = self.transformer(input_ids=input_ids, attention_mask=mask).last_hidden_state
            return self.head({"token_embeddings": hidden, "attention_mask": attention_mask})["sentence_embedding"]

    return Graph().eval()


def _torch_export(model, path: Path) -> None:
    import torch

    sample = model.tokenizer(["title: none | text: Ban Quản lý các khu công nghiệp", "xin chào"], padding=True,
                             return_tensors="pt")
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
            "sentence_embedding": {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(_graph_module(model), (sample["input_ids"], sample["attention_mask"]), str(path),
                          dynamo=False, input_names=["input_ids", "attention_mask"],
                          output_names=["sentence_embedding"], dynamic_axes=axes, opset_version=17,
                          do_constant_folding=True)


def _record(file: Path, model_dir: Path, reference: str, threshold: float, cos: np.ndarray, **extra) -> dict:
    record = {
        "source": source_fingerprint(model_dir), "verified": bool(cos.min() >= threshold), "threshold": threshold,
        "reference": reference, "min_cosine": round(float(cos.min()), 6), "mean_cosine": round(float(cos.mean()), 6),
        "texts": len(cos), "created": datetime.now(UTC).isoformat(timespec="seconds"), "versions": _versions(),
        **extra,
    }
    record_path(file).write_text(json.dumps(record, indent=2), encoding="utf-8")
    return record


def _install(tmp_file: Path, file: Path, record: dict) -> None:
    """Move a checked export into place, or drop it (its record stays, saying why)."""
    if record["verified"]:
        os.replace(tmp_file, file)
    else:
        tmp_file.unlink(missing_ok=True)
        file.unlink(missing_ok=True)
    os.replace(record_path(tmp_file), record_path(file))


def export_fp32(model_dir: Path, folder: Path, documents: Sequence[str], queries: Sequence[str],
                max_seq_length: int = 512) -> dict:
    """Export ``model_dir`` to ``folder/model.onnx`` and check it against torch; return its record."""
    from sentence_transformers import SentenceTransformer

    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True,
                                model_kwargs={"attn_implementation": "sdpa"})
    model.max_seq_length = min(max_seq_length, model.max_seq_length or max_seq_length)
    reference = np.vstack([model.encode_document(list(documents), batch_size=8, show_progress_bar=False),
                           model.encode_query(list(queries), batch_size=8, show_progress_bar=False)])
    torch_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory(dir=folder, prefix=".export-") as tmp:
        tmp_file = Path(tmp) / FP32
        _torch_export(model, tmp_file)
        export_seconds = time.perf_counter() - started - torch_seconds
        del model
        gc.collect()
        encoder = OnnxEncoder(model_dir, tmp_file, max_seq_length)
        found = np.vstack([encoder.encode_document(documents), encoder.encode_query(queries)])
        del encoder
        record = _record(tmp_file, model_dir, "torch fp32", FP32_MIN_COSINE, _cosines(reference, found),
                         torch_seconds=round(torch_seconds, 1), export_seconds=round(export_seconds, 1),
                         seconds=round(time.perf_counter() - started, 1))
        _install(tmp_file, folder / FP32, record)
    log.info("ONNX fp32 export of %s: min cosine %.6f to torch on %d texts (%s), %.0f s", model_dir.name,
             record["min_cosine"], record["texts"], "verified" if record["verified"] else "REJECTED",
             record["seconds"])
    return record


def quantize_int8(model_dir: Path, folder: Path, documents: Sequence[str], queries: Sequence[str],
                  max_seq_length: int = 512) -> dict:
    """Dynamic int8 of the verified fp32 export, checked against it; return its record."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    started = time.perf_counter()
    source = folder / FP32
    fp32 = OnnxEncoder(model_dir, source, max_seq_length)
    reference = np.vstack([fp32.encode_document(documents), fp32.encode_query(queries)])
    del fp32
    with tempfile.TemporaryDirectory(dir=folder, prefix=".quantize-") as tmp:
        tmp_file = Path(tmp) / INT8
        with warnings.catch_warnings(), _quiet_root():
            warnings.simplefilter("ignore")
            quantize_dynamic(str(source), str(tmp_file), op_types_to_quantize=["MatMul"], per_channel=True,
                             weight_type=QuantType.QInt8)
        encoder = OnnxEncoder(model_dir, tmp_file, max_seq_length)
        found = np.vstack([encoder.encode_document(documents), encoder.encode_query(queries)])
        del encoder
        record = _record(tmp_file, model_dir, "onnx fp32", INT8_MIN_COSINE, _cosines(reference, found),
                         seconds=round(time.perf_counter() - started, 1))
        _install(tmp_file, folder / INT8, record)
    log.info("ONNX int8 quantization: min cosine %.4f to fp32 (%s), %.0f s", record["min_cosine"],
             "verified" if record["verified"] else "REJECTED", record["seconds"])
    return record


@contextmanager
def _quiet_root() -> Iterator[None]:
    """The quantizer logs a generic "pre-process first" hint on the root logger: not for our users."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(max(level, logging.ERROR))
    try:
        yield
    finally:
        root.setLevel(level)


def _current(file: Path, model_dir: Path) -> bool:
    """An export already made from these model files: verified, or rejected by the same package versions."""
    record = read_record(file)
    if record is None or record.get("source") != source_fingerprint(model_dir):
        return False
    return file.is_file() if record.get("verified") else record.get("versions") == _versions()


def ensure_exports(settings: Settings, int8: bool = False, corpus: Path = CORPUS) -> dict[str, dict]:
    """Export (and with ``int8`` quantize) the configured model unless already done; the records by precision."""
    from assistant.models.provision import resolve_model

    model_dir = Path(resolve_model(settings))
    folder = onnx_folder(settings.cache_dir, model_dir)
    documents, queries = sample_texts(corpus, settings.chunk_size)
    records: dict[str, dict] = {}
    steps = [("fp32", FP32, export_fp32)] + ([("int8", INT8, quantize_int8)] if int8 else [])
    for precision, name, make in steps:
        if precision == "int8" and not records["fp32"].get("verified"):
            break
        if not _current(folder / name, model_dir):
            log.info("Making the ONNX %s model of %s (once; a minute or two)", precision, model_dir.name)
            try:
                make(model_dir, folder, documents, queries, settings.max_seq_length)
            except Exception as exc:  # noqa: BLE001 - the embedder then stays on torch, and says so
                log.warning("ONNX %s export of %s failed, the embedder will use torch: %s", precision, model_dir, exc)
                folder.mkdir(parents=True, exist_ok=True)
                record_path(folder / name).write_text(json.dumps({
                    "source": source_fingerprint(model_dir), "verified": False, "error": str(exc)[-500:],
                    "versions": _versions()}, indent=2), encoding="utf-8")
        records[precision] = read_record(folder / name) or {}
    return records
