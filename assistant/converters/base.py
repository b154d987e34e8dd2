"""The converters' output type."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """Text as extracted, and where each page starts in it (empty for unpaged formats)."""

    text: str
    page_starts: list[int] = field(default_factory=list)
