"""The page and the runtime without a browser or the model: start-up, progress on the banner, polling."""

from __future__ import annotations

import inspect
import typing

import gradio as gr
from app_stubs import StubBot

from assistant.app import chat, common, create_app, rating, ui
from assistant.app.jobs import Job
from assistant.app.runtime import AppRuntime
from assistant.ingest import IngestReport
from assistant.settings import Settings


def test_page_builds(tmp_path):
    demo, runtime = create_app(Settings(home=tmp_path / "home", corpus=tmp_path / "corpus"))
    assert isinstance(demo, gr.Blocks) and isinstance(runtime, AppRuntime)
    options = ui.launch_options()
    assert {"theme", "css", "js", "i18n"} <= set(options)
    assert options["i18n"].translations_dict["en"]["chatbot.copy_message"] == "Sao chép"


def test_bind_keeps_what_gradio_reads(runtime):
    """Gradio injects event data by type hint and streams generator functions: binding keeps both."""
    opened = common.bind(chat.open_target, runtime)
    assert list(inspect.signature(opened).parameters) == ["turns", "evt"]
    assert typing.get_type_hints(opened)["evt"] is gr.EventData
    assert inspect.isgeneratorfunction(common.bind(chat.respond, runtime))
    assert common.bind(rating.thumbs, runtime, True)([], "") == ("Chưa có câu trả lời nào để đánh giá.", "")


def test_status_while_starting_then_ready(make_runtime):
    runtime = make_runtime(ready=False)
    status = ui.api_status(runtime)
    assert status["ready"] is False and status["state"] == "starting" and status["documents"] == 0
    banner, timer, *lists, last = ui.poll(runtime, "")
    assert 'data-state="starting"' in banner and timer.value == ui.BUSY_TICK_S and lists == [gr.skip()] * 4
    assert last == "starting" and ui.poll(runtime, last)[1] == gr.skip()
    runtime._state = "ready"
    banner, timer, table, _, _, chat_filter, last = ui.poll(runtime, last)
    # the timer slows down but keeps running (a job started anywhere shows); the lists are filled once
    assert "1 tài liệu, 2 đoạn" in banner and timer.value == ui.IDLE_TICK_S and timer.active and table != gr.skip()
    assert chat_filter.choices == [("Sơ kết — 002.txt", "002.txt")] and last == "ready"
    assert ui.poll(runtime, last)[1:] == (gr.skip(),) * 5 + ("ready",)
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
    assert 'data-state="error"' in ui.poll(runtime, "starting")[0]


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
        banner = ui.poll(runtime, "ready")[0]
        assert "Nhúng đoạn văn: 120/480 (25%)" in banner and "Sẵn sàng" not in banner
        assert runtime.indexing_notice().startswith("Thử nghiệm… Câu trả lời dựa trên chỉ mục hiện có")
        return IngestReport()

    runtime.run_job("Thử nghiệm…", fn)
    assert runtime.status()["state"] == "ready" and runtime.indexing_notice() == ""


def test_job_reports_the_document_being_read_under_the_files_read():
    job = Job("Đang lập chỉ mục 2 tệp tải lên…")
    job("read", 1, 2)
    job("Nhận dạng chữ (OCR) — quet.pdf", 3, 12)
    assert [r["label"] for r in job.reports()] == ["Đọc tài liệu", "Nhận dạng chữ (OCR) — quet.pdf"]
    assert [(r["done"], r["total"]) for r in job.reports()] == [(1, 2), (3, 12)]


def test_existing_index_answers_while_the_start_up_indexes(make_runtime):
    runtime = make_runtime(ready=False)
    assert not runtime.answering  # the model is not loaded yet
    runtime._model_loaded = True
    assert runtime.answering and runtime.status()["answering"]
    assert "Hỏi đáp đã dùng được với chỉ mục hiện có" in runtime.status()["message"]
    runtime.bot.has_index = False  # a first start: nothing to answer from yet
    assert not runtime.answering


def test_browser_secret_is_kept(make_runtime):
    runtime = make_runtime()
    secret = runtime.browser_secret()
    assert len(secret) >= 16 and runtime.browser_secret() == secret
    assert (runtime.home / "browser_secret").stat().st_mode & 0o077 == 0


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
