"""BM25 keyword index (bm25s) over Vietnamese tokens from :class:`VietnameseTokenizer`."""

from __future__ import annotations

import logging
from pathlib import Path

import bm25s
import numpy as np

from assistant.index.tokenizer import VietnameseTokenizer
from assistant.text.normalize import has_diacritics

log = logging.getLogger(__name__)


def query_terms(tokenizer: VietnameseTokenizer, vocab: dict[str, int], query: str) -> list[str]:
    """The query's tokens that the index knows, duplicates kept (each occurrence counts in BM25)."""
    tokens = tokenizer(query)
    if not has_diacritics(query):
        # Typed without accents, "nam" means any of năm / Nam / nằm: match folded forms only,
        # else the bare syllable would also hit the one accentless word exactly, counting twice.
        tokens = [t for t in tokens if t.startswith("~")]
    return [t for t in tokens if t in vocab]


class KeywordIndex:
    """BM25 over pre-tokenized chunks; rows match the FAISS rows."""

    def __init__(self, bm25: bm25s.BM25, tokenizer: VietnameseTokenizer, size: int) -> None:
        self.bm25 = bm25
        self.tokenizer = tokenizer
        self.size = size

    @classmethod
    def build(cls, token_lists: list[list[str]], tokenizer: VietnameseTokenizer) -> KeywordIndex:
        bm25 = bm25s.BM25()
        # An empty token list would make bm25s skip a row; a placeholder keeps rows aligned.
        bm25.index([tokens or ["<empty>"] for tokens in token_lists], show_progress=False)
        return cls(bm25, tokenizer, len(token_lists))

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder))

    @classmethod
    def load(cls, folder: Path, tokenizer: VietnameseTokenizer, size: int) -> KeywordIndex:
        return cls(bm25s.BM25.load(str(folder)), tokenizer, size)

    def query_tokens(self, query: str) -> list[str]:
        return query_terms(self.tokenizer, self.bm25.vocab_dict, query)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> tuple[list[int], list[float]]:
        tokens = self.query_tokens(query)
        if not tokens or self.size == 0:
            return [], []
        mask = None
        if allowed is not None:
            if len(allowed) == 0:
                return [], []
            mask = np.zeros(self.size, dtype=np.float32)
            mask[allowed] = 1.0
        k = min(k, self.size)
        rows, scores = self.bm25.retrieve([tokens], k=k, show_progress=False, weight_mask=mask, n_threads=1)
        keep = scores[0] > 0
        return rows[0][keep].tolist(), scores[0][keep].tolist()
