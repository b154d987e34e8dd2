"""The Gradio page: tabs "Hỏi đáp" (chat with citations), "Tra cứu" (search) and "Tài liệu" (documents).

The chat keeps its own list of turns in a ``gr.State`` (question, answer, citations), rebuilds the
chat messages from it, and sends the previous (question, answer) pairs to ``Assistant.ask_stream``
as history. Citation markers in answers are links ``#cite-<turn>-<n>``; a click on one (or on a
"Xem tài liệu" button) is caught by the sources panel's script and opens the whole document,
scrolled to the quoted span.
"""

from __future__ import annotations

import logging
import re
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.app import render
from assistant.app.runtime import SUPPORTED, AppRuntime
from assistant.errors import AssistantError
from assistant.ingest import IngestReport
from assistant.schema import NO_ANSWER

log = logging.getLogger(__name__)

EXAMPLES = [
    "Hội nghị sơ kết năm 2017 được tổ chức ở đâu?",
    "Ai chủ trì buổi làm việc ngày 06/11/2012?",
    "KCN Tân Đức",
    "Hội nghị tổng kết công tác năm 2019 của Ban Quản lý diễn ra vào ngày nào?",
    "Hội nghị sơ kết chương trình hợp tác lần thứ nhất năm 2019 được tổ chức ở đâu?",
]
DOC_HEADERS = ["Tiêu đề", "Ngày", "Nguồn", "Số đoạn", "Thêm lúc"]
RESULT_HEADERS = ["Tệp", "Kết quả", "Chi tiết"]
HISTORY_TURNS = 6
PENDING_VI = "_Đang tìm trong tài liệu…_"

# The sources panel's script: buttons [data-open] and citation links in the chat open a document.
SOURCES_JS = """
const fire = (key) => trigger('click', {key: key});
window.__assistantOpenCite = fire;
if (!window.__assistantCiteHandler) {
  window.__assistantCiteHandler = true;
  document.addEventListener('click', (event) => {
    const link = event.target.closest ? event.target.closest('a[href^="#cite-"], a[href^="#rel-"]') : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    window.__assistantOpenCite(link.getAttribute('href').slice(1));
  }, true);
}
element.addEventListener('click', (event) => {
  const button = event.target.closest('[data-open]');
  if (button) { event.preventDefault(); trigger('click', {key: button.dataset.open}); }
});
"""
RESULTS_JS = """
element.addEventListener('click', (event) => {
  const button = event.target.closest('[data-open]');
  if (button) { event.preventDefault(); trigger('click', {key: button.dataset.open}); }
});
"""
# The document view scrolls its highlighted span into view whenever it changes.
DOC_JS = """
const show = () => {
  const mark = element.querySelector('mark.hl');
  if (mark) { mark.scrollIntoView({block: 'center'}); }
};
watch('value', () => setTimeout(show, 50));
setTimeout(show, 50);
"""

