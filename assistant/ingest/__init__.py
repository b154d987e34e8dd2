"""Ingest: files -> cleaned, chunked documents -> index generations; delete and restore by stable id.

:mod:`.pipeline` reads files and writes generations (limits, progress, cancelling); :mod:`.history`
deletes documents to the trash and restores deleted documents and older versions.

Example:
    >>> report = ingest(Path(".assistant"), Settings(), Embedder(Settings()), [Path("corpus")])   # doctest: +SKIP
    >>> report.added                                                                      # doctest: +SKIP
    ['000_3d55e78805e88411.txt', ...]
"""

from assistant.ingest.history import delete, restore
from assistant.ingest.pipeline import (
    IngestCancelled,
    IngestReport,
    commit,
    ingest,
    locked,
    make_chunks,
    passage_text,
    read_document,
)

__all__ = ["IngestCancelled", "IngestReport", "commit", "delete", "ingest", "locked", "make_chunks", "passage_text",
           "read_document", "restore"]
