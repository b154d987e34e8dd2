"""``assistant serve`` with ``ASSISTANT_LLM=local``: the local model server starts with the app, in the
background (the page does not wait for the model to load), and stops when the app exits.

The web page itself is a stand-in (the browser tests cover it); the model server is the real one.
"""

from __future__ import annotations

import os
import sys
import time
import types

import pytest

from assistant.cli import main
from assistant.models.llm import _healthy, local_server
from assistant.settings import Settings

from .servers import model_servers

pytestmark = [pytest.mark.llm, pytest.mark.slow]


def test_serve_starts_the_local_model_in_the_background_and_stops_it(monkeypatch, tmp_path):
    seen = types.SimpleNamespace(launched_after=None, healthy=False, servers=[])
    started = time.monotonic()

    class Demo:
        def queue(self, **kwargs):
            return self

        def launch(self, **kwargs):
            seen.launched_after = time.monotonic() - started
            server = local_server(Settings())  # the one the app started: waits until it is ready
            seen.healthy, seen.servers = _healthy(server.address), model_servers(parent=os.getpid())

    class Runtime:
        def start(self) -> None:
            pass

    app = types.ModuleType("assistant.app")
    app.create_app = lambda settings: (Demo(), Runtime())
    ui = types.ModuleType("assistant.app.ui")
    ui.launch_options = lambda: {}
    monkeypatch.setitem(sys.modules, "assistant.app", app)
    monkeypatch.setitem(sys.modules, "assistant.app.ui", ui)
    monkeypatch.setenv("ASSISTANT_LLM", "local")
    monkeypatch.delenv("ASSISTANT_AUTH", raising=False)
    assert main(["serve", "--port", "7869", "--home", str(tmp_path)]) == 0
    assert seen.launched_after < 5, "the page waited for the model to load"
    assert seen.healthy and len(seen.servers) == 1
    deadline = time.monotonic() + 15
    while model_servers(parent=os.getpid()) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert model_servers(parent=os.getpid()) == [], "the model server outlived the app"
