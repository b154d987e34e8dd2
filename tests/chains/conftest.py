"""Fixtures for the chain tests: hand-made passages and a deterministic fake embedder."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import numpy as np
import pytest

from assistant.schema import Passage


class HashEmbedder:
    """Bag-of-syllables vectors: similar wording gives similar vectors, no model needed."""

    dimension = 256
    prompts = {"query": "", "document": ""}
    model = SimpleNamespace(max_seq_length=512)

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dimension, dtype=np.float32)
        for word in text.lower().split():
            v[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def encode_documents(self, texts, progress=None):
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dimension), np.float32)

    def encode_queries(self, texts):
        return self.encode_documents(texts)


def make_passage(text: str, n: int = 1, source: str = "doc.txt", start: int = 100) -> Passage:
    return Passage(rank=n, score=1.0 / n, chunk_id=f"c{n}", doc_id=f"d{n}", source=source, title=f"Tài liệu {n}",
                        date="2019-04-26", page=None, start=start, end=start + len(text), text=text)


@pytest.fixture
def embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def passages() -> list[Passage]:
    return [
        make_passage("Ngày 26/04/2019 tại thành phố Đà Lạt tỉnh Lâm Đồng, Ban quản lý các KCN Lâm Đồng tổ chức Hội nghị "
                     "sơ kết chương trình hợp tác lần thứ nhất năm 2019. Hội nghị có lãnh đạo 03 Ban quản lý tham dự.",
                     1, "000.txt", 100),
        make_passage("Đến tham dự và chỉ đạo Hội nghị có Phó chủ tịch Thường trực UBND tỉnh Lương Văn Hải. "
                     "Hội nghị có 34 doanh nghiệp thứ cấp tham dự.", 2, "004.txt", 200),
    ]


@pytest.fixture
def passage_factory():
    return make_passage
