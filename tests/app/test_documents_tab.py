"""The "Tài liệu" handlers, called directly: lists, uploads (versions, limits, restore on failure), delete by
id with undo, restore of versions, rebuild, cancel and waiting jobs.

Most tests run a real :class:`Assistant` over a fake embedder, so versions and the trash are real files;
tests/app/test_browser_tabs.py drives the same through the page (slow: real model, real Chromium).
"""

from __future__ import annotations

import html
import re
import threading
import time
from pathlib import Path

import gradio as gr
import pytest
from app_stubs import StubBot

from assistant.app import documents
from assistant.app.jobs import Job
from assistant.app.runtime import AppRuntime
from assistant.core import Assistant
from assistant.ingest import IngestReport
from assistant.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "tests" / "screenshots"


class VersionedStub(StubBot):
    """The web app tests' stub with an empty version history."""

    def versions(self, key=None):
        return []


@pytest.fixture
def live(tmp_path, fake_embedder) -> AppRuntime:
    """A ready runtime over a real index (fake embedder) with one corpus document."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tin.txt").write_text("Hội nghị tổng kết KCN Tân Đức năm 2019.\n", encoding="utf-8")
    settings = Settings(home=tmp_path / "home", corpus=corpus)
    runtime = AppRuntime(settings)
    runtime.bot = Assistant(settings, embedder=fake_embedder, home=settings.home)
    runtime.bot.ingest([corpus])
    runtime._state = "ready"
    return runtime


def note(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / f"src-{time.monotonic_ns()}"
    folder.mkdir()
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def rows(frame) -> list[list]:
    """A result DataFrame's rows, or the cells' text of an HTML table (a cell's lines joined by " | ")."""
    if not isinstance(frame, str):
        return frame.values.tolist()
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", frame)]
    text = [[html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"</div><div", " | <", c))).split() for c in row]
            for row in cells if row]
    return [[" ".join(words) for words in row] for row in text]


def test_report_table_in_vietnamese():
    report = IngestReport(added=["a.txt"], updated=["b.pdf"], unchanged=["c.md"],
                          failed=[("d.pdf", "Tệp bị hỏng hoặc không đúng định dạng.")], seconds=1.25,
                          notes=[("a.txt", "Đã chuyển từ bảng mã TCVN3 (ABC) sang Unicode.")])
    table = rows(documents.report_rows(report, [("e.exe", "Định dạng .exe không được hỗ trợ")]))
    assert [r[1] for r in table] == ["Đã thêm", "Đã cập nhật", "Không đổi", "Lỗi", "Lỗi"]
    assert table[0][2] == "Đã chuyển từ bảng mã TCVN3 (ABC) sang Unicode."
    assert table[3][2] == "Tệp bị hỏng hoặc không đúng định dạng."
    summary = documents.report_summary(report, [("e.exe", "x")])
    assert "đã thêm 1" in summary and "lỗi 2" in summary and "không lập chỉ mục được" in summary


def test_lists_name_documents_by_id(runtime):
    table, delete_choice, source_filter = documents.refresh_lists(runtime)
    # By title and date; the file and the id underneath, never instead.
    assert rows(table)[0][:4] == ["Sơ kết | Tệp: corpus/002.txt · mã", "06/11/2012", "1", "2"]
    assert 'data-label="Ngày" class=nowrap>06/11/2012' in table and 'data-open="doc-abc"' in table
    assert delete_choice.choices == [("Sơ kết (06/11/2012) — corpus/002.txt", "")]  # the stub's record has no id
    assert source_filter.choices == [("Tất cả tài liệu", ""), ("Sơ kết (06/11/2012)", "002.txt")]
    # The banner's timer refreshes the lists: what the user picked stays picked; after an index change it is reset.
    assert "value" not in delete_choice.constructor_args and "value" not in source_filter.constructor_args
    _, delete_choice, source_filter = documents.refresh_lists(runtime, reset=True)
    assert delete_choice.value is None and source_filter.value == ""
    assert "value" in delete_choice.constructor_args
    runtime.bot.has_index = False
    assert "Chưa có tài liệu" in documents.docs_html(runtime) and documents.source_choices(runtime) == []


