"""The "Hỏi đáp" tab: chat with citations, the sources panel beside it, filters, past conversations, feedback.

The chat keeps its own list of :class:`Turn` in a ``gr.State``, rebuilds the chat messages from it,
and sends the previous (question, answer) pairs to the runtime as history (at most
``settings.history_turns``). Each answer shows its short answer in bold first, then the quotes;
notices (index being rebuilt, filters, a failed local model) sit apart from the answer.

A citation marker ``[n]`` is a link ``#cite-<turn>-<n>`` whose tooltip (and, on hover or tap, a
small popover) shows the quote; a click opens that turn's sources in the panel beside the chat with
card ``n`` marked and the document below it, scrolled inside the panel — the chat does not move. On
a phone the panel follows the answer. Conversations are kept in the browser
(:mod:`assistant.app.conversations`) and survive a reload; they export as Markdown or DOCX.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import conversations as convs
from assistant.app import render
from assistant.app.chat_scripts import CHAT_DOC_JS, SOURCES_JS
from assistant.app.common import bind, event_key, open_document
from assistant.app.conversations import PENDING_VI, Turn
from assistant.app.filters import ChatFilters
from assistant.app.rating import feedback_block, wire_feedback
from assistant.app.runtime import AppRuntime
from assistant.errors import AssistantError
from assistant.schema import NO_ANSWER, Answer

log = logging.getLogger(__name__)

__all__ = ["PENDING_VI", "Turn", "build_chat_tab", "respond"]

EXAMPLES = [
    "Hội nghị sơ kết năm 2017 được tổ chức ở đâu?",
    "Ai chủ trì buổi làm việc ngày 06/11/2012?",
    "KCN Tân Đức",
    "Hội nghị tổng kết công tác năm 2019 của Ban Quản lý diễn ra vào ngày nào?",
    "Hội nghị sơ kết chương trình hợp tác lần thứ nhất năm 2019 được tổ chức ở đâu?",
]
SOURCES_EMPTY_VI = "Nguồn trích dẫn của câu trả lời sẽ hiện ở đây."
DOC_EMPTY_VI = "Bấm vào một trích dẫn [n] hoặc nút «Xem tài liệu» để xem toàn văn."
QUEUED_VI = ("Hệ thống đang khởi động. Câu hỏi đã được xếp hàng và sẽ được trả lời ngay khi sẵn sàng "
             "(đã chờ {seconds} giây)…")
TIMEOUT_VI = "Hệ thống vẫn chưa sẵn sàng sau {minutes} phút chờ; xin gửi lại câu hỏi sau ít phút."
QUEUE_POLL_S = 1.0
QUEUE_LIMIT_S = 1800.0

ChatUpdate = tuple[Any, Any, Any, Any]
"""What :func:`respond` yields: (question box, chat messages, sources panel, turns)."""


# -- rendering -------------------------------------------------------------------------------------
def messages(turns: list[Turn]) -> list[dict[str, str]]:
    """The chat's messages, rebuilt from the turns (the user's text escaped, so it shows as typed)."""
    out = []
    for turn in turns:
        out.append({"role": "user", "content": render.escape_markdown(turn.question)})
        out.append({"role": "assistant", "content": render.notices_html(turn.notices) + turn.content})
    return out


def panel_for(turn: Turn | None, index: int, active: int | None = None) -> str:
    """The sources panel of one turn: its citations (card ``active`` marked), the related passages of an
    abstention, or a note."""
    if turn is None:
        return render.empty_html(SOURCES_EMPTY_VI)
    if turn.kind == "answer":
        return render.sources_html(turn.citations, index, active=active)
    if turn.kind == "abstain":
        return render.related_html(turn.related, index, NO_ANSWER, active=active)
    return render.empty_html("Chưa có nguồn trích dẫn.")


def last_panel(turns: list[Turn]) -> str:
    """The panel of the latest turn (what a restored conversation shows)."""
    return panel_for(turns[-1], len(turns) - 1) if turns else render.empty_html(SOURCES_EMPTY_VI)


def split_notice(answer: Answer) -> str:
    """The answer text without the notice the LLM chain puts in front of it (shown apart)."""
    text = answer.answer or ""
    if answer.notice:
        head = f"⚠ {answer.notice}"
        if text.startswith(head):
            text = text[len(head):].lstrip()
    return text


def finish_turn(turn: Turn, index: int, answer: Answer | None, partial: str) -> None:
    """Fill ``turn`` from the finished answer (or the streamed text when the chain gave none)."""
    if answer is None:
        turn.kind, turn.answer, turn.content = "answer", partial, render.escape_markdown(partial)
        return
    if answer.notice:
        turn.notices.append(answer.notice)
    if answer.answerable:
        text = split_notice(answer)
        turn.kind, turn.answer, turn.citations = "answer", text, list(answer.citations)
        turn.short = answer.short_answer
        turn.content = render.answer_markdown(text, index, [c.n for c in answer.citations], answer.short_answer,
                                              previews=render.citation_previews(answer.citations))
    else:
        turn.kind, turn.answer, turn.related = "abstain", answer.answer or NO_ANSWER, list(answer.related)
        turn.content = render.abstention_markdown(index, turn.related, turn.answer)


# -- handlers --------------------------------------------------------------------------------------
def read_filters(sources: list[str] | None, since: float | None, until: float | None) -> tuple[ChatFilters, str]:
    """The chat's filters from the form, and a Vietnamese problem ("" when they are fine)."""
    years = [None if v in (None, "", 0) else int(v) for v in (since, until)]  # an emptied box may send 0
    for year in years:
        if year is not None and not 1900 <= year <= 2100:
            return ChatFilters(), f"Năm {year} không hợp lệ; hãy nhập năm có bốn chữ số, ví dụ 2019."
    if years[0] is not None and years[1] is not None and years[0] > years[1]:
        return ChatFilters(), f"«Từ năm» ({years[0]}) lớn hơn «Đến năm» ({years[1]})."
    return ChatFilters(tuple(s for s in (sources or []) if s), years[0], years[1]), ""


