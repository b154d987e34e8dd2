"""Citation checks added for the real model's habits: echoes of the prompt, abbreviations in a short
answer, the passage that fits the question, and a strict question left unanswered by what is kept."""

from __future__ import annotations

from dataclasses import replace

from assistant.chains.citations import attach, parse_answer

WHEN = "Hội nghị sơ kết lần thứ nhất năm 2019 được tổ chức khi nào?"


def test_prompt_echoes_are_not_claims():
    short, claims = parse_answer('Trả lời ngắn: <cụm từ trả lời, chép nguyên văn từ tài liệu>\n'
                                 'Giải thích: KCN Lộc Sơn đã hoàn thành. <cụm từ trả lời>\n'
                                 '<tài liệu so="1"> Sơ kết hợp tác (2012-11-06) [1]. (tiếp tài liệu [1])Tiếp tục hợp tác.')
    assert short == ""
    assert [c.text for c in claims] == ["KCN Lộc Sơn đã hoàn thành.", "Sơ kết hợp tác.", "Tiếp tục hợp tác."]


def test_short_answer_verbatim_up_to_the_documents_abbreviations(embedder, passage_factory):
    p = passage_factory("Thống nhất Tổng kết năm 2019 do Ban Quản lý các Khu công nghiệp Đồng Nai thực hiện.")
    checked = attach("Ban Quản lý nào thực hiện tổng kết năm 2019?", "Trả lời ngắn: Ban Quản lý các KCN Đồng Nai",
                     [p], embedder)
    assert checked.kept == 1 and checked.dropped == []
    assert checked.short is not None and "Đồng Nai" in checked.short.quote
    invented = attach("Ban Quản lý nào thực hiện tổng kết năm 2019?", "Trả lời ngắn: Ban Quản lý các KCN Bình Dương",
                      [p], embedder)
    assert invented.kept == 0 and invented.dropped[0]["kind"] == "short"


def test_sentence_cited_from_the_passage_that_fits_the_question(embedder, passage_factory):
    same = "Các Ban Quản lý thống nhất tổ chức tổng kết chương trình hợp tác."
    old = replace(passage_factory(f"Hội nghị năm 2017. {same}", 1, "2017.txt"), date="2017-12-26")
    new = passage_factory(f"Hội nghị năm 2019. {same}", 2, "2019.txt")
    checked = attach("Năm 2019 các Ban Quản lý thống nhất điều gì?", same, [old, new], embedder)
    assert checked.kept == 1 and [c.passage.source for c in checked.citations] == ["2019.txt"]


def test_strict_question_refused_when_only_its_invented_answer_was_dropped(passages, embedder):
    # The invented count goes; a supported sentence around it does not answer "bao nhiêu".
    reply = "Trả lời ngắn: 120 doanh nghiệp\nHội nghị có lãnh đạo 03 Ban quản lý tham dự."
    checked = attach("Có bao nhiêu doanh nghiệp thứ cấp đến dự Hội nghị?", reply, passages, embedder)
    assert checked.kept == 0 and checked.citations == []
    assert [d["kind"] for d in checked.dropped] == ["short", "question"]
    assert "con số kèm đơn vị" in checked.dropped[-1]["reason"]
    right = attach("Có bao nhiêu doanh nghiệp thứ cấp đến dự Hội nghị?",
                   "Trả lời ngắn: 34 doanh nghiệp thứ cấp\nHội nghị có 34 doanh nghiệp thứ cấp tham dự.", passages, embedder)
    assert right.kept >= 1 and right.short is not None and "34" in right.short.quote


def test_when_question_needs_a_date_in_what_is_kept(passages, embedder):
    checked = attach(WHEN, "Hội nghị có lãnh đạo 03 Ban quản lý tham dự.", passages, embedder)
    assert checked.kept == 0 and "ngày hay thời gian" in checked.dropped[-1]["reason"]
    dated = attach(WHEN, "Trả lời ngắn: ngày 26/04/2019\nHội nghị có lãnh đạo 03 Ban quản lý tham dự.", passages, embedder)
    assert dated.kept == 2 and dated.short is not None and dated.short.quote.endswith("26/04/2019")
