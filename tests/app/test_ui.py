"""The page and the runtime without a browser or the model: start-up, progress on the banner, polling."""

from __future__ import annotations

import inspect
import typing

import gradio as gr
from app_stubs import StubBot

from assistant.app import chat, common, create_app, ui
from assistant.app.runtime import AppRuntime, Job
from assistant.ingest import IngestReport
from assistant.settings import Settings


def test_page_builds(tmp_path):
    demo, runtime = create_app(Settings(home=tmp_path / "home", corpus=tmp_path / "corpus"))
    assert isinstance(demo, gr.Blocks) and isinstance(runtime, AppRuntime)
    assert {"theme", "css", "js"} <= set(ui.launch_options())


def test_bind_keeps_what_gradio_reads(runtime):
    """Gradio injects event data by type hint and streams generator functions: binding keeps both."""
    opened = common.bind(chat.open_target, runtime)
    assert list(inspect.signature(opened).parameters) == ["turns", "evt"]
    assert typing.get_type_hints(opened)["evt"] is gr.EventData
    assert inspect.isgeneratorfunction(common.bind(chat.respond, runtime))
    assert common.bind(chat.thumbs, runtime, True)([], "") == ("Chưa có câu trả lời nào để đánh giá.", "")


def test_status_while_starting_then_ready(make_runtime):
    runtime = make_runtime(ready=False)
    status = ui.api_status(runtime)
    assert status["ready"] is False and status["state"] == "starting" and status["documents"] == 0
    banner, timer, *lists = ui.poll(runtime)
    assert 'data-state="starting"' in banner and timer == gr.skip() and lists == [gr.skip()] * 3
    runtime._state = "ready"
    banner, timer, table, _, _ = ui.poll(runtime)
    assert "1 tài liệu, 2 đoạn" in banner and timer.active is False and not table.empty
    assert ui.api_status(runtime)["chunks"] == 2


def test_startup_ingest_reports_progress(make_runtime, tmp_path, capsys):
    (tmp_path / "corpus").mkdir()
    bot = StubBot()
    runtime = make_runtime(bot, ready=False)
    runtime.start()
    assert runtime.wait(30) and runtime.ready_seconds is not None
    assert bot.ingested == [([tmp_path / "corpus"], False)]
    seen = bot.progress_seen[0]
    assert seen["state"] == "starting" and "Đang lập chỉ mục thư mục" in seen["message"]
    assert seen["progress"][0]["label"] == "Nhúng đoạn văn"
    assert runtime.status()["progress"] == []  # the job is over
    assert "Sẵn sàng sau" in capsys.readouterr().out


def test_startup_failure_shows_on_the_banner(make_runtime):
    bot = StubBot()
    runtime = make_runtime(bot, ready=False)
    type(bot).embedder = property(lambda self: (_ for _ in ()).throw(RuntimeError("không tải được")))
    try:
        runtime.start()
        assert runtime.wait(30) is False and runtime.failed
    finally:
        del type(bot).embedder
    assert "không tải được" in runtime.not_ready_message()
    assert 'data-state="error"' in ui.poll(runtime)[0]


def test_job_keeps_the_latest_report():
    job = Job("Đang lập chỉ mục…")
    assert job.progress() is None
    job("read", 1, 4)
    job("keyword", 50, 200)
    assert job.progress() == {"stage": "keyword", "label": "Chỉ mục từ khóa", "done": 50, "total": 200, "percent": 25}
    job("write", 0, 0)
    assert job.progress()["percent"] is None


def test_busy_banner_during_a_job(runtime):
    def fn(progress):
        progress("embed", 120, 480)
        status = runtime.status()
        assert status["state"] == "busy" and status["message"].startswith("Thử nghiệm…")
        assert "Nhúng đoạn văn: 120/480 (25%)" in ui.poll(runtime)[0]
        return IngestReport()

    runtime.run_job("Thử nghiệm…", fn)
    assert runtime.status()["state"] == "ready"


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
