"""``assistant serve`` and ``python app.py`` wire the settings into the app exactly as before.

The app package is replaced by stand-ins, so these tests need neither Gradio nor the model.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

from assistant.cli import build_parser, main
from assistant.cli.serve import serve_settings

ROOT = Path(__file__).resolve().parents[2]


class FakeDemo:
    def __init__(self) -> None:
        self.queued: dict = {}
        self.launched: dict = {}

    def queue(self, **kwargs) -> FakeDemo:
        self.queued = kwargs
        return self

    def launch(self, **kwargs) -> None:
        self.launched = kwargs


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    """Stand-ins for ``assistant.app.create_app`` and ``assistant.app.ui.launch_options``."""
    seen = types.SimpleNamespace(settings=None, started=False, demo=FakeDemo())

    class Runtime:
        def start(self) -> None:
            seen.started = True

    def create_app(settings):
        seen.settings = settings
        return seen.demo, Runtime()

    app = types.ModuleType("assistant.app")
    app.create_app = create_app
    ui = types.ModuleType("assistant.app.ui")
    ui.launch_options = lambda: {"ssr_mode": False}
    monkeypatch.setitem(sys.modules, "assistant.app", app)
    monkeypatch.setitem(sys.modules, "assistant.app.ui", ui)
    monkeypatch.delenv("ASSISTANT_AUTH", raising=False)
    return seen


def test_serve_options_override_settings(tmp_path: Path):
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "7861", "--home", str(tmp_path)])
    settings = serve_settings(args)
    assert (settings.host, settings.port, settings.home) == ("0.0.0.0", 7861, tmp_path)


def test_serve_takes_the_global_home(tmp_path: Path):
    args = build_parser().parse_args(["--home", str(tmp_path), "serve"])
    assert serve_settings(args).home == tmp_path


def test_serve_launches_the_app(fake_app, tmp_path: Path, capsys):
    assert main(["serve", "--port", "7862", "--home", str(tmp_path)]) == 0
    assert fake_app.started and fake_app.settings.home == tmp_path
    assert fake_app.demo.queued == {"default_concurrency_limit": fake_app.settings.concurrency_limit}
    launched = fake_app.demo.launched
    assert launched["server_port"] == 7862 and launched["server_name"] == "127.0.0.1"
    assert launched["auth"] is None and launched["ssr_mode"] is False
    assert "http://127.0.0.1:7862" in capsys.readouterr().out


def test_app_py_runs_serve(fake_app, tmp_path: Path):
    spec = importlib.util.spec_from_file_location("app_entry", ROOT / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--port", "7861", "--home", str(tmp_path)]) == 0
    assert fake_app.demo.launched["server_port"] == 7861 and fake_app.settings.home == tmp_path
