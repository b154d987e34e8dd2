"""Converters: a file on disk -> :class:`RawDocument` (text with page boundaries).

One converter a file type; :func:`convert` picks one by extension and turns every failure into a
:class:`~assistant.errors.DocumentError` whose message says, in Vietnamese, what is wrong.

Example:
    >>> from pathlib import Path
    >>> convert(Path("corpus/000_3d55e78805e88411.txt")).text[:9]   # doctest: +SKIP
    'Hội nghị '
"""

from __future__ import annotations

from pathlib import Path

from assistant.converters.base import RawDocument
from assistant.converters.docx import convert_docx
from assistant.converters.html import convert_html
from assistant.converters.pdf import convert_pdf
from assistant.converters.text import convert_text
from assistant.errors import DocumentError

CONVERTERS = {
    ".txt": convert_text,
    ".md": convert_text,
    ".pdf": convert_pdf,
    ".docx": convert_docx,
    ".html": convert_html,
    ".htm": convert_html,
}
SUPPORTED = tuple(sorted(CONVERTERS))


def convert(path: Path) -> RawDocument:
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
        doc = converter(data)
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - library errors become one readable reason
        raise DocumentError("Tệp bị hỏng hoặc không đúng định dạng.", f"corrupt file: {exc!r}") from exc
    if not doc.text.strip():
        raise DocumentError("Tệp không có nội dung văn bản (có thể là ảnh quét).", "no extractable text")
    return doc


__all__ = ["RawDocument", "convert", "SUPPORTED"]
