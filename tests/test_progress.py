"""Ingest reports progress through a callback: (stage, done, total), ending at done == total."""

from __future__ import annotations

from assistant.core import Assistant
from assistant.progress import TerminalProgress
from assistant.schema import STAGES


def test_ingest_reports_every_stage_to_completion(tmp_path, corpus_dir, fake_embedder):
    events: list[tuple[str, int, int]] = []
    bot = Assistant(embedder=fake_embedder, home=tmp_path / "home")
    bot.ingest([corpus_dir], progress=lambda stage, done, total: events.append((stage, done, total)))
    stages = {stage for stage, _, _ in events}
    assert {"read", "keyword"} <= stages <= set(STAGES)  # "embed" comes from the real embedder
    for stage in stages:
        last = [e for e in events if e[0] == stage][-1]
        assert last[1] == last[2] > 0
    assert ("read", 5, 5) in events


def test_terminal_progress_draws_and_closes_bars():
    bar = TerminalProgress()
    bar("embed", 0, 3)
    bar("embed", 2, 3)
    assert bar._bars["embed"].n == 2
    bar("embed", 3, 3)
    assert "embed" not in bar._bars
    TerminalProgress(enabled=False)("read", 1, 2)  # draws nothing