CSS = """
.app-title h1 {margin-bottom: 0;}
.status {padding: 10px 14px; border-radius: 8px; font-size: 15px; line-height: 1.5;}
.status ul {margin: 4px 0 0 22px; font-size: 14px;}
.status-starting, .status-busy {background: #fff7e0; border: 1px solid #f0c36d; color: #5c4400;}
.status-ready {background: #e8f6ec; border: 1px solid #8fd19e; color: #1e5631;}
.status-error {background: #fdecea; border: 1px solid #f5a8a0; color: #8a1c12;}
.spinner {display: inline-block; width: 14px; height: 14px; border: 2px solid #c9a13b;
  border-top-color: transparent; border-radius: 50%; animation: assistant-spin 0.9s linear infinite;
  margin-right: 6px; vertical-align: -2px;}
@keyframes assistant-spin {to {transform: rotate(360deg);}}
.src-list {display: flex; flex-direction: column; gap: 10px;}
.src-card, .hit {border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
  background: var(--background-fill-secondary);}
.src-head {font-weight: 600; font-size: 15px;}
.src-n {color: var(--color-accent); font-weight: 700;}
.score {float: right; font-weight: 400; font-size: 12px; color: var(--body-text-color-subdued);}
.src-meta {font-size: 13px; color: var(--body-text-color-subdued); margin: 4px 0 6px;}
.src-text {white-space: pre-wrap; line-height: 1.55; font-size: 14px;}
mark.quote, mark.hl {background: #ffe066; color: #1a1a1a; padding: 0 2px; border-radius: 3px;}
mark.hl {background: #ffc933;}
mark.kw {background: #cfe8ff; color: #1a1a1a; padding: 0 1px; border-radius: 2px;}
.open-doc {margin-top: 8px; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--color-accent);
  background: transparent; color: var(--color-accent); cursor: pointer; font-size: 13px;}
.open-doc:hover {background: var(--color-accent); color: white;}
.doc-view .doc-title {font-weight: 700; font-size: 16px;}
.doc-body {white-space: pre-wrap; max-height: 55vh; overflow-y: auto; line-height: 1.6; padding: 10px 12px;
  border: 1px solid var(--border-color-primary); border-radius: 6px; background: var(--background-fill-primary);}
.panel-empty {color: var(--body-text-color-subdued); font-style: italic; padding: 8px 0;}
.abstain {font-weight: 700; color: #b54708; margin-bottom: 6px;}
.related-title, .hit-count {font-size: 13px; color: var(--body-text-color-subdued); margin: 4px 0 8px;}
a.cite {font-weight: 700; text-decoration: none; color: var(--color-accent); cursor: pointer;
  padding: 0 1px; border-radius: 3px;}
a.cite:hover {background: var(--color-accent-soft);}
.feedback-note {font-size: 14px;}
#docs-table, #job-table {--font-mono: var(--font);}
/* the banner is refreshed every second: no "processing" overlay on it */
#status-banner .progress-text, #status-banner .eta-bar, #status-banner .wrap.default,
#status-banner .wrap.minimal, #status-banner .wrap.translucent {display: none !important;}
"""
# Gradio has no Vietnamese locale: its few built-in English labels are replaced on the page.
TRANSLATE_JS = """
() => {
  const words = {
    "Drop File Here": "Thả tệp vào đây", "- or -": "- hoặc -", "Click to Upload": "Bấm để chọn tệp",
    "Examples": "Ví dụ", "Like": "Hữu ích", "Dislike": "Chưa đúng", "Copy": "Sao chép",
    "Copy message": "Sao chép", "Copied!": "Đã sao chép", "Clear": "Xóa", "Loading...": "Đang tải…",
    "Fullscreen": "Toàn màn hình", "Exit fullscreen mode": "Thoát toàn màn hình", "Copy table": "Sao chép bảng",
    "Error": "Lỗi", "Close": "Đóng", "Upload file": "Tải tệp lên", "Remove": "Xóa", "Download": "Tải về"
  };
  const fix = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const key = node.nodeValue.trim();
      if (key && Object.prototype.hasOwnProperty.call(words, key)) node.nodeValue = node.nodeValue.replace(key, words[key]);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll('[title], [aria-label]').forEach((el) => {
        for (const attr of ['title', 'aria-label']) {
          const value = el.getAttribute(attr);
          if (value && Object.prototype.hasOwnProperty.call(words, value)) el.setAttribute(attr, words[value]);
        }
      });
    }
  };
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fix(document.body); });
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
  fix(document.body);
}
"""


# -- small helpers ---------------------------------------------------------------------------------
def _doc_id(chunk_id: str | None) -> str | None:
    return chunk_id.rsplit("-", 1)[0] if chunk_id and "-" in chunk_id else None


def _year(value: str | float | None) -> int | None:
    """A year typed in a filter box; empty means no filter."""
    text = str(value or "").strip()
    if not text or text == "0":
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(text)
    return int(text)


def citation_dict(citation: Any) -> dict:
    data = citation.to_dict()
    data["passage_start"] = getattr(citation, "passage_start", 0)
    data["doc_id"] = _doc_id(data.get("chunk_id"))
    return data


