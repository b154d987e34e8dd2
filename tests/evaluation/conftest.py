"""Fixtures shared by the evaluation tests."""

from __future__ import annotations

import pytest

from assistant.core import Assistant
from assistant.settings import Settings


@pytest.fixture
def make_bot(fake_embedder):
    """An :class:`Assistant` over the fast fake embedder (no model): ``make_bot(home, settings=None)``."""

    def make(home, settings: Settings | None = None) -> Assistant:
        return Assistant(settings, embedder=fake_embedder, home=home)

    return make
