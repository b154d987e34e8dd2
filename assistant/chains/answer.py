"""The answer chain: condense the question, retrieve passages, answer with citations.

Composed with LCEL: ``condense | assign(passages=retriever) | answer``. The answer step is the
extractive answerer by default, or a LangChain chat model (``ASSISTANT_LLM``) whose citations are
verified before they reach the user. The chain receives its parts: a retriever (anything with
``run(query, k=...) -> list[Passage]``), the embedder and the settings; it never calls back up.

Example:
    >>> chain = AnswerChain(bot.retriever(), bot.embedder, bot.settings)        # doctest: +SKIP
    >>> chain.invoke("Ai chủ trì buổi làm việc ngày 06/11/2012?").citations[0].source   # doctest: +SKIP
    '002_c703fc18134db130.txt'
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from assistant.chains.citations import verify
from assistant.chains.condense import condense
from assistant.chains.extractive import ExtractiveAnswerer
from assistant.chains.llm import ANSWER_PROMPT, CONDENSE_PROMPT, format_history, format_passages
from assistant.models.embedder import Embedder
from assistant.schema import NO_ANSWER, REPHRASE, Answer, Passage
from assistant.settings import Settings
from assistant.text.normalize import fold
from assistant.text.words import is_question

log = logging.getLogger(__name__)
History = list[tuple[str, str]]


class Retriever(Protocol):
    """What the chain needs of a retriever: :class:`~assistant.index.retriever.HybridRetriever` is one."""

    def run(self, query: str, k: int = 5) -> list[Passage]: ...


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


class AnswerChain:
    """Answer questions from what ``retriever`` finds; ``llm`` None means the extractive answerer."""

    def __init__(self, retriever: Retriever, embedder: Embedder, settings: Settings,
                 llm: BaseChatModel | None = None, k: int | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.llm = llm
        self.retriever = retriever
        self.k = k or settings.answer_k
        self.extractive = ExtractiveAnswerer(embedder, settings)
        self.prepare = RunnableLambda(self._condense) | RunnablePassthrough.assign(passages=RunnableLambda(self._retrieve))

    @property
    def mode(self) -> str:
        return "llm" if self.llm is not None else "extractive"

    # -- steps ---------------------------------------------------------------------------------
    def _condense(self, inputs: dict) -> dict:
        start = time.perf_counter()
        question, history = inputs["question"], inputs.get("history") or []
        if history and self.llm is not None:
            standalone = (CONDENSE_PROMPT | self.llm | StrOutputParser()).invoke(
                {"history": format_history(history), "question": question}).strip() or question
        else:
            standalone = condense(question, history)
        return {**inputs, "standalone": standalone, "timings": {"condense_ms": _ms(start)}}

    def _retrieve(self, inputs: dict) -> list[Passage]:
        start = time.perf_counter()
        passages = self.retriever.run(inputs["standalone"], k=self.k)
        inputs["timings"]["retrieve_ms"] = _ms(start)
        return passages

    def _extractive(self, state: dict) -> Answer:
        question, standalone = state["question"], state["standalone"]
        # Context carried over from the previous turn finds the passages; the user's own words pick
        # the sentence (else "chủ trì" from the last question would outweigh what is asked now).
        appended = standalone != question and standalone.startswith(question.rstrip(" ?"))
        return self.extractive.answer(question if appended else standalone, state["passages"])

    def _finish_llm(self, state: dict, text: str) -> Answer:
        passages = state["passages"]
        if fold(NO_ANSWER.rstrip(".")) in fold(text) or not passages:
            return Answer(question=state["question"], answer=NO_ANSWER, answerable=False, related=passages[:3],
                          passages=passages, mode="llm")
        checked = verify(text, passages, self.embedder, self.settings.citation_lexical_support,
                         self.settings.citation_dense_support)
        if checked.invalid or checked.unsupported:
            log.warning("removed citations: invalid %s, unsupported %s", checked.invalid, checked.unsupported)
        if not checked.citations:
            # An answer no passage supports is worse than no answer.
            return Answer(question=state["question"], answer=NO_ANSWER, answerable=False, related=passages[:3],
                          passages=passages, mode="llm")
        return Answer(question=state["question"], answer=checked.text, answerable=True, citations=checked.citations,
                      passages=passages, mode="llm")

    def _llm_stream(self, state: dict) -> Iterator[str]:
        chain = ANSWER_PROMPT | self.llm | StrOutputParser()
        yield from chain.stream({"passages": format_passages(state["passages"]), "question": state["standalone"]})

    # -- public ------------------------------------------------------------------------------
    def stream(self, question: str, history: History | None = None) -> Iterator[str | Answer]:
        """Text deltas as they are produced, then the finished :class:`Answer`."""
        started = time.perf_counter()
        if not is_question(question):
            yield REPHRASE
            yield Answer(question=question, answer=REPHRASE, answerable=False, mode=self.mode,
                         timings_ms={"total_ms": _ms(started)})
            return
        state = self.prepare.invoke({"question": question, "history": history or []})
        timings = state["timings"]
        start = time.perf_counter()
        if self.llm is None:
            answer = self._extractive(state)
            yield answer.answer
        else:
            parts: list[str] = []
            for delta in self._llm_stream(state):
                parts.append(delta)
                if "first_token_ms" not in timings:
                    timings["first_token_ms"] = _ms(started)
                yield delta
            answer = self._finish_llm(state, "".join(parts))
        timings["answer_ms"] = _ms(start)
        timings["total_ms"] = _ms(started)
        answer.question = question
        answer.standalone_question = state["standalone"]
        answer.mode = self.mode
        answer.timings_ms = timings
        yield answer

    def invoke(self, question: str, history: History | None = None) -> Answer:
        answer = None
        for item in self.stream(question, history):
            answer = item
        assert isinstance(answer, Answer)
        return answer
