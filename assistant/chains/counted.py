"""What a count question counts, and counts a document writes as words.

"bao nhiêu *ha*", "bao nhiêu phần trăm", "kinh phí ... bao nhiêu" (money), "bao lâu" (a duration): the unit
that must follow a number in the answer (:func:`count_unit`); "Hai Ban Quản lý" answers "có mấy Ban Quản lý"
(:func:`counted_in_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.posts import asks_word
from assistant.text.abbreviations import complete_term, expand
from assistant.text.normalize import normalize_text
from assistant.text.places import ORDINALS
from assistant.text.stopwords import COUNTED_NOUNS, UNIT_PHRASE_STOPS

# Folded unit words and the forms an answer writes them in (first forms are regex alternatives).
_MONEY = r"dong|vnd|ty|trieu|nghin|ngan|usd|do la"
_UNIT_FORMS = {
    "phan tram": r"%|phan tram", "hecta": r"ha|hecta|hec ta", "ha": r"ha|hecta|hec ta",
    "m2": r"m2|met vuong", "m3": r"m3|met khoi", "usd": r"usd|do la", "dong": r"dong|vnd",
    "ty": _MONEY, "trieu": _MONEY, "ngan": _MONEY, "nghin": _MONEY,
}
# A count asked without its unit whose subject implies one ("kinh phí ... là bao nhiêu?").
_MONEY_NOUN = re.compile(r"(kinh phi|von|gia thue|gia|doanh thu|kim ngach|ngan sach|chi phi|tien)\b")
_IMPLIED = [  # ("tỷ lệ" is not here: a map's "tỷ lệ 1/2.000" is a ratio too)
    (re.compile(rf"\b{_MONEY_NOUN.pattern}"), _MONEY),
    (re.compile(r"\b(?:phan tram|lai suat)\b"), r"%|phan tram"),  # an interest rate is a percentage
    (re.compile(r"\bdien tich\b"), r"ha|hecta|m2|km2|met vuong"),
]
_DURATION = r"nam|thang|ngay|tuan|gio|phut"
_AFTER_COUNT = re.compile(r"\b(?:bao nhieu|may)\s+([a-z0-9]+(?:\s+[a-z0-9]+)?)")


def count_unit(folded: str, question: str) -> str | None:
    """A regex of the unit a count question asks for, or None ("đạt bao nhiêu?")."""
    if re.search(r"\bbao lau\b(?! mot lan)", folded):
        return _DURATION
    for m in _AFTER_COUNT.finditer(folded):
        if m.group(0).startswith("may") and not asks_word("mấy", question, folded):
            continue  # "nhà máy", not "mấy"
        if re.match(rf"(?:{_DURATION})\b(?!\s*\d)", m.group(1)):  # "mấy năm tiếp theo": years, not "năm 2019"
            return m.group(1).split()[0]
        words = []
        for word in m.group(1).split():
            if word in UNIT_PHRASE_STOPS and not m.group(1).startswith(tuple(COUNTED_NOUNS)):
                break
            words.append(word)
        if not words:
            break
        phrase = " ".join(words)
        for unit, forms in _UNIT_FORMS.items():
            if phrase == unit or phrase.startswith(unit + " "):
                return forms
        if _MONEY_NOUN.match(phrase):  # "bao nhiêu vốn": the subject, the unit is money
            return _MONEY
        return re.escape(phrase)
    for pattern, forms in _IMPLIED:
        if pattern.search(folded):
            return forms
    return None


# Small counts a document writes as words ("Hai Ban Quản lý"), read as written: folded, "năm" is also a year,
# "tư" and "nhì" are ordinals.
_COUNT_WORD = re.compile(r"\b(?:" + "|".join(w for w, n in ORDINALS.items() if n > 1 and w not in {"năm", "tư", "nhì"})
                         + r")\b", re.IGNORECASE)


def counted_in_words(sentence: str, unit: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each count written as a word and followed, within two words, by ``unit`` (folded regex)."""
    text = normalize_text(sentence)
    for m in _COUNT_WORD.finditer(text):
        if u := re.match(rf"\s+(?:[a-z]+\s+){{0,2}}?(?:{unit})(?![a-z])", expand(text[m.end():m.end() + 80])):
            yield m.start(), complete_term(text, m.end() + len(u.group(0).rstrip()))
