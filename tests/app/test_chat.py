"""The "Hỏi đáp" handlers, called directly: streaming, citations, history, abstention, sources, feedback."""

from __future__ import annotations

import threading
from pathlib import Path

import gradio as gr
from app_stubs import LLM_NOTICE, QUOTE, SHORT

from assistant.app import chat, rating
from assistant.app import conversations as convs
from assistant.app.filters import ChatFilters, FilteredRetriever
from assistant.app.jobs import Job
from assistant.schema import NO_ANSWER


def ask(runtime, question, turns, *filters):
    updates = list(chat.respond(runtime, question, turns, *filters))
    return updates, updates[-1]


def test_a_question_asked_before_ready_waits_then_is_answered(make_runtime, monkeypatch):
    monkeypatch.setattr(chat, "QUEUE_POLL_S", 0.02)
    runtime = make_runtime(ready=False)
    threading.Timer(0.3, lambda: setattr(runtime, "_state", "ready")).start()
    updates, (box, messages, _, turns) = ask(runtime, "Ai chủ trì?", [])
    queued = [u[1][-1]["content"] for u in updates if "xếp hàng" in str(u[1][-1]["content"])]
    assert queued and "Hệ thống đang khởi động" in queued[0]  # said in the chat while it waits
    assert box == "" and turns[0].kind == "answer" and runtime.bot.histories == [None]


def test_a_failed_start_up_answers_with_its_reason(make_runtime, monkeypatch):
    monkeypatch.setattr(chat, "QUEUE_POLL_S", 0.02)
    runtime = make_runtime(ready=False)
    runtime._state, runtime._error = "error", "không tải được mô hình"
    _, (_, messages, _, turns) = ask(runtime, "Ai chủ trì?", [])
    assert turns[0].kind == "notice" and "không tải được mô hình" in messages[-1]["content"]
    assert runtime.bot.histories == []


def test_during_indexing_the_answer_says_new_files_are_not_searchable_yet(runtime):
    runtime._job = Job("Đang lập chỉ mục 1 tệp tải lên…")
    _, (_, messages, _, turns) = ask(runtime, "Ai chủ trì?", [])
    reply = messages[-1]["content"]
    assert reply.startswith('<div class="turn-notice">⚠ Đang lập chỉ mục 1 tệp tải lên… Câu trả lời dựa trên')
    assert "chưa tra cứu được" in reply and reply.index("turn-notice") < reply.index(SHORT)
    assert turns[0].kind == "answer"


def test_llm_notice_is_shown_apart_from_the_answer(runtime):
    _, (_, messages, _, turns) = ask(runtime, "Ai chủ trì khi mô hình hỏng?", [])
    reply = messages[-1]["content"]
    assert reply.startswith(f'<div class="turn-notice">⚠ {LLM_NOTICE}</div>')
    assert turns[0].answer == f"{QUOTE} [1]" and LLM_NOTICE not in turns[0].answer  # history and feedback get the answer
    assert reply.count(LLM_NOTICE) == 1


def test_filters_are_checked_and_described(runtime):
    _, (_, messages, _, turns) = ask(runtime, "Ai?", [], [], 2020, 2012)
    assert turns[0].kind == "notice" and "lớn hơn" in messages[-1]["content"] and runtime.bot.histories == []
    _, (_, messages, _, _) = ask(runtime, "Ai?", [], [], 19, None)
    assert "không hợp lệ" in messages[-1]["content"]
    filters, problem = chat.read_filters(["002.txt"], 2012.0, None)
    assert problem == "" and filters == ChatFilters(("002.txt",), 2012, None)
    assert filters.describe() == "Chỉ tìm trong: 1 tài liệu đã chọn, từ năm 2012."
    assert not chat.read_filters([], None, None)[0]


def test_filtered_retriever_hands_the_filters_to_the_index():
    calls = []

    class Index:
        def run(self, query, k=5, since=None, until=None, sources=None):
            calls.append((query, k, since, until, sources))
            return []

    FilteredRetriever(Index(), ChatFilters(("a.txt",), 2012, 2013)).run("hỏi", k=4)
    FilteredRetriever(Index(), ChatFilters((), None, 2019)).run("hỏi")
    assert calls == [("hỏi", 4, 2012, 2013, ["a.txt"]), ("hỏi", 5, None, 2019, None)]


