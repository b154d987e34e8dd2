"""The "Hỏi đáp" tab: chat with citations, the sources panel, the document view and feedback.

The chat keeps its own list of :class:`Turn` in a ``gr.State``, rebuilds the chat messages from it,
and sends the previous (question, answer) pairs to ``Assistant.ask_stream`` as history (at most
``settings.history_turns``). Citation markers in answers are links ``#cite-<turn>-<n>``; a click on
one (or on a "Xem tài liệu" button) is caught by the sources panel's script and opens the whole
document, scrolled to the quoted span.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import render
from assistant.app.common import DOC_JS, OPEN_BUTTON_JS, bind, event_key, open_document
from assistant.app.runtime import AppRuntime
from assistant.errors import AssistantError
from assistant.schema import NO_ANSWER, Answer, Citation, Passage

log = logging.getLogger(__name__)

EXAMPLES = [
    "Hội nghị sơ kết năm 2017 được tổ chức ở đâu?",
    "Ai chủ trì buổi làm việc ngày 06/11/2012?",
    "KCN Tân Đức",
    "Hội nghị tổng kết công tác năm 2019 của Ban Quản lý diễn ra vào ngày nào?",
    "Hội nghị sơ kết chương trình hợp tác lần thứ nhất năm 2019 được tổ chức ở đâu?",
]
PENDING_VI = "_Đang tìm trong tài liệu…_"
SOURCES_EMPTY_VI = "Nguồn trích dẫn của câu trả lời sẽ hiện ở đây."
DOC_EMPTY_VI = "Bấm vào một trích dẫn [n] hoặc nút «Xem tài liệu» để xem toàn văn."
# Citation links live in the chat, outside the sources panel: one document-wide listener (installed
# once) forwards their clicks to the panel's trigger, like the panel's own buttons.
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
""" + OPEN_BUTTON_JS

ChatUpdate = tuple[Any, Any, Any, Any]
"""What :func:`respond` yields: (question box, chat messages, sources panel, turns)."""


@dataclass
class Turn:
    """One question and what came back; ``kind`` is pending, answer, abstain, notice or error."""

    question: str
    kind: str = "pending"
    answer: str = ""  # plain text, sent back as history and stored with feedback
    content: str = PENDING_VI  # the chat message (Markdown with citation links)
    citations: list[Citation] = field(default_factory=list)
    related: list[Passage] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        """Whether the turn holds an answer or an abstention (the ones history and feedback keep)."""
        return self.kind in ("answer", "abstain")


# -- rendering -------------------------------------------------------------------------------------
def messages(turns: list[Turn]) -> list[dict[str, str]]:
    """The chat's messages, rebuilt from the turns (the user's text escaped, so it shows as typed)."""
    out = []
    for turn in turns:
        out.append({"role": "user", "content": render.escape_markdown(turn.question)})
        out.append({"role": "assistant", "content": turn.content})
    return out


def panel_for(turn: Turn | None, index: int) -> str:
    """The sources panel of one turn: its citations, the related passages of an abstention, or a note."""
    if turn is None:
        return render.empty_html(SOURCES_EMPTY_VI)
    if turn.kind == "answer":
        return render.sources_html(turn.citations, index)
    if turn.kind == "abstain":
        return render.related_html(turn.related, index, NO_ANSWER)
    return render.empty_html("Chưa có nguồn trích dẫn.")


def finish_turn(turn: Turn, index: int, answer: Answer | None, partial: str) -> None:
    """Fill ``turn`` from the finished answer (or the streamed text when the chain gave none)."""
    if answer is None:
        turn.kind, turn.answer, turn.content = "answer", partial, render.escape_markdown(partial)
    elif answer.answerable:
        turn.kind, turn.answer, turn.citations = "answer", answer.answer, list(answer.citations)
        turn.content = render.answer_markdown(answer.answer, index, [c.n for c in answer.citations],
                                              answer.short_answer)
    else:
        turn.kind, turn.answer, turn.related = "abstain", answer.answer or NO_ANSWER, list(answer.related)
        turn.content = render.abstention_markdown(index, turn.related, NO_ANSWER)


