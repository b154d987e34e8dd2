"""Run the evaluation: build the eval index, search and answer every question, score each configuration.

Configurations are ``keyword``, ``dense`` and ``hybrid`` retrieval over the assistant's own index,
and ``tutorial-rag`` (see :mod:`assistant.evaluation.baselines`). Every configuration sees the same
questions. Each configuration is one retriever and one :class:`AnswerChain` built over it (nothing is
patched); with ``answers=False`` only retrieval is measured and answer metrics are ``None``.

Query embeddings are computed afresh for every question (the embedder's query cache is off), so
latencies are those of a question never asked before.

Example:
    >>> result = run_eval(EvalOptions(limit=20))     # doctest: +SKIP
    >>> result.summary()["retrieval"]["hit@5"]        # doctest: +SKIP
    0.85
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from assistant.chains.answer import AnswerChain, Retriever
from assistant.chains.extractive import candidates
from assistant.chains.llm import build_chat_model
from assistant.core import Assistant
from assistant.evaluation import metrics
from assistant.evaluation.baselines import TutorialRAG
from assistant.evaluation.dataset import load_jsonl, load_squad, question_type, squad_corpus_dir, typed_plain
from assistant.index.manifest import CHUNKER_VERSION, TOKENIZER_VERSION
from assistant.index.retriever import HybridRetriever
from assistant.models.embedder import Embedder
from assistant.progress import TerminalProgress
from assistant.schema import Passage
from assistant.settings import Settings

log = logging.getLogger(__name__)

MODES = ("keyword", "dense", "hybrid")
BASELINE = "tutorial-rag"
COMPARE = (*MODES, BASELINE)
ANSWERERS = ("extractive", "llm")
_MARKERS = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")


@dataclass
class EvalOptions:
    dataset: Path = Path("eval/questions.jsonl")
    corpus: Path = Path("corpus")
    squad: list[Path] = field(default_factory=list)
    mode: str = "hybrid"
    answerer: str = "extractive"
    k: int = 10
    out: Path = Path("eval/out")
    index_dir: Path | None = None  # where eval indexes live; default ``out``
    compare: bool = False
    limit: int | None = None
    answers: bool = True  # False: retrieval metrics only
    plain: bool = False  # every question typed without diacritics or capitals (:func:`dataset.typed_plain`)
    progress: bool = True

    def configurations(self) -> list[str]:
        if self.compare:
            return [self.mode] + [c for c in COMPARE if c != self.mode]
        return [self.mode]


@dataclass
class EvalResult:
    options: EvalOptions
    setup: dict
    configs: dict[str, dict]  # name -> {"summary", "by_type", "records"}

    @property
    def primary(self) -> str:
        return self.options.mode

    def summary(self, name: str | None = None) -> dict:
        return self.configs[name or self.primary]["summary"]

    def to_dict(self) -> dict:
        """The ``--json`` object: the primary configuration's numbers, then every configuration's."""
        out = {"configuration": self.primary, **self.summary()}
        out["by_type"] = self.configs[self.primary]["by_type"]
        out["configurations"] = {name: c["summary"] for name, c in self.configs.items()}
        out["setup"] = self.setup
        return out


def sample(items: list[dict], limit: int | None) -> list[dict]:
    """``limit`` items spread evenly over the list (every type represented), in order."""
    if not limit or limit >= len(items):
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def index_home(root: Path, corpus: Path, settings: Settings) -> Path:
    """``root/index-<hash>``: one eval index per corpus folder and index-shaping settings."""
    key = json.dumps([str(corpus.resolve()), settings.model, str(settings.model_path or ""), settings.chunk_size,
                      settings.chunk_overlap_sentences, settings.faiss_index, settings.max_seq_length,
                      TOKENIZER_VERSION, CHUNKER_VERSION])
    return root / f"index-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def eval_settings(answerer: str) -> Settings:
    """Settings from the environment, with the LLM switched off for the extractive answerer."""
    if answerer not in ANSWERERS:
        raise ValueError(f"answerer must be one of {ANSWERERS}, not {answerer!r}")
    settings = Settings()
    if answerer == "extractive":
        return settings.model_copy(update={"llm": None})
    if not settings.llm:
        raise ValueError("--answerer llm needs ASSISTANT_LLM (openai:MODEL or ollama:MODEL)")
    return settings


def load_items(options: EvalOptions) -> tuple[list[dict], Path, str]:
    """(items, corpus folder, dataset label) for the options."""
    if options.squad:
        corpus = squad_corpus_dir(options.squad, options.index_dir or options.out)
        items = load_squad(options.squad, corpus)
        label = " + ".join(Path(f).name for f in options.squad)
    else:
        items = load_jsonl(options.dataset)
        corpus, label = options.corpus, str(options.dataset)
    if options.plain:
        items = [{**item, "question": typed_plain(item["question"])} for item in items]
        label += " (typed plain)"
    return sample(items, options.limit), corpus, label


def index_passages(bot: Assistant) -> list[Passage]:
    """Every chunk of the index as a :class:`Passage`."""
    snap = bot.snapshot()
    docs = {d.path: d for d in snap.store.documents()}
    return [Passage(rank=0, score=0.0, chunk_id=c.chunk_id, doc_id=c.doc_id, source=docs[c.path].source,
                         title=docs[c.path].title, date=docs[c.path].date, page=c.page, start=c.start, end=c.end,
                         text=c.text, context=c.context) for c in snap.store.all_chunks()]


def prewarm_answerer(embedder: Embedder, passages: list[Passage], progress: bool = False) -> int:
    """Embed every sentence the extractive answerer can quote from ``passages`` (cached on disk).

    In steady use those vectors are in the embedding cache; warming them first makes latencies
    independent of which configuration happens to run first. Returns the number of sentences.
    """
    texts = sorted({c.text for p in passages for c in candidates([p])})
    embedder.encode_documents(texts, progress=TerminalProgress(progress))
    return len(texts)


def retrievers(bot: Assistant, configs: list[str], embedder: Embedder, progress: bool, warm: bool
               ) -> dict[str, Retriever]:
    """One retriever per configuration, each embedding queries with ``embedder``."""
    out: dict[str, Retriever] = {}
    if warm:
        prewarm_answerer(embedder, index_passages(bot), progress)
    for name in configs:
        if name == BASELINE:
            rag = TutorialRAG.build(bot.documents(), embedder, progress=progress)
            if warm:
                prewarm_answerer(embedder, rag.passages(), progress)
            out[name] = rag
        else:
            out[name] = HybridRetriever(bot.snapshot(), embedder, bot.settings, mode=name)
    return out


def _record(item: dict, spans: list[tuple[int, int]], results: list[Passage], search_ms: float,
            answer, answer_ms: float | None) -> dict:
    golds = item["answers"]
    rows = [r.to_dict() for r in results]
    rec = {
        "id": item["id"], "type": question_type(item["id"]), "question": item["question"],
        "gold": " | ".join(golds), "answerable": bool(golds),
        "rank": metrics.first_relevant_rank(rows, item["source"], spans) if golds else None,
        "doc_rank": metrics.first_document_rank(rows, item["source"]) if golds else None,
        "evidence_found": bool(spans) or not golds, "search_ms": search_ms, "latency_ms": search_ms,
        "answer": None, "short_answer": None, "short_exact": None, "short_contains": None,
        "abstained": None, "correct": None, "correct_nodiac": None, "f1": None,
        "citations_correct": None, "citations_total": None, "error": False,
        "raw_answer": None, "dropped": [], "notice": None, "usage": {}, "standalone_question": None,
    }
    if answer is None:
        if answer_ms is not None:  # ask() failed on this question: a wrong answer, not a missing one
            rec.update(answer="", abstained=False, latency_ms=answer_ms, correct=False, correct_nodiac=False,
                       f1=0.0 if golds else None, citations_correct=0, citations_total=0, error=True)
        return rec
    text = _MARKERS.sub(" ", answer.answer)
    abstained = not answer.answerable
    said = None if abstained else text
    cites = [c.to_dict() for c in answer.citations]
    right, total = metrics.citation_counts(cites, item["source"], spans) if golds else (0, len(cites))
    rec.update(
        answer=answer.answer, abstained=abstained, latency_ms=answer_ms, short_answer=answer.short_answer,
        short_exact=metrics.short_exact(None if abstained else answer.short_answer, golds) if golds else None,
        short_contains=metrics.answer_correct(None if abstained else answer.short_answer, golds) if golds else None,
        correct=metrics.answer_correct(said, golds), correct_nodiac=metrics.answer_correct(said, golds, nodiac=True),
        f1=metrics.token_f1(said, golds) if golds else None, citations_correct=right, citations_total=total,
        # What a generated answer leaves behind: the model's text, what the checks removed and why,
        # the fallback notice and the token counts (empty for the extractive answerer).
        raw_answer=answer.raw_answer or None, dropped=list(answer.dropped or []), notice=answer.notice or None,
        usage=dict(answer.usage or {}), standalone_question=answer.standalone_question,
    )
    return rec


def open_eval(options: EvalOptions, bot: Assistant | None = None
              ) -> tuple[Assistant, list[dict], dict[str, list[tuple[int, int]]], Path, str]:
    """Index the eval corpus; (assistant, items, evidence spans by item id, corpus folder, dataset label)."""
    settings = eval_settings(options.answerer)
    items, corpus, label = load_items(options)
    if not items:
        raise ValueError("no questions to evaluate")
    if bot is None:
        home = index_home(Path(options.index_dir or options.out), corpus, settings)
        bot = Assistant(settings, home=home)
    report = bot.ingest([corpus], progress=TerminalProgress(options.progress))
    for source, reason in report.failed:
        log.warning("eval corpus: %s not indexed: %s", source, reason)
    spans = {}
    for item in items:
        if not item["answers"]:
            continue
        doc = bot.document(item["source"])
        found = metrics.locate_evidence(item["evidence"], doc.text) if doc else []
        if not found:
            log.warning("%s: evidence not found in %s", item["id"], item["source"])
        spans[item["id"]] = found
    return bot, items, spans, corpus, label


def _run_config(name: str, chain: AnswerChain | None, retriever: Retriever, items: list[dict],
                spans: dict[str, list[tuple[int, int]]], options: EvalOptions) -> dict:
    """Search and (unless ``chain`` is None) answer every item with one configuration."""
    for n, item in enumerate(items[:2]):  # warm up (model kernels, BM25 arrays); not timed
        retriever.run(item["question"], k=options.k)
        # One generated answer warms a language model's prompt cache; a second would cost minutes.
        if chain is not None and (n == 0 or chain.mode != "llm"):
            with suppress(Exception):
                chain.invoke(item["question"])
    records = []
    partial = None
    if chain is not None and chain.mode == "llm":
        options.out.mkdir(parents=True, exist_ok=True)
        partial = options.out / f"partial-{name}.jsonl"
        partial.write_text("", encoding="utf-8")
    for item in tqdm(items, desc=f"Đánh giá {name}", unit="câu", disable=not options.progress):
        t0 = time.perf_counter()
        results = retriever.run(item["question"], k=options.k)
        search_ms = (time.perf_counter() - t0) * 1000
        answer, answer_ms = None, None
        if chain is not None:
            t0 = time.perf_counter()
            try:
                answer = chain.invoke(item["question"])
            except Exception:  # noqa: BLE001 - one failing question must not end the run
                log.exception("%s: ask failed", item["id"])
            answer_ms = (time.perf_counter() - t0) * 1000
        records.append(_record(item, spans.get(item["id"], []), results, search_ms, answer, answer_ms))
        if partial is not None:  # an hour-long LLM run keeps what it measured if it is stopped
            with partial.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps({"config": name, **records[-1]}, ensure_ascii=False) + "\n")
    return {"summary": metrics.summarize(records, options.k), "by_type": metrics.by_type(records), "records": records}


def run_eval(options: EvalOptions, bot: Assistant | None = None) -> EvalResult:
    """Evaluate every configuration of ``options`` on the same questions.

    Each configuration gets its own retriever and answer chain over the same index; queries are
    embedded afresh (the embedder's query cache is off), so latencies are those of new questions.
    """
    started = time.perf_counter()
    bot, items, spans, corpus, label = open_eval(options, bot)
    settings = bot.settings
    llm = settings.llm if options.answerer == "llm" else None
    model = build_chat_model(llm, settings) if llm else None
    embedder = bot.embedder.with_query_cache(False)
    names = options.configurations()
    found = retrievers(bot, names, embedder, options.progress, warm=options.answers and model is None)
    configs: dict[str, dict] = {}
    for name in names:
        chain = AnswerChain(found[name], embedder, settings, llm=model, k=settings.answer_k) if options.answers else None
        configs[name] = _run_config(name, chain, found[name], items, spans, options)
    info = bot.info()
    setup = {
        "dataset": label, "corpus": str(corpus), "index": str(bot.home), "documents": info.get("documents"),
        "chunks": info.get("chunks"), "model": info.get("model"), "chunk_size": settings.chunk_size,
        "k": options.k, "answerer": options.answerer if options.answers else None, "llm": llm,
        "questions": len(items), "answerable": sum(1 for it in items if it["answers"]),
        "limit": options.limit, "plain": options.plain, "seconds": round(time.perf_counter() - started, 1),
    }
    return EvalResult(options, setup, configs)
