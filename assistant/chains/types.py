"""What an answer is: the text, whether the documents answer at all, and checkable citations."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.index.retriever import SearchResult

NO_ANSWER = "Không tìm thấy thông tin này trong tài liệu."
ANSWER_KEYS = ("question", "answer", "answerable", "citations", "mode", "timings_ms")
CITATION_KEYS = ("n", "chunk_id", "source", "title", "date", "page", "start", "end", "text", "quote")


@dataclass
class Citation:
    """``[n]`` in an answer: the passage (``text``) and the exact quoted span of the document.

    ``start``/``end`` locate ``quote`` in the document's cleaned text; ``passage_start`` is where
    ``text`` starts there, so the quote sits at ``text[start - passage_start:end - passage_start]``.
    """

    n: int
    chunk_id: str
    source: str
    title: str
    date: str | None
    page: int | None
    start: int
    end: int
    text: str
    quote: str
    passage_start: int = 0
    supported: bool = True

    def to_dict(self) -> dict:
        return {key: getattr(self, key) for key in CITATION_KEYS}


@dataclass
class Answer:
    question: str
    answer: str
    answerable: bool
    citations: list[Citation] = field(default_factory=list)
    mode: str = "extractive"
    timings_ms: dict[str, float] = field(default_factory=dict)
    standalone_question: str = ""
    related: list[SearchResult] = field(default_factory=list)  # offered when abstaining
    passages: list[SearchResult] = field(default_factory=list)  # what the answerer read
    confidence: float = 0.0

    def to_dict(self) -> dict:
        out = {key: getattr(self, key) for key in ANSWER_KEYS}
        out["citations"] = [c.to_dict() for c in self.citations]
        return out
