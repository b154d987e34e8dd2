"""Questions about a news item itself: who wrote or sent it, when it was posted."""

from __future__ import annotations

from pathlib import Path

import pytest
from index_helpers import copy_corpus, run

from assistant.chains.answer import AnswerChain
from assistant.chains.cues import about_article
from assistant.index.retriever import HybridRetriever
from assistant.index.snapshot import IndexSnapshot
from assistant.settings import Settings


@pytest.fixture
def chain(tmp_path: Path, fake_embedder) -> AnswerChain:
    """The answer chain over the bundled corpus, searched by keywords (the fake embedder has no meaning)."""
    home = tmp_path / "home"
    run(home, [copy_corpus(tmp_path / "docs")], fake_embedder)
    retriever = HybridRetriever(IndexSnapshot.open(home), fake_embedder, Settings(), mode="keyword")
    return AnswerChain(retriever, fake_embedder, Settings())


def test_article_questions_are_told_from_event_questions():
    assert about_article("Ai là người viết bài tin về Hội nghị tổng kết công tác năm 2019?")
    assert about_article("Phòng nào đưa tin về hội nghị sơ kết ngày 26/04/2019?")
    assert about_article("Bài viết về sơ kết hợp tác được đăng lúc nào?")
    assert about_article("Bản tin về hội nghị sơ kết năm 2017 do phòng nào đăng?")
    assert not about_article("Ai chủ trì Hội nghị tổng kết năm 2019?")
    assert not about_article("Bài viết nói về nội dung gì?")  # neither who nor when


def test_byline_and_stamp_answer_from_the_documents_edges(chain: AnswerChain):
    answer = chain.invoke("Ai là người viết bài tin về Hội nghị tổng kết công tác năm 2019 của Ban Quản lý các KCN tỉnh?")
    assert answer.short_answer == "Yến Lệ" and answer.citations[0].quote == "Theo Yến Lệ - Văn Phòng BQL các KCN"
    answer = chain.invoke("Bài viết về sơ kết hợp tác giữa Ban Quản lý các KCN Lâm Đồng và Ban Quản lý các KCX và "
                          "công nghiệp TP.HCM được đăng lúc nào?")
    assert answer.short_answer == "10/05/2023"
    cited = answer.citations[0]
    assert cited.passage.text[cited.start - cited.passage.start:cited.end - cited.passage.start] == cited.quote
    # the document the question pins down has no such stamp: no invented date
    answer = chain.invoke("Ai là người viết bài tin về Hội nghị tổng kết công tác năm 2015?")
    assert answer.short_answer != "Yến Lệ"
    assert all("Yến Lệ" not in c.quote for c in answer.citations)


def test_a_byline_does_not_name_who_holds_a_post(chain: AnswerChain):
    """"Trưởng phòng … là ai?" asks for a person; the byline names the office that wrote the item."""
    byline = "Phòng nào đưa tin về hội nghị sơ kết chương trình hợp tác ngày 26/04/2019?"
    assert chain.invoke(byline).answerable
    holder = "Trưởng phòng của phòng đưa tin về hội nghị sơ kết chương trình hợp tác ngày 26/04/2019 là ai?"
    assert not chain.invoke(holder).answerable


def test_a_unit_s_byline_does_not_name_the_officer_asked(chain: AnswerChain):
    """"Cán bộ nào của Phòng … viết bài" asks a name; "PHÒNG KẾ HOẠCH TỔNG HỢP" gives none."""
    officer = "Cán bộ nào của Phòng Kế hoạch Tổng hợp là người viết bài về Hội nghị sơ kết ngày 26/12/2017 tại Đà Lạt?"
    assert not chain.invoke(officer).answerable
    assert chain.invoke("Phòng nào viết bài về Hội nghị sơ kết ngày 26/12/2017 tại Đà Lạt?").answerable
    assert chain.invoke("Họ tên người viết bài tin về Hội nghị tổng kết công tác năm 2019?").short_answer == "Yến Lệ"
