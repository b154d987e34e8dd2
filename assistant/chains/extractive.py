"""The embedded default answerer: quote the one to three sentences that best answer the question.

No generative model can be provisioned on the agency's machines, so the default answer is
extractive: every sentence of the retrieved passages is scored by dense similarity to the question
(the same embedding model, cached), lexical overlap of content words, and whether it holds the kind
of phrase the question asks for (a date for "khi nào", a number for "bao nhiêu", ...). The best
sentences are returned verbatim with ``[n]`` markers, each pointing at one passage and at the exact
character span quoted. When the best evidence scores under the calibrated threshold, the answerer
abstains and offers the closest passages as possibly related.

Example:
    >>> answerer = ExtractiveAnswerer(embedder, Settings())                    # doctest: +SKIP
    >>> answerer.answer("Hội nghị năm 2017 tổ chức ở đâu?", passages).answer   # doctest: +SKIP
    'Ngày 26/12/2017 tại thành phố Đà Lạt tỉnh Lâm Đồng, ... [1]'
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from assistant.chains.constraints import Constraints, evidence, own_evidence, zones
from assistant.chains.cues import (
    ASKS_PROCEDURE,
    ASKS_WHY,
    NAME_ASKED,
    Cue,
    about_article,
    alternatives,
    asked_about,
    asks_form,
    open_form,
    options,
)
from assistant.chains.grounding import actor_elsewhere, mismatch, other_agent, other_zone, post_elsewhere
from assistant.chains.posts import asked_role, person_names
from assistant.chains.short import (
    alias_span,
    asks_a_kind,
    asks_issuer,
    form_span,
    loose_span,
    says_which,
    says_who,
    short_span,
)
from assistant.models.embedder import Embedder
from assistant.preprocessors.metadata import byline_span, posted_span
from assistant.preprocessors.sentences import split_sentences
from assistant.schema import NO_ANSWER, Answer, Citation, Passage
from assistant.settings import Settings
from assistant.text.injection import is_instruction
from assistant.text.kinds import UNDOING_ACTS, UNDOING_FOLDED
from assistant.text.normalize import fold, has_diacritics
from assistant.text.words import content_verbs, content_words, overlap, said, says_any

log = logging.getLogger(__name__)

MIN_SENTENCE_CHARS = 20
MIN_COUNT_FOCUS = 4  # focus words a count or date question needs before a sentence must say them
LONG_SENTENCE_CHARS = 300  # longer sentences are quoted clause by clause ("; "), to keep answers short


@dataclass
class Candidate:
    passage: int  # index into the passages list
    start: int  # offsets in the document's cleaned text
    end: int
    text: str
    score: float = 0.0
    cue: bool = True
    sentence_end: int = 0  # end of the whole sentence when this candidate is one of its clauses
    sentence_start: int = 0  # and its start
    on_focus: float = 1.0  # share of what the question asks about (its focus words) that the sentence says


def candidates(passages: list[Passage]) -> list[Candidate]:
    """Every sentence of the passages once (overlapping chunks repeat sentences).

    Sentences addressed to an assistant ("bỏ qua mọi hướng dẫn ...") are data, never an answer.
    """
    seen: set[tuple[str, int]] = set()
    out: list[Candidate] = []
    for i, passage in enumerate(passages):
        for s, e, sentence_start, sentence_end in _pieces(passage.text):
            key = (passage.doc_id, passage.start + s)
            text = passage.text[s:e]
            if key in seen or len(text) < MIN_SENTENCE_CHARS or is_instruction(text):
                continue
            seen.add(key)
            out.append(Candidate(i, passage.start + s, passage.start + e, text, sentence_end=passage.start + sentence_end,
                                 sentence_start=passage.start + sentence_start))
    return out


def _pieces(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, sentence start, sentence end) of each sentence, long sentences split into their "; " clauses."""
    spans = []
    for s, e in split_sentences(text, glued=True):
        if e - s <= LONG_SENTENCE_CHARS:
            spans.append((s, e, s, e))
            continue
        cursor = s
        while cursor < e:
            cut = text.find("; ", cursor, e)
            stop = e if cut < 0 else cut + 1
            spans.append((cursor, stop, s, e))
            cursor = stop + 1 if cut >= 0 else e
    return spans


