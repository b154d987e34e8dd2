"""PDF with pypdf, keeping page boundaries so citations can name a page.

Encrypted PDFs that open without a password (an owner password only, RC4 or AES: the ``cryptography``
package reads AES) are read like any other; one that needs a password to open gets a message. Pages
without a text layer but with images (scans, with stamps and signatures) are read by OCR.
"""

from __future__ import annotations

import io

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from assistant.converters.base import ConvertOptions, RawDocument
from assistant.converters.ocr import ocr_image, pdf_page_images, tesseract
from assistant.errors import DocumentError

PASSWORD_VI = ("Tệp PDF được mã hóa bằng mật khẩu. Hãy mở tệp bằng mật khẩu, lưu một bản không có mật khẩu "
               "rồi tải lên lại.")
MIN_LETTERS = 30  # a page with fewer letters in its text layer (a page number, a stamp) is read by OCR


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _open(data: bytes) -> PdfReader:
    reader = PdfReader(io.BytesIO(data))
    if not reader.is_encrypted:
        return reader
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        raise DocumentError("Tệp PDF được mã hóa AES nhưng máy chưa cài thư viện cryptography "
                            "(pip install cryptography).", f"AES-encrypted PDF needs cryptography: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - any failure to decrypt is a password problem to the user
        raise DocumentError(PASSWORD_VI, f"encrypted PDF: {exc!r}") from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise DocumentError(PASSWORD_VI, "encrypted PDF: a user password is needed to open it")
    return reader


def _page_text(page) -> str:
    try:
        return (page.extract_text() or "").strip()
    except Exception:  # noqa: BLE001 - a page whose fonts pypdf cannot read still has its images
        return ""


def _has_images(page) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # noqa: BLE001
        return False


def _ocr(data: bytes, reader: PdfReader, scanned: list[int], options: ConvertOptions) -> dict[int, str]:
    """OCR text of each scanned page (0-based numbers)."""
    if len(scanned) > options.ocr_max_pages:
        raise DocumentError(
            f"Tệp có {len(scanned)} trang ảnh quét cần nhận dạng chữ, vượt giới hạn {options.ocr_max_pages} trang "
            "(ASSISTANT_OCR_MAX_PAGES).", f"{len(scanned)} pages need OCR, limit {options.ocr_max_pages}")
    tesseract(options.ocr_languages)  # a clear message before any page is rendered
    stage = f"Nhận dạng chữ (OCR) — {options.label}" if options.label else "Nhận dạng chữ (OCR)"
    found: dict[int, str] = {}
    for done, (number, image) in enumerate(zip(scanned, pdf_page_images(data, reader, scanned), strict=True)):
        if options.progress:
            options.progress(stage, done, len(scanned))
        found[number] = ocr_image(image, options.ocr_languages).strip() if image else ""
    if options.progress:
        options.progress(stage, len(scanned), len(scanned))
    return found


def convert_pdf(data: bytes, options: ConvertOptions | None = None) -> RawDocument:
    options = options or ConvertOptions()
    reader = _open(data)
    texts = [_page_text(page) for page in reader.pages]
    scanned = [i for i, (page, text) in enumerate(zip(reader.pages, texts, strict=True))
               if _letters(text) < MIN_LETTERS and _has_images(page)]
    ocr_pages: list[int] = []
    for number, text in (_ocr(data, reader, scanned, options) if scanned else {}).items():
        if _letters(text) > _letters(texts[number]):
            texts[number] = text
            ocr_pages.append(number + 1)
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        parts.append(text + "\n\n")
        offset += len(text) + 2
    notes = []
    if ocr_pages:
        pages = ", ".join(map(str, ocr_pages))
        notes.append(f"Trang {pages} là ảnh quét, đã nhận dạng chữ (OCR); có thể có lỗi nhận dạng.")
    elif scanned and not any(texts):
        raise DocumentError("Tệp là ảnh quét nhưng không nhận dạng được chữ nào.", "OCR found no text")
    return RawDocument("".join(parts), starts, ocr_pages, notes)
