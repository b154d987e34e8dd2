"""Word documents with python-docx: paragraphs and table cells, in order."""

from __future__ import annotations

import io

from docx import Document

from assistant.converters.base import RawDocument


def convert_docx(data: bytes) -> RawDocument:
    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    return RawDocument("\n\n".join(line for line in lines if line.strip()))
