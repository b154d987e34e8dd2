"""Sentence-aware, structure-aware chunking with exact character spans.

Chunks are runs of whole sentences up to ``size`` characters, the next chunk starting with the
last ``overlap`` sentence(s) of the previous one. Legal headings (Chương / Mục / Điều) always start
a chunk and are carried in its ``context``, so "Điều 5" is searchable from any of its chunks. Each
chunk is a contiguous slice of the cleaned text: ``text[chunk.start:chunk.end] == chunk.text``.

Example:
    >>> chunks = chunk_text("Điều 1. Phạm vi.\\nNội dung một. Nội dung hai.", size=30)
    >>> [(c.text, c.context) for c in chunks]
    [('Điều 1. Phạm vi.\\nNội dung một.', 'Điều 1. Phạm vi.'), ('Nội dung một. Nội dung hai.', 'Điều 1. Phạm vi.')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from assistant.preprocessors.sentences import split_sentences

_HEADING = re.compile(r"^\s*(chương|mục|điều|phần)\s+([0-9]+|[IVXLCDM]+)\b[.:]?", re.IGNORECASE)
_LEVEL = {"phần": 0, "chương": 1, "mục": 2, "điều": 3}
_BREAKS = ("; ", ", ", " ")


@dataclass
class Chunk:
    start: int
    end: int
    text: str
    context: str = ""
    page: int | None = None


def _split_long(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """Break a sentence longer than ``size`` at "; ", then ", ", then a space."""
    pieces = []
    while end - start > size:
        window = text[start : start + size]
        cut = -1
        for sep in _BREAKS:
            cut = window.rfind(sep, size // 2)
            if cut > 0:
                cut += len(sep.rstrip())
                break
        if cut <= 0:
            cut = size
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def chunk_text(text: str, size: int = 800, overlap: int = 1, page_starts: list[int] | None = None) -> list[Chunk]:
    """Chunks of ``text`` (already cleaned); ``page_starts`` gives 1-based pages to each chunk."""
    sentences: list[tuple[int, int]] = []
    for s, e in split_sentences(text):
        sentences.extend(_split_long(text, s, e, size))
    headings: dict[int, str] = {}
    chunks: list[Chunk] = []
    current: list[tuple[int, int]] = []
    carried = 0
    context = ""

    def emit() -> None:
        if len(current) > carried:
            s, e = current[0][0], current[-1][1]
            page = bisect.bisect_right(page_starts, s) if page_starts else None
            chunks.append(Chunk(s, e, text[s:e], context, page))

    for s, e in sentences:
        line_start = text.rfind("\n", 0, s) + 1
        heading = _HEADING.match(text[s:e]) if s == line_start else None
        if heading:
            emit()
            level = _LEVEL[heading.group(1).lower()]
            headings = {k: v for k, v in headings.items() if k < level}
            headings[level] = text[s:e][:160]
            context = " > ".join(headings[k] for k in sorted(headings))
            current, carried = [], 0
        elif current and e - current[0][0] > size:
            emit()
            current = current[-overlap:] if overlap and len(current) > carried else []
            if current and e - current[0][0] > size:
                current = []
            carried = len(current)
        current.append((s, e))
    emit()
    return chunks
