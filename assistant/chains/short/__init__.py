"""The short answer: the phrase of a quoted sentence that answers the question, as a verbatim span.

A staff member wants "ngày 26/04/2019" or "Phó Trưởng ban ... Lâm Văn Tiếp", not the 60-word sentence
around it. :func:`short_span` finds, in one sentence, the phrase of the kind the question asks for
(:class:`~assistant.chains.cues.Cue`): a date for "khi nào", a number with its unit for "bao nhiêu",
a document number for "văn bản nào", a place for "ở đâu", a person with the post or a unit for "ai";
for other questions the clause that adds most to what the question already says. Phrases the question
itself gives (its own dates, names) are never the answer. Returns offsets into the sentence, or None.

Example:
    >>> s = "Ngày 26/04/2019 tại thành phố Đà Lạt tỉnh Lâm Đồng, Ban quản lý tổ chức Hội nghị."
    >>> a, b = short_span("Hội nghị được tổ chức ở đâu?", s); s[a:b]
    'tại thành phố Đà Lạt tỉnh Lâm Đồng'
    >>> a, b = short_span("Hội nghị được tổ chức khi nào?", s); s[a:b]
    'Ngày 26/04/2019'
"""

from __future__ import annotations

import re

from assistant.chains.constraints import Constraints
from assistant.chains.cues import Cue, alternatives, asks_attendance, set_aside
from assistant.chains.short.align import _aligned, _anchor, _between, _near
from assistant.chains.short.clauses import _AND, _TOKEN, _after, _clauses, _lstrip, _new
from assistant.chains.short.counts import _howmany
from assistant.chains.short.dates import _when
from assistant.chains.short.documents import _which_doc, asks_issuer, issuer_span
from assistant.chains.short.forms import _clause, _open, form_span, says_which
from assistant.chains.short.places import _where, _with_body
from assistant.chains.short.units import _unit, _who, alias_span, asks_a_kind, names_someone, says_who
from assistant.text.kinds import ATTENDANCE_INTROS
from assistant.text.normalize import fold
from assistant.text.patterns import DOCNUM
from assistant.text.words import content_words

__all__ = ["alias_span", "asks_a_kind", "asks_issuer", "form_span", "loose_span", "names_someone", "says_which", "says_who",
           "short_span"]


def _besides(question: str) -> set[str]:
    """The content words of what "Ngoài X, ..." / "Bên cạnh X, ..." sets aside: the answer is another one."""
    return set(content_words(set_aside(question)[0]))


def _is_set_aside(question: str, sentence: str, span: tuple[int, int], besides: set[str], numbers: list[str]) -> bool:
    """Whether ``span`` is what "Ngoài X, …" sets aside: a document by its number; a place by its name when X
    names places ("Ngoài Đồng Nai và Lâm Đồng, tỉnh nào" is not answered by "Đồng Nai", but may be by the
    name next to it); else a phrase by X's words near it ("Lâm Văn Tiếp | đã chủ trì" is "người chủ trì")."""
    phrase = sentence[span[0]:span[1]]
    if numbers:
        return any(n in fold(phrase) for n in numbers)
    if Cue.of(question).kind == "where" and Constraints.of(set_aside(question)[0]).names:
        words = set(content_words(phrase))
        return bool(words) and 2 * len(words & besides) >= len(words)
    return _near(besides, sentence, span)


