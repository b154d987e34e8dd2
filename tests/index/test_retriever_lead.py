"""Every passage carries its document's opening: what the report covers dates what it lists pages later."""

from __future__ import annotations

from pathlib import Path

from index_helpers import copy_corpus, run

from assistant.chains.constraints import Constraints, evidence, own_evidence
from assistant.index.retriever import HybridRetriever
from assistant.index.snapshot import IndexSnapshot
from assistant.settings import Settings


def test_passages_carry_their_documents_opening(tmp_path: Path, fake_embedder):
    home = tmp_path / "home"
    run(home, [copy_corpus(tmp_path / "docs")], fake_embedder)
    retriever = HybridRetriever(IndexSnapshot.open(home), fake_embedder, Settings(), mode="keyword")
    question = "Năm 2020, Ban Quản lý các KCN tỉnh muốn cải tiến cách triển khai hoạt động xúc tiến đầu tư theo hướng nào?"
    passages = retriever.run(question, k=5)
    tasks = next(p for p in passages if "cải tiến, phương pháp và cách thức triển khai" in p.text)
    assert "2020" not in tasks.text  # the tasks do not repeat their year ...
    assert "triển khai nhiệm vụ năm 2020" in tasks.lead  # ... the report's dateline gives it
    assert "Lượt xem" not in tasks.lead  # a page counter is no opening
    assert Constraints.of(question).unmet(evidence(tasks, passages), own=own_evidence(tasks, passages)) == []
    # the opening dates the document's own tasks, not another year's
    assert Constraints.of("Năm 2021, Ban Quản lý cải tiến xúc tiến đầu tư theo hướng nào?").unmet(
        evidence(tasks, passages), own=own_evidence(tasks, passages)) == ["2021"]
