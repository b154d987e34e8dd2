"""The hybrid index as a LangChain retriever, so any LangChain chain can use it.

Example:
    >>> retriever = IndexRetriever(search=bot.search, k=5)          # doctest: +SKIP
    >>> retriever.invoke("KCN Tân Đức")[0].metadata["source"]       # doctest: +SKIP
    '004_6d3412d8dd45478c.txt'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.index.retriever import SearchResult


def to_document(result: SearchResult) -> Document:
    """A LangChain Document whose metadata carries the whole :class:`SearchResult`."""
    meta = result.to_dict()
    meta.pop("text")
    meta["context"] = result.context
    meta["result"] = result
    return Document(page_content=result.text, metadata=meta, id=result.chunk_id)


class IndexRetriever(BaseRetriever):
    """``search(query, k=..., mode=...) -> list[SearchResult]`` wrapped as a ``BaseRetriever``."""

    search: Callable[..., list[SearchResult]]
    k: int = 5
    mode: str = "hybrid"
    search_kwargs: dict[str, Any] = {}

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        results = self.search(query, k=self.k, mode=self.mode, **self.search_kwargs)
        return [to_document(r) for r in results]
