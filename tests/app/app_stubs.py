"""The web app tests' stand-in :class:`~assistant.core.Assistant` for the web app's handlers: no model, no index.

It answers through the real contract (``ask_stream`` yields text deltas, then an
:class:`~assistant.schema.Answer` of real :class:`Passage`/:class:`Citation` objects), reports ingest
progress through the callback, and records what it was asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

from assistant.index.store import DocumentRecord
from assistant.ingest import IngestReport
from assistant.schema import NO_ANSWER, Answer, Citation, Passage

PASSAGE = "Ngày 06/11/2012, Phó Trưởng ban Lâm Văn Tiếp đã chủ trì buổi làm việc. Tham dự còn có ông B."
QUOTE = "Ngày 06/11/2012, Phó Trưởng ban Lâm Văn Tiếp đã chủ trì buổi làm việc."
SHORT = "Phó Trưởng ban Lâm Văn Tiếp"
LLM_NOTICE = "Mô hình ngôn ngữ không trả lời được; dưới đây là câu trả lời trích nguyên văn."
OFFSET = 1000
DOC_TEXT = ("Lời mở đầu của biên bản. " * 60)[:OFFSET] + PASSAGE


def make_passage(text: str = PASSAGE, start: int = OFFSET, rank: int = 1, doc_id: str = "abc",
                 source: str = "002.txt", title: str = "Sơ kết", date: str | None = "2012-11-06") -> Passage:
    return Passage(rank, 0.5, f"{doc_id}-0001", doc_id, source, title, date, None, start, start + len(text), text)


def make_citation(quote: str = QUOTE, n: int = 1, passage: Passage | None = None) -> Citation:
    passage = passage or make_passage()
    start = passage.start + passage.text.index(quote)
    return Citation(n, passage, start, start + len(quote), quote)


class StubBot:
    """Just what the handlers use; ``progress_seen`` holds the runtime status heard mid-ingest."""

    def __init__(self) -> None:
        self.histories: list = []
        self.searches: list[dict] = []
        self.ingested: list[tuple[list, bool]] = []
        self.deleted: list[str] = []
        self.progress_seen: list[dict] = []
        self.status_probe: Callable[[], dict] | None = None
        self.embedder = SimpleNamespace(model="loaded")
        self.has_index = True
        self.doc = DocumentRecord(path="/corpus/002.txt", doc_id="abc", source="002.txt", root="/corpus",
                                  title="Sơ kết", date="2012-11-06", dates=[], unit=None, text=DOC_TEXT, n_chunks=2,
                                  added_at="2024-01-02T03:04:05+00:00")

    def info(self) -> dict:
        return {"documents": 1, "chunks": 2}

    def documents(self) -> list[DocumentRecord]:
        return [self.doc]

    def document(self, key: str) -> DocumentRecord | None:
        return self.doc if key in ("abc", "002.txt") else None

    def search(self, query: str, k: int = 5, since=None, until=None, sources=None) -> list[Passage]:
        self.searches.append({"query": query, "k": k, "since": since, "until": until, "sources": sources})
        return [make_passage()]

    def ask_stream(self, question: str, history=None) -> Iterator[str | Answer]:
        self.histories.append(history)
        if "vàng" in question:
            yield NO_ANSWER
            related = make_passage(title="Sơ kết <2012>")
            yield Answer(question, NO_ANSWER, False, related=[related])
            return
        text = f"{QUOTE} [1]"
        yield text[:20]
        yield text[20:]
        passage = make_passage()
        notice = LLM_NOTICE if "mô hình" in question else ""  # what the LLM chain does when its model fails
        yield Answer(question, f"⚠ {notice}\n\n{text}" if notice else text, True,
                     citations=[make_citation(passage=passage)], short=make_citation(SHORT, passage=passage),
                     notice=notice, mode="llm" if notice else "extractive")

    def ingest(self, paths, rebuild: bool = False, progress=None) -> IngestReport:
        self.ingested.append((list(paths), rebuild))
        if progress:
            progress("read", 2, 2)
            progress("embed", 3, 10)
            if self.status_probe:
                self.progress_seen.append(self.status_probe())
        names = [Path(p).name for p in paths]
        failed = [(n, "Tệp bị hỏng hoặc không đúng định dạng.") for n in names if n.endswith(".pdf")]
        return IngestReport(added=[n for n in names if not n.endswith(".pdf")], failed=failed, seconds=0.5)

    def delete(self, key: str) -> IngestReport:
        self.deleted.append(key)
        return IngestReport(removed=[key]) if key == "002.txt" else IngestReport(failed=[(key, "Không có tài liệu.")])
