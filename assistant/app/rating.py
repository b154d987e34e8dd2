"""Rating answers in the "Hỏi đáp" tab: the chat's own thumbs, the ▲/▼ buttons with an optional comment, and
the CSV export, stored in :class:`~assistant.app.feedback.FeedbackStore` with the rated answer's citations.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import render
from assistant.app.common import bind
from assistant.app.conversations import Turn
from assistant.app.runtime import AppRuntime


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


def feedback_block() -> dict[str, Any]:
    """The comment box, the ▲/▼ buttons, the CSV export and its note (call inside the chat tab)."""
    with gr.Accordion("Đánh giá câu trả lời", open=True, elem_id="feedback"):
        comment = gr.Textbox(label="Góp ý (không bắt buộc)", elem_id="feedback-comment",
                             placeholder="Câu trả lời đúng/sai ở điểm nào?", max_lines=3)
        with gr.Row():
            up_btn = gr.Button("▲ Hữu ích", elem_id="thumbs-up", size="sm")
            down_btn = gr.Button("▼ Chưa đúng", elem_id="thumbs-down", size="sm")
            export_btn = gr.Button("Xuất phản hồi (CSV)", elem_id="export-csv", size="sm")
        note = gr.Markdown("", elem_id="feedback-note", elem_classes="feedback-note")
        export_file = gr.File(label="Tệp CSV phản hồi", visible=False, elem_id="export-file")
    return {"comment": comment, "up": up_btn, "down": down_btn, "export": export_btn, "note": note,
            "file": export_file}


def wire_feedback(runtime: AppRuntime, fb: dict[str, Any], chatbot: gr.Chatbot, turns: gr.State) -> None:
    """The chat's own thumbs and the block's buttons rate the turns in ``turns``."""
    rated = {"inputs": [turns, fb["comment"]], "outputs": [fb["note"], fb["comment"]], "api_visibility": "private"}
    chatbot.like(bind(on_like, runtime), **rated)
    fb["up"].click(bind(thumbs, runtime, True), **rated)
    fb["down"].click(bind(thumbs, runtime, False), **rated)
    fb["export"].click(bind(export_feedback, runtime), outputs=[fb["file"], fb["note"]], api_visibility="private")
