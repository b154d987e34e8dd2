"""The "Tra cứu" tab: ranked passages for a query, filtered by year and document, and the document view.

Results are kept in a ``gr.State`` as :class:`~assistant.schema.Passage` objects, so "Xem toàn văn"
on a hit opens its document at the passage without searching again.
"""

from __future__ import annotations

import re
from typing import Any

import gradio as gr

from assistant.app import render
from assistant.app.common import DOC_JS, OPEN_BUTTON_JS, bind, event_key, open_document
from assistant.app.runtime import AppRuntime
from assistant.errors import AssistantError
from assistant.schema import Passage

DOC_EMPTY_VI = "Bấm «Xem toàn văn» ở một kết quả để xem cả tài liệu."
ALL_DOCUMENTS = ("Tất cả tài liệu", "")

SearchUpdate = tuple[str, list[Passage], str]
"""What :func:`do_search` returns: (results panel, results state, document view)."""


def parse_year(value: str | float | None) -> int | None:
    """A year typed in a filter box; empty (or 0) means no filter, anything but 4 digits is a ValueError."""
    text = str(value or "").strip()
    if not text or text == "0":
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(text)
    return int(text)


def do_search(runtime: AppRuntime, query: str, since: str | None, until: str | None, source: str | None,
              k: float) -> SearchUpdate:
    """Search the live index; a wrong filter or a failure shows as a message in the results panel."""
    query = (query or "").strip()
    empty_doc = render.empty_html(DOC_EMPTY_VI)
    if not query:
        return render.empty_html("Hãy nhập từ khóa hoặc câu hỏi cần tra cứu."), [], empty_doc
    if not runtime.ready:
        return render.empty_html(runtime.not_ready_message()), [], empty_doc
    try:
        since_year, until_year = parse_year(since), parse_year(until)
    except ValueError:
        return render.empty_html("Năm phải là số có 4 chữ số, ví dụ 2019."), [], empty_doc
    if since_year is not None and until_year is not None and since_year > until_year:
        return render.empty_html("Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc."), [], empty_doc
    try:
        results = runtime.bot.search(query, k=int(k or 5), since=since_year, until=until_year,
                                     sources=[source] if source else None)
    except AssistantError as exc:
        return render.empty_html(str(exc)), [], empty_doc
    return render.search_results_html(results, query), list(results), empty_doc


def open_result(runtime: AppRuntime, results: list[Passage], query: str, evt: gr.EventData) -> Any:
    """A click on "Xem toàn văn" (key ``res-<i>``): the document with the hit and the query's words marked."""
    try:
        hit = results[int(event_key(evt).removeprefix("res-"))]
    except (ValueError, IndexError, TypeError):
        return gr.skip()
    return open_document(runtime, hit.doc_id, hit.source, [(hit.start, hit.end, None)],
                         terms=render.query_terms(query), label=f"#{hit.rank}")


def build_search_tab(runtime: AppRuntime) -> gr.Dropdown:
    """The tab's components and events (call inside ``gr.Tab``); returns the document filter, which
    the page refreshes whenever the list of documents changes."""
    with gr.Row():
        query = gr.Textbox(label="Từ khóa hoặc câu hỏi", elem_id="search-query", scale=4,
                           placeholder="Ví dụ: hoi nghi tong ket nam 2019 (gõ có hoặc không dấu)")
        search_btn = gr.Button("Tìm kiếm", variant="primary", elem_id="search-btn", scale=1, min_width=100)
    with gr.Row():
        since = gr.Textbox(label="Từ năm (tùy chọn)", placeholder="vd. 2017", max_lines=1, elem_id="since")
        until = gr.Textbox(label="Đến năm (tùy chọn)", placeholder="vd. 2019", max_lines=1, elem_id="until")
        source_filter = gr.Dropdown(label="Tài liệu", choices=[ALL_DOCUMENTS], value="", allow_custom_value=True,
                                    elem_id="source-filter", scale=2)
        top_k = gr.Slider(1, 20, value=5, step=1, label="Số kết quả", elem_id="top-k")
    with gr.Row(equal_height=False):
        with gr.Column(scale=1):
            results_html = gr.HTML(render.empty_html("Kết quả tra cứu sẽ hiện ở đây."), elem_id="results",
                                   js_on_load=OPEN_BUTTON_JS)
        with gr.Column(scale=1):
            search_doc = gr.HTML(render.empty_html(DOC_EMPTY_VI), elem_id="search-doc", js_on_load=DOC_JS)
    results_state = gr.State([])

    gr.on([query.submit, search_btn.click], bind(do_search, runtime),
          inputs=[query, since, until, source_filter, top_k], outputs=[results_html, results_state, search_doc],
          api_name="search")
    results_html.click(bind(open_result, runtime), inputs=[results_state, query], outputs=[search_doc],
                       api_visibility="private", show_progress="hidden")
    return source_filter
