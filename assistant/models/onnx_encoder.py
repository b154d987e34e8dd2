"""The embedding model run by ONNX Runtime: the vectors of sentence-transformers, about twice as fast on CPU.

The graph (transformer, mean pooling, both Dense layers and the normalization) is exported once by
:mod:`assistant.models.onnx_export` at provisioning. This module does what sentence-transformers does
around it: the model's own query or document prompt in front of the text, the model's own tokenizer,
truncation to ``max_seq_length`` tokens, padding to the longest text of each batch. Each exported file has
a record beside it (``model.onnx.json``) saying which model folder it came from and how close it came to
the reference; a file is used only when its record says it passed.

Example:
    >>> enc = OnnxEncoder(model_dir, onnx_dir / FP32, max_seq_length=512)    # doctest: +SKIP
    >>> enc.encode_query(["hội nghị tổng kết"]).shape                        # doctest: +SKIP
    (1, 768)
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.errors import ModelError

log = logging.getLogger(__name__)

FP32 = "model.onnx"
INT8 = "model.int8.onnx"
_NOT_SOURCE = (".verified", ".json", ".onnx", ".ipynb", ".md")


def onnx_folder(cache_dir: Path, model_dir: Path) -> Path:
    """Where the exports of the model in ``model_dir`` live: ``<cache_dir>/models/<name>-onnx``."""
    return Path(cache_dir).expanduser() / "models" / f"{Path(model_dir).name}-onnx"


def source_fingerprint(model_dir: Path) -> str:
    """Names and sizes of the model's files: an export made from other files is not used (hashing a
    gigabyte at every start would cost seconds; provisioning already checked the hashes)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(model_dir).rglob("*") if p.is_file() and not p.name.endswith(_NOT_SOURCE)):
        digest.update(f"{path.relative_to(model_dir).as_posix()}\0{path.stat().st_size}\n".encode())
    return digest.hexdigest()


def record_path(file: Path) -> Path:
    return file.with_name(file.name + ".json")


def read_record(file: Path) -> dict | None:
    try:
        return json.loads(record_path(file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def unusable_reason(file: Path, model_dir: Path) -> str | None:
    """Why the export ``file`` must not be used for the model in ``model_dir``, or None when it may."""
    record = read_record(file)
    if record is None:
        return f"no export at {file}"
    if record.get("source") != source_fingerprint(model_dir):
        return f"{file} was exported from other model files"
    if record.get("error"):
        return f"the export failed: {record['error']}"
    if not record.get("verified"):
        return (f"{file} failed its check at export (min cosine {record.get('min_cosine')} < "
                f"{record.get('threshold')} to {record.get('reference')})")
    if not file.is_file():
        return f"{file} is missing"
    return None


class OnnxEncoder:
    """The subset of ``SentenceTransformer`` the embedder uses (``encode_query``, ``encode_document``,
    ``prompts``, ``max_seq_length``, ``get_embedding_dimension``), backed by one ONNX Runtime session."""

    def __init__(self, model_dir: Path, onnx_file: Path, max_seq_length: int, threads: int = 0) -> None:
        import onnxruntime as ort
        from transformers import AutoTokenizer

        model_dir = Path(model_dir)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads  # 0: one per physical core, as torch does
        options.log_severity_level = 3
        try:
            self.session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
            self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
        except Exception as exc:  # noqa: BLE001 - any load failure is reported the same way
            raise ModelError(
                f"Không nạp được mô hình nhúng ONNX {onnx_file}. Hãy chạy lại: bash scripts/setup.sh "
                "(hoặc đặt ASSISTANT_EMBED_BACKEND=torch).",
                f"cannot load ONNX model {onnx_file}: {exc}",
            ) from exc
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.prompts: dict[str, str] = _read_json(model_dir / "config_sentence_transformers.json").get("prompts", {})
        # As sentence-transformers: its configured length, capped by the model's positions and by ours.
        limits = [max_seq_length, _read_json(model_dir / "sentence_bert_config.json").get("max_seq_length"),
                  _read_json(model_dir / "config.json").get("max_position_embeddings")]
        self.max_seq_length = min(int(n) for n in limits if n)
        self._dimension = int(self.session.get_outputs()[0].shape[-1])

    def get_embedding_dimension(self) -> int:
        return self._dimension

    def encode(self, texts: Sequence[str], prompt: str = "", batch_size: int = 8) -> np.ndarray:
        """L2-normalized float32 vectors of ``prompt + text`` for each text, in order."""
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            batch = [prompt + text for text in texts[start : start + batch_size]]
            tokens = self.tokenizer(batch, padding=True, truncation="longest_first", max_length=self.max_seq_length,
                                    return_tensors="np")
            feed = {name: np.asarray(tokens[name], dtype=np.int64) for name in self.inputs}
            out[start : start + len(batch)] = self.session.run(None, feed)[0]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def encode_query(self, texts: Sequence[str], batch_size: int = 8, normalize_embeddings: bool = True,
                     convert_to_numpy: bool = True, show_progress_bar: bool = False) -> np.ndarray:
        """As ``SentenceTransformer.encode_query``: the model's "query" prompt (vectors are always normalized)."""
        return self.encode(texts, self.prompts.get("query", ""), batch_size)

    def encode_document(self, texts: Sequence[str], batch_size: int = 8, normalize_embeddings: bool = True,
                        convert_to_numpy: bool = True, show_progress_bar: bool = False) -> np.ndarray:
        """As ``SentenceTransformer.encode_document``: the first of the "document", "passage", "corpus" prompts."""
        prompt = next((self.prompts[k] for k in ("document", "passage", "corpus") if k in self.prompts), "")
        return self.encode(texts, prompt, batch_size)


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
