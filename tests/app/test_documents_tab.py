"""The "Tài liệu" handlers, called directly: lists, uploads (with restore on failure), delete, rebuild."""

from __future__ import annotations

from assistant.app import documents
from assistant.ingest import IngestReport


def test_report_table_in_vietnamese():
    report = IngestReport(added=["a.txt"], updated=["b.pdf"], unchanged=["c.md"],
                          failed=[("d.pdf", "Tệp bị hỏng hoặc không đúng định dạng.")], seconds=1.25)
    rows = documents.report_rows(report, [("e.exe", "Định dạng .exe không được hỗ trợ")]).values.tolist()
    assert [r[1] for r in rows] == ["Đã thêm", "Đã cập nhật", "Không đổi", "Lỗi", "Lỗi"]
    assert rows[3][2] == "Tệp bị hỏng hoặc không đúng định dạng."
    summary = documents.report_summary(report, [("e.exe", "x")])
    assert "đã thêm 1" in summary and "lỗi 2" in summary and "không lập chỉ mục được" in summary


def test_lists_show_every_document(runtime):
    table, delete_choice, source_filter = documents.refresh_lists(runtime)
    assert table.values.tolist()[0][:4] == ["Sơ kết", "06/11/2012", "002.txt", 2]
    assert delete_choice.choices == [("Sơ kết — 002.txt", "002.txt")]
    assert source_filter.choices[0] == ("Tất cả tài liệu", "") and source_filter.value == ""
    runtime.bot.has_index = False
    assert documents.docs_frame(runtime).empty and documents.source_choices(runtime) == []


def test_upload_indexes_good_files_and_rejects_the_rest(runtime, tmp_path):
    good, bad, broken = tmp_path / "a.txt", tmp_path / "b.exe", tmp_path / "c.pdf"
    good.write_text("mới", encoding="utf-8")
    bad.write_bytes(b"x")
    broken.write_bytes(b"%PDF garbage")
    (runtime.uploads / "c.pdf").parent.mkdir(parents=True)
    (runtime.uploads / "c.pdf").write_bytes(b"old pdf")
    table, summary, files, docs_table, _, _, banner = documents.upload(runtime, [str(good), str(bad), str(broken)])
    assert runtime.bot.ingested == [([runtime.uploads / "a.txt", runtime.uploads / "c.pdf"], False)]
    assert table.values.tolist() == [["a.txt", "Đã thêm", ""],
                                     ["c.pdf", "Lỗi", "Tệp bị hỏng hoặc không đúng định dạng."],
                                     ["b.exe", "Lỗi", "Định dạng .exe không được hỗ trợ; chỉ nhận PDF, DOCX, TXT, HTML, MD."]]
    assert "lỗi 2" in summary and files is None and not docs_table.empty
    assert (runtime.uploads / "c.pdf").read_bytes() == b"old pdf"  # the failed file is put back
    assert 'data-state="ready"' in banner
    # While it ran, the banner showed the upload job and its latest progress.
    seen = runtime.bot.progress_seen[0]
    assert seen["state"] == "busy" and "2 tệp tải lên" in seen["message"]
    assert seen["progress"] == [{"stage": "embed", "label": "Nhúng đoạn văn", "done": 3, "total": 10, "percent": 30}]


def test_upload_needs_files_and_a_ready_app(make_runtime, tmp_path):
    assert "ít nhất một tệp" in documents.upload(make_runtime(), [])[1]
    note = tmp_path / "a.txt"
    note.write_text("x", encoding="utf-8")
    runtime = make_runtime(ready=False)
    assert "khởi động" in documents.upload(runtime, [str(note)])[1] and runtime.bot.ingested == []


def test_delete_and_rebuild(runtime):
    assert documents.delete(runtime, None)[0] == "Hãy chọn tài liệu cần xóa."
    assert documents.delete(runtime, "002.txt")[0].startswith("✔ Đã xóa tài liệu 002.txt")
    assert documents.delete(runtime, "zzz.txt")[0] == "⚠ Không có tài liệu."
    assert runtime.bot.deleted == ["002.txt", "zzz.txt"]
    table, summary, *_ = documents.rebuild(runtime)
    assert summary.startswith("Đã xây dựng lại chỉ mục.") and runtime.bot.ingested[-1][1] is True
    assert runtime.bot.progress_seen[-1]["message"].startswith("Đang xây dựng lại chỉ mục")
