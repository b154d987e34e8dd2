"""The "Tra cứu" tab, called directly: filters, relevance labels, grouping by document, accent-aware
highlighting, the honest "no results", and opening a hit in the original-file viewer."""

from __future__ import annotations

import re

import gradio as gr
import pytest
from app_stubs import PASSAGE, make_passage

from assistant.app import relevance, search
from assistant.app.relevance import GOOD, VERY, WEAK, QueryMatcher, Thresholds, group_by_document

LIMITS = Thresholds(very=0.45, good=0.30, floor=0.22)


def scored(text: str, dense: float | None, rank: int, doc_id: str = "d1", source: str = "a.txt"):
    p = make_passage(text=text, rank=rank, doc_id=doc_id, source=source, title=f"Tài liệu {doc_id}")
    p.scores = {"dense": {"rank": rank, "score": dense}} if dense is not None else {}
    return p


def marked(html: str) -> list[str]:
    return re.findall(r'<mark class="kw">(.*?)</mark>', html)


def test_year_filter_parsing():
    assert search.parse_year("") is None and search.parse_year(None) is None and search.parse_year("0") is None
    assert search.parse_year(" 2019 ") == 2019
    with pytest.raises(ValueError):
        search.parse_year("19")


def test_query_typed_with_diacritics_matches_only_those_words():
    text = "Công tác phòng cháy chữa cháy; phong trào thi đua chưa tốt; PHÒNG CHÁY."
    with_marks = QueryMatcher("phòng cháy chữa cháy")
    assert marked(with_marks.highlight(text)) == ["phòng", "cháy", "chữa", "cháy", "PHÒNG", "CHÁY"]
    assert with_marks.coverage("phong trào chưa xong") == 0.0
    # Typed without any diacritic: folded matches are what the user asked for.
    assert set(marked(QueryMatcher("phong chay chua chay").highlight(text))) == {
        "phòng", "cháy", "chữa", "phong", "chưa", "PHÒNG", "CHÁY"}
    # Function words are not content words; "hoà"/"hòa" spellings are one word.
    assert QueryMatcher("ai là người chủ trì").words == {"người", "chủ", "trì"}
    assert QueryMatcher("hoà bình").matches("Hòa")


def test_labels_from_coverage_and_similarity():
    assert relevance.label(1.0, 0.35, LIMITS) == VERY
    assert relevance.label(0.5, 0.50, LIMITS) == VERY
    assert relevance.label(0.34, 0.60, LIMITS) == GOOD  # close in meaning but most words missing
    assert relevance.label(1.0, None, LIMITS) == GOOD   # keyword-only hit with every word
    assert relevance.label(0.5, None, LIMITS) == WEAK   # half the words, nothing close in meaning
    assert relevance.label(0.5, 0.25, LIMITS) == GOOD
    assert relevance.label(0.2, 0.10, LIMITS) == WEAK
    assert relevance.label(0.0, 0.25, LIMITS) == WEAK
    assert relevance.label(0.0, 0.12, LIMITS) is None   # "xyzqw": nothing matches, nothing similar
    assert relevance.label(0.0, None, LIMITS) is None


def test_passages_of_one_document_make_one_card():
    passages = [scored("Hội nghị tổng kết năm 2019 tại Đà Lạt.", 0.6, 1, "d1"),
                scored("Tổng kết công tác năm 2019 của Ban.", 0.5, 2, "d1"),
                scored("Hội nghị sơ kết năm 2019.", 0.4, 3, "d2", "b.txt"),
                scored("Năm 2019 hội nghị tổng kết.", 0.5, 4, "d1"),
                scored("Kết quả năm 2019.", 0.35, 5, "d1"),
                scored("Một đoạn không liên quan.", 0.10, 6, "d3", "c.txt")]
    groups = group_by_document(passages, "hội nghị tổng kết năm 2019", LIMITS, max_documents=5, per_document=3)
    assert [g.doc_id for g in groups] == ["d1", "d2"]  # d3: no word, too far in meaning
    assert [h.passage.rank for h in groups[0].hits] == [1, 2, 4] and groups[0].label == VERY
    assert groups[1].label == GOOD and groups[1].hits[0].coverage == pytest.approx(5 / 6)
    # A document whose best passage is labelled higher comes first even when ranked lower.
    weak_first = [scored("Đoạn gần nghĩa.", 0.25, 1, "d9"), scored("Hội nghị tổng kết.", 0.5, 2, "d1")]
    assert [g.doc_id for g in group_by_document(weak_first, "hội nghị tổng kết", LIMITS)] == ["d1", "d9"]


def test_search_waits_until_ready_and_checks_filters(make_runtime):
    html, results, _, download = search.do_search(make_runtime(ready=False), "tan duc", "", "", "", 5)
    assert "khởi động" in html and results == [] and download.visible is False
    runtime = make_runtime()
    assert "Hãy nhập" in search.do_search(runtime, "  ", "", "", "", 5)[0]
    assert "4 chữ số" in search.do_search(runtime, "x", "19", "", "", 5)[0]
    assert "nhỏ hơn hoặc bằng" in search.do_search(runtime, "x", "2020", "2019", "", 5)[0]
    assert runtime.bot.searches == []


def test_search_passes_filters_and_groups_passages(runtime):
    html, groups, doc, _ = search.do_search(runtime, "lam van tiep", "2012", "2012", "002.txt", 3.0)
    assert runtime.bot.searches == [{"query": "lam van tiep", "k": search.PASSAGES_READ, "since": 2012,
                                     "until": 2012, "sources": ["002.txt"]}]
    assert '<mark class="kw">Lâm</mark>' in html and 'data-open="res-0-0"' in html
    assert "điểm" not in html and ">Phù hợp<" in html and "1 tài liệu, 1 đoạn liên quan" in html
    assert groups[0].hits[0].passage.text == PASSAGE and "panel-empty" in doc


def test_nonsense_has_no_results(runtime):
    runtime.bot.search = lambda query, **kw: [scored("Hội nghị tổng kết.", 0.11, 1), scored("Ban Quản lý.", 0.09, 2)]
    html, groups, _, _ = search.do_search(runtime, "xyzqw", "", "", "", 5)
    assert groups == [] and "Không có kết quả phù hợp" in html and "xyzqw" in html


def test_open_result_shows_the_original_at_the_passage(runtime):
    _, groups, _, _ = search.do_search(runtime, "lam van tiep", "", "", "", 5)
    view, download = search.open_result(runtime, groups, "lam van tiep", gr.EventData(None, {"key": "res-0-0"}))
    assert '<mark class="hl" id="hl">' in view and '<mark class="kw">Lâm</mark>' in view
    assert "không còn tệp gốc" in view and download.visible is False  # the stub's file is not on disk
    assert search.open_result(runtime, groups, "x", gr.EventData(None, {"key": "res-5-0"})) == (gr.skip(), gr.skip())
    assert search.open_result(runtime, groups, "x", gr.EventData(None, None)) == (gr.skip(), gr.skip())


def test_snippet_centres_on_the_first_match():
    text = "Mở đầu. " * 80 + "Khu công nghiệp Tân Đức được mở rộng. " + "Kết thúc. " * 80
    cut = search.snippet(text, QueryMatcher("tan duc"))
    assert cut.startswith("…") and cut.endswith("…") and "Tân Đức" in cut and len(cut) <= search.SNIPPET_CHARS + 2
