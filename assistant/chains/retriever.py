"""The hybrid index as a LangChain retriever, so any LangChain chain can use it.

The assistant's own chain calls :class:`~assistant.index.retriever.HybridRetriever` directly and
works with :class:`~assistant.schema.Passage`; this adapter is for LangChain users.

Example:
    >>> retriever = IndexRetriever(retriever=bot.retriever(), k=5)   # doctest: +SKIP
    >>> retriever.invoke("KCN Tân Đức")[0].metadata["source"]        # doctest: +SKIP
    '004_6d3412d8dd45478c.txt'
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.schema import Passage


def to_document(passage: Passage) -> Document:
    """A LangChain Document: the passage text, and its fields (context included) as metadata."""
    meta = passage.to_dict()
    meta.pop("text")
    meta["context"] = passage.context
    return Document(page_content=passage.text, metadata=meta, id=passage.chunk_id)


class IndexRetriever(BaseRetriever):
    """A retriever with ``run(query, k=..., **filters) -> list[Passage]`` wrapped as a ``BaseRetriever``."""

    retriever: Any
    k: int = 5
    search_kwargs: dict[str, Any] = {}

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [to_document(p) for p in self.retriever.run(query, k=self.k, **self.search_kwargs)]
