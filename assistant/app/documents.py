"""The "Tài liệu" tab: the indexed documents, uploads, deletion and rebuilding the index.

Index changes run one at a time (Gradio's ``index-jobs`` queue and the runtime's job lock); each
returns a per-file result table, a summary, fresh document lists and the banner. While one runs the
banner (refreshed by the page's timer, which a click wakes) shows its stage and progress.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import gradio as gr
import pandas as pd

from assistant.app import render
from assistant.app.common import bind
from assistant.app.runtime import AppRuntime
from assistant.converters import SUPPORTED
from assistant.errors import AssistantError
from assistant.ingest import IngestReport

DOC_HEADERS = ["Tiêu đề", "Ngày", "Nguồn", "Số đoạn", "Thêm lúc"]
RESULT_HEADERS = ["Tệp", "Kết quả", "Chi tiết"]

Lists = tuple[pd.DataFrame, Any, Any]
"""The document lists the page keeps in step: (documents table, delete choice, search filter)."""


# -- document lists --------------------------------------------------------------------------------
def _added_at(value: str) -> str:
    try:
        return datetime.fromisoformat(value).astimezone().strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return value or ""


def docs_frame(runtime: AppRuntime) -> pd.DataFrame:
    """The documents table (empty before the first index exists)."""
    bot = runtime.bot
    rows = [[d.title, render.format_date(d.date), d.source, d.n_chunks, _added_at(d.added_at)]
            for d in (bot.documents() if bot.has_index else [])]
    return pd.DataFrame(rows, columns=DOC_HEADERS)


def source_choices(runtime: AppRuntime) -> list[tuple[str, str]]:
    """(label, source) of every document, for the delete and search-filter dropdowns."""
    docs = runtime.bot.documents() if runtime.bot.has_index else []
    return [(f"{d.title[:70]} — {d.source}", d.source) for d in docs]


def refresh_lists(runtime: AppRuntime) -> Lists:
    """Every list of documents on the page, after an index change or once the start-up is done."""
    choices = source_choices(runtime)
    return (docs_frame(runtime), gr.Dropdown(choices=choices, value=None),
            gr.Dropdown(choices=[("Tất cả tài liệu", "")] + choices, value=""))


# -- results ---------------------------------------------------------------------------------------
def report_rows(report: IngestReport, rejected: list[tuple[str, str]] | None = None) -> pd.DataFrame:
    """One row per file: what happened to it, in Vietnamese, with the reason of a failure."""
    rows = [[s, "Đã thêm", ""] for s in report.added]
    rows += [[s, "Đã cập nhật", "Nội dung đã thay đổi, đã lập chỉ mục lại."] for s in report.updated]
    rows += [[s, "Không đổi", "Tài liệu đã có trong chỉ mục với cùng nội dung."] for s in report.unchanged]
    rows += [[s, "Đã xóa", ""] for s in report.removed]
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


# -- handlers --------------------------------------------------------------------------------------
def upload(runtime: AppRuntime, files: list[str] | None,
           progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008 - Gradio's injection idiom
    """Copy the chosen files into ``uploads/`` and index them; files that fail are put back as they were.

    Returns (result table, summary, file box, *lists, banner).
    """
    if not files:
        return (pd.DataFrame(columns=RESULT_HEADERS), "Hãy chọn ít nhất một tệp để tải lên.", None,
                *refresh_lists(runtime), _banner(runtime))
    if not runtime.ready:
        return (pd.DataFrame(columns=RESULT_HEADERS), runtime.not_ready_message(), gr.skip(),
                *refresh_lists(runtime), _banner(runtime))
    progress(0.05, desc="Đang lưu tệp…")
    saved, rejected, previous = runtime.save_uploads(files)
    report = IngestReport()
    if saved:
        progress(0.2, desc=f"Đang đọc và lập chỉ mục {len(saved)} tệp…")
        report = runtime.ingest_uploads(saved)
        runtime.restore_failed(report, previous)
    progress(1.0, desc="Xong")
    return (report_rows(report, rejected), report_summary(report, rejected), None, *refresh_lists(runtime),
            _banner(runtime))


def delete(runtime: AppRuntime, source: str | None) -> tuple[Any, ...]:
    """Remove the chosen document from the index. Returns (message, *lists, banner)."""
    if not source:
        message = "Hãy chọn tài liệu cần xóa."
    elif not runtime.ready:
        message = runtime.not_ready_message()
    else:
        try:
            report, note = runtime.delete(source)
        except AssistantError as exc:
            message = f"⚠ {exc}"
        else:
            message = (f"⚠ {report.failed[0][1]}" if report.failed else
                       f"✔ Đã xóa tài liệu {', '.join(report.removed)} khỏi chỉ mục. {note}".strip())
    return message, *refresh_lists(runtime), _banner(runtime)


def rebuild(runtime: AppRuntime, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
    """Rebuild the index from ``corpus/`` and the uploads. Returns (result table, summary, *lists, banner)."""
    if not runtime.ready:
        return (pd.DataFrame(columns=RESULT_HEADERS), runtime.not_ready_message(), *refresh_lists(runtime),
                _banner(runtime))
    progress(0.1, desc="Đang xây dựng lại chỉ mục từ corpus/ và các tệp đã tải lên…")
    try:
        report = runtime.rebuild()
    except AssistantError as exc:
        return pd.DataFrame(columns=RESULT_HEADERS), f"⚠ {exc}", *refresh_lists(runtime), _banner(runtime)
    progress(1.0, desc="Xong")
    return (report_rows(report), "Đã xây dựng lại chỉ mục. " + report_summary(report), *refresh_lists(runtime),
            _banner(runtime))


def wake_timer() -> gr.Timer:
    """Restart the banner's timer (it stops once the app is ready), so a job's progress shows."""
    return gr.Timer(active=True)


def woken(button: gr.Button, timer: gr.Timer) -> Any:
    """``.then`` of a click that first wakes the banner's timer: chained, so the timer runs before the job
    starts (two listeners on one click are not run in parallel by the page)."""
    return button.click(wake_timer, outputs=[timer], api_visibility="private", show_progress="hidden").then


# -- layout ----------------------------------------------------------------------------------------
def build_documents_tab(runtime: AppRuntime, status: gr.HTML, timer: gr.Timer,
                        source_filter: gr.Dropdown) -> tuple[gr.Dataframe, gr.Dropdown]:
    """The tab's components and events (call inside ``gr.Tab``); index changes also update the banner
    ``status`` and the search tab's ``source_filter``. Returns the documents table and delete choice."""
    docs_table = gr.Dataframe(value=pd.DataFrame(columns=DOC_HEADERS), headers=DOC_HEADERS,
                              datatype=["str", "str", "str", "number", "str"], interactive=False,
                              wrap=True, label="Tài liệu đã lập chỉ mục", elem_id="docs-table",
                              column_widths=["46%", "10%", "22%", "8%", "14%"])
    with gr.Row(equal_height=False):
        with gr.Column():
            gr.Markdown("### Tải tài liệu lên\nNhận PDF, DOCX, TXT, HTML, MD (chọn được nhiều tệp). "
                        "Tệp được lưu vào thư mục `uploads/` của chỉ mục và lập chỉ mục ngay.")
            files = gr.File(label="Chọn tệp", file_count="multiple", file_types=list(SUPPORTED),
                            elem_id="upload-files")
            upload_btn = gr.Button("Tải lên và lập chỉ mục", variant="primary", elem_id="upload-btn")
        with gr.Column():
            gr.Markdown("### Xóa tài liệu / xây dựng lại")
            delete_choice = gr.Dropdown(label="Tài liệu cần xóa", choices=[], value=None, allow_custom_value=True,
                                        elem_id="delete-choice")
            delete_btn = gr.Button("Xóa tài liệu", variant="stop", elem_id="delete-btn")
            rebuild_btn = gr.Button("Xây dựng lại chỉ mục", elem_id="rebuild-btn")
            gr.Markdown("Xây dựng lại đọc lại toàn bộ `corpus/` và các tệp đã tải lên.", elem_classes="feedback-note")
    job_summary = gr.Markdown("", elem_id="job-summary")
    job_table = gr.Dataframe(value=pd.DataFrame(columns=RESULT_HEADERS), headers=RESULT_HEADERS,
                             interactive=False, wrap=True, label="Kết quả theo tệp", elem_id="job-table",
                             column_widths=["30%", "15%", "55%"])

    lists = [docs_table, delete_choice, source_filter]
    jobs = {"concurrency_limit": 1, "concurrency_id": "index-jobs"}
    woken(upload_btn, timer)(bind(upload, runtime), inputs=[files],
                             outputs=[job_table, job_summary, files, *lists, status], api_name="upload", **jobs)
    woken(delete_btn, timer)(bind(delete, runtime), inputs=[delete_choice], outputs=[job_summary, *lists, status],
                             api_name="delete", **jobs)
    woken(rebuild_btn, timer)(bind(rebuild, runtime), outputs=[job_table, job_summary, *lists, status],
                              api_name="rebuild", **jobs)
    return docs_table, delete_choice
