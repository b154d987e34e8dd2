"""Converters: a file on disk -> :class:`RawDocument` (text with page boundaries, OCR pages, notes).

One converter a file type; :func:`convert` picks one by extension, repairs lines of legacy Vietnamese
encodings pasted into Unicode (TCVN3, VNI, VISCII; :mod:`.encoding`) and turns every failure into a
:class:`~assistant.errors.DocumentError` whose message says, in Vietnamese, what is wrong.

Example:
    >>> from pathlib import Path
    >>> convert(Path("corpus/000_3d55e78805e88411.txt")).text[:9]   # doctest: +SKIP
    'Hội nghị '
"""

from __future__ import annotations

from pathlib import Path

from assistant.converters.base import ConvertOptions, RawDocument
from assistant.converters.doc import convert_doc
from assistant.converters.docx import convert_docx
from assistant.converters.encoding import note_for, repair_mojibake
from assistant.converters.html import convert_html
from assistant.converters.image import convert_image
from assistant.converters.pdf import convert_pdf
from assistant.converters.text import convert_text
from assistant.converters.xlsx import convert_xlsx
from assistant.errors import AssistantError, DocumentError

CONVERTERS = {
    ".txt": convert_text,
    ".md": convert_text,
    ".pdf": convert_pdf,
    ".docx": convert_docx,
    ".doc": convert_doc,
    ".xlsx": convert_xlsx,
    ".html": convert_html,
    ".htm": convert_html,
    ".png": convert_image,
    ".jpg": convert_image,
    ".jpeg": convert_image,
    ".tif": convert_image,
    ".tiff": convert_image,
}
SUPPORTED = tuple(sorted(CONVERTERS))
KINDS_VI = "PDF, DOCX, DOC, XLSX, TXT, MD, HTML và ảnh PNG/JPEG/TIFF"


def _repair(doc: RawDocument) -> RawDocument:
    """Repair mojibake page by page, so page starts stay right when a line's length changes."""
    starts = doc.page_starts or [0]
    bounds = list(zip(starts, starts[1:] + [len(doc.text)], strict=True))
    pages, found = [], None
    for start, end in bounds:
        text, encoding = repair_mojibake(doc.text[start:end])
        pages.append(text)
        found = found or encoding
    if found is None:
        return doc
    starts = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page)
    note = note_for(found)
    notes = doc.notes + ([note] if note and note not in doc.notes else [])
    return RawDocument("".join(pages), starts if doc.page_starts else [], doc.ocr_pages, notes)


def _mb(size: float) -> str:
    return f"{size / 1e6:.1f}".replace(".", ",") + " MB"


def check_size(size: int, max_mb: float) -> None:
    """Refuse a file of ``size`` bytes over ``max_mb`` megabytes, before it is read."""
    if size > max_mb * 1e6:
        raise DocumentError(f"Tệp quá lớn ({_mb(size)}); giới hạn là {_mb(max_mb * 1e6)} mỗi tệp "
                            "(ASSISTANT_MAX_FILE_MB).", f"file of {size} bytes over the {max_mb} MB limit")


def convert(path: Path, options: ConvertOptions | None = None) -> RawDocument:
    """Read ``path`` into a :class:`RawDocument`; raise :class:`DocumentError` with the reason."""
    converter = CONVERTERS.get(path.suffix.lower())
    if converter is None:
        raise DocumentError(
            f"Loại tệp không được hỗ trợ ({path.suffix or 'không có đuôi'}); chỉ nhận {', '.join(SUPPORTED)}.",
            f"unsupported file type {path.suffix!r}",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError("Không đọc được tệp.", f"cannot read file: {exc}") from exc
    if not data.strip():
        raise DocumentError("Tệp rỗng.", "empty file")
    try:
        doc = _repair(converter(data, options or ConvertOptions()))
    except AssistantError:  # a reason already, or a cancelled ingest (raised by the progress callback)
        raise
    except Exception as exc:  # noqa: BLE001 - library errors become one readable reason
        raise DocumentError("Tệp bị hỏng hoặc không đúng định dạng.", f"corrupt file: {exc!r}") from exc
    if not doc.text.strip():
        raise DocumentError("Tệp không có nội dung văn bản.", "no extractable text")
    return doc


__all__ = ["ConvertOptions", "RawDocument", "check_size", "convert", "SUPPORTED", "KINDS_VI"]
