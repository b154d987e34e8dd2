"""Hybrid retrieval: dense and keyword (BM25) hits fused by reciprocal rank, from the generation's search store.

One retriever serves one index generation; :class:`~assistant.core.Assistant` builds a new one when
an ingest makes another generation live. ``mode`` fixes how it searches unless a call says otherwise.

Example:
    >>> retriever = HybridRetriever(snapshot, embedder, Settings())           # doctest: +SKIP
    >>> retriever.run("hoi nghi tong ket 2019", k=3)[0].source                # doctest: +SKIP
    '004_6d3412d8dd45478c.txt'
"""

from __future__ import annotations

from assistant.index.search_store import Filters
from assistant.index.snapshot import IndexSnapshot
from assistant.models.embedder import Embedder
from assistant.preprocessors.sentences import split_sentences
from assistant.schema import Passage
from assistant.settings import Settings

MODES = ("hybrid", "dense", "keyword")
LEAD_SENTENCES = 2  # a headline and its dateline sentence say what a news item or report is about
MIN_LEAD_CHARS = 40

class HybridRetriever:
    """Search one :class:`IndexSnapshot`; the embedder loads its model only when a dense search needs it."""

    def __init__(self, snapshot: IndexSnapshot, embedder: Embedder, settings: Settings, mode: str = "hybrid") -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self.snapshot = snapshot
        self.embedder = embedder
        self.settings = settings
        self.mode = mode
        self._leads: dict[str, str] = {}  # path -> opening; a generation's documents do not change

    def run(self, query: str, k: int = 5, mode: str | None = None, since: int | None = None,
            until: int | None = None, sources: list[str] | None = None) -> list[Passage]:
        """The ``k`` best passages for ``query``; ``since``/``until`` are years of the documents' event dates."""
        mode = mode or self.mode
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        if not query.strip() or k <= 0:
            return []
        snap = self.snapshot
        filters = Filters(since, until, tuple(sources or ()))
        n = max(self.settings.candidates, k)
        dense: tuple[list[int], list[float]] = ([], [])
        keyword: tuple[list[int], list[float]] = ([], [])
        if mode == "keyword":
            keyword = snap.search.keyword(query, n, filters)
            ranked = list(zip(keyword[0][:k], keyword[1][:k], strict=True))
        else:
            # The model reads "hoi nghi" and "hội nghị" as different words: restore accents first.
            vector = self.embedder.encode_queries([snap.restorer.restore(query)])[0]
            if mode == "dense":
                dense = snap.search.dense(vector, n, filters)
                ranked = list(zip(dense[0][:k], dense[1][:k], strict=True))
            else:
                s = self.settings
                found = snap.search.hybrid(query, vector, k, filters, n, s.rrf_k, s.dense_weight, s.keyword_weight)
                ranked, dense, keyword = found.ranked, found.dense, found.keyword
        scores: dict[int, dict] = {}
        for name, (rows, values) in (("dense", dense), ("keyword", keyword)):
            for rank, (row, value) in enumerate(zip(rows, values, strict=True), 1):
                scores.setdefault(row, {})[name] = (rank, value)
        return self._results(ranked, scores)

    def edges(self, passage: Passage) -> list[Passage]:
        """The first and last chunks of ``passage``'s document, where a news item says when it was
        posted and who wrote it ("Ai viết bài này?", "Bài đăng ngày nào?")."""
        chunk = self.snapshot.store.chunks([passage.row]) if passage.row >= 0 else []
        if not chunk:
            return []
        return self._results([(row, 0.0) for row in self.snapshot.store.edge_rows(chunk[0].path)], {})

    def _lead(self, path: str) -> str:
        """The opening of the document at ``path``: "… tổ chức Hội nghị tổng kết công tác năm 2019, triển
        khai nhiệm vụ năm 2020" dates the 2020 tasks listed pages later. Read once per document and
        generation, not on every search."""
        first = self.snapshot.store.edge_rows(path)[:1]
        chunk = self.snapshot.store.chunks(first) if first else []
        return _opening(chunk[0].text) if chunk else ""

    def _results(self, ranked: list[tuple[int, float]], scores: dict[int, dict]) -> list[Passage]:
        rows = [int(row) for row, _ in ranked]
        chunks = self.snapshot.store.chunks(rows)
        docs = {}
        results = []
        for rank, ((row, score), chunk) in enumerate(zip(ranked, chunks, strict=True), 1):
            doc = docs.get(chunk.path) or docs.setdefault(chunk.path, self.snapshot.store.document(chunk.path))
            if chunk.path not in self._leads:
                self._leads[chunk.path] = self._lead(chunk.path)
            results.append(Passage(
                rank=rank, score=float(score), chunk_id=chunk.chunk_id, doc_id=chunk.doc_id, source=doc.source,
                title=doc.title, date=doc.date, page=chunk.page, start=chunk.start, end=chunk.end, text=chunk.text,
                context=chunk.context, row=int(row), ocr=_ocr(chunk.page, doc.ocr_pages),
                lead=self._leads[chunk.path],
                scores={name: {"rank": r, "score": float(v)} for name, (r, v) in scores.get(row, {}).items()},
            ))
        return results


def _opening(text: str, sentences: int = LEAD_SENTENCES) -> str:
    """The first sentences of a document that say something (a headline or dateline, not "Lượt xem: 1573")."""
    said = [text[a:b] for a, b in split_sentences(text) if b - a >= MIN_LEAD_CHARS]
    return "\n".join(said[:sentences])


def _ocr(page: int | None, ocr_pages: list[int]) -> bool:
    """Whether the passage was read by OCR: its page was, or (an image, no pages) the document was."""
    return page in ocr_pages if page is not None else bool(ocr_pages)
