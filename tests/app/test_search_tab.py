"""The "Tra cứu" handlers, called directly: filters, results, opening a hit."""

from __future__ import annotations

import gradio as gr
import pytest
from app_stubs import PASSAGE

from assistant.app import search


def test_year_filter_parsing():
    assert search.parse_year("") is None and search.parse_year(None) is None and search.parse_year("0") is None
    assert search.parse_year(" 2019 ") == 2019
    with pytest.raises(ValueError):
        search.parse_year("19")


def test_search_waits_until_ready_and_checks_filters(make_runtime):
    html, results, _ = search.do_search(make_runtime(ready=False), "tan duc", "", "", "", 5)
    assert "khởi động" in html and results == []
    runtime = make_runtime()
    assert "Hãy nhập" in search.do_search(runtime, "  ", "", "", "", 5)[0]
    assert "4 chữ số" in search.do_search(runtime, "x", "19", "", "", 5)[0]
    assert "nhỏ hơn hoặc bằng" in search.do_search(runtime, "x", "2020", "2019", "", 5)[0]
    assert runtime.bot.searches == []


def test_search_passes_filters_and_keeps_passages(runtime):
    html, results, doc = search.do_search(runtime, "lam van tiep", "2012", "2012", "002.txt", 3.0)
    assert runtime.bot.searches == [{"query": "lam van tiep", "k": 3, "since": 2012, "until": 2012,
                                     "sources": ["002.txt"]}]
    assert '<mark class="kw">Lâm</mark>' in html and 'data-open="res-0"' in html
    assert results[0].text == PASSAGE and "panel-empty" in doc


def test_open_result_marks_the_hit_and_the_query(runtime):
    _, results, _ = search.do_search(runtime, "lam van tiep", "", "", "", 5)
    view = search.open_result(runtime, results, "lam van tiep", gr.EventData(None, {"key": "res-0"}))
    assert '<mark class="hl" id="hl">' in view and '<mark class="kw">Lâm</mark>' in view and "#1" in view
    assert search.open_result(runtime, results, "x", gr.EventData(None, {"key": "res-5"})) == gr.skip()
    assert search.open_result(runtime, results, "x", gr.EventData(None, None)) == gr.skip()
