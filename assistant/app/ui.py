"""The Gradio page: a title, the status banner and three tabs, each built by its own module.

"Hỏi đáp" (:mod:`assistant.app.chat`), "Tra cứu" (:mod:`assistant.app.search`) and "Tài liệu"
(:mod:`assistant.app.documents`). The banner is refreshed by a timer until the app is ready (and
again while an index job runs); then the document lists are filled and the timer stops.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.app import render
from assistant.app.chat import build_chat_tab
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
/* the banner is refreshed every second: no "processing" overlay on it */
#status-banner .progress-text, #status-banner .eta-bar, #status-banner .wrap.default,
#status-banner .wrap.minimal, #status-banner .wrap.translucent {display: none !important;}
"""
# Gradio has no Vietnamese locale: its few built-in English labels are replaced on the page.
TRANSLATE_JS = """
() => {
  const words = {
    "Drop File Here": "Thả tệp vào đây", "- or -": "- hoặc -", "Click to Upload": "Bấm để chọn tệp",
    "Examples": "Ví dụ", "Like": "Hữu ích", "Dislike": "Chưa đúng", "Copy": "Sao chép",
    "Copy message": "Sao chép", "Copied!": "Đã sao chép", "Clear": "Xóa", "Loading...": "Đang tải…",
    "Fullscreen": "Toàn màn hình", "Exit fullscreen mode": "Thoát toàn màn hình", "Copy table": "Sao chép bảng",
    "Error": "Lỗi", "Close": "Đóng", "Upload file": "Tải tệp lên", "Remove": "Xóa", "Download": "Tải về"
  };
  const fix = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const key = node.nodeValue.trim();
      if (key && Object.prototype.hasOwnProperty.call(words, key)) node.nodeValue = node.nodeValue.replace(key, words[key]);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll('[title], [aria-label]').forEach((el) => {
        for (const attr of ['title', 'aria-label']) {
          const value = el.getAttribute(attr);
          if (value && Object.prototype.hasOwnProperty.call(words, value)) el.setAttribute(attr, words[value]);
        }
      });
    }
  };
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fix(document.body); });
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
  fix(document.body);
}
"""


# -- handlers --------------------------------------------------------------------------------------
def poll(runtime: AppRuntime) -> tuple[Any, ...]:
    """The banner; once ready (or failed) also the document lists, and the timer stops.

    Returns (banner, timer, *lists): the timer and lists are skipped while starting or busy.
    """
    status = runtime.status()
    if status["state"] in ("ready", "error"):
        return (render.status_html(status), gr.Timer(active=False), *refresh_lists(runtime))
    return render.status_html(status), gr.skip(), gr.skip(), gr.skip(), gr.skip()


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
        timer = gr.Timer(1.0)
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                build_chat_tab(runtime)
            with gr.Tab("Tra cứu", id="search"):
                source_filter = build_search_tab(runtime)
            with gr.Tab("Tài liệu", id="docs") as docs_tab:
                docs_table, delete_choice = build_documents_tab(runtime, status, timer, source_filter)

        lists = [docs_table, delete_choice, source_filter]
        timer.tick(bind(poll, runtime), outputs=[status, timer, *lists], show_progress="hidden",
                   concurrency_limit=None, api_visibility="private")
        demo.load(bind(poll, runtime), outputs=[status, timer, *lists], show_progress="hidden",
                  api_visibility="private")
        gr.api(bind(api_status, runtime), api_name="status")
        docs_tab.select(bind(refresh_lists, runtime), outputs=lists, api_visibility="private", show_progress="hidden")
    return demo


def launch_options() -> dict[str, Any]:
    """Theme, CSS and other ``launch()`` arguments of the page (Gradio 6 takes them at launch)."""
    theme = gr.themes.Soft(
        primary_hue="blue",
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"],
        font_mono=["ui-monospace", "Consolas", "DejaVu Sans Mono", "monospace"],
    )
    return {"theme": theme, "css": CSS, "js": TRANSLATE_JS, "footer_links": [], "ssr_mode": False}
