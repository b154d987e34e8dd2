"""Plain text and Markdown, in any encoding a Vietnamese office has used (see :mod:`.encoding`)."""

from __future__ import annotations

from assistant.converters.base import ConvertOptions, RawDocument
from assistant.converters.encoding import check_language, note_for
from assistant.converters.encoding import decode as decode_with_name


def decode(data: bytes) -> str:
    """The text of ``data`` (BOMs, UTF-16/32 without BOM, UTF-8, Windows-1258, TCVN3, VNI, VISCII)."""
    return decode_with_name(data)[0]


def convert_text(data: bytes, options: ConvertOptions | None = None) -> RawDocument:
    text, encoding = decode_with_name(data)
    check_language(text)
    note = note_for(encoding)
    return RawDocument(text, notes=[note] if note else [])
