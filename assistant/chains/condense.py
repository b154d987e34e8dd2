"""Follow-up questions made standalone before retrieval, without an LLM.

"còn năm 2018 thì sao?" after "Hội nghị sơ kết năm 2017 tổ chức ở đâu?" becomes "Hội nghị sơ
kết năm 2018 tổ chức ở đâu?"; "hội nghị đó do ai chủ trì?" carries over the entities and dates of
the previous question. A question that stands on its own is left unchanged. (In LLM mode a
condense prompt does this instead, see :mod:`assistant.chains.llm`.)

Example:
    >>> condense("còn năm 2018 thì sao?", [("Hội nghị sơ kết năm 2017 tổ chức ở đâu?", "...")])
    'Hội nghị sơ kết năm 2018 tổ chức ở đâu?'
"""

from __future__ import annotations

import re

from assistant.text.normalize import fold
from assistant.text.patterns import FULL_DATE as _DATE
from assistant.text.patterns import YEAR as _YEAR
from assistant.text.words import content_words

_LEANS = re.compile(r"\b(thi sao|con\b|do\b|nay\b|ay\b|tren\b|vua roi|hoi nghi do|van ban do|luc do|khi do|no\b|ho\b)")


def entities(text: str) -> list[str]:
    """Capitalized phrases (not the first word), dates and years of ``text``."""
    words = re.findall(r"[^\s,.;:?!()]+", text)
    found: list[str] = []
    run: list[str] = []
    for i, word in enumerate(words + [""]):
        if i > 0 and word[:1].isupper():
            run.append(word)
            continue
        if run:
            found.append(" ".join(run))
            run = []
    found += [m.group(0) for m in _DATE.finditer(text)] or [m.group(0) for m in _YEAR.finditer(text)]
    return found


def leans_on_history(question: str) -> bool:
    """Short or anaphoric questions ("còn ... thì sao?", "hội nghị đó ...") lean on the previous turn."""
    folded = fold(question)
    return bool(_LEANS.search(folded)) or len(content_words(question)) <= 2


def condense(question: str, history: list[tuple[str, str]] | None) -> str:
    """A standalone form of ``question`` given previous (question, answer) turns."""
    if not history or not leans_on_history(question):
        return question
    previous = history[-1][0]
    new_years = _YEAR.findall(question) and [m.group(0) for m in _YEAR.finditer(question)]
    new_dates = [m.group(0) for m in _DATE.finditer(question)]
    folded = fold(question)
    if re.search(r"\b(con|thi sao)\b", folded) and (new_years or new_dates):
        # "còn năm 2018 thì sao?": the previous question with its year or date swapped.
        rewritten = previous
        if new_dates and _DATE.search(previous):
            rewritten = _DATE.sub(new_dates[0], rewritten, count=1)
        elif new_years and _YEAR.search(previous):
            rewritten = _YEAR.sub(new_years[0], rewritten, count=1)
        else:
            rewritten = f"{previous} {' '.join(new_dates or new_years)}"
        return rewritten
    carried = [e for e in entities(previous) if fold(e) not in folded and len(e) > 1]
    asked = set(content_words(question))
    keep = [w for w in re.findall(r"[^\s,.;:?!()]+", previous) if content_words(w) and not set(content_words(w)) & asked]
    carried_words = {fold(w) for e in carried for w in e.split()}
    keep = [w for w in keep if fold(w) not in carried_words and not w[:1].isupper()]
    extra = " ".join(dict.fromkeys(carried + keep))
    return f"{question.rstrip(' ?')} ({extra})?" if extra else question
