"""The "Tài liệu" tab: the indexed documents, uploads, deletion (undoable), versions and the trash, rebuilding.

Documents are listed by title and date (the file and its stable id, "mã", underneath; choices carry the
id, so exactly one document goes), as a table on a wide screen and as cards on a phone; "Xem / tải về"
opens the original beside the list (:mod:`assistant.app.viewer`). Deleting asks for a confirmation
first and stays undoable. Index changes run one at a time (the runtime's job
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
from assistant.app.common import OPEN_BUTTON_JS, bind, event_key
from assistant.app.runtime import AppRuntime
from assistant.app.viewer import open_original
from assistant.converters import KINDS_VI, SUPPORTED
from assistant.errors import AssistantError
from assistant.ingest import IngestReport

DOC_HEADERS = ["Tài liệu", "Ngày", "Phiên bản", "Số đoạn", "Thêm lúc", "Ghi chú", ""]
RESULT_HEADERS = ["Tệp", "Kết quả", "Chi tiết"]
HISTORY_HEADERS = ["Tệp", "Phiên bản", "Trạng thái", "Lúc", "Lưu tại", "Mã"]
# A table on a wide screen; on a phone each row is a card of "label: value" lines, so no column is squeezed
# to one character a line. Scoped to its component by Gradio.
TABLE_CSS = """
table.doc-list {width: 100%; border-collapse: collapse; font-size: 14px;}
.doc-list th {text-align: left; font-weight: 600; padding: 6px 8px; border-bottom: 2px solid var(--border-color-primary);}
.doc-list td {padding: 6px 8px; border-bottom: 1px solid var(--border-color-primary); vertical-align: top;}
.doc-list td.nowrap {white-space: nowrap;}
.doc-list .doc-t {font-weight: 600;}
.doc-list .doc-f {font-size: 12px; color: var(--body-text-color-subdued); word-break: break-all;}
.doc-list button {padding: 3px 10px; border-radius: 6px; border: 1px solid var(--color-accent); cursor: pointer;
  background: transparent; color: var(--color-accent); font-size: 13px; white-space: nowrap;}