def test_same_name_twice_keeps_both_versions_and_restores_the_first(live, tmp_path):
    first = documents.upload(live, [str(note(tmp_path, "bao-cao.txt", "Báo cáo quý một của KCN Phú Hội.\n"))])
    assert rows(first[0]) == [["bao-cao.txt", "Đã thêm", ""]]
    second = documents.upload(live, [str(note(tmp_path, "bao-cao.txt", "Báo cáo quý hai của KCN Phú Hội.\n"))])
    assert rows(second[0])[0][:2] == ["bao-cao.txt", "Đã cập nhật"]
    assert "phiên bản 1 trước đó được lưu lại" in rows(second[0])[0][2]
    uid = live.bot.document("bao-cao.txt").uid
    history, choice = documents.history_rows(live), second[-1]
    assert [r[:3] + r[5:] for r in history] == [["bao-cao.txt", 1, "Phiên bản cũ (đã lưu)", uid],
                                                ["bao-cao.txt", 2, "Đang dùng", uid]]
    assert [r[:3] for r in rows(second[-2])] == [["bao-cao.txt", "1", "Phiên bản cũ (đã lưu)"],
                                                 ["bao-cao.txt", "2", "Đang dùng"]]
    assert (live.home / history[0][4]).read_text(encoding="utf-8").startswith("Báo cáo quý một")
    assert [value for _, value in choice.choices] == [f"{uid}:1"]

    table, summary, docs_table, *_ = documents.restore(live, f"{uid}:1")
    assert rows(table)[0][:2] == ["bao-cao.txt", "Đã khôi phục"] and "Đã khôi phục phiên bản 1" in summary
    assert "Phiên bản 2 được lưu lại" in summary
    assert "quý một" in live.bot.document(uid).text and live.bot.document(uid).version == 1
    assert docs_table.count(f'data-open="doc-{uid}"') == 1


def test_delete_by_id_then_undo(live, tmp_path):
    documents.upload(live, [str(note(tmp_path, "tin.txt", "Một tệp tải lên trùng tên với tệp của corpus.\n"))])
    ids = {f"{Path(d.root).name}/{d.source}": d.uid for d in live.bot.documents()}
    assert set(ids) == {"corpus/tin.txt", "uploads/tin.txt"} and len(set(ids.values())) == 2
    table, message, docs_table, choice, _, banner, history, restore_choice, undo_id, undo_btn = documents.delete(
        live, ids["uploads/tin.txt"])
    assert rows(table)[0][:2] == ["tin.txt", "Đã xóa"] and "thùng rác" in rows(table)[0][2]
    assert message.startswith("✔ Đã xóa tài liệu «") and f"mã {ids['uploads/tin.txt']}" in message
    assert "thùng rác (trash/" in message and "Hoàn tác xóa" in message and undo_btn.visible is True
    assert "corpus/tin.txt" in docs_table and "uploads/tin.txt" not in docs_table  # exactly one document went
    assert not (live.uploads / "tin.txt").exists() and len(list((live.home / "trash").iterdir())) == 1
    assert rows(history)[0][2] == "Đã xóa (trong thùng rác)"
    table, summary, docs_table, *_ = documents.undo_delete(live, undo_id)
    assert rows(table)[0][:2] == ["tin.txt", "Đã khôi phục"]
    assert "corpus/tin.txt" in docs_table and "uploads/tin.txt" in docs_table
    assert (live.uploads / "tin.txt").is_file() and list((live.home / "trash").iterdir()) == []
    assert documents.delete(live, "tin.txt")[1].startswith("⚠ Có 2 tài liệu ứng với «tin.txt»")
    assert documents.delete(live, None)[1] == "Hãy chọn tài liệu cần xóa."


def test_delete_asks_first_and_the_original_opens(live):
    doc = live.bot.document("tin.txt")
    box, question = documents.ask_delete(live, doc.uid)
    assert box.visible is True and question.startswith(f"Xóa tài liệu «{doc.title}»")
    assert "thùng rác" in question and "Hoàn tác xóa" in question
    assert live.bot.document(doc.uid) is not None  # asking deletes nothing
    box, question = documents.ask_delete(live, None)
    assert box.visible is False and question == "Hãy chọn tài liệu cần xóa."
    view, download = documents.open_doc(live, gr.EventData(None, {"key": f"doc-{doc.uid}"}))
    assert "Hội nghị tổng kết KCN Tân Đức" in view and download.visible is True
    assert Path(download.constructor_args["value"]).read_bytes() == Path(doc.path).read_bytes()
    assert documents.open_doc(live, gr.EventData(None, {})) == (gr.skip(), gr.skip())


def test_failed_upload_puts_the_earlier_version_back(live, tmp_path):
    documents.upload(live, [str(note(tmp_path, "a.pdf", "x"))])  # not a PDF: refused, nothing kept
    assert not (live.uploads / "a.pdf").exists()
    documents.upload(live, [str(note(tmp_path, "b.txt", "Bản đầu tiên về KCN Lộc Sơn.\n"))])
    bad = tmp_path / "b.txt"
    bad.write_bytes(bytes(range(1, 256)) * 40)  # bytes that are no language
    table, summary, *_ = documents.upload(live, [str(bad)])
    assert rows(table)[0][1] == "Lỗi" and "không phải văn bản" in rows(table)[0][2]
    assert (live.uploads / "b.txt").read_text(encoding="utf-8").startswith("Bản đầu tiên")
    assert not (live.home / "versions").exists() or not any((live.home / "versions").rglob("*.txt"))


