"""The Gradio page: a title, the status banner and three tabs, each built by its own module.

"Hỏi đáp" (:mod:`assistant.app.chat`), "Tra cứu" (:mod:`assistant.app.search`) and "Tài liệu"
(:mod:`assistant.app.documents`). The banner is refreshed by a timer (always, slower when idle: an index job started anywhere shows at once); when the app becomes ready the
document lists are filled. Gradio's own strings are in Vietnamese through ``gr.I18n`` (:data:`I18N`)
and a small script for the few it writes without a translation key.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.app import render
from assistant.app.chat import build_chat_tab, refresh_filter
from assistant.app.common import bind
from assistant.app.documents import build_documents_tab, refresh_lists
from assistant.app.runtime import AppRuntime
from assistant.app.search import build_search_tab

TITLE = "Trợ lý tài liệu Ban Quản lý các KCN"

CSS = """
.app-title h1 {margin-bottom: 0;}
.status {padding: 10px 14px; border-radius: 8px; font-size: 15px; line-height: 1.5;}
.status ul {margin: 4px 0 0 22px; font-size: 14px;}
.status-starting, .status-busy {background: #fff7e0; border: 1px solid #f0c36d; color: #5c4400;}
.status-ready {background: #e8f6ec; border: 1px solid #8fd19e; color: #1e5631;}
.status-error {background: #fdecea; border: 1px solid #f5a8a0; color: #8a1c12;}
.spinner {display: inline-block; width: 14px; height: 14px; border: 2px solid #c9a13b;
  border-top-color: transparent; border-radius: 50%; animation: assistant-spin 0.9s linear infinite;
  margin-right: 6px; vertical-align: -2px;}
@keyframes assistant-spin {to {transform: rotate(360deg);}}
.src-list {display: flex; flex-direction: column; gap: 10px;}
.src-card, .hit {border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
  background: var(--background-fill-secondary);}
.src-head {font-weight: 600; font-size: 15px;}
.src-n {color: var(--color-accent); font-weight: 700;}
.score {float: right; font-weight: 400; font-size: 12px; color: var(--body-text-color-subdued);}
.src-meta {font-size: 13px; color: var(--body-text-color-subdued); margin: 4px 0 6px;}
.src-text {white-space: pre-wrap; line-height: 1.55; font-size: 14px;}
mark.quote, mark.hl {background: #ffe066; color: #1a1a1a; padding: 0 2px; border-radius: 3px;}
mark.hl {background: #ffc933;}
mark.kw {background: #cfe8ff; color: #1a1a1a; padding: 0 1px; border-radius: 2px;}
.open-doc {margin-top: 8px; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--color-accent);
  background: transparent; color: var(--color-accent); cursor: pointer; font-size: 13px;}
.open-doc:hover {background: var(--color-accent); color: white;}
.doc-view .doc-title {font-weight: 700; font-size: 16px;}
.doc-body {white-space: pre-wrap; max-height: 55vh; overflow-y: auto; line-height: 1.6; padding: 10px 12px;
  border: 1px solid var(--border-color-primary); border-radius: 6px; background: var(--background-fill-primary);}
.panel-empty {color: var(--body-text-color-subdued); font-style: italic; padding: 8px 0;}
.abstain {font-weight: 700; color: #b54708; margin-bottom: 6px;}
.related-title, .hit-count {font-size: 13px; color: var(--body-text-color-subdued); margin: 4px 0 8px;}
a.cite {font-weight: 700; text-decoration: none; color: var(--color-accent); cursor: pointer;
  padding: 0 1px; border-radius: 3px;}
a.cite:hover {background: var(--color-accent-soft);}
.feedback-note {font-size: 14px;}
.injection {background: #fdecea; text-decoration: underline wavy #c0392b; text-underline-offset: 3px;}
.injection-note {display: inline-block; margin: 0 4px; padding: 0 6px; border-radius: 4px; font-size: 12px;
  font-weight: 600; background: #8a1c12; color: white; white-space: nowrap;}
#docs-table, #job-table {--font-mono: var(--font);}
/* the chat: sources beside it on a desktop (scrolling on their own), after it on a phone */
#side-col {position: sticky; top: 8px; align-self: flex-start; max-height: calc(100vh - 16px); overflow-y: auto;}
#side-col .doc-body {max-height: 45vh; position: relative;}
.src-card.active {border: 2px solid var(--color-accent); box-shadow: 0 0 0 3px var(--color-accent-soft);}
.turn-notice {background: #fff7e0; border-left: 4px solid #f0c36d; color: #5c4400; padding: 6px 10px;
  border-radius: 4px; margin-bottom: 8px; font-size: 14px;}
#cite-pop {display: none; position: fixed; z-index: 1000; padding: 8px 10px; border-radius: 6px; font-size: 13px;
  line-height: 1.45; background: #1f2937; color: #f9fafb; box-shadow: 0 4px 14px rgba(0,0,0,.25); pointer-events: none;}
@media (max-width: 768px) {
  #side-col {position: static; max-height: none; overflow: visible;}
  #chat-row {flex-direction: column;}
}
/* the banner is refreshed every second: no "processing" overlay on it */
#status-banner .progress-text, #status-banner .eta-bar, #status-banner .wrap.default,
#status-banner .wrap.minimal, #status-banner .wrap.translucent {display: none !important;}
"""
# Gradio has no Vietnamese locale. Its translatable strings come from :data:`I18N` (``gr.I18n``); the few
# it writes in English without a key ("processing |", "Copy table data", "Invalid file type…") are
# replaced on the page, word for word or by pattern.
TRANSLATE_JS = """
() => {
  const patterns = [
    [/^processing \\|$/, "đang xử lý |"], [/^processing$/, "đang xử lý"],
    [/^queue: (\\d+)\\/(\\d*) \\|$/, "hàng đợi: $1/$2 |"],
    [/^Invalid file types?: (.*)\\. Only (.*) allowed\\.$/, "Loại tệp không được hỗ trợ: $1. Chỉ nhận $2."],
    [/^user's message: ([\\s\\S]*)$/, "Câu hỏi: $1"], [/^bot's message: ([\\s\\S]*)$/, "Trả lời: $1"],
  ];
  const words = {
    "Drop File Here": "Thả tệp vào đây", "- or -": "- hoặc -", "Click to Upload": "Bấm để chọn tệp",
    "Examples": "Ví dụ", "Like": "Hữu ích", "Dislike": "Chưa đúng", "Copy": "Sao chép",
    "Copy message": "Sao chép", "Copied!": "Đã sao chép", "Clear": "Xóa", "Loading...": "Đang tải…",
    "Fullscreen": "Toàn màn hình", "Exit fullscreen mode": "Thoát toàn màn hình", "Copy table": "Sao chép bảng",
    "Error": "Lỗi", "Close": "Đóng", "Upload file": "Tải tệp lên", "Remove": "Xóa", "Download": "Tải về",
    "Click to upload or drop files": "Bấm để chọn tệp hoặc thả tệp vào đây", "Table actions": "Thao tác với bảng",
    "Copy table data": "Sao chép dữ liệu bảng", "Copied to clipboard": "Đã sao chép", "Copied message": "Đã sao chép",
    "Warning": "Cảnh báo", "Info": "Thông tin", "Success": "Thành công", "Scroll to bottom": "Cuộn xuống cuối",
    "Scroll down": "Cuộn xuống", "chatbot conversation": "hội thoại", "Sort column": "Sắp xếp cột",
    "Clear sort": "Bỏ sắp xếp", "Search": "Tìm", "Filter": "Lọc", "Select all": "Chọn tất cả",
    "Remove all": "Xóa hết", "Clear all": "Xóa hết", "Toggle": "Chuyển", "Share": "Chia sẻ",
    "Upload": "Tải lên", "Uploading...": "Đang tải lên…", "Retry": "Thử lại", "Undo": "Hoàn tác", "Edit": "Sửa",
    "Submit": "Gửi", "Cancel": "Hủy", "Loading": "Đang tải", "Expand": "Mở rộng", "Collapse": "Thu gọn",
    "Zoom in": "Phóng to", "Zoom out": "Thu nhỏ", "Select": "Chọn", "Dropdown": "Danh sách chọn", "Number": "Số"
  };
  const translate = (value) => {
    const key = value.trim();
    if (Object.prototype.hasOwnProperty.call(words, key)) return value.replace(key, words[key]);
    for (const [pattern, target] of patterns) {
      if (pattern.test(key)) return value.replace(key, key.replace(pattern, target));
    }
    return null;
  };
  const fix = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.nodeValue.trim()) continue;
      const done = translate(node.nodeValue);
      if (done !== null && done !== node.nodeValue) node.nodeValue = done;
    }
    if (root.querySelectorAll) {
      root.querySelectorAll('[title], [aria-label], [placeholder]').forEach((el) => {
        for (const attr of ['title', 'aria-label', 'placeholder']) {
          const value = el.getAttribute(attr);
          const done = value ? translate(value) : null;
          if (done !== null && done !== value) el.setAttribute(attr, done);
        }
      });
    }
  };
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fix(document.body); });
  }).observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true,
             attributeFilter: ['title', 'aria-label', 'placeholder']});
  fix(document.body);
}
"""


# Gradio's own strings by their i18n keys (``gr.I18n``), in Vietnamese. The page falls back to "en" for
# a locale Gradio does not ship (vi is not one), so the same table is given for both.
_VI = {
    "chatbot.edit": "Sửa", "chatbot.retry": "Thử lại", "chatbot.undo": "Hoàn tác", "chatbot.submit": "Gửi",
    "chatbot.cancel": "Hủy", "chatbot.like": "Hữu ích", "chatbot.dislike": "Chưa đúng", "chatbot.clear": "Xóa",
    "chatbot.complete": "Xong", "chatbot.copy_message": "Sao chép", "chatbot.copied_message": "Đã sao chép",
    "chat_interface.new_chat": "Hội thoại mới", "chat_interface.message_placeholder": "Nhập câu hỏi…",
    "chat_interface.chatbot": "Hội thoại", "chat_interface.conversation": "Hội thoại",
    "common.built_with": "xây dựng bằng", "common.built_with_gradio": "Xây dựng bằng Gradio", "common.clear": "Xóa",
    "common.download": "Tải về", "common.download_all": "Tải tất cả", "common.edit": "Sửa", "common.empty": "Trống",
    "common.error": "Lỗi", "common.loading": "Đang tải", "common.or": "hoặc", "common.remove": "Xóa",
    "common.settings": "Cài đặt", "common.share": "Chia sẻ", "common.submit": "Gửi", "common.undo": "Hoàn tác",
    "common.language": "Ngôn ngữ", "common.progress": "Tiến độ", "common.run": "Chạy", "common.stop_recording":
    "Dừng ghi", "common.record": "Ghi", "common.no_devices": "Không tìm thấy thiết bị",
    "upload_text.click_to_upload": "Bấm để chọn tệp", "upload_text.drop_file": "Thả tệp vào đây",
    "upload_text.drop_csv": "Thả tệp CSV vào đây", "upload_text.drop_image": "Thả ảnh vào đây",
    "upload_text.drop_audio": "Thả tệp âm thanh vào đây", "upload_text.drop_video": "Thả video vào đây",
    "upload_text.drop_gallery": "Thả tệp vào đây", "upload_text.paste_clipboard": "Dán từ bộ nhớ tạm",
    "file.uploading": "Đang tải lên…", "status.queue_position": "Đang chờ: {position}/{size}",
    "dropdown.dropdown": "Danh sách chọn", "number.number": "Số", "checkbox.checkbox": "Ô chọn",
    "dataframe.sort_column": "Sắp xếp cột", "dataframe.sort_ascending": "Sắp xếp tăng dần",
    "dataframe.sort_descending": "Sắp xếp giảm dần", "dataframe.new_row": "Thêm dòng",
    "dataframe.new_column": "Thêm cột", "dataframe.delete_row": "Xóa dòng", "dataframe.delete_column": "Xóa cột",
    "blocks.lost_connection": "Mất kết nối vì rời trang. Đang vào lại hàng đợi…",
    "blocks.waiting_for_inputs": "Đang chờ tải tệp lên xong, xin thử lại.",
    "blocks.connection_can_break": "Trên điện thoại, kết nối có thể bị ngắt nếu thẻ này không được mở hoặc máy ngủ.",
    "errors.contact_page_author": "Xin báo cho người quản trị trang.",
}
I18N = gr.I18n(en=_VI, vi=_VI)


# -- handlers --------------------------------------------------------------------------------------
IDLE_TICK_S = 2.0
BUSY_TICK_S = 1.0


def poll(runtime: AppRuntime, last: str) -> tuple[Any, ...]:
    """The banner; when the app becomes ready (or fails) also the document lists, once.

    The timer keeps running (every second while something runs, every two when idle), so an index job
    started from any browser shows on every banner. Returns (banner, timer, *lists, chat filter, state).
    """
    status = runtime.status()
    state = status["state"]
    tick = IDLE_TICK_S if state in ("ready", "error") else BUSY_TICK_S
    previous_tick = IDLE_TICK_S if last in ("ready", "error") else BUSY_TICK_S
    timer = gr.Timer(value=tick, active=True) if tick != previous_tick or not last else gr.skip()
    if state in ("ready", "error") and state != last:
        return (render.status_html(status), timer, *refresh_lists(runtime), refresh_filter(runtime), state)
    return render.status_html(status), timer, gr.skip(), gr.skip(), gr.skip(), gr.skip(), state


def api_status(runtime: AppRuntime) -> dict:
    """Start-up state for scripts: ready, state, message, progress, elapsed seconds, documents and chunks."""
    status = runtime.status()
    status.update(runtime.counts() if runtime.ready else {"documents": 0, "chunks": 0})
    return status


# -- the page --------------------------------------------------------------------------------------
def build_ui(runtime: AppRuntime) -> gr.Blocks:
    """The whole page for one :class:`AppRuntime`."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"# {TITLE}\nHỏi đáp có trích dẫn nguồn và tra cứu trên "
                    "các tài liệu đã lập chỉ mục — chạy hoàn toàn trên máy này.", elem_classes="app-title")
        status = gr.HTML(render.status_html(runtime.status()), elem_id="status-banner", js_on_load=None)
        timer = gr.Timer(BUSY_TICK_S)
        last_state = gr.State("")
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                chat = build_chat_tab(runtime)
            with gr.Tab("Tra cứu", id="search"):
                source_filter = build_search_tab(runtime)
            with gr.Tab("Tài liệu", id="docs") as docs_tab:
                docs_table, delete_choice = build_documents_tab(runtime, status, timer, source_filter)

        lists = [docs_table, delete_choice, source_filter]
        polled = [status, timer, *lists, chat["filter"], last_state]
        timer.tick(bind(poll, runtime), inputs=[last_state], outputs=polled, show_progress="hidden",
                   concurrency_limit=None, api_visibility="private")
        demo.load(bind(poll, runtime), inputs=[last_state], outputs=polled, show_progress="hidden",
                  api_visibility="private")
        restore_fn, restore_in, restore_out = chat["restore"]
        demo.load(restore_fn, inputs=restore_in, outputs=restore_out, show_progress="hidden", api_visibility="private")
        gr.api(bind(api_status, runtime), api_name="status")
        docs_tab.select(bind(refresh_lists, runtime), outputs=lists, api_visibility="private", show_progress="hidden")
    return demo


def launch_options() -> dict[str, Any]:
    """Theme, CSS, translations and other ``launch()`` arguments of the page (Gradio 6 takes them at launch)."""
    theme = gr.themes.Soft(
        primary_hue="blue",
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"],
        font_mono=["ui-monospace", "Consolas", "DejaVu Sans Mono", "monospace"],
    )
    return {"theme": theme, "css": CSS, "js": TRANSLATE_JS, "footer_links": [], "ssr_mode": False, "i18n": I18N}
