"""The "Tra cứu" tab: results grouped by document, labelled by relevance a person understands, and the original.

The retriever's passages are judged and grouped by :mod:`assistant.app.relevance` (one card per
document with its best passages; "Rất phù hợp / Phù hợp / Ít liên quan"; nothing for a query nothing
matches). Results are kept in a ``gr.State`` as :class:`~assistant.app.relevance.DocumentHits`, so
"Xem tài liệu gốc" opens the original (a PDF page with the passage boxed, or the text with it marked;
:mod:`assistant.app.viewer`) and offers it for download without searching again.
"""

from __future__ import annotations

import re
from typing import Any

import gradio as gr

from assistant.app import render
from assistant.app.common import OPEN_BUTTON_JS, bind, event_key
from assistant.app.relevance import (
    LEVELS,
    NO_RESULTS_VI,
    DocumentHits,
    QueryMatcher,
    Thresholds,
    group_by_document,
)
from assistant.app.runtime import AppRuntime
from assistant.app.viewer import open_original
from assistant.errors import AssistantError

DOC_EMPTY_VI = "Bấm «Xem tài liệu gốc» ở một kết quả để xem tài liệu và tải tệp gốc."
ALL_DOCUMENTS = ("Tất cả tài liệu", "")
PASSAGES_PER_DOCUMENT = 3
SNIPPET_CHARS = 320
# The passages read before grouping: enough for ``k`` documents with a few passages each.
PASSAGES_READ = 40
LABEL_STYLE = {3: "background:#dcfce7;color:#14532d;border:1px solid #86efac",
               2: "background:#e0ecff;color:#1e3a8a;border:1px solid #93c5fd",
               1: "background:#f3f4f6;color:#374151;border:1px solid #d1d5db"}
# The document view scrolls to its highlight (a marked span of text, or the first box on a PDF page).
VIEW_JS = """
const show = () => {
  const mark = element.querySelector('mark.hl, .pdf-hl');
  if (mark) { mark.scrollIntoView({block: 'center'}); }
};
watch('value', () => setTimeout(show, 80));
"""

SearchUpdate = tuple[str, list[DocumentHits], str, Any]
"""What :func:`do_search` returns: (results panel, results state, document view, download button)."""


def parse_year(value: str | float | None) -> int | None:
    """A year typed in a filter box; empty (or 0) means no filter, anything but 4 digits is a ValueError."""
    text = str(value or "").strip()
    if not text or text == "0":
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(text)
    return int(text)


def _message(text: str) -> SearchUpdate:
    return render.empty_html(text), [], render.empty_html(DOC_EMPTY_VI), gr.DownloadButton(visible=False)


def do_search(runtime: AppRuntime, query: str, since: str | None, until: str | None, source: str | None,
              k: float) -> SearchUpdate:
    """Search the live index and group what is relevant by document; a wrong filter or a failure shows as
    a message in the results panel."""
    query = (query or "").strip()
    if not query:
        return _message("Hãy nhập từ khóa hoặc câu hỏi cần tra cứu.")
    if not runtime.ready:
        return _message(runtime.not_ready_message())
    try:
        since_year, until_year = parse_year(since), parse_year(until)
    except ValueError:
        return _message("Năm phải là số có 4 chữ số, ví dụ 2019.")
    if since_year is not None and until_year is not None and since_year > until_year:
        return _message("Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc.")
    documents = max(1, int(k or 5))
    try:
        passages = runtime.bot.search(query, k=max(PASSAGES_READ, documents * PASSAGES_PER_DOCUMENT),
                                      since=since_year, until=until_year, sources=[source] if source else None)
    except AssistantError as exc:
        return _message(str(exc))
    groups = group_by_document(passages, query, Thresholds.of(runtime.settings), documents, PASSAGES_PER_DOCUMENT)
    return (results_html(groups, query), groups, render.empty_html(DOC_EMPTY_VI),
            gr.DownloadButton(visible=False))


# -- HTML ------------------------------------------------------------------------------------------------------------
def badge(label: str) -> str:
    """The relevance label as a small coloured tag."""
    return (f'<span class="rel" data-level="{LEVELS[label]}" style="{LABEL_STYLE[LEVELS[label]]};'
            f'border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap">{render.esc(label)}</span>')


