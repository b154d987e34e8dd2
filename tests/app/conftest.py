"""Fixtures of the web app tests: an :class:`AppRuntime` whose assistant is :class:`app_stubs.StubBot`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from app_stubs import StubBot

from assistant.app.runtime import AppRuntime
from assistant.settings import Settings


@pytest.fixture
def make_runtime(tmp_path) -> Callable[..., AppRuntime]:
    """``make_runtime(bot=None, ready=True, **settings)``: a runtime with the stub bot in place."""

    def make(bot: StubBot | None = None, ready: bool = True, **settings) -> AppRuntime:
        runtime = AppRuntime(Settings(home=tmp_path / "home", corpus=tmp_path / "corpus", **settings))
        runtime.bot = bot or StubBot()
        runtime.bot.status_probe = runtime.status
        if ready:
            runtime._state = "ready"
        return runtime

    return make


@pytest.fixture
def runtime(make_runtime) -> AppRuntime:
    return make_runtime()
