"""The page's handlers without a browser or the model: a stand-in assistant answers through the contract."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr
import pytest

from assistant.app.runtime import STARTING_VI, AppRuntime
from assistant.app.ui import _year, build_ui, report_rows, report_summary
from assistant.ingest import IngestReport
from assistant.schema import NO_ANSWER, Answer, Citation, Passage
from assistant.settings import Settings

PASSAGE = "Ngày 06/11/2012, Phó Trưởng ban Lâm Văn Tiếp đã chủ trì buổi làm việc. Tham dự còn có ông B."
QUOTE = "Ngày 06/11/2012, Phó Trưởng ban Lâm Văn Tiếp đã chủ trì buổi làm việc."


class StubBot:
    """Just what the chat handler uses: ``ask_stream`` (deltas then the Answer) and ``has_index``."""

    has_index = False

    def __init__(self) -> None:
        self.histories: list = []

    def info(self) -> dict:
        return {"documents": 1, "chunks": 2}

    def ask_stream(self, question, history=None):
        self.histories.append(history)
        if "vàng" in question:
            yield NO_ANSWER
            related = SimpleNamespace(to_dict=lambda: {"source": "002.txt", "title": "Sơ kết <2012>", "date": "2012-11-06",
                                                       "text": PASSAGE, "start": 100, "end": 190, "chunk_id": "abc-0001"},
                                      doc_id="abc")
            yield Answer(question, NO_ANSWER, False, related=[related])
            return
        text = f"{QUOTE} [1]"
        yield text[:20]
        yield text[20:]
        passage = Passage(1, 1.0, "abc-0001", "abc", "002.txt", "Sơ kết", "2012-11-06", None, 1000,
                          1000 + len(PASSAGE), PASSAGE)
        cit = Citation(1, passage, 1000, 1000 + len(QUOTE), QUOTE)
        yield Answer(question, text, True, citations=[cit])


def make_app(tmp_path, bot=None):
    runtime = AppRuntime(Settings(home=tmp_path / "home", corpus=tmp_path / "corpus"))
    if bot is not None:
        runtime.bot = bot
        runtime._state = "ready"
    demo = build_ui(runtime)
    fns = {f.api_name: f.fn for f in demo.fns.values() if f.api_name}
    return runtime, demo, fns


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


def run_chat(fns, question, turns):
    updates = list(fns["chat"](question, turns))
    return updates, updates[-1]


def test_builds_and_answers_wait_until_ready(app):
    runtime, demo, fns = app
    assert isinstance(demo, gr.Blocks) and {"chat", "search", "upload", "delete", "rebuild", "status"} <= set(fns)
    status = fns["status"]()
    assert status["ready"] is False and status["state"] == "starting"
    _, (box, chat, sources, turns) = run_chat(fns, "Ai chủ trì?", [])
    assert box == "" and turns[0]["kind"] == "notice"
    assert chat[-1] == {"role": "assistant", "content": STARTING_VI}
    results_html, _, _ = fns["search"]("tan duc", "", "", "", 5)
    assert "khởi động" in results_html


def test_streams_then_renders_citations_and_uses_history(tmp_path):
    stub = StubBot()
    _, _, fns = make_app(tmp_path, stub)
    updates, (_, chat, sources, turns) = run_chat(fns, "Ai chủ trì buổi làm việc ngày 06/11/2012?", [])
    streamed = [u[1][-1]["content"] for u in updates[1:-1]]
    assert streamed and streamed[0].endswith("▌")  # partial text shows while it streams
    assert '<a href="#cite-0-1" class="cite"' in chat[-1]["content"]
    assert f'<mark class="quote">{QUOTE}</mark>' in sources and "06/11/2012" in sources
    assert turns[0]["citations"][0]["doc_id"] == "abc" and turns[0]["answer"].endswith("[1]")

    _, (_, chat, sources, turns) = run_chat(fns, "Giá vàng hôm nay?", turns)
    assert stub.histories == [None, [("Ai chủ trì buổi làm việc ngày 06/11/2012?", f"{QUOTE} [1]")]]
    assert NO_ANSWER in chat[-1]["content"] and "#rel-1-1" in chat[-1]["content"]
    assert NO_ANSWER in sources and "Sơ kết &lt;2012&gt;" in sources
    assert [m["role"] for m in chat] == ["user", "assistant", "user", "assistant"]


def test_empty_question_changes_nothing(app):
    _, _, fns = app
    updates = list(fns["chat"]("   ", []))
    assert len(updates) == 1


def test_report_table_in_vietnamese():
    report = IngestReport(added=["a.txt"], updated=["b.pdf"], unchanged=["c.md"],
                          failed=[("d.pdf", "Tệp bị hỏng hoặc không đúng định dạng.")], seconds=1.25)
    rows = report_rows(report, [("e.exe", "Định dạng .exe không được hỗ trợ")]).values.tolist()
    assert [r[1] for r in rows] == ["Đã thêm", "Đã cập nhật", "Không đổi", "Lỗi", "Lỗi"]
    assert rows[3][2] == "Tệp bị hỏng hoặc không đúng định dạng."
    summary = report_summary(report, [("e.exe", "x")])
    assert "đã thêm 1" in summary and "lỗi 2" in summary and "không lập chỉ mục được" in summary


def test_year_filter_parsing():
    assert _year("") is None and _year(None) is None and _year("0") is None
    assert _year(" 2019 ") == 2019
    with pytest.raises(ValueError):
        _year("19")


def test_saved_uploads_and_restore(tmp_path):
    runtime = AppRuntime(Settings(home=tmp_path / "home"))
    good = tmp_path / "a.txt"
    good.write_text("mới", encoding="utf-8")
    bad = tmp_path / "b.exe"
    bad.write_bytes(b"x")
    (runtime.uploads).mkdir(parents=True)
    (runtime.uploads / "a.txt").write_text("cũ", encoding="utf-8")
    saved, rejected, previous = runtime.save_uploads([good, bad])
    assert saved == [runtime.uploads / "a.txt"] and rejected[0][0] == "b.exe"
    assert (runtime.uploads / "a.txt").read_text(encoding="utf-8") == "mới"
    runtime.restore_failed(IngestReport(failed=[("a.txt", "hỏng")]), previous)
    assert (runtime.uploads / "a.txt").read_text(encoding="utf-8") == "cũ"  # the old version is back
