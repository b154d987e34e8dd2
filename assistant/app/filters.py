"""The chat's filters (documents, years) and a retriever that applies them, so the answer chain needs none."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.schema import Passage


@dataclass(frozen=True)
class ChatFilters:
    """What the chat may read: documents by source name, and years of their event dates (inclusive)."""

    sources: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None

    def __bool__(self) -> bool:
        return bool(self.sources) or self.since is not None or self.until is not None

    def describe(self) -> str:
        """The filters in Vietnamese, for the notice under an answer ("" when there are none)."""
        parts = []
        if self.sources:
            parts.append(f"{len(self.sources)} tài liệu đã chọn")
        if self.since is not None and self.until is not None:
            parts.append(f"năm {self.since}–{self.until}")
        elif self.since is not None:
            parts.append(f"từ năm {self.since}")
        elif self.until is not None:
            parts.append(f"đến năm {self.until}")
        return "Chỉ tìm trong: " + ", ".join(parts) + "." if parts else ""


@dataclass
class FilteredRetriever:
    """A retriever with the chat's filters fixed: :class:`AnswerChain` calls ``run(query, k)`` and the
    index applies ``since``/``until``/``sources`` (the chain itself takes no filters)."""

    retriever: Any
    filters: ChatFilters

    def run(self, query: str, k: int = 5) -> list[Passage]:
        f = self.filters
        return self.retriever.run(query, k=k, since=f.since, until=f.until, sources=list(f.sources) or None)

    def edges(self, passage: Passage) -> list[Passage]:
        return self.retriever.edges(passage)
