"""Progress on a terminal: a :data:`~assistant.schema.Progress` callback drawn as tqdm bars.

Library code reports ``(stage, done, total)`` and never draws; the command line and the evaluation
runner hand it a :class:`TerminalProgress`, the web app its own banner renderer.

Example:
    >>> bot.ingest(["corpus"], progress=TerminalProgress())     # doctest: +SKIP
"""

from __future__ import annotations

from tqdm import tqdm

from assistant.schema import STAGES


class TerminalProgress:
    """One tqdm bar per stage, created on the stage's first report and closed when it completes."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._bars: dict[str, tqdm] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        bar = self._bars.get(stage)
        if bar is None or bar.total != total:
            if bar is not None:
                bar.close()
            bar = self._bars[stage] = tqdm(total=total, desc=STAGES.get(stage, stage), unit="mục")
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
            del self._bars[stage]