def _past_set_aside(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """"Ngoài lãnh đạo và CBCC của Ban, tổ chức nào …?": when ``span`` is what the question sets aside, the
    next item of the sentence's list that is not ("… cán bộ công chức của Ban và | Công Đoàn BQL các KCN tỉnh")."""
    besides = _besides(question)

    def set_aside_item(a: int, b: int) -> bool:
        words = set(content_words(sentence[a:b]))
        return bool(words) and 2 * len(words & besides) >= len(words)

    if not besides or not set_aside_item(*span):
        return span
    cuts = [(a, b) for a, b in _clauses(sentence)  # "X, Y và Z": X, Y, Z
            for a, b in zip([a] + [m.end() for m in _AND.finditer(sentence, a, b)],
                            [m.start() for m in _AND.finditer(sentence, a, b)] + [b], strict=True)]
    items = [_lstrip(sentence, (a, len(sentence[:b].rstrip(" .")))) for a, b in cuts]
    return next(((a, b) for a, b in items if a >= span[0] and not set_aside_item(a, b)
                 and content_words(sentence[a:b])), span)


_ATTENDANCE_INTRO = re.compile(rf"\b(?:{'|'.join(ATTENDANCE_INTROS)})\b\s*:?\s*")


def _attendees(question: str, sentence: str) -> tuple[int, int] | None:
    """Who attended, for a question that asks it: what the sentence's intro of its attendees introduces
    ("… với sự tham dự của | lãnh đạo 03 Ban quản lý và các phòng, đơn vị trực thuộc")."""
    if not asks_attendance(fold(question)):
        return None
    intro = _ATTENDANCE_INTRO.search(fold(sentence))
    if intro is None:
        return None
    tokens = list(_TOKEN.finditer(sentence))
    at = next((i for i, t in enumerate(tokens) if t.start() >= intro.end()), None)
    span = None if at is None else _after(sentence, tokens, at)
    return span if span is not None and _new(sentence[span[0]:span[1]], question) else None


_BY_KIND = {"when": _when, "howmany": _howmany, "who": _who, "where": _where, "which-doc": _which_doc}


def _chosen(question: str, sentence: str) -> tuple[int, int] | None:
    """For "buổi sáng hay buổi chiều?", the one option the sentence says, as written ("Chiều ngày 27 …" ->
    "Chiều"); None when it says both or neither."""
    offered, choice = alternatives(question)
    if not choice:
        return None
    tokens = list(_TOKEN.finditer(sentence))
    said = [i for i, t in enumerate(tokens) if fold(t.group(0)) in choice]
    if len({fold(tokens[i].group(0)) for i in said}) != 1:
        return None
    i = said[0]
    start = tokens[i - 1].start() if i and fold(tokens[i - 1].group(0)) in offered - choice else tokens[i].start()
    return start, tokens[i].end()


_ASKS_DAY = re.compile(r"\b(?:khi nao|ngay nao|ngay may|bao gio|luc nao|hom nao|thoi gian nao|thoi diem nao)\b")
_DAY = re.compile(r"\d{1,2}\s*(?:/|tháng)\s*\d{1,2}")  # "25/9", "25 tháng 9": a day, not a month or quarter


def short_span(question: str, sentence: str) -> tuple[int, int] | None:
    """(start, end) in ``sentence`` of the phrase that answers ``question``, or None: of the phrases of
    the kind asked, the one the question's own words surround most closely (the first on a tie)."""
    cue = Cue.of(question)
    if span := alias_span(question, sentence):
        return span
    if cue.kind is None and (span := _chosen(question, sentence)):  # with "ngày nào" too, the date holds it
        return span
    if asks_issuer(question):  # "Nghị định 29/2008/NĐ-CP do ai ban hành?": the issuer after its number, or none
        return issuer_span(question, sentence)
    if cue.kind in (None, "who"):  # "Phó Trưởng ban nào cũng tham dự" asks a post's holder, not the attendees
        attended = None if cue.role or cue.person else _attendees(question, sentence)
        if span := attended or _between(question, sentence):
            return span
    find = _BY_KIND.get(cue.kind or "")
    found = [span for span in find(question, sentence, cue) if span[1] > span[0]] if find else []
    if not found and cue.kind == "where" and re.search(r"\b(?:nhan dan|ubnd)\b", fold(question)):
        found = [span for span in _unit(question, sentence) if span[1] > span[0]]  # "UBND tỉnh nào": a body
    if found and (besides := _besides(question)):  # "Ngoài người chủ trì, Phó Trưởng ban nào khác ...?"
        numbers = [fold(m.group(0)) for m in DOCNUM.finditer(set_aside(question)[0])]  # a document is its number
        found = [span for span in found if not _is_set_aside(question, sentence, span, besides, numbers)]
    if found and cue.kind == "when" and _ASKS_DAY.search(fold(question)):  # "khi nào" is told by the day, not by
        days = [span for span in found if _DAY.search(sentence[span[0]:span[1]])]  # the period a task is named for
        found = days or found  # ("nhiệm vụ quý IV năm 2017"); "năm nào", "quý nào" ask those
    if found:
        start, end = max(found, key=lambda span: _anchor(question, sentence, span))
        return (_with_body(question, sentence, start) if cue.kind == "where" and not cue.zone else start), end
    if cue.kind is None or (cue.kind == "where" and not cue.pattern):  # "tỉnh nào" wants the name, not a clause
        span = _open(question, sentence) if cue.kind is None else (_aligned(question, sentence)
                                                                   or _clause(question, sentence))
        span = _past_set_aside(question, sentence, span) if span is not None else None
        return span if span is not None and span[1] > span[0] else None
    return None


def loose_span(question: str, sentence: str) -> tuple[int, int] | None:
    """For a who question no named person or unit answers ("những ai đã tham luận?" -> "Các chủ đầu tư hạ
    tầng và doanh nghiệp"): the phrase in the place of the question word, else the clause that answers."""
    span = _aligned(question, sentence) or _clause(question, sentence)
    return span if span is not None and span[1] > span[0] else None
