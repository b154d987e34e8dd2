"""The "tutorial RAG" baseline: fixed-size LangChain chunks in a flat FAISS index, no keyword search.

It reads the same cleaned documents as the assistant and embeds with the same model, so the
comparison isolates chunking and hybrid retrieval. Chunks carry ``start``/``end`` offsets in the
cleaned text (``add_start_index=True``) and are returned as :class:`Passage`, so evidence
overlap and the answerer work on them unchanged.

Example:
    >>> rag = TutorialRAG.build(bot.documents(), bot.embedder)   # doctest: +SKIP
    >>> rag.run("hoi nghi tong ket 2019", k=3)   [0].source       # doctest: +SKIP
    '004_6d3412d8dd45478c.txt'
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import faiss
import numpy as np
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.index.store import DocumentRecord
from assistant.models.embedder import Embedder
from assistant.progress import TerminalProgress
from assistant.schema import Passage

log = logging.getLogger(__name__)

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200


@dataclass
class BaselineChunk:
    source: str
    doc_id: str
    title: str
    date: str | None
    start: int
    end: int
    text: str


def split_documents(documents: list[DocumentRecord], chunk_size: int = CHUNK_SIZE,
                    chunk_overlap: int = CHUNK_OVERLAP) -> list[BaselineChunk]:
    """``RecursiveCharacterTextSplitter`` chunks of each document's cleaned text, with spans."""
    splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap, add_start_index=True)
    chunks = []
    for doc in documents:
        for piece in splitter.create_documents([doc.text]):
            start = int(piece.metadata["start_index"])
            if start < 0:  # the splitter could not place the chunk; find it ourselves
                start = max(doc.text.find(piece.page_content), 0)
            chunks.append(BaselineChunk(doc.source, doc.doc_id, doc.title, doc.date, start,
                                        start + len(piece.page_content), piece.page_content))
    return chunks


class TutorialRAG:
    """Dense-only retrieval over :func:`split_documents` chunks with ``faiss.IndexFlatIP``."""

    def __init__(self, chunks: list[BaselineChunk], vectors: np.ndarray, embedder: Embedder) -> None:
        self.chunks = chunks
        self.embedder = embedder
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        if len(chunks):
            self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    @classmethod
    def build(cls, documents: list[DocumentRecord], embedder: Embedder, progress: bool = False) -> TutorialRAG:
        chunks = split_documents(documents)
        log.info("tutorial RAG: %d chunks from %d documents", len(chunks), len(documents))
        vectors = embedder.encode_documents([c.text for c in chunks], progress=TerminalProgress(progress))
        return cls(chunks, vectors, embedder)

    def _result(self, row: int, rank: int = 0, score: float = 0.0) -> Passage:
        c = self.chunks[row]
        return Passage(
            rank=rank, score=score, chunk_id=f"baseline-{c.doc_id}-{row:05d}", doc_id=c.doc_id, source=c.source,
            title=c.title, date=c.date, page=None, start=c.start, end=c.end, text=c.text, row=row,
            scores={"dense": {"rank": rank, "score": score}},
        )

    def passages(self) -> list[Passage]:
        """Every chunk, as a search result."""
        return [self._result(row) for row in range(len(self.chunks))]

    def edges(self, passage: Passage) -> list[Passage]:
        """None: the tutorial pipeline keeps no document structure (a byline question is answered, or
        refused, from what ``run`` finds, as a tutorial RAG would)."""
        return []

    def run(self, query: str, k: int = 5) -> list[Passage]:
        """Top ``k`` chunks by inner product (cosine: vectors are normalized)."""
        if not query.strip() or k <= 0 or not self.chunks:
            return []
        vector = self.embedder.encode_queries([query]).astype(np.float32)
        scores, rows = self.index.search(vector, min(k, len(self.chunks)))
        return [self._result(int(row), rank, float(score))
                for rank, (row, score) in enumerate(zip(rows[0], scores[0], strict=True), 1) if row >= 0]