def wait_until_answering(runtime: AppRuntime, turn: Turn) -> Iterator[None]:
    """Hold a question asked before the app can answer: yields once a second (the turn says it is queued)
    until questions can be answered; the turn becomes a notice if the start-up fails or takes too long."""
    started = time.monotonic()
    while not runtime.answering:
        waited = time.monotonic() - started
        if runtime.failed or waited > QUEUE_LIMIT_S:
            message = runtime.not_ready_message() if runtime.failed else TIMEOUT_VI.format(minutes=round(waited / 60))
            turn.kind, turn.content = "notice", render.esc(message)
            return
        turn.content = render.esc(QUEUED_VI.format(seconds=round(waited)))
        yield
        time.sleep(QUEUE_POLL_S)


def respond(runtime: AppRuntime, message: str, turns: list[Turn] | None, sources: list[str] | None = None,
            since: float | None = None, until: float | None = None) -> Iterator[ChatUpdate]:
    """Stream the answer to ``message`` into the chat, then show its sources; errors become a message.

    Asked before the app can answer, the question waits in the chat (it is never dropped)."""
    message = (message or "").strip()
    turns = list(turns or [])
    if not message:
        yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
        return
    index, turn = len(turns), Turn(message)
    turns.append(turn)
    filters, problem = read_filters(sources, since, until)
    if problem:
        turn.kind, turn.content = "notice", "⚠ " + render.esc(problem)
        yield "", messages(turns), panel_for(turn, index), turns
        return
    yield "", messages(turns), render.empty_html("Đang tìm câu trả lời…"), turns
    for _ in wait_until_answering(runtime, turn):
        yield "", messages(turns), gr.skip(), turns
    if turn.kind == "notice":
        yield "", messages(turns), panel_for(turn, index), turns
        return
    turn.content = PENDING_VI
    turn.notices = [n for n in (runtime.indexing_notice(), filters.describe()) if n]
    yield from _answer(runtime, turns, turn, index, filters)


def _answer(runtime: AppRuntime, turns: list[Turn], turn: Turn, index: int, filters: ChatFilters
            ) -> Iterator[ChatUpdate]:
    limit = runtime.settings.history_turns
    history = [(t.question, t.answer) for t in turns[:-1] if t.answered][-limit:] if limit else []
    answer: Answer | None = None
    partial = ""
    try:
        for item in runtime.ask_stream(turn.question, history or None, filters):
            if isinstance(item, str):
                partial += item
                turn.content = render.escape_markdown(partial) + " ▌"
                yield "", messages(turns), gr.skip(), turns
            else:
                answer = item
    except AssistantError as exc:
        log.warning("answer failed: %s", exc.log_message)
        turn.kind, turn.content = "error", "⚠ " + render.esc(str(exc))
    except Exception as exc:  # noqa: BLE001 - the user sees a message, the log the trace
        log.exception("answer failed")
        turn.kind, turn.content = "error", "⚠ Đã xảy ra lỗi khi trả lời: " + render.esc(str(exc))
    if turn.kind == "error":
        yield "", messages(turns), render.empty_html("Không có nguồn trích dẫn."), turns
        return
    finish_turn(turn, index, answer, partial)
    yield "", messages(turns), panel_for(turn, index), turns


