"""Restore Vietnamese diacritics in a query typed without them, from the indexed text itself.

The keyword index matches "hoi nghi tong ket" through its diacritics-free tokens, but the embedding
model reads "hoi nghi" as different words from "hội nghị". Before a dense search, a query that has
no diacritics at all is rewritten with the accented forms most frequent in the corpus, choosing each
syllable by its neighbours (bigram counts), then by its own frequency.

Example:
    >>> r = DiacriticRestorer(["Hội nghị tổng kết năm 2019", "tổng kết công tác"])
    >>> r.restore("hoi nghi tong ket nam 2019")
    'hội nghị tổng kết năm 2019'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from assistant.text.normalize import has_diacritics, normalize_text, strip_diacritics

_WORD = re.compile(r"[^\W_]+")
# Question words rarely found in the documents themselves.
_SEED = "nào gì đâu bao nhiêu mấy những ở được có không là của và các khi tại sao thế hỏi"


class DiacriticRestorer:
    def __init__(self, texts: Iterable[str]) -> None:
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.bigrams: Counter = Counter()
        self.forms_update(_SEED.split())
        for text in texts:
            words = _WORD.findall(normalize_text(text).lower())
            self.forms_update(words)
            self.bigrams.update(zip(words, words[1:], strict=False))

    def forms_update(self, words: list[str]) -> None:
        for word in words:
            self.forms[strip_diacritics(word)][word] += 1

    def _best(self, word: str, previous: str | None, following: str | None) -> str:
        """The accented form of ``word`` that best fits its neighbours."""
        candidates = self.forms.get(word)
        if not candidates:
            return word
        nexts = self.forms.get(following, Counter()) if following else Counter()

        def score(form: str) -> tuple[int, int, int]:
            left = self.bigrams[(previous, form)] if previous else 0
            right = max((self.bigrams[(form, nxt)] for nxt in nexts), default=0)
            return left + right, left, candidates[form]

        return max(candidates, key=score)

    def restore(self, query: str) -> str:
        """The query with accents restored, or unchanged if it already has any diacritic."""
        if has_diacritics(query):
            return query
        words = _WORD.findall(query.lower())
        if not words:
            return query
        chosen: list[str] = []
        for i, word in enumerate(words):
            following = words[i + 1] if i + 1 < len(words) else None
            chosen.append(self._best(word, chosen[-1] if chosen else None, following))
        # Re-insert the restored words into the query, keeping its punctuation and digits.
        out, it = [], iter(chosen)
        last = 0
        for match in _WORD.finditer(query.lower()):
            out.append(query[last : match.start()])
            out.append(next(it))
            last = match.end()
        out.append(query[last:])
        return "".join(out)