def result_dict(result: Any) -> dict:
    data = result.to_dict()
    data["doc_id"] = getattr(result, "doc_id", None) or _doc_id(data.get("chunk_id"))
    return data


def messages(turns: list[dict]) -> list[dict]:
    out = []
    for turn in turns:
        out.append({"role": "user", "content": render.escape_markdown(turn["question"])})
        out.append({"role": "assistant", "content": turn["content"]})
    return out


def panel_for(turn: dict | None, index: int) -> str:
    if turn is None:
        return render.empty_html("Nguồn trích dẫn của câu trả lời sẽ hiện ở đây.")
    if turn["kind"] == "answer":
        return render.sources_html(turn["citations"], index)
    if turn["kind"] == "abstain":
        return render.related_html(turn["related"], index, NO_ANSWER)
    return render.empty_html("Chưa có nguồn trích dẫn.")


def _added_at(value: str) -> str:
    try:
        return datetime.fromisoformat(value).astimezone().strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return value or ""


def report_rows(report: IngestReport, rejected: list[tuple[str, str]] | None = None) -> pd.DataFrame:
    rows = [[s, "Đã thêm", ""] for s in report.added]
    rows += [[s, "Đã cập nhật", "Nội dung đã thay đổi, đã lập chỉ mục lại."] for s in report.updated]
    rows += [[s, "Không đổi", "Tài liệu đã có trong chỉ mục với cùng nội dung."] for s in report.unchanged]
    rows += [[s, "Đã xóa", ""] for s in report.removed]
    rows += [[s, "Lỗi", reason] for s, reason in [*report.failed, *(rejected or [])]]
    return pd.DataFrame(rows, columns=RESULT_HEADERS)


def report_summary(report: IngestReport, rejected: list[tuple[str, str]] | None = None) -> str:
    failed = len(report.failed) + len(rejected or [])
    parts = [f"đã thêm {len(report.added)}", f"cập nhật {len(report.updated)}", f"không đổi {len(report.unchanged)}"]
    if report.removed:
        parts.append(f"xóa {len(report.removed)}")
    parts.append(f"lỗi {failed}")
    head = "⚠ Có tệp không lập chỉ mục được — xem cột «Chi tiết». " if failed else "✔ "
    return f"{head}Kết quả: {', '.join(parts)} ({report.seconds:.1f} giây)."