def test_streams_then_renders_short_answer_and_citations(runtime):
    updates, (_, messages, sources, turns) = ask(runtime, "Ai chủ trì buổi làm việc ngày 06/11/2012?", [])
    streamed = [u[1][-1]["content"] for u in updates[1:-1]]
    assert streamed and streamed[0].endswith("▌")  # partial text shows while it streams
    reply = messages[-1]["content"]
    assert reply.startswith(f"**{SHORT}**\n\n")  # the short answer first, in bold
    assert '<a href="#cite-0-1" class="cite"' in reply and reply.index(SHORT) < reply.index("cite-0-1")
    assert f'title="[1] «{QUOTE}» — Sơ kết, 06/11/2012"' in reply  # the quote on hover or tap
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
    assert 'data-open="cite-0-1"' in panel and '<div class="src-card active" id="src-0-1"' in panel
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
    assert rating.thumbs(runtime, True, [], "x")[0] == "Chưa có câu trả lời nào để đánh giá."
    turns = ask(runtime, "Ai chủ trì?", [])[1][3]
    note, comment = rating.thumbs(runtime, True, turns, "đúng")
    assert note.startswith("✔") and comment == ""
    note, _ = rating.on_like(runtime, turns, "", gr.LikeData(None, {"index": 1, "value": "x", "liked": False}))
    assert note.startswith("✘")
    rows = runtime.feedback.rows()
    assert [r["rating"] for r in rows] == ["up", "down"] and rows[0]["comment"] == "đúng"
    assert rows[0]["citations"][0]["source"] == "002.txt" and rows[0]["citations"][0]["doc_id"] == "abc"
    file_update, note = rating.export_feedback(runtime)
    assert note == "Đã xuất 2 phản hồi." and file_update["visible"] is True
    assert Path(file_update["value"]).read_text(encoding="utf-8-sig").startswith("Mã,Thời gian (UTC),Đánh giá")


def test_conversations_are_kept_switched_and_exported(runtime, tmp_path):
    turns = ask(runtime, "Ai chủ trì?", [])[1][3]
    turns = ask(runtime, "Giá vàng?", turns)[1][3]
    store, listing = chat.save(turns, "c1", convs.empty_store())
    assert store["current"] == "c1" and listing.value == "c1" and listing.choices[0][1] == "c1"
    other = ask(runtime, "Một câu khác?", [])[1][3]
    store, _ = chat.save(other, "c2", store)
    assert [i["id"] for i in store["items"]] == ["c2", "c1"]  # newest first
    # a reload: the current conversation comes back, its sources too
    messages, restored, panel, conv_id, listing = chat.restore(store)
    assert conv_id == "c2" and restored[0].question == "Một câu khác?" and "src-card" in panel
    # switching: the other conversation, rebuilt exactly (citation links, sources, kinds)
    messages, restored, panel, _, conv_id, store = chat.switch("c1", store)
    assert conv_id == "c1" == store["current"] and [t.kind for t in restored] == ["answer", "abstain"]
    assert messages == chat.messages(turns) and restored[0].citations[0].quote == QUOTE
    assert chat.open_target(runtime, restored, gr.EventData(None, {"key": "cite-0-1"}))[1].count('id="hl"') == 1
    md = convs.markdown_text(restored)
    assert f"**{SHORT}**" in md and "[1] Sơ kết (06/11/2012; 002.txt)" in md and NO_ANSWER in md
    file_update, note = chat.export_conversation(restored, "md")
    assert Path(file_update["value"]).read_text(encoding="utf-8") .startswith("# Ai chủ trì?") and "2 câu hỏi" in note
    file_update, _ = chat.export_conversation(restored, "docx")
    from docx import Document
    text = "\n".join(p.text for p in Document(file_update["value"]).paragraphs)
    assert SHORT in text and "Câu hỏi 2" in text and QUOTE in text
    assert chat.export_conversation([], "md")[1] == "Chưa có hội thoại nào để xuất."


def test_a_pending_turn_comes_back_as_interrupted():
    stored = convs.save_conversation(None, "c", [convs.Turn("Hỏi dở?")])
    turn = convs.find(stored, "c")[0]
    assert turn.kind == "notice" and "gián đoạn" in turn.content
    assert convs.find({"items": [{"id": "x", "turns": [{"bad": 1}, None]}]}, "x") == []


def test_new_conversation_clears_everything():
    store = convs.save_conversation(None, "c1", [convs.Turn("Hỏi?", "notice")])
    chatbot, turns, sources, doc, comment, note, conv_id, store, listing = chat.new_conversation(store)
    assert chatbot == [] and turns == [] and comment == "" and note == ""
    assert "panel-empty" in sources and "panel-empty" in doc
    assert conv_id != "c1" and store["current"] == conv_id and listing.value is None
    assert len(store["items"]) == 1  # the earlier conversation is still listed
