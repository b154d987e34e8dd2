"""What the "Tra cứu" tab tells a person about its hits: which words match, how relevant each is, one card per document.

The retriever's fused score (``0.1636``) ranks well but means nothing to a reader, and it is never
zero: nonsense still gets five "results". Here each passage is judged on two things a person can
check for themselves:

* **content-word coverage**: the share of the query's content words (function words dropped, see
  :mod:`assistant.text.stopwords`) that occur in the passage. Matching respects how the query was
  typed: a query typed *with* diacritics matches words exactly as spelled (lowercase, one Unicode
  form), so "phòng cháy chữa cháy" matches neither "phong trào" nor "chưa"; a query typed *without*
  any diacritic matches folded words, so "tan duc" matches "Tân Đức".
* **dense similarity**: the embedding model's cosine similarity of query and passage (from
  ``Passage.scores["dense"]``), whose thresholds are settings measured on the corpus (see
  :class:`~assistant.settings.Settings`, ``search_dense_*``).

A passage with no content word and a similarity under the floor is dropped: "xyzqw" has no results.

Example:
    >>> m = QueryMatcher("phòng cháy chữa cháy")
    >>> [w for w in ("phòng", "phong", "chưa", "chữa", "Cháy") if m.matches(w)]
    ['phòng', 'chữa', 'Cháy']
    >>> [w for w in ("Tân", "tan", "Đức") if QueryMatcher("tan duc").matches(w)]
    ['Tân', 'tan', 'Đức']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.app.render import esc
from assistant.schema import Passage
from assistant.settings import Settings
from assistant.text.normalize import fold, has_diacritics, normalize_text
from assistant.text.stopwords import STOPWORDS

_WORD = re.compile(r"\w+", re.UNICODE)

VERY = "Rất phù hợp"
GOOD = "Phù hợp"
WEAK = "Ít liên quan"
LEVELS = {VERY: 3, GOOD: 2, WEAK: 1}
NO_RESULTS_VI = "Không có kết quả phù hợp"


@dataclass(frozen=True)
class Thresholds:
    """Dense-similarity cut-offs (cosine, the configured embedding model): at or above ``very`` a
    passage is very relevant on meaning alone, ``good`` relevant, under ``floor`` unrelated."""

    very: float
    good: float
    floor: float

    @classmethod
    def of(cls, settings: Settings) -> Thresholds:
        return cls(settings.search_dense_very, settings.search_dense_good, settings.search_dense_floor)


class QueryMatcher:
    """The query's content words and the rule that says whether a word of a document matches one.

    Accent-exact when the query carries any diacritic, folded when it carries none."""

    def __init__(self, query: str) -> None:
        self.exact = has_diacritics(query or "")
        self.words: set[str] = set()
        for word in _WORD.findall(query or ""):
            folded = fold(word)
            if folded in STOPWORDS or (len(folded) < 2 and not folded.isdigit()):
                continue
            self.words.add(self.key(word))

    def key(self, word: str) -> str:
        """The form words are compared in."""
        return normalize_text(word).lower() if self.exact else fold(word)

    def matches(self, word: str) -> bool:
        return bool(self.words) and self.key(word) in self.words

    def coverage(self, text: str) -> float:
        """The share of the query's content words found in ``text`` (0 when the query has none)."""
        if not self.words:
            return 0.0
        found = {self.key(w) for w in _WORD.findall(text or "")} & self.words
        return len(found) / len(self.words)

    def highlight(self, text: str, spans: Iterable[tuple[int, int]] = (), span_class: str = "hl",
                  span_id: str | None = None) -> str:
        """Escaped ``text`` with matching words in ``<mark class="kw">`` and each of ``spans`` (non-overlapping,
        any order) in ``<mark class=span_class>``, the first with ``id=span_id``."""
        out: list[str] = []
        pos = 0
        for i, (start, end) in enumerate(sorted(s for s in spans if s[0] < s[1])):
            if start < pos:
                continue
            ident = f' id="{esc(span_id)}"' if span_id and i == 0 else ""
            out.append(self._words(text[pos:start]))
            out.append(f'<mark class="{esc(span_class)}"{ident}>{self._words(text[start:end])}</mark>')
            pos = end
        out.append(self._words(text[pos:]))
        return "".join(out)

    def _words(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        for match in _WORD.finditer(text):
            if self.matches(match.group(0)):
                out.append(esc(text[pos:match.start()]))
                out.append(f'<mark class="kw">{esc(match.group(0))}</mark>')
                pos = match.end()
        out.append(esc(text[pos:]))
        return "".join(out)


def dense_similarity(passage: Passage) -> float | None:
    """The embedding similarity the retriever saw, or ``None`` when the passage came from keywords only."""
    dense = (passage.scores or {}).get("dense")
    return float(dense["score"]) if dense and "score" in dense else None


def label(coverage: float, similarity: float | None, limits: Thresholds) -> str | None:
    """"Rất phù hợp" / "Phù hợp" / "Ít liên quan", or ``None`` (not a result).

    Very relevant: every content word present and similar in meaning, or half of them and very similar.
    Relevant: every content word, or similar in meaning, or half the words and above the floor (common
    words alone, "ngày", "giá", do not make a passage relevant). Barely related: some content word, or a
    similarity above the floor. Nothing else is shown. ``similarity`` is ``None`` for a keyword-only hit."""
    sim = similarity if similarity is not None else -1.0
    if (coverage >= 1.0 and sim >= limits.good) or (coverage >= 0.5 and sim >= limits.very):
        return VERY
    if coverage >= 1.0 or sim >= limits.good or (coverage >= 0.5 and sim >= limits.floor):
        return GOOD
    if coverage > 0 or sim >= limits.floor:
        return WEAK
    return None


@dataclass
class Hit:
    """One passage shown, with its label and content-word coverage."""

    passage: Passage
    label: str
    coverage: float


@dataclass
class DocumentHits:
    """One result card: a document and its best passages (retrieval order), labelled by the best one."""

    doc_id: str
    source: str
    title: str
    date: str | None
    hits: list[Hit] = field(default_factory=list)

    @property
    def label(self) -> str:
        return max((h.label for h in self.hits), key=LEVELS.__getitem__)


def group_by_document(passages: list[Passage], query: str, limits: Thresholds, max_documents: int = 5,
                      per_document: int = 3) -> list[DocumentHits]:
    """Labelled passages grouped by document, unrelated ones dropped.

    Documents are ordered by their best label, then by the retrieval rank of their first passage
    (the retriever's order stays the tie-break: it is what fusion measured best)."""
    matcher = QueryMatcher(query)
    groups: dict[str, DocumentHits] = {}
    for p in sorted(passages, key=lambda x: x.rank):
        coverage = matcher.coverage(p.text)
        verdict = label(coverage, dense_similarity(p), limits)
        if verdict is None:
            continue
        group = groups.setdefault(p.doc_id, DocumentHits(p.doc_id, p.source, p.title, p.date))
        if len(group.hits) < per_document:
            group.hits.append(Hit(p, verdict, coverage))
    ordered = sorted(groups.values(), key=lambda g: (-LEVELS[g.label], g.hits[0].passage.rank))
    return ordered[:max_documents]
