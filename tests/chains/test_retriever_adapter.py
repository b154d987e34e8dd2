"""The LangChain adapter: any retriever with ``run(query, k)`` becomes a ``BaseRetriever``."""

from __future__ import annotations

from assistant.chains.retriever import IndexRetriever


class TwoPassages:
    def __init__(self, passages):
        self.passages = passages

    def run(self, query, k=5, **filters):
        return self.passages[:k]


def test_documents_carry_the_passage_fields(passages):
    docs = IndexRetriever(retriever=TwoPassages(passages), k=1).invoke("Hội nghị ở đâu?")
    assert len(docs) == 1 and docs[0].page_content == passages[0].text and docs[0].id == passages[0].chunk_id
    assert docs[0].metadata["source"] == "000.txt" and docs[0].metadata["start"] == passages[0].start
    assert "text" not in docs[0].metadata and "context" in docs[0].metadata
