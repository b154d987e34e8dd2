"""What the tabs share: binding handlers to the runtime, the document view and its script.

Handlers are module-level functions whose first parameters are the runtime (and other fixed
values), so tests call them directly; :func:`bind` fixes those at wiring time.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from typing import Any

import gradio as gr

from assistant.app import render
from assistant.app.runtime import AppRuntime
from assistant.errors import AssistantError

# The document view scrolls its highlighted span into view whenever it changes.
DOC_JS = """
const show = () => {
  const mark = element.querySelector('mark.hl');
  if (mark) { mark.scrollIntoView({block: 'center'}); }
};
watch('value', () => setTimeout(show, 50));
setTimeout(show, 50);
"""
# Panels whose buttons [data-open] ask the server to open a document (the key goes in the event data).
OPEN_BUTTON_JS = """
element.addEventListener('click', (event) => {
  const button = event.target.closest('[data-open]');
  if (button) { event.preventDefault(); trigger('click', {key: button.dataset.open}); }
});
"""

Place = tuple[int | None, int | None, str | None]
"""Where to highlight in a document: (start, end, quote); the quote finds the span if offsets are stale."""


def bind(fn: Callable, *fixed: Any) -> Callable:
    """``fn`` with its first arguments fixed, still readable by Gradio.

    :func:`functools.partial` hides the type hints Gradio reads to inject ``gr.EventData`` and
    ``gr.LikeData``; this wrapper is a plain (generator) function with the remaining signature.
    """
    if inspect.isgeneratorfunction(fn):
        def call(*args: Any, **kwargs: Any) -> Any:
            yield from fn(*fixed, *args, **kwargs)
    else:
        def call(*args: Any, **kwargs: Any) -> Any:
            return fn(*fixed, *args, **kwargs)
    functools.update_wrapper(call, fn)
    signature = inspect.signature(fn)
    params = list(signature.parameters.values())
    fixed_names = {p.name for p in params[:len(fixed)]}
    call.__signature__ = signature.replace(parameters=params[len(fixed):])  # type: ignore[attr-defined]
    call.__annotations__ = {k: v for k, v in fn.__annotations__.items() if k not in fixed_names}
    return call


def event_key(evt: gr.EventData) -> str:
    """The ``key`` a panel script sent with its click (``""`` when there is none); Gradio keeps a custom
    ``trigger()`` payload only in ``_data``."""
    return str(evt._data.get("key", "")) if isinstance(evt._data, dict) else ""


def open_document(runtime: AppRuntime, doc_key: str | None, source: str, places: Iterable[Place],
                  terms: set[str] | None = None, label: str = "") -> str:
    """The document view with each place highlighted, scrolled to the first; a message if it is gone."""
    bot = runtime.bot
    try:
        doc = (bot.document(doc_key) if doc_key else None) or bot.document(source)
    except AssistantError as exc:
        return render.empty_html(str(exc))
    if doc is None:
        return render.empty_html("Tài liệu này không còn trong chỉ mục.")
    spans = [render.locate(doc.text, start, end, quote) for start, end, quote in places]
    return render.document_html(doc, [s for s in spans if s], terms, label=label)