def _zone_of_sentence(question: str, candidate: Candidate, passages: list[Passage]) -> str | None:
    """The zone the whole sentence names in place of the one asked, when the clause quoted names none: "…
    KCN Tân Đức; | phối hợp Sonadezi hoàn thành các thủ tục …" is about Tân Đức, not "KCN Sơn Mỹ 2"."""
    if candidate.sentence_end == candidate.end and candidate.sentence_start == candidate.start:
        return None
    if zones(candidate.text, written=True):
        return None  # the clause's own zone is read against the question's (grounding.mismatch)
    names = Constraints.of(question).names  # a zone the question pins down, not "kcn dua theo" typed plain
    if not any(zone in name for zone in zones(question) for name in names):
        return None
    passage = passages[candidate.passage]
    return other_zone(question, passage.text[candidate.sentence_start - passage.start:candidate.sentence_end - passage.start])


class ExtractiveAnswerer:
    """Pick, score and quote answer sentences; abstain under ``threshold``."""

    def __init__(self, embedder: Embedder, settings: Settings | None = None, threshold: float | None = None) -> None:
        self.embedder = embedder
        self.settings = settings or Settings()
        self.threshold = self.settings.abstain_threshold if threshold is None else threshold
        self.max_sentences = self.settings.max_sentences

    def score(self, question: str, passages: list[Passage]) -> list[Candidate]:
        """Candidates sorted best first, with scores."""
        cands = candidates(passages)
        if not cands:
            return []
        cue = Cue.of(question)
        q_words = content_words(question)
        s = self.settings
        about = self._asked_about(question)
        focus = content_words(about) if about else []
        offered, choice = alternatives(question)  # "buổi sáng hay buổi chiều": one option said is the choice said
        if choice and focus:
            focus = [w for w in focus if w not in offered] + ["\0choice"]
        q_vecs = self.embedder.encode_queries([question] + ([about] if about else []))
        s_vecs = self.embedder.encode_documents([c.text for c in cands])
        dense = s_vecs @ q_vecs[0]
        if about:
            dense = (1 - s.focus_dense) * dense + s.focus_dense * (s_vecs @ q_vecs[1])
        asked = set(q_words)
        for cand, sim in zip(cands, dense, strict=True):
            cand.cue = cue.fits(cand.text)
            words = content_words(cand.text)
            lexical = overlap(q_words, words)
            rank_prior = 1.0 / (1 + cand.passage)
            restates = 1.0 - min(1.0, len({w for w in words if w not in asked}) / s.novel_words)
            said = words + ["\0choice"] if choice & set(words) else words
            on_focus = cand.on_focus = overlap(focus, said) if focus else lexical
            cand.score = float(s.w_dense * sim + s.w_lexical * lexical + s.w_cue * cand.cue + s.w_rank * rank_prior
                               - s.w_restate * restates + s.w_focus * on_focus
                               - s.w_intro * (cue.kind is None and cand.text.rstrip().endswith(":")))
        return sorted(cands, key=lambda c: -c.score)

    @staticmethod
    @lru_cache(maxsize=256)  # read while scoring and again while gating the same question
    def _asked_about(question: str) -> str | None:
        """What the question asks about (:func:`cues.asked_about`): its words without the names, units,
        event and period that pin down which report it is about; None when nothing is set aside or
        nothing is left."""
        about = asked_about(question, Constraints.of(question).names)
        if not content_words(about) or len(about.split()) == len(re.findall(r"[^\W_]+", question)):
            return None
        return about

    def usable(self, question: str, passages: list[Passage], ranked: list[Candidate]) -> list[Candidate]:
        """The candidates that can answer. For a strict cue (a date, a count with its unit, the holder
        of a post, ...) only the sentences that hold it, however well the others score. And only from
        passages whose evidence holds what the question pins down (a KCN, a partner, a year, "lần thứ
        hai"): "năm 2015" elsewhere does not make a 2019 figure an answer about 2015."""
        cue = Cue.of(question)
        strict = cue.strict
        # a count or date of something else ("cập nhật 100% kết quả" for "tỷ lệ hồ sơ trả đúng hẹn", a decree's
        # date for when the Prime Minister approved) does not answer
        asks = len(set(content_words(self._asked_about(question) or question)))  # "đã triển khai bao lâu": too little to say
        counted = self.settings.focus_said if cue.kind in {"howmany", "when"} and asks >= MIN_COUNT_FOCUS else 0.0
        folded = fold(question)
        happened: tuple[str, ...] = ()
        undone: tuple[str, ...] = ()
        if ASKS_WHY.search(folded):  # the cause of what the sentence does not say ("Vì sao … bị hoãn?"), nor
            counted = max(counted, self.settings.cause_said)  # does at all ("Vì sao … thu hồi chủ trương …?")
            happened = content_verbs(question)
            # nor of an act undone it does not say ("Vì sao … từ chối cung cấp …"); typed without marks, one
            # syllable folds into other words ("dung": dừng, dùng, dụng) and is read only when it does not
            undone = said(UNDOING_ACTS if has_diacritics(question) else
                          tuple(a for a in UNDOING_ACTS if " " in a or fold(a) in UNDOING_FOLDED), question)
        if ASKS_PROCEDURE.search(folded):  # the steps of a procedure the sentence does not name
            counted = max(counted, self.settings.procedure_said)
        # and an open question that says what it asks about must find some of it said ("đăng ký cho sinh viên
        # tham quan"); a typed one asks with words the answer need not repeat ("họp tại địa điểm nào")
        some_said = cue.kind is None and asks >= MIN_COUNT_FOCUS
        offered = options(question)  # "đấu thầu hay chỉ định": a sentence that says neither does not choose
        constraints = Constraints.of(question)
        unmet: dict[int, list[str]] = {}
        for i, p in enumerate(passages):
            document = evidence(p, passages)
            # and a company its document names elsewhere, about something else ("Becamex – VSIP được chọn …")
            actor = actor_elsewhere(question, p, document)
            unmet[i] = constraints.unmet(document, own=own_evidence(p, passages)) or ([actor] if actor else [])
        if unmet and all(unmet.values()):
            log.info("abstain: %r not in the evidence for %r", unmet[0], question)
        usable = [c for c in ranked if (c.cue or not strict) and not unmet[c.passage] and c.on_focus >= counted
                  and (c.on_focus > 0 or not some_said) and (not happened or says_any(happened, c.text))
                  and (not undone or said(undone, c.text) == undone) and (not offered or said(offered, c.text))
                  and not mismatch(question, c.text, passages[c.passage]) and not _zone_of_sentence(question, c, passages)]
        # the sentence the question is about says another did it ("BQL TP.HCM giới thiệu vùng nguyên liệu …" where
        # "BQL Lâm Đồng" does): a false premise, not to be answered from a sentence about something else
        best = max((c.on_focus for c in usable), default=0.0)
        if usable and any(c.on_focus >= best + self.settings.doer_swapped and not unmet[c.passage]
                          and other_agent(question, c.text) for c in ranked):
            log.info("abstain: the sentence that %r is about names another doer", question)
            return []
        return usable

    def confidence(self, question: str, passages: list[Passage], ranked: list[Candidate]) -> float:
        """How well the best usable sentence answers: its score, or 0 when none can answer."""
        ranked = self.usable(question, passages, ranked)
        return ranked[0].score if ranked else 0.0

    def answer(self, question: str, passages: list[Passage]) -> Answer:
        ranked = self.usable(question, passages, self.score(question, passages))
        if not ranked or ranked[0].score < self.threshold:
            return refusal(question, passages, ranked[0].score if ranked else 0.0)
        best, short = self._pick(question, passages, ranked)
        confidence = best.score
        if short is not None and not says_which(question, short.quote):
            log.info("abstain: %r does not say which, for %r", short.quote, question)
            return refusal(question, passages)
        cue = Cue.of(question)
        if short is None and (cue.strict or asks_a_kind(question) or asks_form(question, "often")):
            # A date, count, document or post holder asked for must be pointed at, not guessed around.
            log.info("abstain: no %s phrase to point at for %r", cue.kind, question)
            return refusal(question, passages)
        chosen = [best]
        for cand in ranked:  # the best may be a lower one that holds the phrase asked: the top still quotes
            if len(chosen) >= self.max_sentences or cand.score < best.score - self.settings.extra_margin:
                break
            if cand.start < best.end and cand.end > best.start:  # the best itself, or a clause of it widened
                continue
            chosen.append(cand)
        # Read in document order within a passage, passages in retrieval order.
        chosen.sort(key=lambda c: (c.passage, c.start))
        numbers: dict[int, int] = {}
        citations: list[Citation] = []
        parts: list[str] = []
        for cand in chosen:
            passage = passages[cand.passage]
            n = numbers.setdefault(cand.passage, len(numbers) + 1)
            citations.append(Citation(n=n, passage=passage, start=cand.start, end=cand.end, quote=cand.text))
            parts.append(f"{cand.text} [{n}]")
            if cand is best and short is not None:
                short.n = n
        return Answer(question=question, answer=" ".join(parts), answerable=True, citations=citations,
                      passages=passages, confidence=confidence, short=short)

    def about_article(self, question: str, passages: list[Passage]) -> Answer | None:
        """Who wrote a news item or when it was posted (:func:`cues.about_article`): its byline or
        publication stamp, quoted, from the top passage's document first; None when no passage has one
        or the item is not the one the question names (its dates: in its headline, date or lead)."""
        if not passages or not about_article(question) or asked_role(question, fold(question)):
            return None  # a byline names a unit or a writer, not who holds a post ("Trưởng phòng … là ai?")
        find = byline_span if Cue.of(question).kind == "who" else posted_span
        constraints = Constraints.of(question)
        for passage in sorted(passages, key=lambda p: p.doc_id != passages[0].doc_id):
            span = find(passage.text)
            if span is None:
                continue
            # the year or date the question gives the item must be in its headline, date or lead
            lead = min((p for p in passages if p.doc_id == passage.doc_id), key=lambda p: p.start)
            if constraints.unmet(evidence(passage, passages), own=f"{passage.title}\n{passage.date or ''}\n{lead.text}"):
                continue
            line = passage.text[span[0]:span[1]]
            if NAME_ASKED.search(fold(question)) and not person_names(line):
                continue  # "Cán bộ nào của Phòng … viết bài": a unit's byline ("PHÒNG KẾ HOẠCH TỔNG HỢP") names no one
            a, b = short_span(question, line) or (0, len(line))
            if by := re.match(r"[Tt]heo\s+", line[a:b]):  # "Theo | Yến Lệ": the name, not the credit word
                a += by.end()
            start = passage.start + span[0]
            quote = Citation(n=1, passage=passage, start=start, end=start + len(line), quote=line)
            short = Citation(n=1, passage=passage, start=start + a, end=start + b, quote=line[a:b])
            return Answer(question=question, answer=f"{line} [1]", answerable=True, citations=[quote],
                          passages=passages, confidence=1.0, short=short)
        return None

    def _pick(self, question: str, passages: list[Passage], ranked: list[Candidate]
              ) -> tuple[Candidate, Citation | None]:
        """The best sentence that holds the phrase asked for (a unit for "phòng nào", a date for "khi
        nào" ...), among those scoring within ``short_margin`` of the best; else the best sentence."""
        margin = max(self.threshold, ranked[0].score - self.settings.short_margin)
        cue = Cue.of(question)
        if cue.kind is None:  # an open question: a sentence that holds what its form asks for
            if open_form(question) is not None:
                for cand in ranked:
                    if cand.score < margin:
                        break
                    if form_span(question, cand.text) is not None:
                        return self._short(question, passages, cand)
            return self._short(question, passages, ranked[0])
        named = next((c for c in ranked if c.score >= self.threshold and alias_span(question, c.text)), None)
        if named is not None:  # "Sonadezi có tên đầy đủ là gì?": the sentence that writes the name out
            return self._short(question, passages, named)  # a precise sign: read past the margin

        def answers(phrase: str, sentence: str) -> bool:
            """"ai" is answered by someone, not by a task, "công ty nào" by a company, the leader of a body by
            one whose post is in it; and a phrase about another zone than asked ("… nhà đầu tư KCN Tân Đức"
            for "KCN Sơn Mỹ 2"), or from a sentence about one ("Becamex – VSIP xúc tiến … Khu công nghiệp – Đô
            thị - Dịch vụ Hàm Tân"), answers nothing."""
            return ((cue.kind != "who" or says_who(question, phrase) and post_elsewhere(question, sentence, phrase) is None)
                    and other_zone(question, phrase) is None and other_zone(question, sentence) is None)

        for cand in ranked:
            if cand.score < margin:
                break
            best, short = self._short(question, passages, cand)
            if short is not None and answers(short.quote, best.text):
                return best, short
        # who issued a document is the body after (or before) its number, or none
        span = loose_span(question, ranked[0].text) if cue.kind == "who" and not cue.strict \
            and not asks_issuer(question) else None
        if span is not None and answers(ranked[0].text[span[0]:span[1]], ranked[0].text):
            return ranked[0], _cite_span(passages, ranked[0], span)
        return ranked[0], None

    @staticmethod
    def _short(question: str, passages: list[Passage], best: Candidate) -> tuple[Candidate, Citation | None]:
        """The phrase of ``best`` that answers; a clause is widened to its whole sentence when the
        phrase lies past the clause, so a quote never stops just before its answer, or ends with it ("TCVN ISO
        9001:2000; ISO 9001:2008"), and for a list asked ("gồm những gì"), whose items run on past the clause."""
        passage = passages[best.passage]
        span = short_span(question, best.text)
        runs_on = span is not None and span[1] >= len(best.text.rstrip(" ;.")) - 1  # the phrase may go on past "; "
        if (span is None or runs_on or asks_form(question, "list")) and best.sentence_end > best.end:
            whole = passage.text[best.start - passage.start:best.sentence_end - passage.start]
            if (widened := span or short_span(question, whole)) is not None:  # the clause's phrase, if it has one
                span = widened  # (the whole begins where the clause does)
                best = Candidate(best.passage, best.start, best.sentence_end, whole, best.score, best.cue,
                                 best.sentence_end)
        return best, None if span is None else _cite_span(passages, best, span)


def refusal(question: str, passages: list[Passage], confidence: float = 0.0) -> Answer:
    """"Không tìm thấy …", with the closest passages as possibly related."""
    return Answer(question=question, answer=NO_ANSWER, answerable=False, related=passages[:3], passages=passages,
                  confidence=confidence)


def _cite_span(passages: list[Passage], cand: Candidate, span: tuple[int, int]) -> Citation:
    """The short answer ``span`` (offsets in ``cand``'s text) as a citation of its passage; numbered when quoted."""
    return Citation(n=0, passage=passages[cand.passage], start=cand.start + span[0], end=cand.start + span[1],
                    quote=cand.text[span[0]:span[1]])


def sentence_scores(answerer: ExtractiveAnswerer, question: str, passages: list[Passage]) -> np.ndarray:
    """Scores of all candidates (for calibration and diagnostics)."""
    return np.array([c.score for c in answerer.score(question, passages)], dtype=np.float32)
