"""The "Tài liệu" tab: the indexed documents, uploads, deletion (undoable), versions and the trash, rebuilding.

Every document is named by its stable id ("Mã"). Index changes run one at a time (the runtime's job
lock; a change that must wait says so); each returns a per-file result table or message saying
exactly what happened, fresh document lists and the banner. While one runs the banner (refreshed by
the page's timer, which a click wakes) shows its stage and progress, and "Hủy" cancels it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.app import render
from assistant.app.common import bind
from assistant.app.runtime import AppRuntime
from assistant.converters import KINDS_VI, SUPPORTED
from assistant.errors import AssistantError
from assistant.ingest import IngestReport

DOC_HEADERS = ["Mã", "Tiêu đề", "Ngày", "Nguồn", "Phiên bản", "Số đoạn", "Thêm lúc", "Ghi chú"]
RESULT_HEADERS = ["Tệp", "Kết quả", "Chi tiết"]
HISTORY_HEADERS = ["Mã", "Phiên bản", "Tệp", "Trạng thái", "Lúc", "Lưu tại"]

Lists = tuple[pd.DataFrame, Any, Any]
"""The document lists the page keeps in step: (documents table, delete choice, search filter)."""


# -- document lists --------------------------------------------------------------------------------
def _when(value: str) -> str:
    try:
        return datetime.fromisoformat(value).astimezone().strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return value or ""


def _place(root: str, source: str) -> str:
    """Where a document lives, for people: "uploads/a.pdf", "corpus/b.txt"."""
    return f"{Path(root).name}/{source}" if root else source


def docs_frame(runtime: AppRuntime) -> pd.DataFrame:
    """The documents table (empty before the first index exists)."""
    bot = runtime.bot
    rows = [[d.uid, d.title, render.format_date(d.date), _place(d.root, d.source), d.version, d.n_chunks,
             _when(d.added_at), " ".join(d.notes)] for d in (bot.documents() if bot.has_index else [])]
    return pd.DataFrame(rows, columns=DOC_HEADERS)


def source_choices(runtime: AppRuntime) -> list[tuple[str, str]]:
    """(label, source) of every document, for the search filter."""
    docs = runtime.bot.documents() if runtime.bot.has_index else []
    return [(f"{d.title[:70]} — {d.source}", d.source) for d in docs]


def delete_choices(runtime: AppRuntime) -> list[tuple[str, str]]:
    """(label, id) of every document, for the delete choice: ids, so exactly one document goes."""
    docs = runtime.bot.documents() if runtime.bot.has_index else []
    return [(f"{d.title[:60]} — {_place(d.root, d.source)} (mã {d.uid})", d.uid) for d in docs]


def refresh_lists(runtime: AppRuntime, reset: bool = False) -> Lists:
    """Every list of documents on the page, after an index change or once the start-up is done. The choices
    keep what the user picked (the banner's timer refreshes them) unless ``reset`` (after an index change)."""
    delete_value = {"value": None} if reset else {}
    filter_value = {"value": ""} if reset else {}
    return (docs_frame(runtime), gr.Dropdown(choices=delete_choices(runtime), **delete_value),
            gr.Dropdown(choices=[("Tất cả tài liệu", "")] + source_choices(runtime), **filter_value))


def history(runtime: AppRuntime, reset: bool = False) -> tuple[pd.DataFrame, Any]:
    """The versions table (documents with older versions, and deleted ones) and the restore choice (kept
    as the user picked it unless ``reset``)."""
    rows = runtime.bot.versions()
    shown = {r.uid for r in rows if r.state in ("kept", "deleted")}
    table = [[r.uid, r.n, Path(r.path).name, r.state_vi, _when(r.changed_at), r.file or ""]
             for r in rows if r.uid in shown]
    choices = [(f"{Path(r.path).name} — phiên bản {r.n} ({r.state_vi.lower()}, mã {r.uid})", f"{r.uid}:{r.n}")
               for r in rows if r.restorable]
    return pd.DataFrame(table, columns=HISTORY_HEADERS), gr.Dropdown(choices=choices, **({"value": None} if reset else {}))


# -- results ---------------------------------------------------------------------------------------
def report_rows(report: IngestReport, rejected: list[tuple[str, str]] | None = None,
                done: str = "") -> pd.DataFrame:
    """One row per file: what happened to it, in Vietnamese, with notes and the reason of a failure.
    ``done`` replaces "Đã thêm"/"Đã cập nhật" (e.g. "Đã khôi phục")."""
    notes: dict[str, list[str]] = {}
    for source, note in report.notes:
        notes.setdefault(source, []).append(note)

    def detail(source: str, first: str = "") -> str:
        return " ".join([first, *notes.get(source, [])]).strip()

    rows = [[s, done or "Đã thêm", detail(s)] for s in report.added]
    rows += [[s, done or "Đã cập nhật", detail(s, "Nội dung đã thay đổi, đã lập chỉ mục lại.")] for s in report.updated]
    rows += [[s, "Không đổi", detail(s, "Tài liệu đã có trong chỉ mục với cùng nội dung.")] for s in report.unchanged]
    rows += [[s, "Đã xóa", detail(s)] for s in report.removed]
    rows += [[s, "Lỗi", reason] for s, reason in [*report.failed, *(rejected or [])]]
    return pd.DataFrame(rows, columns=RESULT_HEADERS)


def report_summary(report: IngestReport, rejected: list[tuple[str, str]] | None = None) -> str:
    """One line of counts, with a warning first when any file could not be indexed."""
    failed = len(report.failed) + len(rejected or [])
    parts = [f"đã thêm {len(report.added)}", f"cập nhật {len(report.updated)}", f"không đổi {len(report.unchanged)}"]
    if report.removed:
        parts.append(f"xóa {len(report.removed)}")
    parts.append(f"lỗi {failed}")
    head = "⚠ Có tệp không lập chỉ mục được — xem cột «Chi tiết». " if failed else "✔ "
    return f"{head}Kết quả: {', '.join(parts)} ({report.seconds:.1f} giây)."


def _banner(runtime: AppRuntime) -> str:
    return render.status_html(runtime.status())


def _waiting(progress: gr.Progress):
    """What a job that waits for another tells the page."""
    return lambda running: progress(0, desc=f"Đang chờ công việc khác kết thúc ({running.rstrip('…')})…")


def _lists_and_history(runtime: AppRuntime) -> tuple[Any, ...]:
    return (*refresh_lists(runtime, reset=True), _banner(runtime), *history(runtime, reset=True))


# -- handlers --------------------------------------------------------------------------------------
def upload(runtime: AppRuntime, files: list[str] | None,
           progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008 - Gradio's injection idiom
    """Save the chosen files into ``uploads/`` and index them; a file that fails is taken out and the
    version it replaced comes back. Returns (result table, summary, file box, *lists, banner, *history)."""
    empty = pd.DataFrame(columns=RESULT_HEADERS)
    if not files:
        return empty, "Hãy chọn ít nhất một tệp để tải lên.", None, *_lists_and_history(runtime)
    if not runtime.ready:
        return empty, runtime.not_ready_message(), gr.skip(), *_lists_and_history(runtime)
    progress(0.05, desc=f"Đang lưu và lập chỉ mục {len(files)} tệp…")
    try:
        report, rejected = runtime.upload(files, waiting=_waiting(progress))
    except AssistantError as exc:
        return empty, f"⚠ {exc}", gr.skip(), *_lists_and_history(runtime)
    progress(1.0, desc="Xong")
    return report_rows(report, rejected), report_summary(report, rejected), None, *_lists_and_history(runtime)


def delete(runtime: AppRuntime, key: str | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
    """Remove the chosen document (by id); its file goes to the trash. Returns (result table, message, *lists,
    banner, *history, id to undo, undo button)."""
    empty, undo = pd.DataFrame(columns=RESULT_HEADERS), gr.Button(visible=False)
    if not key:
        return empty, "Hãy chọn tài liệu cần xóa.", *_lists_and_history(runtime), "", undo
    if not runtime.ready:
        return empty, runtime.not_ready_message(), *_lists_and_history(runtime), "", undo
    doc = runtime.bot.document(key)
    try:
        report = runtime.delete(key, waiting=_waiting(progress))
    except AssistantError as exc:
        return empty, f"⚠ {exc}", *_lists_and_history(runtime), "", undo
    if report.failed:
        return report_rows(report), f"⚠ {report.failed[0][1]}", *_lists_and_history(runtime), "", undo
    uid = report.ids.get(report.removed[0], key)
    what = f"«{doc.title}» ({_place(doc.root, doc.source)}, mã {uid})" if doc else f"mã {uid}"
    note = " ".join(n for _, n in report.notes)
    message = f"✔ Đã xóa tài liệu {what} khỏi chỉ mục. {note}"
    if "thùng rác" in note:
        message += " Bấm «Hoàn tác xóa» để khôi phục."
        undo = gr.Button(visible=True)
    return report_rows(report), message.strip(), *_lists_and_history(runtime), uid, undo


def restore(runtime: AppRuntime, choice: str | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
    """Restore ``"id:version"`` (or ``"id"``: a deleted document). Returns (result table, summary, *lists,
    banner, *history, undo button)."""
    empty = pd.DataFrame(columns=RESULT_HEADERS)
    hide = gr.Button(visible=False)
    if not choice:
        return empty, "Hãy chọn phiên bản hoặc tài liệu cần khôi phục.", *_lists_and_history(runtime), hide
    if not runtime.ready:
        return empty, runtime.not_ready_message(), *_lists_and_history(runtime), hide
    uid, _, version = choice.partition(":")
    try:
        report = runtime.restore(uid, int(version) if version.isdigit() else None, waiting=_waiting(progress))
    except AssistantError as exc:
        return empty, f"⚠ {exc}", *_lists_and_history(runtime), hide
    if report.failed:
        summary = f"⚠ Không khôi phục được: {report.failed[0][1]}"
    else:
        summary = "✔ " + " ".join(f"{s}: {n}" for s, n in report.notes)
    return report_rows(report, done="Đã khôi phục"), summary, *_lists_and_history(runtime), hide


def undo_delete(runtime: AppRuntime, uid: str, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
    """Restore the document the last delete moved to the trash."""
    return restore(runtime, uid, progress)


def rebuild(runtime: AppRuntime, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
    """Rebuild the index from ``corpus/`` and the uploads. Returns (result table, summary, *lists, banner, *history)."""
    empty = pd.DataFrame(columns=RESULT_HEADERS)
    if not runtime.ready:
        return empty, runtime.not_ready_message(), *_lists_and_history(runtime)
    progress(0.1, desc="Đang xây dựng lại chỉ mục từ corpus/ và các tệp đã tải lên…")
    try:
        report = runtime.rebuild(waiting=_waiting(progress))
    except AssistantError as exc:
        return empty, f"⚠ {exc}", *_lists_and_history(runtime)
    progress(1.0, desc="Xong")
    return (report_rows(report), "Đã xây dựng lại chỉ mục. " + report_summary(report),
            *_lists_and_history(runtime))


def cancel(runtime: AppRuntime) -> tuple[str, str]:
    """Cancel the running index job. Returns (message, banner)."""
    return runtime.cancel(), _banner(runtime)


def wake_timer() -> gr.Timer:
    """Restart the banner's timer (it stops once the app is ready), so a job's progress shows."""
    return gr.Timer(active=True)


def woken(button: gr.Button, timer: gr.Timer) -> Any:
    """``.then`` of a click that first wakes the banner's timer: chained, so the timer runs before the job
    starts (two listeners on one click are not run in parallel by the page)."""
    return button.click(wake_timer, outputs=[timer], api_visibility="private", show_progress="hidden").then


# -- layout ----------------------------------------------------------------------------------------
def _history_block() -> tuple[gr.Dataframe, gr.Dropdown, gr.Button]:
    with gr.Accordion("Phiên bản cũ và thùng rác", open=True):
        gr.Markdown("Tải lên tệp trùng tên với nội dung khác sẽ tạo phiên bản mới; phiên bản cũ được lưu trong "
                    "`versions/`, tài liệu đã xóa nằm trong `trash/`. Không tệp nào bị ghi đè.",
                    elem_classes="feedback-note")
        table = gr.Dataframe(value=pd.DataFrame(columns=HISTORY_HEADERS), headers=HISTORY_HEADERS, interactive=False,
                             wrap=True, label="Lịch sử phiên bản", elem_id="history-table",
                             column_widths=["11%", "8%", "20%", "18%", "12%", "31%"])
        with gr.Row():
            choice = gr.Dropdown(label="Phiên bản hoặc tài liệu cần khôi phục", choices=[], value=None,
                                 allow_custom_value=True, elem_id="restore-choice", scale=3)
            button = gr.Button("Khôi phục", elem_id="restore-btn", scale=1)
    return table, choice, button


def build_documents_tab(runtime: AppRuntime, status: gr.HTML, timer: gr.Timer,
                        source_filter: gr.Dropdown) -> tuple[gr.Dataframe, gr.Dropdown]:
    """The tab's components and events (call inside ``gr.Tab``); index changes also update the banner
    ``status`` and the search tab's ``source_filter``. Returns the documents table and delete choice."""
    docs_table = gr.Dataframe(value=pd.DataFrame(columns=DOC_HEADERS), headers=DOC_HEADERS,
                              datatype=["str", "str", "str", "str", "number", "number", "str", "str"],
                              interactive=False, wrap=True, label="Tài liệu đã lập chỉ mục", elem_id="docs-table",
                              column_widths=["9%", "31%", "9%", "17%", "6%", "6%", "10%", "12%"])
    with gr.Row(equal_height=False):
        with gr.Column():
            gr.Markdown(f"### Tải tài liệu lên\nNhận {KINDS_VI} (chọn được nhiều tệp; tối đa "
                        f"{runtime.settings.max_file_mb:g} MB mỗi tệp). Tệp được lưu vào thư mục `uploads/` của chỉ "
                        "mục và lập chỉ mục ngay; ảnh quét được nhận dạng chữ (OCR).")
            files = gr.File(label="Chọn tệp", file_count="multiple", file_types=list(SUPPORTED), elem_id="upload-files")
            upload_btn = gr.Button("Tải lên và lập chỉ mục", variant="primary", elem_id="upload-btn")
        with gr.Column():
            gr.Markdown("### Xóa tài liệu / xây dựng lại")
            delete_choice = gr.Dropdown(label="Tài liệu cần xóa", choices=[], value=None, allow_custom_value=True,
                                        elem_id="delete-choice")
            with gr.Row():
                delete_btn = gr.Button("Xóa tài liệu", variant="stop", elem_id="delete-btn")
                undo_btn = gr.Button("Hoàn tác xóa", elem_id="undo-btn", visible=False)
            with gr.Row():
                rebuild_btn = gr.Button("Xây dựng lại chỉ mục", elem_id="rebuild-btn")
                cancel_btn = gr.Button("Hủy công việc đang chạy", elem_id="cancel-btn")
            gr.Markdown("Xây dựng lại đọc lại toàn bộ `corpus/` và các tệp đã tải lên. «Hủy» dừng việc lập chỉ mục "
                        "đang chạy; chỉ mục trước đó vẫn được dùng.", elem_classes="feedback-note")
    job_summary = gr.Markdown("", elem_id="job-summary")
    job_table = gr.Dataframe(value=pd.DataFrame(columns=RESULT_HEADERS), headers=RESULT_HEADERS,
                             interactive=False, wrap=True, label="Kết quả theo tệp", elem_id="job-table",
                             column_widths=["30%", "15%", "55%"])
    history_table, restore_choice, restore_btn = _history_block()
    undo_id = gr.State("")

    after = [docs_table, delete_choice, source_filter, status, history_table, restore_choice]
    jobs = {"concurrency_limit": 4, "concurrency_id": "index-jobs"}  # the runtime runs one at a time, others wait
    woken(upload_btn, timer)(bind(upload, runtime), inputs=[files], outputs=[job_table, job_summary, files, *after],
                             api_name="upload", **jobs)
    woken(delete_btn, timer)(bind(delete, runtime), inputs=[delete_choice],
                             outputs=[job_table, job_summary, *after, undo_id, undo_btn], api_name="delete", **jobs)
    woken(undo_btn, timer)(bind(undo_delete, runtime), inputs=[undo_id],
                           outputs=[job_table, job_summary, *after, undo_btn], api_name="undo_delete", **jobs)
    woken(restore_btn, timer)(bind(restore, runtime), inputs=[restore_choice],
                              outputs=[job_table, job_summary, *after, undo_btn], api_name="restore", **jobs)
    woken(rebuild_btn, timer)(bind(rebuild, runtime), outputs=[job_table, job_summary, *after], api_name="rebuild",
                              **jobs)
    cancel_btn.click(bind(cancel, runtime), outputs=[job_summary, status], api_name="cancel", concurrency_limit=None)
    docs_table.change(bind(history, runtime), outputs=[history_table, restore_choice], api_visibility="private",
                      show_progress="hidden")
    return docs_table, delete_choice