# -- the page --------------------------------------------------------------------------------------
def build_ui(runtime: AppRuntime) -> gr.Blocks:
    """The whole page for one :class:`AppRuntime`."""
    bot = runtime.bot

    def docs_frame() -> pd.DataFrame:
        rows = [[d.title, render.format_date(d.date), d.source, d.n_chunks, _added_at(d.added_at)]
                for d in (bot.documents() if bot.has_index else [])]
        return pd.DataFrame(rows, columns=DOC_HEADERS)

    def source_choices() -> list[tuple[str, str]]:
        docs = bot.documents() if bot.has_index else []
        return [(f"{d.title[:70]} — {d.source}", d.source) for d in docs]

    def refresh_lists():
        choices = source_choices()
        return (docs_frame(), gr.Dropdown(choices=choices, value=None),
                gr.Dropdown(choices=[("Tất cả tài liệu", "")] + choices, value=""))

    def open_document(doc_key: str | None, source: str, places: list[tuple[int | None, int | None, str | None]],
                      terms: set[str] | None = None, label: str = "") -> str:
        """The document view with each (start, end, quote) place highlighted, scrolled to the first."""
        try:
            doc = (bot.document(doc_key) if doc_key else None) or bot.document(source)
        except AssistantError as exc:
            return render.empty_html(str(exc))
        if doc is None:
            return render.empty_html("Tài liệu này không còn trong chỉ mục.")
        spans = [render.locate(doc.text, start, end, quote) for start, end, quote in places]
        return render.document_html(doc, [s for s in spans if s], terms, label=label)

    # -- chat ----------------------------------------------------------------------------------
    def respond(message: str, turns: list[dict] | None):
        message = (message or "").strip()
        turns = list(turns or [])
        if not message:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        index = len(turns)
        turn = {"question": message, "answer": "", "kind": "pending", "content": PENDING_VI, "citations": [],
                "related": []}
        turns.append(turn)
        yield "", messages(turns), render.empty_html("Đang tìm câu trả lời…"), turns
        if not runtime.ready:
            turn.update(kind="notice", content=render.esc(runtime.not_ready_message()))
            yield "", messages(turns), panel_for(turn, index), turns
            return
        history = [(t["question"], t["answer"]) for t in turns[:-1] if t["kind"] in ("answer", "abstain")]
        answer = None
        partial = ""
        try:
            stream = getattr(bot, "ask_stream", None)
            if stream is None:
                raise AssistantError("Chức năng hỏi đáp chưa được cài đặt trên máy này.", "Assistant.ask_stream missing")
            for item in stream(message, history=history[-HISTORY_TURNS:] or None):
                if isinstance(item, str):
                    partial += item
                    turn["content"] = render.escape_markdown(partial) + " ▌"
                    yield "", messages(turns), gr.skip(), turns
                else:
                    answer = item
        except AssistantError as exc:
            log.warning("answer failed: %s", exc.log_message)
            turn.update(kind="error", content="⚠ " + render.esc(str(exc)))
            yield "", messages(turns), render.empty_html("Không có nguồn trích dẫn."), turns
            return
        except Exception as exc:  # noqa: BLE001 - the user sees a message, the log the trace
            log.exception("answer failed")
            turn.update(kind="error", content="⚠ Đã xảy ra lỗi khi trả lời: " + render.esc(str(exc)))
            yield "", messages(turns), render.empty_html("Không có nguồn trích dẫn."), turns
            return
        if answer is None:
            turn.update(kind="answer", answer=partial, content=render.escape_markdown(partial))
        elif answer.answerable:
            turn.update(kind="answer", answer=answer.answer, citations=[citation_dict(c) for c in answer.citations])
            turn["content"] = render.answer_markdown(answer.answer, index, [c["n"] for c in turn["citations"]])
        else:
            related = [result_dict(r) for r in (answer.related or [])]
            turn.update(kind="abstain", answer=answer.answer or NO_ANSWER, related=related,
                        content=render.abstention_markdown(index, related, NO_ANSWER))
        yield "", messages(turns), panel_for(turn, index), turns

    def open_chat_target(turns: list[dict], evt: gr.EventData):
        key = str(evt._data.get("key", "")) if isinstance(evt._data, dict) else ""
        kind, _, rest = key.partition("-")
        t_str, _, n_str = rest.partition("-")
        try:
            index, n = int(t_str), int(n_str)
            turn = turns[index]
        except (ValueError, IndexError, TypeError):
            return gr.skip(), gr.skip()
        if kind == "cite":
            found = [c for c in turn.get("citations", []) if c.get("n") == n]
            if not found:
                return gr.skip(), gr.skip()
            c = found[0]
            same = [g for g in found if g.get("chunk_id", "").rsplit("-", 1)[0] == c.get("doc_id")]
            view = open_document(c.get("doc_id"), c["source"], [(g.get("start"), g.get("end"), g.get("quote")) for g in same],
                                 label=f"[{n}]")
        elif kind == "rel" and 1 <= n <= len(turn.get("related", [])):
            r = turn["related"][n - 1]
            view = open_document(r.get("doc_id"), r["source"], [(r.get("start"), r.get("end"), None)], label=f"{n}.")
        else:
            return gr.skip(), gr.skip()
        return panel_for(turn, index), view

    def rate(turns: list[dict], index: int, liked: bool, comment: str) -> str:
        if not turns or not 0 <= index < len(turns) or turns[index]["kind"] not in ("answer", "abstain"):
            return "Chưa có câu trả lời nào để đánh giá."
        turn = turns[index]
        runtime.feedback.add("up" if liked else "down", turn["question"], turn["answer"], turn["citations"],
                             comment, answerable=turn["kind"] == "answer")
        icon = "✔" if liked else "✘"
        return f"{icon} Cảm ơn bạn! Đã ghi nhận đánh giá cho câu hỏi «{render.esc(turn['question'][:80])}»."

    def on_like(turns: list[dict], comment: str, evt: gr.LikeData):
        index = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
        liked = evt.liked if isinstance(evt.liked, bool) else str(evt.liked).lower() in ("like", "true")
        return rate(turns, int(index) // 2, liked, comment), ""

    def last_answer(turns: list[dict]) -> int:
        for i in range(len(turns or []) - 1, -1, -1):
            if turns[i]["kind"] in ("answer", "abstain"):
                return i
        return -1

    def thumbs_up(turns, comment):
        return rate(turns, last_answer(turns), True, comment), ""

    def thumbs_down(turns, comment):
        return rate(turns, last_answer(turns), False, comment), ""

    def export_feedback():
        folder = Path(tempfile.mkdtemp(prefix="phan_hoi_"))
        path = runtime.feedback.export_csv(folder / f"phan_hoi_{datetime.now():%Y%m%d_%H%M%S}.csv")
        return gr.File(value=str(path), visible=True), f"Đã xuất {runtime.feedback.count()} phản hồi."

    def new_conversation():
        return ([], [], render.empty_html("Nguồn trích dẫn của câu trả lời sẽ hiện ở đây."),
                render.empty_html("Bấm vào một trích dẫn [n] hoặc nút «Xem tài liệu» để xem toàn văn."), "", "")

    # -- search --------------------------------------------------------------------------------
    def do_search(query: str, since: str | None, until: str | None, source: str | None, k: float):
        query = (query or "").strip()
        empty_doc = render.empty_html("Bấm «Xem toàn văn» ở một kết quả để xem cả tài liệu.")
        if not query:
            return render.empty_html("Hãy nhập từ khóa hoặc câu hỏi cần tra cứu."), [], empty_doc
        if not runtime.ready:
            return render.empty_html(runtime.not_ready_message()), [], empty_doc
        try:
            since_i, until_i = _year(since), _year(until)
        except ValueError:
            return render.empty_html("Năm phải là số có 4 chữ số, ví dụ 2019."), [], empty_doc
        if since_i is not None and until_i is not None and since_i > until_i:
            return render.empty_html("Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc."), [], empty_doc
        try:
            results = bot.search(query, k=int(k or 5), since=since_i, until=until_i,
                                 sources=[source] if source else None)
        except AssistantError as exc:
            return render.empty_html(str(exc)), [], empty_doc
        return render.search_results_html(results, query), [result_dict(r) for r in results], empty_doc

    def open_search_target(results: list[dict], query: str, evt: gr.EventData):
        key = str(evt._data.get("key", "")) if isinstance(evt._data, dict) else ""
        try:
            r = results[int(key.removeprefix("res-"))]
        except (ValueError, IndexError, TypeError):
            return gr.skip()
        return open_document(r.get("doc_id"), r["source"], [(r.get("start"), r.get("end"), None)],
                             terms=render.query_terms(query), label=f"#{r.get('rank')}")

    # -- documents -----------------------------------------------------------------------------
    def upload(files: list[str] | None, progress=gr.Progress()):  # noqa: B008 - Gradio's injection idiom
        lists = refresh_lists()
        if not files:
            return (pd.DataFrame(columns=RESULT_HEADERS), "Hãy chọn ít nhất một tệp để tải lên.", None, *lists,
                    render.status_html(runtime.status()))
        if not runtime.ready:
            return (pd.DataFrame(columns=RESULT_HEADERS), runtime.not_ready_message(), gr.skip(), *lists,
                    render.status_html(runtime.status()))
        progress(0.05, desc="Đang lưu tệp…")
        saved, rejected, previous = runtime.save_uploads(files)
        report = IngestReport()
        if saved:
            progress(0.2, desc=f"Đang đọc và lập chỉ mục {len(saved)} tệp…")
            report = runtime.run_job(f"Đang lập chỉ mục {len(saved)} tệp tải lên…",
                                     lambda: bot.ingest(saved))
            runtime.restore_failed(report, previous)
        progress(1.0, desc="Xong")
        return (report_rows(report, rejected), report_summary(report, rejected), None, *refresh_lists(),
                render.status_html(runtime.status()))

    def delete(source: str | None):
        if not source:
            return "Hãy chọn tài liệu cần xóa.", *refresh_lists(), render.status_html(runtime.status())
        if not runtime.ready:
            return runtime.not_ready_message(), *refresh_lists(), render.status_html(runtime.status())
        try:
            report, note = runtime.delete(source)
        except AssistantError as exc:
            return f"⚠ {exc}", *refresh_lists(), render.status_html(runtime.status())
        if report.failed:
            message = f"⚠ {report.failed[0][1]}"
        else:
            message = f"✔ Đã xóa tài liệu {', '.join(report.removed)} khỏi chỉ mục. {note}".strip()
        return message, *refresh_lists(), render.status_html(runtime.status())

    def rebuild(progress=gr.Progress()):  # noqa: B008 - Gradio's injection idiom
        if not runtime.ready:
            return (pd.DataFrame(columns=RESULT_HEADERS), runtime.not_ready_message(), *refresh_lists(),
                    render.status_html(runtime.status()))
        progress(0.1, desc="Đang xây dựng lại chỉ mục từ corpus/ và các tệp đã tải lên…")
        try:
            report = runtime.rebuild()
        except AssistantError as exc:
            return (pd.DataFrame(columns=RESULT_HEADERS), f"⚠ {exc}", *refresh_lists(),
                    render.status_html(runtime.status()))
        progress(1.0, desc="Xong")
        return (report_rows(report), "Đã xây dựng lại chỉ mục. " + report_summary(report), *refresh_lists(),
                render.status_html(runtime.status()))

    # -- status --------------------------------------------------------------------------------
    def poll():
        status = runtime.status()
        if status["state"] in ("ready", "error"):
            return (render.status_html(status), gr.Timer(active=False), *refresh_lists())
        return render.status_html(status), gr.skip(), gr.skip(), gr.skip(), gr.skip()

    def page_load():
        return poll()

    def api_status() -> dict:
        """Start-up state for scripts: ready, state, message, elapsed seconds, documents and chunks."""
        status = runtime.status()
        status.update(runtime.counts() if runtime.ready else {"documents": 0, "chunks": 0})
        return status

    # -- layout --------------------------------------------------------------------------------
    with gr.Blocks(title="Trợ lý tài liệu Ban Quản lý các KCN", analytics_enabled=False) as demo:
        gr.Markdown("# Trợ lý tài liệu Ban Quản lý các KCN\nHỏi đáp có trích dẫn nguồn và tra cứu trên "
                    "các tài liệu đã lập chỉ mục — chạy hoàn toàn trên máy này.", elem_classes="app-title")
        status = gr.HTML(render.status_html(runtime.status()), elem_id="status-banner", js_on_load=None)
        timer = gr.Timer(1.0)
        turns = gr.State([])
        results_state = gr.State([])

        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="Hội thoại", elem_id="chatbot", height=520, buttons=["copy"],
                            placeholder="Hãy đặt câu hỏi về nội dung các tài liệu. Câu trả lời kèm trích dẫn [n]; "
                                        "bấm vào [n] để xem đoạn gốc trong tài liệu.",
                        )
                        with gr.Row():
                            question = gr.Textbox(show_label=False, placeholder="Nhập câu hỏi rồi nhấn Enter…",
                                                  elem_id="question", scale=5, max_lines=4)
                            ask_btn = gr.Button("Gửi", variant="primary", elem_id="ask-btn", scale=1, min_width=80)
                        gr.Examples(EXAMPLES, inputs=[question], label="Câu hỏi mẫu (bấm để chọn)")
                        with gr.Row():
                            new_btn = gr.Button("Cuộc hội thoại mới", elem_id="new-chat", size="sm")
                        with gr.Accordion("Đánh giá câu trả lời", open=True):
                            comment = gr.Textbox(label="Góp ý (không bắt buộc)", elem_id="feedback-comment",
                                                 placeholder="Câu trả lời đúng/sai ở điểm nào?", max_lines=3)
                            with gr.Row():
                                up_btn = gr.Button("▲ Hữu ích", elem_id="thumbs-up", size="sm")
                                down_btn = gr.Button("▼ Chưa đúng", elem_id="thumbs-down", size="sm")
                                export_btn = gr.Button("Xuất phản hồi (CSV)", elem_id="export-csv", size="sm")
                            feedback_note = gr.Markdown("", elem_id="feedback-note", elem_classes="feedback-note")
                            export_file = gr.File(label="Tệp CSV phản hồi", visible=False, elem_id="export-file")
                    with gr.Column(scale=2):
                        gr.Markdown("### Nguồn trích dẫn")
                        sources = gr.HTML(render.empty_html("Nguồn trích dẫn của câu trả lời sẽ hiện ở đây."),
                                          elem_id="sources", js_on_load=SOURCES_JS)
                gr.Markdown("### Toàn văn tài liệu")
                chat_doc = gr.HTML(render.empty_html("Bấm vào một trích dẫn [n] hoặc nút «Xem tài liệu» để xem toàn văn."),
                                   elem_id="chat-doc", js_on_load=DOC_JS)

            with gr.Tab("Tra cứu", id="search"):
                with gr.Row():
                    query = gr.Textbox(label="Từ khóa hoặc câu hỏi", elem_id="search-query", scale=4,
                                       placeholder="Ví dụ: hoi nghi tong ket nam 2019 (gõ có hoặc không dấu)")
                    search_btn = gr.Button("Tìm kiếm", variant="primary", elem_id="search-btn", scale=1, min_width=100)
                with gr.Row():
                    since = gr.Textbox(label="Từ năm (tùy chọn)", placeholder="vd. 2017", max_lines=1, elem_id="since")
                    until = gr.Textbox(label="Đến năm (tùy chọn)", placeholder="vd. 2019", max_lines=1, elem_id="until")
                    source_filter = gr.Dropdown(label="Tài liệu", choices=[("Tất cả tài liệu", "")], value="", allow_custom_value=True,
                                                elem_id="source-filter", scale=2)
                    top_k = gr.Slider(1, 20, value=5, step=1, label="Số kết quả", elem_id="top-k")
                with gr.Row(equal_height=False):
                    with gr.Column(scale=1):
                        results_html = gr.HTML(render.empty_html("Kết quả tra cứu sẽ hiện ở đây."), elem_id="results",
                                               js_on_load=RESULTS_JS)
                    with gr.Column(scale=1):
                        search_doc = gr.HTML(render.empty_html("Bấm «Xem toàn văn» ở một kết quả để xem cả tài liệu."),
                                             elem_id="search-doc", js_on_load=DOC_JS)

            with gr.Tab("Tài liệu", id="docs") as docs_tab:
                docs_table = gr.Dataframe(value=pd.DataFrame(columns=DOC_HEADERS), headers=DOC_HEADERS,
                                          datatype=["str", "str", "str", "number", "str"], interactive=False,
                                          wrap=True, label="Tài liệu đã lập chỉ mục", elem_id="docs-table",
                                          column_widths=["46%", "10%", "22%", "8%", "14%"])
                with gr.Row(equal_height=False):
                    with gr.Column():
                        gr.Markdown("### Tải tài liệu lên\nNhận PDF, DOCX, TXT, HTML, MD (chọn được nhiều tệp). "
                                    "Tệp được lưu vào thư mục `uploads/` của chỉ mục và lập chỉ mục ngay.")
                        files = gr.File(label="Chọn tệp", file_count="multiple", file_types=list(SUPPORTED),
                                        elem_id="upload-files")
                        upload_btn = gr.Button("Tải lên và lập chỉ mục", variant="primary", elem_id="upload-btn")
                    with gr.Column():
                        gr.Markdown("### Xóa tài liệu / xây dựng lại")
                        delete_choice = gr.Dropdown(label="Tài liệu cần xóa", choices=[], value=None, allow_custom_value=True,
                                                    elem_id="delete-choice")
                        delete_btn = gr.Button("Xóa tài liệu", variant="stop", elem_id="delete-btn")
                        rebuild_btn = gr.Button("Xây dựng lại chỉ mục", elem_id="rebuild-btn")
                        gr.Markdown("Xây dựng lại đọc lại toàn bộ `corpus/` và các tệp đã tải lên.",
                                    elem_classes="feedback-note")
                job_summary = gr.Markdown("", elem_id="job-summary")
                job_table = gr.Dataframe(value=pd.DataFrame(columns=RESULT_HEADERS), headers=RESULT_HEADERS,
                                         interactive=False, wrap=True, label="Kết quả theo tệp", elem_id="job-table",
                                         column_widths=["30%", "15%", "55%"])

        # -- events ----------------------------------------------------------------------------
        lists = [docs_table, delete_choice, source_filter]
        timer.tick(poll, outputs=[status, timer, *lists], show_progress="hidden", concurrency_limit=None,
                   api_visibility="private")
        demo.load(page_load, outputs=[status, timer, *lists], show_progress="hidden", api_visibility="private")
        gr.api(api_status, api_name="status")

        gr.on([question.submit, ask_btn.click], respond, inputs=[question, turns],
              outputs=[question, chatbot, sources, turns], api_name="chat", trigger_mode="once",
              show_progress="minimal")
        sources.click(open_chat_target, inputs=[turns], outputs=[sources, chat_doc], api_visibility="private",
                      show_progress="hidden")
        for clear in (new_btn.click, chatbot.clear):  # the chat's own bin icon starts over too
            clear(new_conversation, outputs=[chatbot, turns, sources, chat_doc, comment, feedback_note],
                  api_visibility="private")
        chatbot.like(on_like, inputs=[turns, comment], outputs=[feedback_note, comment], api_visibility="private")
        up_btn.click(thumbs_up, inputs=[turns, comment], outputs=[feedback_note, comment], api_visibility="private")
        down_btn.click(thumbs_down, inputs=[turns, comment], outputs=[feedback_note, comment],
                       api_visibility="private")
        export_btn.click(export_feedback, outputs=[export_file, feedback_note], api_visibility="private")

        gr.on([query.submit, search_btn.click], do_search, inputs=[query, since, until, source_filter, top_k],
              outputs=[results_html, results_state, search_doc], api_name="search")
        results_html.click(open_search_target, inputs=[results_state, query], outputs=[search_doc],
                           api_visibility="private", show_progress="hidden")

        docs_tab.select(refresh_lists, outputs=lists, api_visibility="private", show_progress="hidden")
        upload_btn.click(upload, inputs=[files], outputs=[job_table, job_summary, files, *lists, status],
                         concurrency_limit=1, concurrency_id="index-jobs", api_name="upload")
        delete_btn.click(delete, inputs=[delete_choice], outputs=[job_summary, *lists, status],
                         concurrency_limit=1, concurrency_id="index-jobs", api_name="delete")
        rebuild_btn.click(rebuild, outputs=[job_table, job_summary, *lists, status],
                          concurrency_limit=1, concurrency_id="index-jobs", api_name="rebuild")
    return demo


def launch_options() -> dict[str, Any]:
    """Theme, CSS and other ``launch()`` arguments of the page (Gradio 6 takes them at launch)."""
    theme = gr.themes.Soft(
        primary_hue="blue",
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"],
        font_mono=["ui-monospace", "Consolas", "DejaVu Sans Mono", "monospace"],
    )
    return {"theme": theme, "css": CSS, "js": TRANSLATE_JS, "footer_links": [], "ssr_mode": False}
