"""Which backend the embedder runs, the embedding cache key, and the index binding to backend and precision.

These tests never load a model: a backend is chosen from the export records on disk, which they write
into a temporary cache beside a small stand-in model folder (the real export is checked in
``test_onnx_real.py``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pytest
from index_helpers import run

from assistant.core import Assistant
from assistant.errors import IndexMismatchError
from assistant.index.manifest import LEGACY_EMBEDDING, check_compatible, settings_binding
from assistant.index.snapshot import current_generation
from assistant.models.embedder import TORCH, Backend, cache_key, embedding_binding, resolve_backend
from assistant.models.onnx_encoder import FP32, INT8, onnx_folder, record_path, source_fingerprint
from assistant.settings import Settings


def model_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "embeddinggemma-300m"
    folder.mkdir()
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"weights")
    return folder


def write_export(settings: Settings, model_dir: Path, name: str = FP32, verified: bool = True,
                 source: str | None = None) -> Path:
    """An export file and its record, as provisioning leaves them."""
    folder = onnx_folder(settings.cache_dir, model_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"onnx")
    record = {"source": source or source_fingerprint(model_dir), "verified": verified, "threshold": 0.9999,
              "reference": "torch fp32", "min_cosine": 0.99999 if verified else 0.5}
    record_path(folder / name).write_text(json.dumps(record), encoding="utf-8")
    return folder / name


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(model_path=model_folder(tmp_path), cache_dir=tmp_path / "cache", embed_backend="onnx")


def test_default_is_onnx_fp32() -> None:
    assert Settings().embed_backend == "onnx"


def test_verified_export_is_used(settings: Settings) -> None:
    file = write_export(settings, settings.model_path)
    assert resolve_backend(settings) == Backend("onnx", "fp32", file)
    assert embedding_binding(settings) == {"backend": "onnx", "precision": "fp32"}


def test_int8_is_opt_in(settings: Settings) -> None:
    write_export(settings, settings.model_path)
    file = write_export(settings, settings.model_path, INT8)
    assert resolve_backend(settings).precision == "fp32"
    int8 = settings.model_copy(update={"embed_backend": "onnx-int8"})
    assert resolve_backend(int8) == Backend("onnx", "int8", file)


@pytest.mark.parametrize("case", ["missing", "int8-missing", "rejected", "other-model", "asked-torch", "gpu"])
def test_falls_back_to_torch_with_a_log_line(settings: Settings, case: str, caplog: pytest.LogCaptureFixture) -> None:
    if case == "int8-missing":
        write_export(settings, settings.model_path)
        settings = settings.model_copy(update={"embed_backend": "onnx-int8"})
    elif case == "rejected":
        write_export(settings, settings.model_path, verified=False)
    elif case == "other-model":
        write_export(settings, settings.model_path, source="0" * 64)
    elif case == "asked-torch":
        write_export(settings, settings.model_path)
        settings = settings.model_copy(update={"embed_backend": "torch"})
    elif case == "gpu":
        write_export(settings, settings.model_path)
        settings = settings.model_copy(update={"device": "cuda"})
    with caplog.at_level(logging.INFO, logger="assistant.models.embedder"):
        assert resolve_backend(settings) == TORCH
    reason = {"missing": "no export", "int8-missing": "model.int8.onnx", "rejected": "failed its check", "other-model": "other model files",
              "gpu": "for the CPU"}
    if case in reason:
        assert reason[case] in caplog.text
    else:
        assert caplog.text == ""


def test_cache_key_holds_backend_and_precision() -> None:
    keys = {cache_key("m", 512, backend, "document", "Hội nghị") for backend in
            (TORCH, Backend("onnx", "fp32"), Backend("onnx", "int8"))}
    assert len(keys) == 3
    # torch fp32 keeps the key the cache had before backends, so vectors cached then stay valid
    legacy = hashlib.sha256("\x00".join(["m", "512", "document", "Hội nghị"]).encode()).hexdigest()
    assert cache_key("m", 512, TORCH, "document", "Hội nghị") == legacy
    assert cache_key("m", 512, TORCH, "query", "Hội nghị") != legacy


def test_legacy_manifest_is_torch_fp32() -> None:
    wanted = settings_binding("m", LEGACY_EMBEDDING, 800, 1)
    stored = {k: v for k, v in wanted.items() if k != "embedding"}  # written before the key existed
    check_compatible(stored, wanted)
    with pytest.raises(IndexMismatchError, match="embedding"):
        check_compatible(stored, settings_binding("m", {"backend": "onnx", "precision": "fp32"}, 800, 1))


def test_index_of_another_backend_is_reported_as_a_model_change(tmp_path: Path, docs: Path, settings: Settings,
                                                                  fake_embedder) -> None:
    home = tmp_path / "home"
    torch_settings = settings.model_copy(update={"embed_backend": "torch"})
    run(home, [docs], fake_embedder, torch_settings)
    manifest = json.loads((current_generation(home) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["embedding"] == {"backend": "torch", "precision": "fp32"}
    assert Assistant(torch_settings, embedder=fake_embedder, home=home).search("KCN", mode="keyword")

    write_export(settings, settings.model_path)
    with pytest.raises(IndexMismatchError) as backend_change:
        Assistant(settings, embedder=fake_embedder, home=home).search("KCN", mode="keyword")
    with pytest.raises(IndexMismatchError) as model_change:
        Assistant(torch_settings.model_copy(update={"model": "other/model"}), embedder=fake_embedder,
                  home=home).search("KCN", mode="keyword")
    backend_msg, model_msg = str(backend_change.value), str(model_change.value)
    assert "embedding: {'backend': 'torch', 'precision': 'fp32'} ≠ {'backend': 'onnx', 'precision': 'fp32'}" in backend_msg
    assert "model: " in model_msg
    # the same message around the difference, and the same advice
    assert backend_msg.split(":")[0] == model_msg.split(":")[0]
    assert backend_msg.endswith("assistant ingest --rebuild") and model_msg.endswith("assistant ingest --rebuild")
    # an ingest with the other backend refuses too, unless asked to rebuild
    with pytest.raises(IndexMismatchError, match="embedding"):
        run(home, [docs], fake_embedder, settings)
    run(home, [docs], fake_embedder, settings, rebuild=True)
    assert Assistant(settings, embedder=fake_embedder, home=home).search("KCN", mode="keyword")
