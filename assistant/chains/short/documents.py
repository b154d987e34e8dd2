"""Document numbers that answer "văn bản nào / nghị định nào"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.cues import Cue
from assistant.chains.short.clauses import _UP, _new, _trim
from assistant.text.abbreviations import expand
from assistant.text.kinds import DOC_RELATION_WORDS, DOCUMENT_KIND_FORMS, DOCUMENT_KINDS
from assistant.text.normalize import fold
from assistant.text.patterns import DOCNUM, FULL_DATE
from assistant.text.places import ISSUER_CODES
from assistant.text.stopwords import LAW_NAME_ENDS

_KINDS = "|".join(DOCUMENT_KINDS)
_DOC = re.compile(rf"(?:(?:{_KINDS})\s+(?:số\s+)?)?(?:[A-Z]+\s+)?\d+(?:[/\-:.][0-9A-ZĐa-z\-]+)+")
# A named document: its kind, a capitalized word, then up to three more ("Luật Bảo vệ môi trường").
_DOCNAME = re.compile(rf"\b(?i:{_KINDS})\s+[{_UP}][^\s,.;:()]*(?:\s+[^\s,.;:()]+){{0,3}}")
_NUMBERED = re.compile(r"\d+/\d{4}\b")  # a document's number and year, "29/2008": what a question says it acts on
_ISSUERS = {fold(name): code for name, code in ISSUER_CODES.items()}


_OF_DOCUMENT = re.compile(rf"\b(?:{'|'.join(fold(k) for k in DOCUMENT_KINDS)}|van ban)\b(?: \S+){{0,3}} cua ((?:\S+ ){{0,2}})")


def _asked_issuer(question: str) -> str | None:
    """The code of the issuer the question gives the document asked ("quyết định số mấy | của Chủ tịch UBND
    tỉnh" -> "ubnd"); not a body the question names elsewhere ("phần mềm Quản lý văn bản … của BQL các KCN").
    """
    expanded = expand(question)
    for m in reversed(list(_OF_DOCUMENT.finditer(expanded))):  # the last: nearest the question word
        head = expanded[m.start(1):]
        if code := next((code for name, code in _ISSUERS.items() if re.match(rf"(?:\S+ ){{0,2}}{name}\b", head)), None):
            return code
    return None


_NAME_END = re.compile(rf"\s(?:{'|'.join(LAW_NAME_ENDS.split())})\b")


def _which_doc(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """A document number or name; when the question names the kind ("quyết định nào"), of that kind."""
    folded_q = fold(question)
    kinds = [forms for kind, forms in DOCUMENT_KIND_FORMS.items() if re.search(rf"\b{kind} (?:nao|so may|gi)\b", folded_q)]
    asks_number = re.search(r"\bso (?:hieu|may|bao nhieu)\b", folded_q)  # the number, not the name
    issuer = _asked_issuer(question)
    acts = [w for w in DOC_RELATION_WORDS if re.search(rf"\b{w}\b", folded_q)]
    if acts and not any(re.search(rf"\b{w}\b", fold(sentence)) for w in acts):
        return  # "thay thế" asked: a sentence that does not say it names no replacement
    acted_on = [fold(m.group(0)) for m in _NUMBERED.finditer(question)] if acts else []
    for pattern in (_DOC,) if asks_number else (_DOC, _DOCNAME):
        for m in pattern.finditer(sentence):
            start, end = m.span()
            if pattern is _DOCNAME and (stop := _NAME_END.search(m.group(0))):  # "Thông báo Kết luận | xem tại"
                end = start + stop.start()
            name = sentence[start:end]
            found = fold(name)
            if FULL_DATE.fullmatch(name):  # "04/12/2019" dates a document, it is not its number
                continue
            if (kinds and not re.search(kinds[0], found)) or (issuer and issuer not in found):
                continue
            kind = re.match(rf"(?i:{_KINDS})\b", name)  # "văn bản gì" -> "Thông báo Kết luận": its kind is new
            if acted_on and not all(number in fold(_clause(sentence, start, end)) for number in acted_on):
                continue  # "29/2008 được sửa đổi bởi nghị định nào": not "21/2008 sửa đổi … Nghị định 80/2006"
            if _new(name, question) or (kind and not re.search(rf"\b{fold(kind.group(0))}\b", folded_q)):
                yield _trim(sentence, start, end)


def _clause(sentence: str, start: int, end: int) -> str:
    """The part of ``sentence`` between the semicolons around ``start``-``end``: one item of a list of documents."""
    stop = sentence.find(";", end)
    return sentence[sentence.rfind(";", 0, start) + 1:stop if stop >= 0 else len(sentence)]


_ISSUING = re.compile(r"\b(?:ky|ban hanh)\b")
# "Nghị định số 29/2008/NĐ-CP ngày 14/3/2008 | của Chính phủ | quy định …": who issued it follows its number and date.
_ISSUED_BY = re.compile(r"(?:\s*,?\s*ngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
                        r"\s+của\s+([^,.;:()]+?)(?=\s+(?:về|quy định|hướng dẫn|sửa đổi|ban hành|V/v|v/v)\b|[,.;:()]|$)")


# "… ý kiến chỉ đạo | của UBND tỉnh | tại Công văn số 4622/UBND-KT": or it is named just before the document
_ISSUED_BEFORE = re.compile(rf"\bcủa\s+([^,.;:()]+?)\s+(?:tại|theo)\s+(?:{'|'.join(DOCUMENT_KINDS)})\s+(?:số\s+)?$")


def asks_issuer(question: str) -> bool:
    """Whether the question asks who issued or signed a document it gives the number of ("Nghị định
    29/2008/NĐ-CP do ai ký ban hành?"), not a person's name ("… do đồng chí nào ký") nor when its issuer is given."""
    cue = Cue.of(question)
    number = DOCNUM.search(question)
    return (cue.kind == "who" and not cue.person and number is not None and _ISSUING.search(fold(question)) is not None
            and _ISSUED_BY.match(question, _number_end(question, number)) is None)


def _number_end(text: str, number: re.Match[str]) -> int:
    """Where the whole number ``DOCNUM`` found the start of ends: "29/2008/NĐ-CP|"."""
    return number.start() + len(re.match(r"\S*", text[number.start():]).group(0).rstrip(",;.:"))


def issuer_span(question: str, sentence: str) -> tuple[int, int] | None:
    """The issuer the sentence gives after the asked document's number: "… 29/2008/NĐ-CP ngày 14/3/2008 của |
    Chính phủ", or just before it: "chỉ đạo của | UBND tỉnh | tại Công văn số 4622"; None when it gives none
    (the doer of the sentence did not issue the document)."""
    number = re.match(r"\d+", DOCNUM.search(question).group(0)).group(0)
    for m in DOCNUM.finditer(sentence):
        if re.match(r"\d+", m.group(0)).group(0) != number:
            continue
        if by := _ISSUED_BY.match(sentence, _number_end(sentence, m)) or _ISSUED_BEFORE.search(sentence, 0, m.start()):
            return by.start(1), by.end(1)
    return None
