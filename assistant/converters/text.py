"""Plain text and Markdown."""

from __future__ import annotations

from assistant.converters.base import RawDocument
from assistant.errors import DocumentError


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), then UTF-16 with BOM, then Windows-1258 (Vietnamese)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DocumentError("Tệp nhị phân, không phải văn bản.", "binary data in a text file")
    return data.decode("cp1258", errors="replace")


def convert_text(data: bytes) -> RawDocument:
    return RawDocument(decode(data))
