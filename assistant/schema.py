"""The types that cross module boundaries: a retrieved :class:`Passage`, a :class:`Citation` of
it, and the :class:`Answer` built from them.

Retrieval returns passages, the answerers cite them, the CLI, evaluation and web app read them:
one shape from the index to the screen, so no layer re-declares another's fields.

Example:
    >>> p = Passage(rank=1, score=0.5, chunk_id="d-0001", doc_id="d", source="a.txt", title="T",
    ...             date=None, page=None, start=100, end=120, text="Ngày 26/04/2019 tại Đà Lạt")
    >>> c = Citation(n=1, passage=p, start=116, end=126, quote=p.text[16:26])
    >>> c.quote, c.source
    ('tại Đà Lạt', 'a.txt')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

NO_ANSWER = "Không tìm thấy thông tin này trong tài liệu."
REPHRASE = ("Tin nhắn này chưa phải là một câu hỏi. Xin hãy hỏi bằng lời, ví dụ: "
            "“Hội nghị sơ kết năm 2019 được tổ chức ở đâu?”")
NOT_ASKED = ("Tin nhắn chưa nêu điều cần hỏi về chủ đề này. Các đoạn có thể liên quan ở bên dưới; xin hãy hỏi cụ "
             "thể, ví dụ: “Hội nghị sơ kết năm 2019 được tổ chức ở đâu?”")
NO_SUMMARY = ("Chế độ trích dẫn không tự viết bản tóm tắt, chỉ trích nguyên văn. Các đoạn liên quan nhất ở bên dưới; "
              "xin hãy hỏi một điều cụ thể, ví dụ: “Hội nghị sơ kết năm 2019 được tổ chức ở đâu?”")
PASSAGE_KEYS = ("rank", "score", "chunk_id", "doc_id", "source", "title", "date", "page", "start", "end", "text")
CITATION_KEYS = ("n", "chunk_id", "source", "title", "date", "page", "start", "end", "text", "quote")
ANSWER_KEYS = ("question", "short_answer", "answer", "answerable", "citations", "mode", "timings_ms")

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: how far a long step is. The CLI draws it with tqdm, the web app
in its banner; library code only calls it. ``stage`` is a key of :data:`STAGES`."""
STAGES = {"read": "Đọc tài liệu", "embed": "Nhúng đoạn văn", "keyword": "Chỉ mục từ khóa", "write": "Ghi chỉ mục"}


@dataclass
class Passage:
    """One retrieved chunk of a document; ``start``/``end`` locate ``text`` in the document's cleaned text.

    ``context`` holds the document title and headings the chunk was embedded with, ``row`` its
    position in the index, ``scores`` each retriever's rank and score before fusion, ``ocr`` whether
    its text was recognized from a scan.
    """

    rank: int
    score: float
    chunk_id: str
    doc_id: str
    source: str
    title: str
    date: str | None
    page: int | None
    start: int
    end: int
    text: str
    context: str = ""
    row: int = -1
    scores: dict = field(default_factory=dict)
    ocr: bool = False  # read from a scan by OCR: recognition errors are possible
    lead: str = ""  # its document's opening sentences: what the document reports, and for which years

    def to_dict(self) -> dict:
        """The ``search --json`` keys."""
        return {key: getattr(self, key) for key in PASSAGE_KEYS}


@dataclass
class Citation:
    """``[n]`` in an answer: a :class:`Passage` and the exact span of it that is quoted.

    ``start``/``end`` locate ``quote`` in the document's cleaned text, so the quote sits at
    ``passage.text[start - passage.start:end - passage.start]``.
    """

    n: int
    passage: Passage
    start: int
    end: int
    quote: str
    supported: bool = True

    @property
    def chunk_id(self) -> str:
        return self.passage.chunk_id

    @property
    def source(self) -> str:
        return self.passage.source

    @property
    def title(self) -> str:
        return self.passage.title

    @property
    def date(self) -> str | None:
        return self.passage.date

    @property
    def page(self) -> int | None:
        return self.passage.page

    @property
    def text(self) -> str:
        return self.passage.text

    @property
    def passage_start(self) -> int:
        return self.passage.start

    def to_dict(self) -> dict:
        return {key: getattr(self, key) for key in CITATION_KEYS}


@dataclass
class Answer:
    """What the user is told: the text, whether the documents answer at all, and its citations.

    ``short`` is the phrase that answers (a name with its post, a date, a number with its unit ...),
    a verbatim span of one cited passage, shown first; ``answer`` holds the supporting quotes with
    ``[n]``. When abstaining, ``related`` holds the closest passages, offered as possibly related only.
    """

    question: str
    answer: str
    answerable: bool
    citations: list[Citation] = field(default_factory=list)
    short: Citation | None = None
    mode: str = "extractive"
    timings_ms: dict[str, float] = field(default_factory=dict)
    standalone_question: str = ""
    related: list[Passage] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)  # what the answerer read
    confidence: float = 0.0
    # LLM mode (README § LLM mode): the model's own text, the sentences and markers removed with the
    # reason, a notice when the model failed and the extractive answer stands in, token counts and speed.
    raw_answer: str = ""
    dropped: list[dict] = field(default_factory=list)
    notice: str = ""
    usage: dict = field(default_factory=dict)

    @property
    def short_answer(self) -> str:
        return self.short.quote if self.short else ""

    def to_dict(self) -> dict:
        out = {key: getattr(self, key) for key in ANSWER_KEYS}
        out["citations"] = [c.to_dict() for c in self.citations]
        out["short_answer_span"] = (
            {"n": self.short.n, "start": self.short.start, "end": self.short.end} if self.short else None)
        out["standalone_question"] = self.standalone_question
        if self.mode == "llm":
            out.update(raw_answer=self.raw_answer, dropped=self.dropped, notice=self.notice, usage=self.usage)
        return out
