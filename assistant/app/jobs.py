"""One index change at a time, as a job: the ingest's progress callback, its banner label with time left,
and cancellation (the previous index stays live)."""

from __future__ import annotations

import time
from typing import Any

from assistant.ingest import IngestCancelled
from assistant.schema import STAGES


def _minutes(seconds: float) -> str:
    return f"còn khoảng {max(1, round(seconds / 60))} phút" if seconds >= 90 else f"còn khoảng {max(1, round(seconds))} giây"


class Job:
    """One index change: its banner label, what its stages last reported, and whether it was cancelled.

    An instance is the :data:`~assistant.schema.Progress` callback handed to ``Assistant.ingest``;
    each report replaces a whole tuple, so the banner thread never reads a half-updated one. A
    cancelled job raises :class:`IngestCancelled` at its next report.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.latest: tuple[str, int, int] | None = None
        self.cancelled = False
        self._stages: dict[str, tuple[int, int, float, int]] = {}  # stage -> (done, total, first seen, done then)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.cancelled:
            raise IngestCancelled()
        self.latest = (stage, int(done), int(total))
        first = self._stages.get(stage)
        start, start_done = (first[2], first[3]) if first and first[1] == total else (time.monotonic(), int(done))
        self._stages[stage] = (int(done), int(total), start, start_done)

    def cancel(self) -> None:
        self.cancelled = True

    def _entry(self, stage: str, done: int, total: int) -> dict[str, Any]:
        percent = round(100 * done / total) if total > 0 else None
        label = STAGES.get(stage, stage)
        _, _, start, start_done = self._stages.get(stage, (0, 0, time.monotonic(), done))
        elapsed = time.monotonic() - start
        if 0 < done < total and done > start_done and elapsed >= 2:
            label = f"{label} ({_minutes(elapsed / (done - start_done) * (total - done))})"
        return {"stage": stage, "label": label, "done": done, "total": total, "percent": percent}

    def progress(self) -> dict[str, Any] | None:
        """The latest report for the banner: stage key, Vietnamese label, done, total, percent."""
        if self.latest is None:
            return None
        return self._entry(*self.latest)

    def reports(self) -> list[dict[str, Any]]:
        """The latest stage's report; while one document is OCR'd or embedded, the overall stage (files
        read, chunks embedded) first, then that document's own line (pages or chunks done, time left)."""
        if self.latest is None:
            return []
        stage = self.latest[0]
        if " — " not in stage:
            return [self._entry(*self.latest)]
        parent = "embed" if stage.startswith(STAGES["embed"] + " — ") else "read"
        overall = self._stages.get(parent)
        document = self._entry(*self.latest)
        return [self._entry(parent, overall[0], overall[1]), document] if overall else [document]
