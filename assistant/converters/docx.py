"""Word documents with python-docx: paragraphs and table cells, in order."""

from __future__ import annotations

import io

from docx import Document
from docx.table import Table

from assistant.converters.base import ConvertOptions, RawDocument


def convert_docx(data: bytes, options: ConvertOptions | None = None) -> RawDocument:
    doc = Document(io.BytesIO(data))
    lines = []
    # Body paragraphs and tables in document order (a table stays between the paragraphs around it).
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                lines.append(" | ".join(cell.text.strip() for cell in row.cells))
        else:
            lines.append(block.text)
    return RawDocument("\n\n".join(line for line in lines if line.strip()))
