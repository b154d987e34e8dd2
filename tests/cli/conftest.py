"""Fixtures for the command-line tests: a small index built with the fake embedder, and a CLI that
opens its :class:`~assistant.core.Assistant` with that same fake embedder (no model is loaded)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core import Assistant

DOCUMENT = "004_6d3412d8dd45478c.txt"  # mentions KCN Tân Đức


@pytest.fixture
def cli_fake_model(monkeypatch: pytest.MonkeyPatch, fake_embedder) -> None:
    """Every Assistant the CLI builds gets the fake embedder instead of loading the real model."""
    monkeypatch.setattr("assistant.core.Embedder", lambda settings: fake_embedder)


@pytest.fixture
def indexed_home(tmp_path: Path, corpus_dir: Path, fake_embedder) -> Path:
    """An index home holding two corpus documents, one of them about KCN Tân Đức."""
    home = tmp_path / "home"
    report = Assistant(embedder=fake_embedder, home=home).ingest(
        [corpus_dir / DOCUMENT, corpus_dir / "000_3d55e78805e88411.txt"]
    )
    assert len(report.added) == 2 and not report.failed
    return home
