"""PDF with pypdf, keeping page boundaries so citations can name a page."""

from __future__ import annotations

import io

from pypdf import PdfReader

from assistant.converters.base import RawDocument
from assistant.errors import DocumentError


def convert_pdf(data: bytes) -> RawDocument:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                raise DocumentError("Tệp PDF được mã hóa bằng mật khẩu.", "encrypted PDF")
        except DocumentError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise DocumentError("Tệp PDF được mã hóa bằng mật khẩu.", f"encrypted PDF: {exc}") from exc
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for page in reader.pages:
        starts.append(offset)
        text = (page.extract_text() or "").strip() + "\n\n"
        parts.append(text)
        offset += len(text)
    return RawDocument("".join(parts), starts)
