"""The converters' output type and the options some of them take."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.schema import Progress


@dataclass
class RawDocument:
    """Text as extracted, where each page starts in it (empty for unpaged formats), the pages read by
    OCR (1-based) and notes for the user ("Đã chuyển từ bảng mã TCVN3 (ABC) sang Unicode.")."""

    text: str
    page_starts: list[int] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ConvertOptions:
    """OCR languages (Tesseract codes, ``vie`` or ``vie+eng``), the most pages OCR may read in one
    file, and a progress callback that hears ``(stage, page, pages)`` while pages are OCR'd."""

    ocr_languages: str = "vie"
    ocr_max_pages: int = 200
    progress: Progress | None = None
    label: str = ""