def open_target(runtime: AppRuntime, turns: list[Turn], evt: gr.EventData) -> tuple[Any, Any]:
    """A click on ``[n]`` (key ``cite-<turn>-<n>``) or a related passage (``rel-<turn>-<i>``): that turn's
    sources panel with the card marked, and the document, highlighted at the quote(s)."""
    kind, _, rest = event_key(evt).partition("-")
    t_str, _, n_str = rest.partition("-")
    try:
        index, n = int(t_str), int(n_str)
        turn = turns[index]
    except (ValueError, IndexError, TypeError):
        return gr.skip(), gr.skip()
    if kind == "cite":
        found = [c for c in turn.citations if c.n == n]
        if not found:
            return gr.skip(), gr.skip()
        first = found[0]
        same = [c for c in found if c.passage.doc_id == first.passage.doc_id]
        view = open_document(runtime, first.passage.doc_id, first.source, [(c.start, c.end, c.quote) for c in same],
                             label=f"[{n}]")
    elif kind == "rel" and 1 <= n <= len(turn.related):
        r = turn.related[n - 1]
        view = open_document(runtime, r.doc_id, r.source, [(r.start, r.end, None)], label=f"{n}.")
    else:
        return gr.skip(), gr.skip()
    return panel_for(turn, index, active=n), view


# -- conversations ---------------------------------------------------------------------------------
def restore(store: dict | None) -> tuple[Any, ...]:
    """On page load: the browser's current conversation back. Returns (chat, turns, sources, id, list)."""
    store = store or convs.empty_store()
    conv_id = store.get("current") or convs.new_id()
    turns = convs.find(store, conv_id)
    return (messages(turns), turns, last_panel(turns), conv_id,
            gr.Dropdown(choices=convs.choices(store), value=conv_id if turns else None))


def save(turns: list[Turn], conv_id: str, store: dict | None) -> tuple[Any, Any]:
    """After each answer: the conversation saved in the browser. Returns (store, list)."""
    conv_id = conv_id or convs.new_id()
    store = convs.save_conversation(store, conv_id, turns)
    return store, gr.Dropdown(choices=convs.choices(store), value=conv_id if turns else None)


def switch(choice: str | None, store: dict | None) -> tuple[Any, ...]:
    """Open a past conversation. Returns (chat, turns, sources, document view, id, store)."""
    if not choice:
        return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
    turns = convs.find(store, choice)
    store = dict(store or convs.empty_store(), current=choice)
    return messages(turns), turns, last_panel(turns), render.empty_html(DOC_EMPTY_VI), choice, store


def new_conversation(store: dict | None) -> tuple[Any, ...]:
    """Empty chat, turns, panels, comment and note; a new id, made current in the browser."""
    conv_id = convs.new_id()
    store = dict(store or convs.empty_store(), current=conv_id)
    return ([], [], render.empty_html(SOURCES_EMPTY_VI), render.empty_html(DOC_EMPTY_VI), "", "", conv_id, store,
            gr.Dropdown(choices=convs.choices(store), value=None))


def export_conversation(turns: list[Turn], kind: str) -> tuple[Any, str]:
    """The conversation as a Markdown or DOCX file offered for download."""
    if not turns:
        return gr.update(visible=False), "Chưa có hội thoại nào để xuất."
    folder = Path(tempfile.mkdtemp(prefix="hoi_thoai_"))
    path = convs.write_docx(turns, folder) if kind == "docx" else convs.write_markdown(turns, folder)
    return gr.update(value=str(path), visible=True), f"Đã xuất hội thoại ({len(turns)} câu hỏi) ra tệp {path.name}."


def source_choices(runtime: AppRuntime) -> list[tuple[str, str]]:
    """(label, source) of every document, for the chat's document filter."""
    docs = runtime.bot.documents() if runtime.bot.has_index else []
    return [(f"{d.title[:70]} — {d.source}", d.source) for d in docs]


def refresh_filter(runtime: AppRuntime) -> Any:
    """The document filter with the current documents (what the user picked is kept)."""
    return gr.Dropdown(choices=source_choices(runtime))


# -- layout ----------------------------------------------------------------------------------------
def _side_panel() -> tuple[gr.HTML, gr.HTML]:
    """The column beside the chat (below it on a phone): the sources, then the document view."""
    with gr.Column(scale=2, elem_id="side-col", min_width=300):
        gr.Markdown("### Nguồn trích dẫn")
        sources = gr.HTML(render.empty_html(SOURCES_EMPTY_VI), elem_id="sources", js_on_load=SOURCES_JS)
        gr.Markdown("### Toàn văn tài liệu", elem_classes="doc-heading")
        chat_doc = gr.HTML(render.empty_html(DOC_EMPTY_VI), elem_id="chat-doc", js_on_load=CHAT_DOC_JS)
    return sources, chat_doc


