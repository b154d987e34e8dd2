"""Fixtures of the web app tests: an :class:`AppRuntime` whose assistant is :class:`app_stubs.StubBot`, and
for the browser tests one headless Chromium and one real app (fresh index of ``corpus/``) per session."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import browser_app
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


# -- browser tests: one Chromium and one app for the whole session -----------------------------------
@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless (``apt-get install -y chromium``; scripts/test.sh does it)."""
    from playwright import sync_api  # a test dependency: missing means failing, not skipping

    if not Path(browser_app.CHROMIUM).exists():
        pytest.fail(f"{browser_app.CHROMIUM} missing: apt-get install -y chromium (scripts/test.sh does it)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=browser_app.CHROMIUM, headless=True,
                                     args=browser_app.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory, browser):
    """The app (``url``, ``home``) on a free port with a fresh index home, once the corpus is indexed
    (the start-up indexing of ``corpus/`` runs for real)."""
    from playwright import sync_api

    home = tmp_path_factory.mktemp("app_home")
    try:
        with browser_app.running_app(home) as app:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
            page.goto(app.url)
            sync_api.expect(page.locator("#status-banner .status")).to_be_visible(timeout=60_000)
            browser_app.shot(page, "00_startup_banner")  # starting (with progress) or already ready
            remaining = max(1.0, app.deadline - time.monotonic())
            try:
                page.wait_for_selector("#status-banner [data-state=ready]", timeout=remaining * 1000)
            except sync_api.Error:
                browser_app.shot(page, "00_startup_failed")
                pytest.fail(f"the app did not become ready: {page.locator('#status-banner').inner_text()}\n"
                            f"{app.log()}")
            browser_app.shot(page, "01_ready")
            page.close()
            yield app
    except RuntimeError as exc:  # app.py exited or never served its page
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def app_url(app_server) -> str:
    return app_server.url
