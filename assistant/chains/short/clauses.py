"""Clauses and words of a sentence, and whether a phrase says something the question does not."""

from __future__ import annotations

import re

from assistant.text.normalize import fold
from assistant.text.stopwords import DATE_AND_DOC_FRAME_WORDS
from assistant.text.words import content_words

MAX_WORDS = 12
CLAUSE_WORDS = 25  # a what/why/list answer: a clause or the items of a list
LIST_ITEM_WORDS = 8  # an item of a list ("đầu tư, xây dựng, môi trường") is a few words
LIST_WORDS = 40  # a list of such items is whole (nine departments) where a clause would be cut
_TOKEN = re.compile(r"[^\W_]+")
_UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())  # "À-Ỹ" mixes cases
# Words that frame a date or a document number without adding to it ("ngày", "số", "NĐ-CP").
_FRAME_WORDS = frozenset(DATE_AND_DOC_FRAME_WORDS.split())
_CONNECTIVE = re.compile(r"\s(?=(?:vì|nhằm|để|(?<!cũng )như|gồm|đó là|là|do|nên)\s)")  # "cũng như" joins, it does not cut


def _words(text: str) -> int:
    return len(text.split())


_AND = re.compile(r"\s+và\s+")  # between two items of a list ("thu nhập và các điều kiện về nhà ở")
_JOINERS = {"và", "hoặc", "cùng"}  # words that join a list's last item to the one before


def _trim(sentence: str, start: int, end: int, limit: int = MAX_WORDS) -> tuple[int, int]:
    """The span cut to ``limit`` words, trailing spaces and punctuation off."""
    words = list(re.finditer(r"\S+", sentence[start:end]))
    if len(words) > limit:  # cut inside a list: not after the "và" that joins its next item
        end = start + words[limit - 1 - (words[limit - 1].group(0) in _JOINERS)].end()
    while end > start and sentence[end - 1] in " ,;:.–-":
        end -= 1
    return start, end


_COUNTED = re.compile(r"(\d+)(?:\s+([^\W\d_]+))?")


def _new(found: str, question: str) -> bool:
    """Whether ``found`` says something the question does not already say."""
    # "3 năm" is new beside "3 ban": a number is given with the word after it, when both have one
    given = {(m.group(1).lstrip("0"), fold(m.group(2) or "")) for m in _COUNTED.finditer(question)}
    for m in _COUNTED.finditer(found):
        number, word = m.group(1).lstrip("0"), fold(m.group(2) or "")
        if not any(n == number and (not w or not word or w == word) for n, w in given):
            return True
    asked = set(content_words(question))
    return any(w not in asked and w not in _FRAME_WORDS for w in content_words(found) if not w.isdigit())


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clauses of ``sentence``: split at , ; : and before connectives ("vì", "nhằm", "để", "là" ...)."""
    spans = []
    for m in re.finditer(r"(?:[^,;:…()]|[,:](?=\d)|(?<=\d),(?= \d\b))+", sentence):  # "9001:2000", "1,5", "Sơn Mỹ 1, 2" stay whole
        cursor = m.start()
        for cut in [c.start() for c in _CONNECTIVE.finditer(m.group(0))] + [len(m.group(0))]:
            if sentence[cursor:m.start() + cut].strip():
                spans.append((cursor, m.start() + cut))
            cursor = m.start() + cut
    return spans


# "9001:2000" and "TP.HCM" stay whole
_CLAUSE_END = re.compile(r"[;()…]|[,:](?!\d)|\.(?![\d\w])|\s(?:vì|nhằm|để|nên|dẫn đến)\s")


def _after(sentence: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """From token ``i`` to the end of its clause, short list items run on; None past the end or before a colon."""
    if i >= len(tokens):
        return None
    start = tokens[i].start()
    stop = _CLAUSE_END.search(sentence, start)
    if stop and stop.group(0) == ":":
        return None
    end = stop.start() if stop else len(sentence)
    while stop and stop.group(0) == ",":  # "một cách đồng bộ, thiết thực và có hiệu quả": short items run on
        stop = _CLAUSE_END.search(sentence, stop.end())
        item_end = stop.start() if stop else len(sentence)
        if _words(sentence[end + 1:item_end]) > LIST_ITEM_WORDS:
            break
        if stop and stop.group(0) == ":":  # "…, cần lưu ý đó là:" introduces the answer, it is not one
            return None
        end = item_end
    span = _trim(sentence, start, end, limit=CLAUSE_WORDS)
    return span if span[1] > span[0] else None


def _lstrip(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    return start + len(sentence[start:end]) - len(sentence[start:end].lstrip()), end


def _run_on(sentence: str, spans: list[tuple[int, int]], j: int, novel: list[list[str]]) -> tuple[int, int]:
    """Clause ``j`` with the list items that follow it (", " / "; "), up to CLAUSE_WORDS."""
    start, end = _lstrip(sentence, spans[j])
    for k in range(j + 1, len(spans)):
        gap = sentence[end:spans[k][0]].strip()
        if gap not in {",", ";"} or not novel[k] or _words(sentence[start:spans[k][1]]) > CLAUSE_WORDS:
            break
        end = spans[k][1]
    return _trim(sentence, start, end, limit=CLAUSE_WORDS)
