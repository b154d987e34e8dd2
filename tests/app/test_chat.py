"""The "Hỏi đáp" handlers, called directly: streaming, citations, history, abstention, sources, feedback."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
from app_stubs import QUOTE, SHORT

from assistant.app import chat
from assistant.app.runtime import STARTING_VI
from assistant.schema import NO_ANSWER


def ask(runtime, question, turns):
    updates = list(chat.respond(runtime, question, turns))
    return updates, updates[-1]


def test_answers_wait_until_ready(make_runtime):
    runtime = make_runtime(ready=False)
    _, (box, messages, _, turns) = ask(runtime, "Ai chủ trì?", [])
    assert box == "" and turns[0].kind == "notice"
    assert messages[-1] == {"role": "assistant", "content": STARTING_VI}
    assert runtime.bot.histories == []


def test_streams_then_renders_short_answer_and_citations(runtime):
    updates, (_, messages, sources, turns) = ask(runtime, "Ai chủ trì buổi làm việc ngày 06/11/2012?", [])
    streamed = [u[1][-1]["content"] for u in updates[1:-1]]
    assert streamed and streamed[0].endswith("▌")  # partial text shows while it streams
    reply = messages[-1]["content"]
    assert reply.startswith(f"**{SHORT}**\n\n")  # the short answer first, in bold
    assert '<a href="#cite-0-1" class="cite"' in reply and reply.index(SHORT) < reply.index("cite-0-1")
    assert f'<mark class="quote">{QUOTE}</mark>' in sources and "06/11/2012" in sources
    assert turns[0].kind == "answer" and turns[0].answer.endswith("[1]") and turns[0].citations[0].n == 1


def test_abstention_lists_related_and_history_is_sent(runtime):
    _, (_, _, _, turns) = ask(runtime, "Ai chủ trì buổi làm việc ngày 06/11/2012?", [])
    _, (_, messages, sources, turns) = ask(runtime, "Giá vàng hôm nay?", turns)
    assert runtime.bot.histories == [None, [("Ai chủ trì buổi làm việc ngày 06/11/2012?", f"{QUOTE} [1]")]]
    assert NO_ANSWER in messages[-1]["content"] and "#rel-1-1" in messages[-1]["content"]
    assert NO_ANSWER in sources and "Sơ kết &lt;2012&gt;" in sources
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]


def test_history_length_comes_from_settings(make_runtime):
    runtime = make_runtime(history_turns=1)
    turns: list = []
    for question in ("Một?", "Hai?", "Ba?"):
        _, (_, _, _, turns) = ask(runtime, question, turns)
    assert [h and [q for q, _ in h] for h in runtime.bot.histories] == [None, ["Một?"], ["Hai?"]]
    runtime = make_runtime(history_turns=0)
    turns = ask(runtime, "Một?", [])[1][3]
    ask(runtime, "Hai?", turns)
    assert runtime.bot.histories == [None, None]


def test_empty_question_changes_nothing(runtime):
    assert len(list(chat.respond(runtime, "   ", []))) == 1


def test_failure_is_a_message_not_a_trace(runtime):
    def broken(question, history=None):
        raise RuntimeError("hỏng <x>")
        yield  # pragma: no cover

    runtime.bot.ask_stream = broken
    _, (_, messages, sources, turns) = ask(runtime, "Ai?", [])
    assert turns[0].kind == "error" and "hỏng &lt;x&gt;" in messages[-1]["content"]
    assert "Không có nguồn trích dẫn" in sources


def test_citation_and_related_clicks_open_the_document(runtime):
    turns = ask(runtime, "Ai chủ trì?", [])[1][3]
    panel, view = chat.open_target(runtime, turns, gr.EventData(None, {"key": "cite-0-1"}))
    assert 'data-open="cite-0-1"' in panel
    assert f'<mark class="hl" id="hl">{QUOTE}</mark>' in view and "[1]" in view
    turns = ask(runtime, "Giá vàng?", turns)[1][3]
    panel, view = chat.open_target(runtime, turns, gr.EventData(None, {"key": "rel-1-1"}))
    assert "abstain" in panel and '<mark class="hl" id="hl">' in view
    for key in ("cite-0-9", "rel-1-5", "cite-7-1", "junk", ""):
        assert chat.open_target(runtime, turns, gr.EventData(None, {"key": key})) == (gr.skip(), gr.skip())
    runtime.bot.doc = None  # deleted meanwhile
    runtime.bot.document = lambda key: None
    _, view = chat.open_target(runtime, turns, gr.EventData(None, {"key": "cite-0-1"}))
    assert "không còn trong chỉ mục" in view


def test_feedback_buttons_like_and_export(runtime):
    assert chat.thumbs(runtime, True, [], "x")[0] == "Chưa có câu trả lời nào để đánh giá."
    turns = ask(runtime, "Ai chủ trì?", [])[1][3]
    note, comment = chat.thumbs(runtime, True, turns, "đúng")
    assert note.startswith("✔") and comment == ""
    note, _ = chat.on_like(runtime, turns, "", gr.LikeData(None, {"index": 1, "value": "x", "liked": False}))
    assert note.startswith("✘")
    rows = runtime.feedback.rows()
    assert [r["rating"] for r in rows] == ["up", "down"] and rows[0]["comment"] == "đúng"
    assert rows[0]["citations"][0]["source"] == "002.txt" and rows[0]["citations"][0]["doc_id"] == "abc"
    file_update, note = chat.export_feedback(runtime)
    assert note == "Đã xuất 2 phản hồi." and file_update["visible"] is True
    assert Path(file_update["value"]).read_text(encoding="utf-8-sig").startswith("id,thoi_gian")


def test_new_conversation_clears_everything():
    chatbot, turns, sources, doc, comment, note = chat.new_conversation()
    assert chatbot == [] and turns == [] and comment == "" and note == ""
    assert "panel-empty" in sources and "panel-empty" in doc