def _filters(runtime: AppRuntime) -> tuple[gr.Dropdown, gr.Number, gr.Number]:
    with gr.Accordion("Phạm vi hỏi đáp: tài liệu và năm", open=False, elem_id="chat-filters"):
        chosen = gr.Dropdown(label="Chỉ dùng các tài liệu (để trống: tất cả)", choices=source_choices(runtime)
                             if runtime.ready else [], value=[], multiselect=True, elem_id="chat-sources")
        with gr.Row():
            # no minimum/maximum: Gradio would refuse the question with an English error; read_filters
            # checks the years and says what is wrong in Vietnamese
            since = gr.Number(label="Từ năm", value=None, precision=0, elem_id="chat-since")
            until = gr.Number(label="Đến năm", value=None, precision=0, elem_id="chat-until")
    return chosen, since, until


def build_chat_tab(runtime: AppRuntime) -> dict[str, Any]:
    """The tab's components and events (call inside ``gr.Tab``). Returns the components the page wires:
    ``filter`` (the document filter to refresh) and ``restore`` (the page-load event's arguments)."""
    turns = gr.State([])
    conv_id = gr.State("")
    store = gr.BrowserState(convs.empty_store(), storage_key="assistant-conversations",
                            secret=runtime.browser_secret())
    with gr.Row(equal_height=False, elem_id="chat-row"):
        with gr.Column(scale=3, elem_id="chat-col"):
            chatbot = gr.Chatbot(
                label="Hội thoại", elem_id="chatbot", height="62vh", min_height=320, buttons=["copy"],
                placeholder="Hãy đặt câu hỏi về nội dung các tài liệu. Câu trả lời ngắn in đậm, kèm trích dẫn [n]: "
                            "rê chuột hoặc chạm vào [n] để xem câu trích, bấm để mở nguồn bên cạnh.",
            )
            with gr.Row(elem_id="ask-row"):
                question = gr.Textbox(label="Câu hỏi", show_label=False, placeholder="Nhập câu hỏi…",
                                      elem_id="question", scale=5, max_lines=4)
                ask_btn = gr.Button("Gửi", variant="primary", elem_id="ask-btn", scale=1, min_width=80)
        sources, chat_doc = _side_panel()
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            gr.Examples(EXAMPLES, inputs=[question], label="Câu hỏi mẫu (bấm để chọn)")
            chosen, since, until = _filters(runtime)
        with gr.Column(scale=2):
            with gr.Accordion("Các cuộc hội thoại", open=True, elem_id="conversations"):
                conv_list = gr.Dropdown(label="Hội thoại đã lưu trên trình duyệt này", choices=[], value=None,
                                        elem_id="conv-list")
                with gr.Row():
                    new_btn = gr.Button("Cuộc hội thoại mới", elem_id="new-chat", size="sm")
                    md_btn = gr.Button("Xuất Markdown", elem_id="export-md", size="sm")
                    docx_btn = gr.Button("Xuất DOCX", elem_id="export-docx", size="sm")
                conv_note = gr.Markdown("", elem_id="conv-note", elem_classes="feedback-note")
                conv_file = gr.File(label="Tệp hội thoại", visible=False, elem_id="conv-file")
            feedback = feedback_block()
    chat = [question, chatbot, sources, turns]
    hidden = {"api_visibility": "private", "show_progress": "hidden"}
    gr.on([question.submit, ask_btn.click], bind(respond, runtime), inputs=[question, turns, chosen, since, until],
          outputs=chat, api_name="chat", trigger_mode="once", show_progress="hidden").then(
        save, inputs=[turns, conv_id, store], outputs=[store, conv_list], **hidden)
    sources.click(bind(open_target, runtime), inputs=[turns], outputs=[sources, chat_doc], **hidden)
    cleared = [chatbot, turns, sources, chat_doc, feedback["comment"], feedback["note"], conv_id, store, conv_list]
    for clear in (new_btn.click, chatbot.clear):  # the chat's own bin icon starts over too
        clear(new_conversation, inputs=[store], outputs=cleared, **hidden)
    conv_list.input(switch, inputs=[conv_list, store], outputs=[chatbot, turns, sources, chat_doc, conv_id, store],
                    **hidden)
    md_btn.click(lambda t: export_conversation(t, "md"), inputs=[turns], outputs=[conv_file, conv_note], **hidden)
    docx_btn.click(lambda t: export_conversation(t, "docx"), inputs=[turns], outputs=[conv_file, conv_note], **hidden)
    wire_feedback(runtime, feedback, chatbot, turns)
    return {"filter": chosen, "restore": (restore, [store], [chatbot, turns, sources, conv_id, conv_list])}

