"""Fixtures shared by the evaluation tests."""

from __future__ import annotations

import pytest

from assistant.core import Assistant


@pytest.fixture
def bot_class(fake_embedder):
    """An :class:`Assistant` subclass whose embedder is the fast fake one (no model)."""

    class FakeBot(Assistant):
        @property
        def embedder(self):
            return fake_embedder

    return FakeBot
