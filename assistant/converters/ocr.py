"""Optical character recognition with Tesseract (Debian ``tesseract-ocr`` and ``tesseract-ocr-vie``).

Scanned letters with stamps are images: :func:`ocr_image` reads an image's text; :func:`pdf_page_images`
renders PDF pages to images (``pdftoppm`` from Debian ``poppler-utils`` when installed, else the
page's own embedded images through pypdf).

Example:
    >>> ocr_image(Path("cong-van.png").read_bytes(), "vie")[:40]      # doctest: +SKIP
    'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\\nBAN QUẢN LÝ'
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from assistant.errors import DocumentError

OCR_TIMEOUT_S = 300
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"


@functools.cache
def _languages(exe: str) -> frozenset[str]:
    done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    return frozenset(line.strip() for line in done.stdout.splitlines()[1:] if line.strip())


def tesseract(languages: str) -> str:
    """The Tesseract program, checked to have ``languages`` (``vie``, ``vie+eng``); else a DocumentError."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise DocumentError(f"Tệp là ảnh quét nhưng máy chưa cài phần mềm nhận dạng chữ Tesseract ({INSTALL_HINT}).",
                            "tesseract is not installed")
    missing = [lang for lang in languages.split("+") if lang not in _languages(exe)]
    if missing:
        raise DocumentError(f"Máy chưa có dữ liệu nhận dạng chữ cho ngôn ngữ {', '.join(missing)} ({INSTALL_HINT}).",
                            f"tesseract language data missing: {missing}")
    return exe


def ocr_image(data: bytes, languages: str = "vie") -> str:
    """The text Tesseract reads in an image (PNG, JPEG, TIFF ... as bytes)."""
    exe = tesseract(languages)
    try:
        done = subprocess.run([exe, "stdin", "stdout", "-l", languages], input=data, capture_output=True,
                              timeout=OCR_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise DocumentError("Nhận dạng chữ trong ảnh quá lâu, đã dừng.", "tesseract timed out") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()[-300:]
        raise DocumentError("Không đọc được ảnh (tệp ảnh hỏng hoặc định dạng không hỗ trợ).",
                            f"tesseract failed: {detail}")
    return done.stdout.decode("utf-8", "replace")


def pdf_page_images(data: bytes, reader, pages: list[int]) -> Iterator[bytes]:
    """One PNG per page number (0-based) in ``pages``: rendered at 300 dpi by pdftoppm when installed,
    else the page's largest embedded image."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        for number in pages:
            yield _largest_image(reader.pages[number])
        return
    with tempfile.TemporaryDirectory(prefix="assistant-ocr-") as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(data)
        for number in pages:
            out = Path(tmp) / f"page-{number}"
            done = subprocess.run([exe, "-r", "300", "-gray", "-f", str(number + 1), "-l", str(number + 1), "-png",
                                   "-singlefile", str(source), str(out)], capture_output=True, timeout=OCR_TIMEOUT_S)
            png = out.with_suffix(".png")
            if done.returncode != 0 or not png.is_file():
                yield _largest_image(reader.pages[number])
                continue
            yield png.read_bytes()
            png.unlink()


def _largest_image(page) -> bytes:
    images = list(page.images)
    if not images:
        return b""
    best = max(images, key=lambda image: image.image.width * image.image.height if image.image else 0)
    buffer = io.BytesIO()
    best.image.save(buffer, format="PNG")
    return buffer.getvalue()
