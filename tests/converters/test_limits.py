"""Large documents: over the size or chunk limits they are refused before anything is embedded (the 5 MB
one-line file of the issue included); a large document reports its own embedding progress, and an ingest
cancelled from its progress callback leaves the previous index live."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from index_helpers import live, run

from assistant.index.snapshot import IndexSnapshot
from assistant.ingest import IngestCancelled, ingest
from assistant.settings import Settings

CORPUS_FILES = sorted((Path(__file__).resolve().parents[2] / "corpus").glob("*.txt"))
S000, S001, S002, S003, S004 = [p.name for p in CORPUS_FILES]


def test_size_and_chunk_limits_refuse_before_embedding(home: Path, docs: Path, tmp_path: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    generation, encoded = live(home), fake_embedder.documents_encoded
    one_line = tmp_path / "extra" / "mot-dong.txt"
    one_line.parent.mkdir()
    sentence = "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng kiểm tra tiến độ dự án tại khu công nghiệp Lộc Sơn. "
    one_line.write_text(sentence * (5_000_000 // len(sentence.encode("utf-8"))), encoding="utf-8")
    assert one_line.stat().st_size > 4_900_000 and one_line.read_text(encoding="utf-8").count("\n") == 0
    started = time.perf_counter()
    report = run(home, [docs, one_line], fake_embedder)
    assert time.perf_counter() - started < 30
    [(source, reason)] = report.failed
    assert source == "mot-dong.txt" and reason.startswith("Tài liệu quá dài (khoảng ")
    assert "giới hạn là 2.000 đoạn mỗi tài liệu (ASSISTANT_MAX_CHUNKS)" in reason
    assert live(home) == generation and fake_embedder.documents_encoded == encoded  # nothing embedded
    report = run(home, [one_line], fake_embedder, Settings(max_file_mb=1))
    assert report.failed[0][1] == "Tệp quá lớn (5,0 MB); giới hạn là 1,0 MB mỗi tệp (ASSISTANT_MAX_FILE_MB)."
    # A counted (not estimated) chunk limit: a document of a few chunks over a limit of 2.
    report = run(home, [docs / S004], fake_embedder, Settings(max_chunks=2))
    assert report.unchanged == [S004]  # unchanged documents are not re-judged
    (docs / S004).write_text((docs / S004).read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    report = run(home, [docs], fake_embedder, Settings(max_chunks=2))
    assert report.failed[0][0] == S004 and report.failed[0][1].startswith("Tài liệu quá dài (")
    assert "Thêm một câu" not in IndexSnapshot.open(home).store.document(S004).text  # the indexed version stays


class ReportingEmbedder:
    """The fake embedder, reporting ("embed", done, total) per batch of 8 as the real one does."""

    def __init__(self, fake: Any) -> None:
        self.fake = fake
        self.dimension, self.prompts, self.model = fake.dimension, fake.prompts, fake.model

    def encode_documents(self, texts, progress=None):
        for done in range(0, len(texts) + 1, 8):
            if progress:
                progress("embed", min(done, len(texts)), len(texts))
        return self.fake.encode_documents(texts)

    def encode_queries(self, texts):
        return self.fake.encode_queries(texts)


def test_per_document_progress_and_cancel(home: Path, docs: Path, tmp_path: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    generation = live(home)
    big = tmp_path / "extra" / "dai.txt"
    big.parent.mkdir()
    big.write_text("\n\n".join(f"Điều {i}. Doanh nghiệp số {i} tại KCN Lộc Sơn báo cáo tiến độ dự án "
                               f"và kế hoạch sản xuất năm {2000 + i % 20}." for i in range(400)), encoding="utf-8")
    heard: list[tuple[str, int, int]] = []
    report = ingest(home, Settings(), ReportingEmbedder(fake_embedder), [docs, big],
                    progress=lambda *event: heard.append(event))
    assert report.added == ["dai.txt"]
    mine = [e for e in heard if e[0] == "Nhúng đoạn văn — dai.txt"]
    assert mine[0][1] == 0 and mine[-1][1] == mine[-1][2] == report.embedded > 32
    assert ("embed", report.embedded, report.embedded) in heard

    big.write_text(big.read_text(encoding="utf-8") + "\n\nĐiều cuối. Sửa đổi.", encoding="utf-8")
    generation = live(home)

    def cancel(stage: str, done: int, total: int) -> None:
        if stage == "embed" and done > 0:
            raise IngestCancelled()

    with pytest.raises(IngestCancelled, match="Đã hủy"):
        ingest(home, Settings(), ReportingEmbedder(fake_embedder), [big], progress=cancel)
    assert live(home) == generation and list(home.glob(".tmp-gen-*")) == []
    assert "Điều cuối" not in IndexSnapshot.open(home).store.document("dai.txt").text
