"""What the commands share: the :class:`Assistant` they open, JSON output and logging set-up.

Kept apart from ``assistant/cli/__init__.py`` so command modules can import it without a cycle
(``__init__`` imports every command module to register it).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
from typing import TYPE_CHECKING

from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.core import Assistant

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
NOISY_LOGGERS = ("faiss", "sentence_transformers", "bm25s", "httpx", "transformers")


def print_json(data: object) -> None:
    """Print ``data`` as indented JSON with Vietnamese letters kept readable (not ``\\u`` escapes)."""
    print(json.dumps(data, ensure_ascii=False, indent=2))


def make_assistant(args: argparse.Namespace) -> Assistant:
    """The :class:`Assistant` over the index chosen by ``--home`` (else ``ASSISTANT_HOME``, else Settings).

    ``--llm`` goes into the settings so the answer chain and the index binding see one configuration.
    The embedding model is loaded on first use, so keyword search and ``info`` start at once.
    """
    from assistant.core import Assistant

    overrides = {}
    if getattr(args, "llm", None):
        overrides["llm"] = args.llm
    settings = Settings(**overrides)
    home = getattr(args, "home", None) or os.environ.get("ASSISTANT_HOME") or settings.home
    return Assistant(settings, home=home)


def configure_logging(verbose: bool) -> None:
    """Warnings only unless ``-v``: the libraries below are chatty at INFO even when all goes well."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format=LOG_FORMAT)
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.WARNING)
