"""Numbers with their unit that answer "bao nhiêu / mấy"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.counted import counted_in_words
from assistant.chains.cues import ORDINAL, Cue
from assistant.chains.short.clauses import _new, _trim
from assistant.chains.short.dates import _WHEN
from assistant.text.abbreviations import complete_term, expand
from assistant.text.normalize import normalize_text, strip_diacritics
from assistant.text.patterns import DOCNUM, ENUMERATOR, YEAR

_NUM = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)?(?:\s*%)?")


def _howmany(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    if cue.pattern == ORDINAL:  # "lần thứ mấy" -> "lần thứ nhất"
        folded = strip_diacritics(normalize_text(sentence))
        yield from (m.span() for m in re.finditer(ORDINAL, folded))
        return
    if cue.unit:  # "Hai Ban Quản lý"
        yield from (span for span in counted_in_words(sentence, cue.unit) if _new(sentence[span[0]:span[1]], question))
    blocked = [m.span() for p in (_WHEN[0], _WHEN[1], _WHEN[2], _WHEN[5], YEAR, DOCNUM, ENUMERATOR)
               for m in p.finditer(sentence)]
    for m in _NUM.finditer(sentence):
        if any(s <= m.start() < e for s, e in blocked):
            continue
        tail = re.match(r"(?:\s+[^\s,.;:()]+){0,3}", sentence[m.end():])
        words = list(re.finditer(r"[^\s,.;:()]+", tail.group(0))) if tail else []
        if cue.unit and re.search(rf"(?:{cue.unit})$", expand(m.group(0))):  # "99%"
            yield m.start(), m.end()
            continue
        if cue.unit:
            tail_text = sentence[m.end():]
            unit = next((w for w in words if re.search(rf"(?:{cue.unit})(?![a-z])", expand(tail_text[:w.end()]))),
                        None)
            if unit is not None:
                yield _trim(sentence, m.start(), complete_term(sentence, m.end() + unit.end()))
            continue
        counted = sentence[m.start():m.end() + (words[0].end() if words else 0)]  # "3 năm", not the "3 ban" asked
        if not _new(counted, question):  # a figure the question gives ("1/2.000", "9 tháng") is not asked
            continue
        keep = words[:3] if words and not words[0].group(0)[:1].isdigit() else []
        yield _trim(sentence, m.start(), m.end() + (keep[-1].end() if keep else 0))
