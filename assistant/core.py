"""The :class:`Assistant`: one object behind the command line, the Python API and the web app.

Example:
    >>> from assistant import Assistant
    >>> bot = Assistant()                                  # index in ./.assistant   # doctest: +SKIP
    >>> bot.ingest(["corpus"]).added                                                   # doctest: +SKIP
    >>> bot.search("hoi nghi tong ket nam 2019", k=3)[0].source                        # doctest: +SKIP
    '004_6d3412d8dd45478c.txt'
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.chains.answer import AnswerChain
from assistant.index.manifest import LEGACY_EMBEDDING, check_compatible, settings_binding
from assistant.index.retriever import HybridRetriever
from assistant.index.search_store import open_store
from assistant.index.snapshot import IndexSnapshot, current_generation
from assistant.index.store import Catalog, DocumentRecord, VersionRecord
from assistant.index.tokenizer import VietnameseTokenizer
from assistant.ingest import IngestReport, delete, ingest, restore
from assistant.models.embedder import Embedder, embedding_binding
from assistant.schema import Answer, Passage, Progress
from assistant.settings import Settings

log = logging.getLogger(__name__)


class Assistant:
    """Open (or create) the index at ``home`` and search, ingest and answer over it.

    Searches always see a complete index generation. An ingest, delete or restore through this object
    prepares the new generation in its own (indexing) thread, everything loaded, while searches in other
    threads keep the previous one; it then goes live at once, so the first question after an upload is
    as fast as any other. A generation made by another process is opened by the next search.
    """

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 home: str | Path | None = None) -> None:
        self.settings = settings or Settings()
        self.home = Path(home if home is not None else self.settings.home).expanduser()
        # The embedder loads its model on first use, so keyword search and `info` start at once.
        self.embedder = embedder or Embedder(self.settings)
        self._lock = threading.Lock()
        self._retriever: HybridRetriever | None = None
        self._indexing = 0  # index jobs of this object running: searches keep the prepared retriever meanwhile
        self._tokenizer = VietnameseTokenizer()

    # -- parts ---------------------------------------------------------------------------------
    def snapshot(self) -> IndexSnapshot:
        """The live index generation, reopened when an ingest has replaced it."""
        return self.retriever().snapshot

    def retriever(self) -> HybridRetriever:
        """The retriever of the live index generation: built once per generation, not per search."""
        with self._lock:
            if self._retriever is not None and self._indexing:
                return self._retriever  # the indexing thread swaps in the new generation once it is ready
            folder = current_generation(self.home)
            if self._retriever is None or folder != self._retriever.snapshot.folder:
                self._retriever = self._prepared_retriever()
            return self._retriever

    def _prepared_retriever(self) -> HybridRetriever:
        """A retriever over the live generation with nothing left to load lazily on its first search."""
        fresh = IndexSnapshot.open(self.home, self._tokenizer, open_store(self.settings, self.home, self._tokenizer))
        self._check(fresh.manifest)
        fresh.prepare()
        return HybridRetriever(fresh, self.embedder, self.settings)

    @contextmanager
    def _index_job(self) -> Iterator[None]:
        """Run an index job, then prepare its generation in this thread and swap it in under the lock."""
        with self._lock:
            self._indexing += 1
        try:
            yield
            folder = current_generation(self.home)
            with self._lock:
                live = self._retriever.snapshot.folder if self._retriever is not None else None
            if folder is not None and folder != live:
                try:
                    fresh = self._prepared_retriever()
                except Exception:  # noqa: BLE001 - the job succeeded; the next search opens it and reports
                    log.warning("Could not prepare index generation %s; the next search opens it", folder,
                                exc_info=True)
                else:
                    with self._lock:
                        if self._retriever is None or fresh.snapshot.folder.name >= self._retriever.snapshot.folder.name:
                            self._retriever = fresh
        finally:
            with self._lock:
                self._indexing -= 1

    def _check(self, manifest: dict) -> None:
        wanted = settings_binding(self.settings.model, embedding_binding(self.settings), self.settings.chunk_size,
                                  self.settings.chunk_overlap_sentences)
        check_compatible({k: manifest.get(k) for k in wanted}, wanted)

    @property
    def has_index(self) -> bool:
        return current_generation(self.home) is not None

    # -- ingest ------------------------------------------------------------------------------------
    def ingest(self, paths: list[str | Path] | None = None, rebuild: bool = False,
               progress: Progress | None = None) -> IngestReport:
        """Index ``paths`` (files or folders; default the corpus folder) incrementally; ``progress``
        hears (stage, done, total) while files are read, embedded and indexed."""
        targets = [Path(p) for p in (paths or [self.settings.corpus])]
        with self._index_job():
            return ingest(self.home, self.settings, self.embedder, targets, rebuild=rebuild, progress=progress)

    def delete(self, key: str, progress: Progress | None = None) -> IngestReport:
        """Remove exactly one document (by its id, or a name only it has) and move its file to the trash;
        :meth:`restore` with the same id undoes it."""
        with self._index_job():
            return delete(self.home, self.settings, self.embedder, key, progress=progress)

    def restore(self, key: str, version: int | None = None, progress: Progress | None = None) -> IngestReport:
        """Bring back the deleted document ``key`` (its id), or its older ``version``; the version it
        replaces is kept."""
        with self._index_job():
            return restore(self.home, self.settings, self.embedder, key, version, progress=progress)

    def versions(self, key: str | None = None) -> list[VersionRecord]:
        """Every recorded version of the document ``key`` (an id or its start), or of every document:
        live, kept (older), deleted (in the trash) or gone."""
        catalog = Catalog(self.home)
        if key is None:
            return catalog.rows()
        return [row for uid in catalog.uids(key) for row in catalog.rows(uid)]

    # -- read --------------------------------------------------------------------------------------
    def search(self, query: str, k: int = 5, mode: str = "hybrid", since: int | None = None,
               until: int | None = None, sources: list[str] | None = None) -> list[Passage]:
        """Ranked passages for ``query``; ``since``/``until`` are years of the documents' event dates."""
        return self.retriever().run(query, k=k, mode=mode, since=since, until=until, sources=sources)

    def answer_chain(self, llm: str | None = None, k: int | None = None) -> AnswerChain:
        """The answer chain; ``llm`` (``local`` / ``openai:MODEL`` / ``ollama:MODEL``) overrides the settings.

        ``local`` provisions the GGUF on first use and starts the local model server once per process
        (:func:`assistant.models.llm.local_server`); it stops when the process exits."""
        spec = llm or self.settings.llm
        model = None
        if spec:
            from assistant.chains.llm import build_chat_model

            model = build_chat_model(spec, self.settings)
        return AnswerChain(self.retriever(), self.embedder, self.settings, llm=model, k=k)

    def ask(self, question: str, history: list[tuple[str, str]] | None = None, k: int | None = None,
            llm: str | None = None) -> Answer:
        """Answer ``question`` from the documents with citations, or abstain."""
        return self.answer_chain(llm, k).invoke(question, history)

    def ask_stream(self, question: str, history: list[tuple[str, str]] | None = None, k: int | None = None,
                   llm: str | None = None) -> Iterator[str | Answer]:
        """Text deltas, then the finished :class:`Answer`."""
        yield from self.answer_chain(llm, k).stream(question, history)

    def documents(self) -> list[DocumentRecord]:
        """The documents of the live index, by name."""
        return self.snapshot().store.documents() if self.has_index else []

    def document(self, key: str) -> DocumentRecord | None:
        """The one document ``key`` names: its id, content hash, path, or a name no other document has."""
        return self.snapshot().store.document(key) if self.has_index else None

    def info(self) -> dict:
        """Documents, chunks, model and sizes on disk."""
        out: dict = {"home": str(self.home.resolve()), "documents": 0, "chunks": 0, "model": self.settings.model}
        if not self.has_index:
            return out
        snap = self.snapshot()
        files = [p for p in snap.folder.rglob("*") if p.is_file()]
        out.update(
            documents=snap.manifest["documents"], chunks=snap.manifest["chunks"], model=snap.manifest["model"],
            embedding=snap.manifest.get("embedding", LEGACY_EMBEDDING),
            dimension=snap.manifest["dimension"], faiss_index=snap.manifest["faiss_index"],
            chunker=snap.manifest["chunker"], generation=snap.folder.name, created=snap.manifest["created"],
            sizes={p.relative_to(snap.folder).as_posix(): p.stat().st_size for p in files},
            total_bytes=sum(p.stat().st_size for p in files),
        )
        return out
