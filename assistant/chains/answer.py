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
import re
import time
from collections.abc import Iterator
from typing import Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from assistant.chains.citations import attach
from assistant.chains.condense import condense
from assistant.chains.constraints import Constraints, evidence
from assistant.chains.cues import about_article
from assistant.chains.extractive import ExtractiveAnswerer, refusal
from assistant.chains.grounding import denied_premise, off_topic
from assistant.chains.llm import (
    ANSWER_PROMPT,
    CONDENSE_PROMPT,
    check_condensed,
    describe_failure,
    format_history,
    format_passages,
)
from assistant.models.embedder import Embedder
from assistant.schema import NO_ANSWER, NO_SUMMARY, NOT_ASKED, REPHRASE, Answer, Passage
from assistant.settings import Settings
from assistant.text.normalize import fold
from assistant.text.words import asks_something, asks_summary, is_question

log = logging.getLogger(__name__)
# Labels a small model copies from the condense prompt ("Người dùng: ...", "Câu hỏi độc lập: ...").
_LABEL = re.compile(r"^(?:(?:người dùng|câu hỏi(?: độc lập| tiếp theo)?|trợ lý)\s*:\s*)+", re.IGNORECASE)
History = list[tuple[str, str]]


class Retriever(Protocol):
    """What the chain needs of a retriever: :class:`~assistant.index.retriever.HybridRetriever` is one."""

    def run(self, query: str, k: int = 5) -> list[Passage]: ...

    def edges(self, passage: Passage) -> list[Passage]: ...


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def _usage(usage: dict, started: float, first: float | None, ended: float) -> dict:
    """Token counts with prompt and generation speed (time to first token, then the rest)."""
    prompt, completion = usage.get("input_tokens", 0), usage.get("output_tokens", 0)
    first = first or ended
    return {"prompt_tokens": prompt, "completion_tokens": completion,
            "prompt_seconds": round(first - started, 2), "generation_seconds": round(ended - first, 2),
            "tokens_per_second": round(completion / (ended - first), 2) if completion and ended > first else None}


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
        standalone = self._llm_condense(question, history) if history and self.llm is not None else None
        if standalone is None:
            standalone = condense(question, history)
        return {**inputs, "standalone": standalone, "timings": {"condense_ms": _ms(start)}}

    def _llm_condense(self, question: str, history: History) -> str | None:
        """The model's standalone question, or None when it fails or invents (then the extractive rules apply)."""
        try:
            candidate = (CONDENSE_PROMPT | self.llm | StrOutputParser()).invoke(
                {"history": format_history(history), "question": question})
            candidate = _LABEL.sub("", candidate.strip()).strip().strip('"“”')
        except Exception as exc:  # noqa: BLE001 - an unreachable model must not stop the answer
            log.warning("LLM condense failed (%s: %s); extractive condensing used", type(exc).__name__, exc)
            return None
        problem = check_condensed(candidate, question, history)
        if problem:
            log.warning("LLM condensed question %r rejected (%s); extractive condensing used", candidate, problem)
            return None
        return candidate

    def _retrieve(self, inputs: dict) -> list[Passage]:
        start = time.perf_counter()
        passages = self.retriever.run(inputs["standalone"], k=self.k)
        if passages and about_article(inputs["standalone"]):  # its byline and stamp open and close the item
            seen = {p.chunk_id for p in passages}
            tops: dict[str, Passage] = {}
            for p in passages[:3]:
                tops.setdefault(p.doc_id, p)  # each item's best passage, best item first
            for top in list(tops.values())[:2]:  # the two best items: the one asked may be ranked second
                edges = [p for p in self.retriever.edges(top) if p.chunk_id not in seen]
                passages += edges
                seen |= {p.chunk_id for p in edges}
        inputs["timings"]["retrieve_ms"] = _ms(start)
        return passages

    @staticmethod
    def _asked(state: dict) -> str:
        """The question the answer is read against. Context carried over from the previous turn finds the
        passages; the user's own words pick the sentence (else "chủ trì" from the last question would
        outweigh what is asked now)."""
        question, standalone = state["question"], state["standalone"]
        appended = standalone != question and standalone.startswith(question.rstrip(" ?"))
        return question if appended else standalone

    def _article(self, state: dict) -> Answer | None:
        """A byline or publication stamp answer (read, not generated), for the standalone question or
        the user's own words; None when the question is not about the news item or no line answers."""
        for asked in dict.fromkeys([state["standalone"], self._asked(state)]):
            if (answer := self.extractive.about_article(asked, state["passages"])) is not None:
                return answer
        return None

    def _extractive(self, state: dict) -> Answer:
        return self.extractive.answer(self._asked(state), state["passages"])

    def _refuse(self, state: dict, text: str, dropped: list[dict], why: str) -> Answer:
        log.warning("LLM answer refused for %r: %s; dropped %s", state["standalone"], why, dropped)
        passages = state["passages"]
        return Answer(question=state["question"], answer=NO_ANSWER, answerable=False, related=passages[:3],
                      passages=passages, mode="llm", raw_answer=text, dropped=dropped, usage=state.get("usage", {}))

    def _finish_llm(self, state: dict, text: str) -> Answer:
        passages = state["passages"]
        if state.get("llm_error"):
            answer = self._extractive(state)
            answer.notice, answer.raw_answer = state["llm_error"], text
            answer.answer = f"⚠ {answer.notice}\n\n{answer.answer}"
            return answer
        if fold(NO_ANSWER.rstrip(".")) in fold(text) or not passages:
            return self._refuse(state, text, [], "the model abstained" if passages else "no passages")
        question, standalone = state["question"], state["standalone"]
        s = self.settings
        checked = attach(standalone, text, passages, self.embedder, s.citation_lexical_support, s.citation_dense_support)
        if not checked.kept:
            return self._refuse(state, text, checked.dropped, "no sentence is supported by the passages")
        # What the question pins down must be in the cited documents, as for the extractive answerer.
        cited = {c.passage.chunk_id: c.passage for c in checked.citations}.values()
        unmet = Constraints.of(self._asked(state)).unmet(
            "\n".join(evidence(p, passages) for p in cited))
        if unmet:
            dropped = checked.dropped + [{"sentence": standalone, "kind": "question",
                                          "reason": "câu hỏi nêu điều tài liệu được trích không có: " + ", ".join(unmet)}]
            return self._refuse(state, text, dropped, f"question constraints {unmet} not in the cited passages")
        if checked.dropped:
            log.warning("LLM answer to %r: removed %s", standalone, checked.dropped)
        return Answer(question=question, answer=checked.text, answerable=True, citations=checked.citations,
                      short=checked.short, passages=passages, mode="llm", raw_answer=text, dropped=checked.dropped,
                      usage=state.get("usage", {}))

    def _llm_stream(self, state: dict) -> Iterator[str]:
        """The model's text as it streams; a failed request becomes a notice (and the extractive answer)."""
        chain = ANSWER_PROMPT | self.llm
        inputs = {"passages": format_passages(state["passages"], state["standalone"]), "question": state["standalone"]}
        started = time.perf_counter()
        first = None
        usage: dict = {}
        try:
            for chunk in chain.stream(inputs):
                if chunk.usage_metadata:
                    usage = dict(chunk.usage_metadata)
                if chunk.content:
                    first = first or time.perf_counter()
                    yield chunk.content
        except Exception as exc:  # noqa: BLE001 - unreachable, too slow or refused: say so, answer extractively
            log.warning("LLM request failed: %s: %s", type(exc).__name__, exc)
            state["llm_error"] = describe_failure(exc, self.settings)
            yield f"\n⚠ {state['llm_error']}\n"
            return
        state["usage"] = _usage(usage, started, first, time.perf_counter())

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
        asks = asks_something(state["standalone"])
        article = self._article(state) if asks else None
        summary = self.llm is None and asks_summary(state["standalone"])
        if not asks or summary:  # a topic only, or a summary to quote: its passages are shown, no sentence answers
            log.info("abstain: %r asks nothing of its topic, or a summary", state["standalone"])
            answer = Answer(question=question, answer=NO_SUMMARY if summary else NOT_ASKED, answerable=False,
                            related=state["passages"][:3], passages=state["passages"], mode=self.mode)
            yield answer.answer
        elif article is None and (about_article(state["standalone"]) or off_topic(
                state["standalone"], state["passages"], self.settings.answer_topic_floor)
                or denied_premise(state["standalone"], state["passages"])):
            # who wrote an item is its byline, not a sentence's doer; a question no passage is near in meaning; a
            # premise the documents deny ("không có đình công")
            log.info("abstain: no byline or stamp, no passage near in meaning, or a denied premise, for %r",
                     state["standalone"])
            answer = refusal(self._asked(state), state["passages"])  # for either mode: no model is asked
            yield answer.answer
        elif self.llm is None or article is not None:  # a byline or stamp is read, not generated
            answer = article or self._extractive(state)
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
        answer.mode = "extractive" if article is not None else self.mode  # what made the answer, not the setting
        answer.timings_ms = timings
        yield answer

    def invoke(self, question: str, history: History | None = None) -> Answer:
        answer = None
        for item in self.stream(question, history):
            answer = item
        assert isinstance(answer, Answer)
        return answer
