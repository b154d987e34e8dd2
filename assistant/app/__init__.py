"""The web app: ``python app.py`` builds the page with :func:`create_app` and launches it.

Example:
    >>> demo, runtime = create_app(Settings(home="/tmp/idx"))   # doctest: +SKIP
    >>> runtime.start(); demo.queue().launch()                   # doctest: +SKIP
"""

from __future__ import annotations

from assistant.app.runtime import AppRuntime
from assistant.settings import Settings


def create_app(settings: Settings):
    """The Gradio page and the :class:`AppRuntime` behind it (not started yet)."""
    from assistant.app.ui import build_ui

    runtime = AppRuntime(settings)
    return build_ui(runtime), runtime


__all__ = ["AppRuntime", "create_app"]