@media (max-width: 720px) {
  .doc-list thead {display: none;}
  .doc-list, .doc-list tbody, .doc-list tr, .doc-list td {display: block; width: 100%; box-sizing: border-box;}
  .doc-list tr {border: 1px solid var(--border-color-primary); border-radius: 8px; margin-bottom: 10px;
    padding: 6px 4px; background: var(--background-fill-secondary);}
  .doc-list td {border: none; padding: 2px 8px;}
  .doc-list td[data-label]:not([data-label=""])::before {content: attr(data-label) ": "; font-weight: 600;}
}
"""

Lists = tuple[str, Any, Any]
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


def table_html(headers: list[str], rows: list[list[str]], empty: str, nowrap: tuple[int, ...] = ()) -> str:
    """A table whose cells are already HTML; each cell carries its header, which a phone shows before it."""
    if not rows:
        return render.empty_html(empty)
    head = "".join(f"<th>{render.esc(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{render.esc(h)}"{" class=nowrap" if i in nowrap else ""}>{cell}</td>'
                         for i, (h, cell) in enumerate(zip(headers, row, strict=True))) + "</tr>"
        for row in rows)
    return f'<table class="doc-list"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def docs_html(runtime: AppRuntime) -> str:
    """The documents by title and date (the file, its place and id underneath), each with a button that
    opens the original beside the list and offers it for download."""
    bot = runtime.bot
    esc = render.esc
    rows = [[f'<div class="doc-t">{esc(d.title or d.source)}</div>'
             f'<div class="doc-f">Tệp: {esc(_place(d.root, d.source))} · mã {esc(d.uid)}</div>',
             esc(render.format_date(d.date)), esc(d.version), esc(d.n_chunks), esc(_when(d.added_at)),
             esc(" ".join(d.notes)), f'<button data-open="doc-{esc(d.uid or d.doc_id)}">Xem / tải về</button>']
            for d in (bot.documents() if bot.has_index else [])]
    return table_html(DOC_HEADERS, rows, "Chưa có tài liệu nào trong chỉ mục.", nowrap=(1, 4))


def source_choices(runtime: AppRuntime) -> list[tuple[str, str]]:
    """(label, source) of every document, for the search filter: title and date."""
    docs = runtime.bot.documents() if runtime.bot.has_index else []
    return [(f"{d.title[:70]} ({render.format_date(d.date)})", d.source) for d in docs]


def delete_choices(runtime: AppRuntime) -> list[tuple[str, str]]:
    """(label, id) of every document, for the delete choice: ids, so exactly one document goes; the place
    tells apart two documents of one title."""
    docs = runtime.bot.documents() if runtime.bot.has_index else []
    return [(f"{d.title[:60]} ({render.format_date(d.date)}) — {_place(d.root, d.source)}", d.uid) for d in docs]


def refresh_lists(runtime: AppRuntime, reset: bool = False) -> Lists:
    """Every list of documents on the page, after an index change or once the start-up is done. The choices
    keep what the user picked (the banner's timer refreshes them) unless ``reset`` (after an index change)."""
    delete_value = {"value": None} if reset else {}
    filter_value = {"value": ""} if reset else {}
    return (docs_html(runtime), gr.Dropdown(choices=delete_choices(runtime), **delete_value),
            gr.Dropdown(choices=[("Tất cả tài liệu", "")] + source_choices(runtime), **filter_value))


def history_rows(runtime: AppRuntime, rows: list | None = None) -> list[list[Any]]:
    """The versions (``rows``, default all) of documents that have older versions or were deleted: file,
    version, state, when, where it is kept, id."""
    rows = runtime.bot.versions() if rows is None else rows
    shown = {r.uid for r in rows if r.state in ("kept", "deleted")}
    return [[Path(r.path).name, r.n, r.state_vi, _when(r.changed_at), r.file or "", r.uid]
            for r in rows if r.uid in shown]


def history(runtime: AppRuntime, reset: bool = False) -> tuple[str, Any]:
    """The versions table and the restore choice (kept as the user picked it unless ``reset``)."""
    rows = runtime.bot.versions()
    table = table_html(HISTORY_HEADERS, [[render.esc(c) for c in row] for row in history_rows(runtime, rows)],
                       "Chưa có phiên bản cũ hay tài liệu đã xóa.", nowrap=(1, 3))
    choices = [(f"{Path(r.path).name} — phiên bản {r.n} ({r.state_vi.lower()}, mã {r.uid})", f"{r.uid}:{r.n}")
               for r in rows if r.restorable]
    return table, gr.Dropdown(choices=choices, **({"value": None} if reset else {}))


def open_doc(runtime: AppRuntime, evt: gr.EventData) -> tuple[Any, Any]:
    """A click on "Xem / tải về" (key ``doc-<id>``): the original (a PDF's first page, or the text) and its download."""
    key = event_key(evt).removeprefix("doc-")
    if not key:
        return gr.skip(), gr.skip()
    view = open_original(runtime, key)
    if view.download is None:
        return view.html, gr.DownloadButton(visible=False)
    return view.html, gr.DownloadButton(f"Tải tệp gốc ({view.download.suffix.lstrip('.').upper()})",
                                        value=str(view.download), visible=True)


def ask_delete(runtime: AppRuntime, key: str | None) -> tuple[Any, str]:
    """The first click on "Xóa tài liệu": what would go, and a request to confirm. Returns (confirm box, text)."""
    if not key:
        return gr.Group(visible=False), "Hãy chọn tài liệu cần xóa."
    doc = runtime.bot.document(key) if runtime.ready else None
    what = f"«{doc.title}» ({render.format_date(doc.date)}, {_place(doc.root, doc.source)})" if doc else f"mã {key}"
    return gr.Group(visible=True), (f"Xóa tài liệu {what} khỏi chỉ mục? Tệp được chuyển vào thùng rác và có thể "
                                    "khôi phục bằng «Hoàn tác xóa» hoặc ở mục «Phiên bản cũ và thùng rác».")


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
def _history_block() -> tuple[gr.HTML, gr.Dropdown, gr.Button]:
    with gr.Accordion("Phiên bản cũ và thùng rác", open=True):
        gr.Markdown("Tải lên tệp trùng tên với nội dung khác sẽ tạo phiên bản mới; phiên bản cũ được lưu trong "
                    "`versions/`, tài liệu đã xóa nằm trong `trash/`. Không tệp nào bị ghi đè.",
                    elem_classes="feedback-note")
        table = gr.HTML(render.empty_html("Chưa có phiên bản cũ hay tài liệu đã xóa."), elem_id="history-table",
                        css_template=TABLE_CSS, js_on_load=None)
        with gr.Row():
            choice = gr.Dropdown(label="Phiên bản hoặc tài liệu cần khôi phục", choices=[], value=None,
                                 allow_custom_value=True, elem_id="restore-choice", scale=3)
            button = gr.Button("Khôi phục", elem_id="restore-btn", scale=1)
    return table, choice, button


def _delete_block() -> tuple[gr.Dropdown, gr.Button, gr.Group, gr.Markdown, gr.Button, gr.Button, gr.Button]:
    """The delete choice and button, the confirmation it asks for (hidden until then) and the undo button."""
    choice = gr.Dropdown(label="Tài liệu cần xóa", choices=[], value=None, allow_custom_value=True,
                         elem_id="delete-choice")
    with gr.Row():
        ask = gr.Button("Xóa tài liệu", variant="stop", elem_id="delete-btn")
        undo = gr.Button("Hoàn tác xóa", elem_id="undo-btn", visible=False)
    with gr.Group(visible=False, elem_id="delete-confirm-box") as box:
        question = gr.Markdown("", elem_id="delete-question")
        with gr.Row():
            confirm = gr.Button("Có, xóa tài liệu này", variant="stop", elem_id="delete-confirm")
            keep = gr.Button("Không xóa", elem_id="delete-keep")
    return choice, ask, box, question, confirm, keep, undo


def build_documents_tab(runtime: AppRuntime, status: gr.HTML, timer: gr.Timer,
                        source_filter: gr.Dropdown) -> tuple[gr.HTML, gr.Dropdown]:
    """The tab's components and events (call inside ``gr.Tab``); index changes also update the banner
    ``status`` and the search tab's ``source_filter``. Returns the documents list and delete choice."""
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            gr.Markdown("### Tài liệu đã lập chỉ mục")
            docs_table = gr.HTML(render.empty_html("Chưa có tài liệu nào trong chỉ mục."), elem_id="docs-table",
                                 css_template=TABLE_CSS, js_on_load=OPEN_BUTTON_JS)
        with gr.Column(scale=2):
            doc_download = gr.DownloadButton("Tải tệp gốc", visible=False, elem_id="docs-download", size="sm")
            doc_view = gr.HTML(render.empty_html("Bấm «Xem / tải về» ở một tài liệu để xem tệp gốc và tải về."),
                               elem_id="docs-view", js_on_load=None)
    with gr.Row(equal_height=False):
        with gr.Column():
            gr.Markdown(f"### Tải tài liệu lên\nNhận {KINDS_VI} (chọn được nhiều tệp; tối đa "
                        f"{runtime.settings.max_file_mb:g} MB mỗi tệp). Tệp được lưu vào thư mục `uploads/` của chỉ "
                        "mục và lập chỉ mục ngay; ảnh quét được nhận dạng chữ (OCR).")
            files = gr.File(label="Chọn tệp", file_count="multiple", file_types=list(SUPPORTED), elem_id="upload-files")
            upload_btn = gr.Button("Tải lên và lập chỉ mục", variant="primary", elem_id="upload-btn")
        with gr.Column():
            gr.Markdown("### Xóa tài liệu / xây dựng lại")
            delete_choice, delete_btn, confirm_box, confirm_text, confirm_btn, keep_btn, undo_btn = _delete_block()
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
    # The runtime runs one job at a time, others wait. Gradio's own bar shows on the job summary only: the
    # banner carries the real per-document progress, and a bar on every list would be copied 4-5 times.
    jobs = {"concurrency_limit": 4, "concurrency_id": "index-jobs", "show_progress_on": [job_summary]}
    woken(upload_btn, timer)(bind(upload, runtime), inputs=[files], outputs=[job_table, job_summary, files, *after],
                             api_name="upload", **jobs)
    delete_btn.click(bind(ask_delete, runtime), inputs=[delete_choice], outputs=[confirm_box, confirm_text],
                     api_visibility="private", show_progress="hidden")
    keep_btn.click(lambda: gr.Group(visible=False), outputs=[confirm_box], api_visibility="private",
                   show_progress="hidden")
    confirm_btn.click(lambda: gr.Group(visible=False), outputs=[confirm_box], api_visibility="private",
                      show_progress="hidden").then(
        wake_timer, outputs=[timer], api_visibility="private", show_progress="hidden").then(
        bind(delete, runtime), inputs=[delete_choice], outputs=[job_table, job_summary, *after, undo_id, undo_btn],
        api_name="delete", **jobs)
    woken(undo_btn, timer)(bind(undo_delete, runtime), inputs=[undo_id],
                           outputs=[job_table, job_summary, *after, undo_btn], api_name="undo_delete", **jobs)
    woken(restore_btn, timer)(bind(restore, runtime), inputs=[restore_choice],
                              outputs=[job_table, job_summary, *after, undo_btn], api_name="restore", **jobs)
    woken(rebuild_btn, timer)(bind(rebuild, runtime), outputs=[job_table, job_summary, *after], api_name="rebuild",
                              **jobs)
    cancel_btn.click(bind(cancel, runtime), outputs=[job_summary, status], api_name="cancel", concurrency_limit=None)
    docs_table.change(bind(history, runtime), outputs=[history_table, restore_choice], api_visibility="private",
                      show_progress="hidden")
    docs_table.click(bind(open_doc, runtime), outputs=[doc_view, doc_download], api_visibility="private",
                     show_progress="hidden")
    return docs_table, delete_choice