def snippet(text: str, matcher: QueryMatcher, limit: int = SNIPPET_CHARS) -> str:
    """About ``limit`` characters of ``text`` around its first word matching the query, with "…" where cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    first = next((m.start() for m in re.finditer(r"\w+", text) if matcher.matches(m.group(0))), 0)
    start = max(0, min(first - limit // 3, len(text) - limit))
    if start:
        start = text.find(" ", start) + 1 or start
    end = text.rfind(" ", start, start + limit)
    end = end if end > start else start + limit
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _passage_html(group_index: int, hit_index: int, hit: Any, matcher: QueryMatcher) -> str:
    p = hit.passage
    text = " ".join(p.text.split()) if hit_index == 0 else snippet(p.text, matcher)
    where = [f"Trang {render.esc(p.page)}"] if p.page is not None else []
    if p.ocr:
        where.append("chữ nhận dạng từ ảnh quét (OCR)")
    head = " · ".join([badge(hit.label), *where])
    return (f'<div class="hit-passage" style="margin-top:8px;padding-top:6px;border-top:1px dashed '
            f'var(--border-color-primary)"><div class="src-meta">{head}</div>'
            f'<div class="src-text">{matcher.highlight(text)}</div>'
            f'<button class="open-passage" data-open="res-{group_index}-{hit_index}" style="margin-top:4px;'
            f'font-size:13px;color:var(--color-accent);background:none;border:none;cursor:pointer;padding:0">'
            f"Xem đoạn này trong tài liệu gốc</button></div>")


def results_html(groups: list[DocumentHits], query: str) -> str:
    """One card per document: title, label, date, number of matching passages, then the passages."""
    if not groups:
        return (f'<div class="panel-empty no-results">{NO_RESULTS_VI} với «{render.esc(query)}». Hãy thử từ khóa '
                "khác (có hoặc không dấu), hoặc bỏ bớt bộ lọc năm và tài liệu.</div>")
    matcher = QueryMatcher(query)
    cards = []
    for i, g in enumerate(groups):
        passages = "".join(_passage_html(i, j, h, matcher) for j, h in enumerate(g.hits))
        count = f"{len(g.hits)} đoạn liên quan" if len(g.hits) > 1 else "1 đoạn liên quan"
        cards.append(
            f'<div class="hit" data-source="{render.esc(g.source)}" data-label="{render.esc(g.label)}">'
            f'<div class="src-head">{render.esc(g.title or g.source)} {badge(g.label)}</div>'
            f'<div class="src-meta">Ngày: {render.esc(render.format_date(g.date))} · {count}</div>'
            f"{passages}"
            f'<button class="open-doc" data-open="res-{i}-0">Xem tài liệu gốc</button></div>')
    total = sum(len(g.hits) for g in groups)
    return (f'<div class="hit-count">{len(groups)} tài liệu, {total} đoạn liên quan — xếp theo mức phù hợp</div>'
            f'<div class="src-list">{"".join(cards)}</div>')


# -- opening a hit ---------------------------------------------------------------------------------------------------
def open_result(runtime: AppRuntime, groups: list[DocumentHits], query: str, evt: gr.EventData) -> Any:
    """A click on "Xem tài liệu gốc" or "Xem đoạn này…" (key ``res-<document>-<passage>``): the original at
    the passage, and its download."""
    try:
        i, j = (int(x) for x in event_key(evt).removeprefix("res-").split("-"))
        hit = groups[i].hits[j].passage
    except (ValueError, IndexError, TypeError):
        return gr.skip(), gr.skip()
    # No page given: the viewer opens the page where the passage meets the query (it may run over two pages).
    view = open_original(runtime, hit.doc_id, span=(hit.start, hit.end), quote=hit.text, query=query)
    if view.download is None:
        return view.html, gr.DownloadButton(visible=False)
    return view.html, gr.DownloadButton(f"Tải tệp gốc ({view.download.suffix.lstrip('.').upper()})",
                                        value=str(view.download), visible=True)


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
        top_k = gr.Slider(1, 10, value=5, step=1, label="Số tài liệu tối đa", elem_id="top-k", buttons=[])
    with gr.Row(equal_height=False):
        with gr.Column(scale=1):
            results = gr.HTML(render.empty_html("Kết quả tra cứu sẽ hiện ở đây, mỗi tài liệu một thẻ."),
                              elem_id="results", js_on_load=OPEN_BUTTON_JS)
        with gr.Column(scale=1):
            download = gr.DownloadButton("Tải tệp gốc", visible=False, elem_id="search-download", size="sm")
            view = gr.HTML(render.empty_html(DOC_EMPTY_VI), elem_id="search-doc", js_on_load=VIEW_JS)
    state = gr.State([])

    gr.on([query.submit, search_btn.click], bind(do_search, runtime),
          inputs=[query, since, until, source_filter, top_k], outputs=[results, state, view, download],
          api_name="search")
    results.click(bind(open_result, runtime), inputs=[state, query], outputs=[view, download],
                  api_visibility="private", show_progress="hidden")
    return source_filter
