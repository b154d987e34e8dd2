"""Running the web app for browser tests: start ``python app.py`` on a free port, screenshots, asking.

Used by the session fixtures in ``conftest.py`` (one app and one Chromium shared by the browser test
modules) and by tests that need an app of their own (other settings, a start-up to watch).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = float(os.environ.get("ASSISTANT_TEST_START_TIMEOUT", "1200"))  # first run provisions the model
ANSWER_TIMEOUT_MS = 180_000
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shot(page, name: str, full_page: bool = True) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def ask(page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#ask-btn").click()


@contextmanager
def running_app(home: Path, env: dict[str, str] | None = None) -> Iterator[SimpleNamespace]:
    """``python app.py --home home`` on a free port until the block ends; yields ``url``, ``home``, ``log``
    (the log's text so far, as a function) and ``proc`` once the page is served (the model may still be
    loading)."""
    port = free_port()
    log_path = home.parent / f"app_{port}.log"
    full_env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", PYTHONUNBUFFERED="1", **(env or {}))
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port), "--home", str(home)],
                                cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=full_env)
    url = f"http://127.0.0.1:{port}/"

    def log_tail() -> str:
        return log_path.read_text(errors="replace")[-4000:]

    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:  # the page is served before the model is loaded
            if proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {proc.returncode}:\n{log_tail()}")
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"app.py did not serve {url}:\n{log_tail()}")
            time.sleep(0.3)
        yield SimpleNamespace(url=url, home=home, log=log_tail, deadline=deadline, proc=proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
