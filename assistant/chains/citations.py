"""Citations for generated answers, attached by the assistant, never taken on the model's word.

A small model seldom writes ``[n]`` markers, and one that does may cite the wrong passage. So the
generated text is read as a short-answer line and a few sentences (split with the project's
Vietnamese splitter, so "TP.HCM" and "29/2008/NĐ-CP" stay whole), and every sentence is aligned to
the passage sentence that supports it:

* the grounding gate: every name, number, date, document number and ordinal of the generated
  sentence must be in the supporting sentence (with its neighbour) or its passage's title, date
  and headings (:class:`~assistant.chains.constraints.Constraints`);
* and meaning: the sentence's own words (those it does not merely copy from the question) must be
  found there, or its embedding must be close to the supporting sentence's.

A sentence without support is removed, with the reason, in :attr:`Attached.dropped`. Markers the
model wrote ([n], 【n】, (n)) are checked the same way: one naming no passage, or a passage that does
not support its sentence, is reported and replaced by the assistant's own citation.

Example:
    >>> parse_answer("Trả lời ngắn: Đà Lạt [1]\\nHội nghị họp tại TP.HCM (2). Sau đó về Đà Lạt【1】.")
    ('Đà Lạt', [Claim(text='Hội nghị họp tại TP.HCM.', markers=[2]), Claim(text='Sau đó về Đà Lạt.', markers=[1])])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from assistant.chains.constraints import Constraints, evidence
from assistant.chains.cues import Cue
from assistant.chains.short import short_span
from assistant.preprocessors.sentences import split_sentences
from assistant.schema import Citation, Passage
from assistant.text.abbreviations import expand
from assistant.text.injection import is_instruction
from assistant.text.normalize import fold
from assistant.text.words import content_words, overlap

# [1], [1, 2], 【1】, and (1) when it closes something (not "(1) Tiếp tục ..." opening a list item).
_MARKER = re.compile(r"\s*(?:\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\]|【(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)】|(?<=\S)\s?\((\d{1,2})\))")
_LABEL = re.compile(r"^\s*(?:[-*•]\s*|\d{1,2}[.)]\s+)?(?:\*\*)?(?:(?:câu\s+)?trả\s+lời(?:\s+ngắn(?:\s+gọn)?)?|"
                    r"giải\s+thích|căn\s+cứ|chi\s+tiết|dẫn\s+chứng)\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?", re.IGNORECASE)
_SHORT_LABEL = re.compile(r"^\s*(?:\*\*)?(?:câu\s+)?trả\s+lời(?:\s+ngắn(?:\s+gọn)?)?\s*(?:\*\*)?\s*[:：]", re.IGNORECASE)
# What a small model copies from the prompt into its answer: the data blocks' tags (also written
# "<tài liệu>"), the format's placeholders ("<cụm từ trả lời ...>"), the "(tiếp tài liệu [1])" pointer
# and a title's "(2019-12-27)" date. None of it is a claim.
_ECHO = re.compile(r"<[^<>\n]{0,120}>|‹[^‹›\n]{0,120}›|\(\s*tiếp\s+tài\s+liệu(?:\s*\[\d+\])?\s*\)"
                   r"|\(\d{4}-\d{2}-\d{2}\)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•]\s+|\d{1,2}[.)]\s+)")


@dataclass
class Claim:
    """One generated sentence without its markers, and the passage numbers the model wrote for it."""

    text: str
    markers: list[int] = field(default_factory=list)


@dataclass
class Support:
    """Where a claim is supported: passage index, span in ``passage.text``, and the scores."""

    passage: int
    start: int
    end: int
    dense: float
    lexical: float


@dataclass
class Attached:
    """The verified answer: kept sentences with ``[n]``, their citations, the short answer, what was dropped."""

    text: str
    citations: list[Citation]
    short: Citation | None
    dropped: list[dict]
    kept: int


def strip_markers(text: str) -> tuple[str, list[int]]:
    """``text`` without citation markers, and the numbers they named (in order, once each)."""
    numbers: list[int] = []
    for match in _MARKER.finditer(text):
        group = next(g for g in match.groups() if g)
        numbers += [int(n) for n in re.split(r"\s*[,;]\s*", group)]
    clean = _MARKER.sub("", text).strip()
    clean = re.sub(r"\s+([.,;:!?])", r"\1", clean)
    return clean, list(dict.fromkeys(numbers))


def parse_answer(text: str) -> tuple[str, list[Claim]]:
    """(short-answer line, claims) of a generated answer; the short line is "" when there is none."""
    text = _ECHO.sub(" ", text).replace("\r", "").replace("…", "\n")
    lines = [line for line in text.split("\n") if line.strip()]
    short = ""
    if lines and (_SHORT_LABEL.match(lines[0]) or (len(lines) > 1 and len(lines[0]) <= 80
                                                   and not lines[0].rstrip().endswith("?"))):
        short, _ = strip_markers(_LABEL.sub("", lines[0]))
        short = short.strip(" *").rstrip(".")
        lines = lines[1:]
    claims: list[Claim] = []
    for line in lines:
        body = _BULLET.sub("", _LABEL.sub("", line)).strip(" *")
        for s, e in split_sentences(body):
            clean, numbers = strip_markers(body[s:e])
            if content_words(clean):
                claims.append(Claim(clean, numbers))
    return short, claims


def _units(passages: list[Passage]) -> list[tuple[int, int, int]]:
    """(passage index, start, end) of every quotable sentence, and of every pair of adjacent ones."""
    out = []
    for i, p in enumerate(passages):
        spans = [(s, e) for s, e in split_sentences(p.text) if not is_instruction(p.text[s:e])]
        out += [(i, s, e) for s, e in spans]
        out += [(i, a[0], b[1]) for a, b in zip(spans, spans[1:], strict=False)]
    return out


def _header(p: Passage) -> str:
    """What a passage vouches for besides its text: title, date (also as dd/mm/yyyy) and headings."""
    date = p.date or ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date += " " + "/".join(reversed(date.split("-")))
    return "\n".join([p.title, date, p.context])


class Aligner:
    """Aligns generated sentences to the passage sentences that support them."""

    def __init__(self, question: str, passages: list[Passage], embedder, lexical_support: float = 0.5,
                 dense_support: float = 0.55) -> None:
        self.question_words = set(content_words(question))
        self.passages = passages
        self.embedder = embedder
        self.lexical_support, self.dense_support = lexical_support, dense_support
        self.units = _units(passages)
        texts = [passages[i].text[s:e] for i, s, e in self.units]
        self.vectors = embedder.encode_documents(texts) if texts else np.zeros((0, 1), np.float32)
        self.words = [content_words(t) for t in texts]
        self.header_words = [content_words(_header(p)) for p in passages]
        # Passages whose evidence holds what the question pins down (its year, place, partner): a
        # sentence said in one of them and also in another is cited from the one that fits the question.
        asked = Constraints.of(question)
        self.fitting = {i for i, p in enumerate(passages) if not asked.unmet(evidence(p, passages))}

    def _own_words(self, claim: str) -> list[str]:
        """The claim's content words it does not just copy from the question (all of them if none)."""
        words = content_words(claim)
        own = [w for w in words if w not in self.question_words]
        return own or words

    def _better(self, cand: Support, best: Support) -> bool:
        fits, fitted = cand.passage in self.fitting, best.passage in self.fitting
        if fits != fitted:
            return fits
        return cand.dense + cand.lexical > best.dense + best.lexical + 1e-6

    def support(self, claim: str, only: int | None = None, verbatim: bool = False) -> tuple[Support | None, str]:
        """The best support of ``claim`` (in passage ``only`` when given), or None and the reason.
        With ``verbatim`` the claim must occur in the sentence or its passage's title and date as written."""
        constraints = Constraints.of(claim)
        own = self._own_words(claim)
        vec = self.embedder.encode_documents([claim])[0]
        best: Support | None = None
        unmet_seen: list[str] | None = None
        for k, (i, s, e) in enumerate(self.units):
            if only is not None and i != only:
                continue
            p = self.passages[i]
            unmet = constraints.unmet(f"{_header(p)}\n{p.text[s:e]}")
            if verbatim and not unmet and not _written(claim, f"{_header(p)}\n{p.text[s:e]}"):
                continue
            if unmet:
                unmet_seen = unmet if unmet_seen is None or len(unmet) < len(unmet_seen) else unmet_seen
                continue
            cand = Support(i, s, e, float(self.vectors[k] @ vec), overlap(own, self.words[k] + self.header_words[i]))
            if not (cand.lexical >= self.lexical_support or cand.dense >= self.dense_support):
                continue
            # Passages that fit the question first; shorter quotes win ties: a pair only when it
            # scores better than its single sentences.
            if best is None or self._better(cand, best):
                best = cand
        if best is not None:
            return best, ""
        if unmet_seen:
            return None, "không có trong tài liệu: " + ", ".join(unmet_seen)
        if verbatim:
            return None, "không chép nguyên văn từ tài liệu"
        return None, "không đoạn tài liệu nào nói điều này"


