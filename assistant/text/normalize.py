"""Vietnamese text normalization: one Unicode form, one tone-mark style, a diacritics-free fold.

Vietnamese text arrives in NFC or NFD, and with the tone mark of "oa/oe/uy" syllables placed either
on the second vowel ("hoà", "thuỷ") or on the first ("hòa", "thủy"). Matching needs a single form, so
everything indexed or searched goes through :func:`normalize_text`.

Example:
    >>> normalize_text("Hoà bình, thuỷ lợi, khoẻ")
    'Hòa bình, thủy lợi, khỏe'
    >>> strip_diacritics("Hội nghị tổng kết Đà Lạt")
    'Hoi nghi tong ket Da Lat'
"""

from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
# In NFD, a tone mark on the second vowel of a closing "oa", "oe" or "uy" (not after "q", where "u"
# belongs to the consonant) moves to the first vowel: "hoà" -> "hòa", "thuỷ" -> "thủy".
_TONE_STYLE = re.compile(rf"(?<![qQ])([oO])([aAeE])([{_TONES}])(?![^\W\d_])|(?<![qQ])([uU])([yY])([{_TONES}])(?![^\W\d_])")


def _move_tone(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1) + match.group(3) + match.group(2)
    return match.group(4) + match.group(6) + match.group(5)


def normalize_text(text: str) -> str:
    """NFC with the tone mark of "oa", "oe", "uy" on the first vowel (hoà -> hòa, thuỷ -> thủy)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _TONE_STYLE.sub(_move_tone, decomposed))


def strip_diacritics(text: str) -> str:
    """Remove every Vietnamese diacritic, "đ" included, keeping string length-stable for NFC input."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Lowercase, normalized and diacritics-free: the form used to compare text typed either way."""
    return strip_diacritics(normalize_text(text)).lower()


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic (a hint the user typed with accents)."""
    return strip_diacritics(text) != text
