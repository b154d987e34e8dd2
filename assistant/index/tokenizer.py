"""Vietnamese tokens for the keyword index.

Vietnamese words are one or more syllables separated by spaces ("khu công nghiệp"). A document or
query becomes, all lowercased and normalized:

* its syllables (one-letter syllables such as "ở", "ý" kept),
* its word-segmented compounds from pyvi ("khu_công_nghiệp"),
* document numbers and dates kept whole ("29/2008/nđ-cp", "26/04/2019"),
* the diacritics-free form of all of these, marked with a leading "~" so that a query typed
  without accents ("hoi nghi") matches ("~hoi", "~nghi") while accented queries still prefer the
  exact syllable,
* the other form of each abbreviation (KCN <-> khu công nghiệp, see :mod:`assistant.text.abbreviations`).

Example:
    >>> tok = VietnameseTokenizer(segment=False)
    >>> tok("Hội nghị ở KCN")
    ['hội', 'nghị', 'ở', 'kcn', '~hoi', '~nghi', '~o', '~kcn', '~khu', '~cong', '~nghiep']
    >>> "~hoi" in tok("hoi nghi tong ket")
    True
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.text.abbreviations import expansions
from assistant.text.normalize import normalize_text, strip_diacritics

_SYLLABLE = re.compile(r"[^\W_]+")
_NUMBERED = re.compile(r"\d+(?:[/.:\-]\w+)+")


@lru_cache(maxsize=1)
def _pyvi():
    from pyvi import ViTokenizer

    return ViTokenizer


class VietnameseTokenizer:
    """Callable ``text -> list[str]``; the same instance must tokenize documents and queries."""

    def __init__(self, segment: bool = True) -> None:
        self.segment = segment

    def __call__(self, text: str) -> list[str]:
        text = normalize_text(text).lower()
        tokens = _SYLLABLE.findall(text)
        tokens += _NUMBERED.findall(text)
        if self.segment:
            segmented = _pyvi().tokenize(text)
            tokens += [t for t in segmented.split() if "_" in t]
        folded = ["~" + strip_diacritics(t) for t in tokens]
        for expansion in expansions(text):
            folded += ["~" + t for t in expansion.split()]
        return tokens + folded