def _written(phrase: str, text: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as written, up to case, diacritics, spacing and the
    abbreviations the documents themselves mix ("KCN" / "Khu công nghiệp", "TP.HCM")."""
    needle = " ".join(expand(phrase.strip(" .")).split())
    return bool(needle) and needle in " ".join(expand(text).split())


def _phrases(short: str) -> list[str]:
    """The short answer and its word runs, longest first, each keeping its names and numbers
    ("Ông Lâm Văn Tiếp" -> ..., "Lâm Văn Tiếp"): a model adds honorifics and function words."""
    words = short.split()
    constraints = Constraints.of(short)
    runs = sorted({" ".join(words[a:b]) for a in range(len(words)) for b in range(a + 1, len(words) + 1)},
                  key=len, reverse=True)
    return [r for r in runs if content_words(r) and not constraints.unmet(r)]


def _short_span(short: str, quotes: list[tuple[int, int, int]], passages: list[Passage]) -> tuple[int, int, int] | None:
    """The longest phrase of the short answer found verbatim (ignoring case) in a supporting quote."""
    for phrase in _phrases(short.strip().strip(".,;:")):
        needle = phrase.lower()
        for i, s, e in quotes:
            at = passages[i].text[s:e].lower().find(needle)
            if at >= 0 and len(needle) >= 2:
                return i, s + at, s + at + len(needle)
    return None


def _citation(n: int, passage: Passage, s: int, e: int) -> Citation:
    return Citation(n=n, passage=passage, start=passage.start + s, end=passage.start + e, quote=passage.text[s:e])


def _check_markers(claim: Claim, support: Support, aligner: Aligner, dropped: list[dict]) -> None:
    """Report the model's markers that name no passage or a passage that does not support the claim."""
    for n in claim.markers:
        if not 1 <= n <= len(aligner.passages):
            dropped.append({"sentence": claim.text, "kind": "marker", "marker": n,
                            "reason": f"[{n}] không ứng với đoạn tài liệu nào"})
        elif n - 1 != support.passage and aligner.support(claim.text, only=n - 1)[0] is None:
            dropped.append({"sentence": claim.text, "kind": "marker", "marker": n,
                            "reason": f"đoạn [{n}] không chứa thông tin này; trích dẫn được thay bằng đoạn hỗ trợ"})


def _unfit(claim: str, aligner: Aligner, seen: set[str], kept: int, max_sentences: int) -> str:
    """Why a generated sentence is not an answer sentence at all ("" when it may be one)."""
    key = " ".join(content_words(claim))
    if key in seen:
        return "lặp lại câu trước"
    seen.add(key)
    if claim.rstrip().endswith("?"):
        return "là câu hỏi, không phải câu trả lời"
    if claim.rstrip().endswith(":"):
        return "câu dẫn, không phải câu trả lời"
    if kept >= max_sentences:
        return f"quá {max_sentences} câu"
    return ""


class _Builder:
    """Numbers passages in order of first citation and collects the citations and answer pieces."""

    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages
        self.numbers: dict[int, int] = {}
        self.citations: dict[tuple[int, int, int], Citation] = {}

    def cite(self, support: Support, text: str) -> str:
        n = self.numbers.setdefault(support.passage, len(self.numbers) + 1)
        key = (support.passage, support.start, support.end)
        self.citations.setdefault(key, _citation(n, self.passages[support.passage], support.start, support.end))
        body = text.rstrip()
        end = body[-1] if body[-1:] in ".!?" else "."
        return f"{body.rstrip('.!?').rstrip()} [{n}]{end}"


def attach(question: str, answer: str, passages: list[Passage], embedder, lexical_support: float = 0.5,
           dense_support: float = 0.55, max_sentences: int = 3) -> Attached:
    """Align the short-answer line and every sentence of ``answer`` to their support; drop the
    unsupported ones; cite the rest. The short line leads the answer unless a sentence already says it."""
    short_line, claims = parse_answer(answer)
    aligner = Aligner(question, passages, embedder, lexical_support, dense_support)
    built = _Builder(passages)
    pieces: list[str] = []
    dropped: list[dict] = []
    seen: set[str] = set()
    reason = _unfit(short_line, aligner, set(), 0, 1) if content_words(short_line) else "không có nội dung"
    if not reason and not [w for w in content_words(short_line) if w not in aligner.question_words]:
        reason = "chỉ nhắc lại câu hỏi"
    # A short answer is a phrase copied from the documents: up to 8 words it must be found as written.
    short_support, reason = (aligner.support(short_line, verbatim=len(short_line.split()) <= 8) if not reason
                             else (None, reason))
    if short_line and short_support is None:
        dropped.append({"sentence": short_line, "kind": "short", "reason": reason})
    for claim in claims:
        reason = _unfit(claim.text, aligner, seen, len(pieces), max_sentences)
        support = None
        if not reason:
            support, reason = aligner.support(claim.text)
        if support is None:
            dropped.append({"sentence": claim.text, "kind": "sentence", "reason": reason})
            continue
        _check_markers(claim, support, aligner, dropped)
        pieces.append(built.cite(support, claim.text))
    said = " ".join(pieces)
    if short_support is not None and fold(short_line) not in fold(said):
        pieces.insert(0, built.cite(short_support, short_line))
    if pieces and (missing := _unanswered(question, pieces)):
        dropped.append({"sentence": question, "kind": "question", "reason": missing})
        return Attached("", [], None, dropped, 0)
    quotes = list(built.citations)
    short = _short(short_line if short_support else "", quotes, passages, built.numbers, question, said)
    return Attached(" ".join(pieces), list(built.citations.values()), short, dropped, len(pieces))


_ASKED = {"when": "ngày hay thời gian", "howmany": "con số kèm đơn vị", "which-doc": "số hiệu văn bản",
          "who": "người giữ chức vụ được hỏi", "where": "địa điểm"}


def _unanswered(question: str, pieces: list[str]) -> str:
    """Why the kept sentences do not answer ("" when they may): a date, a count with its unit, a
    document or a post holder asked for must be in one of them, as for the extractive answerer;
    supported sentences around a dropped, invented figure are no answer to "bao nhiêu"."""
    cue = Cue.of(question)
    if not cue.strict or any(cue.fits(strip_markers(p)[0]) for p in pieces):
        return ""
    return f"không câu nào được giữ nêu điều câu hỏi hỏi ({_ASKED.get(cue.kind or '', 'cụm từ được hỏi')})"


def _answer_phrase(question: str, quotes: list[tuple[int, int, int]], passages: list[Passage],
                   said: str) -> tuple[int, int, int] | None:
    """The answer phrase of a supporting quote (:func:`short_span`) that the model also said."""
    for i, s, e in quotes:
        span = short_span(question, passages[i].text[s:e])
        if span is not None and fold(passages[i].text[s + span[0]:s + span[1]]) in fold(said):
            return i, s + span[0], s + span[1]
    return None


def _short(short_line: str, quotes: list[tuple[int, int, int]], passages: list[Passage], numbers: dict[int, int],
           question: str, said: str) -> Citation | None:
    """The verbatim passage span that best supports the (supported) short-answer line, within the
    citations: its longest phrase found verbatim, else the quote's answer phrase the model said too."""
    if not quotes:
        return None
    found = _short_span(short_line, quotes, passages) if short_line else None
    found = found or _answer_phrase(question, quotes, passages, f"{short_line} {said}")
    if found is None:
        return None
    i, s, e = found
    return _citation(numbers[i], passages[i], s, e)