def test_upload_limits_and_kinds(live, tmp_path):
    live.settings = live.settings.model_copy(update={"max_file_mb": 0.001})
    big = note(tmp_path, "lon.txt", "Khu công nghiệp. " * 200)
    table, summary, *_ = documents.upload(live, [str(big), str(note(tmp_path, "c.exe", "x"))])
    assert rows(table) == [["lon.txt", "Lỗi", "Tệp quá lớn (0,0 MB); giới hạn là 0,0 MB mỗi tệp (ASSISTANT_MAX_FILE_MB)."],
                           ["c.exe", "Lỗi", "Định dạng .exe không được hỗ trợ; chỉ nhận " + documents.KINDS_VI + "."]]
    assert "ít nhất một tệp" in documents.upload(live, [])[1]


def test_handlers_wait_for_a_ready_app(make_runtime, tmp_path):
    runtime = make_runtime(VersionedStub(), ready=False)
    assert "khởi động" in documents.upload(runtime, [str(note(tmp_path, "a.txt", "x"))])[1]
    assert runtime.bot.ingested == []
    assert "khởi động" in documents.delete(runtime, "abc")[1]


def test_rebuild_and_cancel(live):
    table, summary, *_ = documents.rebuild(live)
    assert summary.startswith("Đã xây dựng lại chỉ mục.") and rows(table)[0][:2] == ["tin.txt", "Đã thêm"]
    assert documents.cancel(live)[0] == "Không có công việc lập chỉ mục nào đang chạy."


def test_cancel_stops_the_running_job_and_a_second_job_waits(runtime):
    started, heard = threading.Event(), []

    def slow(progress):
        started.set()
        for i in range(200):
            progress("embed", i, 200)
            time.sleep(0.02)
        return IngestReport()

    errors: list[Exception] = []
    worker = threading.Thread(target=lambda: _catch(errors, lambda: runtime.run_job("Chậm…", slow)))
    worker.start()
    assert started.wait(5)
    second = threading.Thread(target=lambda: runtime.run_job("Thứ hai…", lambda p: IngestReport(),
                                                             waiting=heard.append))
    second.start()
    time.sleep(0.8)
    assert "Đang chờ đến lượt: Thứ hai…" in runtime.status()["message"] and heard == ["Chậm…"] * len(heard) != []
    assert runtime.cancel().startswith("Đang hủy: Chậm…")
    worker.join(5)
    second.join(5)
    assert [str(e) for e in errors] == ["Đã hủy. Chỉ mục trước đó vẫn được dùng, không mất tài liệu nào."]
    assert runtime.status()["state"] == "ready"


def test_banner_shows_the_document_being_embedded_with_time_left(monkeypatch):
    job = Job("Đang lập chỉ mục…")
    clock = [100.0]
    monkeypatch.setattr("assistant.app.runtime.time.monotonic", lambda: clock[0])
    job("embed", 0, 800)
    job("Nhúng đoạn văn — dai.txt", 0, 779)
    clock[0] += 60
    job("embed", 32, 800)
    job("Nhúng đoạn văn — dai.txt", 32, 779)
    overall, document = job.reports()
    assert overall["label"].startswith("Nhúng đoạn văn (còn khoảng") and overall["done"] == 32
    assert document == {"stage": "Nhúng đoạn văn — dai.txt", "label": "Nhúng đoạn văn — dai.txt (còn khoảng 23 phút)",
                        "done": 32, "total": 779, "percent": 4}
    job("keyword", 10, 800)
    assert [r["stage"] for r in job.reports()] == ["keyword"]


def _catch(errors: list, fn) -> None:
    try:
        fn()
    except Exception as exc:  # noqa: BLE001
        errors.append(exc)


def test_stub_upload_reports_progress_while_running(runtime, tmp_path):
    runtime.bot = VersionedStub()
    runtime.bot.status_probe = runtime.status
    documents.upload(runtime, [str(note(tmp_path, "a.txt", "mới"))])
    seen = runtime.bot.progress_seen[0]
    assert seen["state"] == "busy" and "1 tệp tải lên" in seen["message"]
    assert seen["progress"] == [{"stage": "embed", "label": "Nhúng đoạn văn", "done": 3, "total": 10, "percent": 30}]