# -- handlers --------------------------------------------------------------------------------------
def respond(runtime: AppRuntime, message: str, turns: list[Turn] | None) -> Iterator[ChatUpdate]:
    """Stream the answer to ``message`` into the chat, then show its sources; errors become a message."""
    message = (message or "").strip()
    turns = list(turns or [])
    if not message:
        yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
        return
    index, turn = len(turns), Turn(message)
    turns.append(turn)
    yield "", messages(turns), render.empty_html("Đang tìm câu trả lời…"), turns
    if not runtime.ready:
        turn.kind, turn.content = "notice", render.esc(runtime.not_ready_message())
        yield "", messages(turns), panel_for(turn, index), turns
        return
    limit = runtime.settings.history_turns
    history = [(t.question, t.answer) for t in turns[:-1] if t.answered][-limit:] if limit else []
    answer: Answer | None = None
    partial = ""
    try:
        for item in runtime.bot.ask_stream(message, history=history or None):
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
    """A click on ``[n]`` (key ``cite-<turn>-<n>``) or a related passage (``rel-<turn>-<i>``):
    that turn's sources panel and the document, highlighted at the quote(s)."""
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
    return panel_for(turn, index), view


def rate(runtime: AppRuntime, turns: list[Turn], index: int, liked: bool, comment: str) -> str:
    """Store a judgement of turn ``index`` with its citations; the note the user sees."""
    if not turns or not 0 <= index < len(turns) or not turns[index].answered:
        return "Chưa có câu trả lời nào để đánh giá."
    turn = turns[index]
    citations = [{**c.to_dict(), "passage_start": c.passage_start, "doc_id": c.passage.doc_id}
                 for c in turn.citations]
    runtime.feedback.add("up" if liked else "down", turn.question, turn.answer, citations, comment,
                         answerable=turn.kind == "answer")
    icon = "✔" if liked else "✘"
    return f"{icon} Cảm ơn bạn! Đã ghi nhận đánh giá cho câu hỏi «{render.esc(turn.question[:80])}»."


def on_like(runtime: AppRuntime, turns: list[Turn], comment: str, evt: gr.LikeData) -> tuple[str, str]:
    """The chat's own thumbs on a message: message ``i`` belongs to turn ``i // 2``."""
    index = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
    liked = evt.liked if isinstance(evt.liked, bool) else str(evt.liked).lower() in ("like", "true")
    return rate(runtime, turns, int(index) // 2, liked, comment), ""


def last_answer(turns: list[Turn]) -> int:
    """Index of the latest answered turn (what the thumbs buttons rate), -1 if none."""
    for i in range(len(turns or []) - 1, -1, -1):
        if turns[i].answered:
            return i
    return -1


def thumbs(runtime: AppRuntime, liked: bool, turns: list[Turn], comment: str) -> tuple[str, str]:
    """The ▲/▼ buttons: rate the latest answer and clear the comment box."""
    return rate(runtime, turns, last_answer(turns), liked, comment), ""


def export_feedback(runtime: AppRuntime) -> tuple[Any, str]:
    """All feedback as a CSV file offered for download."""
    folder = Path(tempfile.mkdtemp(prefix="phan_hoi_"))
    path = runtime.feedback.export_csv(folder / f"phan_hoi_{datetime.now():%Y%m%d_%H%M%S}.csv")
    return gr.update(value=str(path), visible=True), f"Đã xuất {runtime.feedback.count()} phản hồi."


def new_conversation() -> tuple[list, list, str, str, str, str]:
    """Empty chat, turns, panels, comment and note."""
    return [], [], render.empty_html(SOURCES_EMPTY_VI), render.empty_html(DOC_EMPTY_VI), "", ""


# -- layout ----------------------------------------------------------------------------------------
def build_chat_tab(runtime: AppRuntime) -> None:
    """The tab's components and events (call inside ``gr.Tab``)."""
    turns = gr.State([])
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
            sources = gr.HTML(render.empty_html(SOURCES_EMPTY_VI), elem_id="sources", js_on_load=SOURCES_JS)
    gr.Markdown("### Toàn văn tài liệu")
    chat_doc = gr.HTML(render.empty_html(DOC_EMPTY_VI), elem_id="chat-doc", js_on_load=DOC_JS)

    gr.on([question.submit, ask_btn.click], bind(respond, runtime), inputs=[question, turns],
          outputs=[question, chatbot, sources, turns], api_name="chat", trigger_mode="once", show_progress="minimal")
    sources.click(bind(open_target, runtime), inputs=[turns], outputs=[sources, chat_doc], api_visibility="private",
                  show_progress="hidden")
    for clear in (new_btn.click, chatbot.clear):  # the chat's own bin icon starts over too
        clear(new_conversation, outputs=[chatbot, turns, sources, chat_doc, comment, feedback_note],
              api_visibility="private")
    rated = {"inputs": [turns, comment], "outputs": [feedback_note, comment], "api_visibility": "private"}
    chatbot.like(bind(on_like, runtime), **rated)
    up_btn.click(bind(thumbs, runtime, True), **rated)
    down_btn.click(bind(thumbs, runtime, False), **rated)
    export_btn.click(bind(export_feedback, runtime), outputs=[export_file, feedback_note], api_visibility="private")
