"""Excel workbooks (.xlsx) with openpyxl: each sheet's name, then its rows as "cell | cell | cell"."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from assistant.converters.base import ConvertOptions, RawDocument


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def convert_xlsx(data: bytes, options: ConvertOptions | None = None) -> RawDocument:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    blocks = []
    try:
        for sheet in book.worksheets:
            rows = []
            for row in sheet.iter_rows(values_only=True):
                cells = [_cell(v) for v in row]
                if any(cells):
                    rows.append(" | ".join(cells).strip(" |"))
            if rows:
                blocks.append("\n".join([sheet.title, *rows]))
    finally:
        book.close()
    return RawDocument("\n\n".join(blocks))
