"""Which encoding a text file is in, legacy Vietnamese mojibake repaired, and text that is not language refused.

:func:`decode` reads bytes: a BOM, UTF-32/UTF-16 without a BOM (told by where the zero bytes fall),
UTF-8, else the one-byte encodings Vietnamese files come in (Windows-1258, TCVN3/ABC, VNI, VISCII),
choosing the reading whose words are Vietnamese syllables (:func:`assistant.text.legacy.vietnamese_score`).
:func:`repair_mojibake` fixes lines of TCVN3/VNI/VISCII already pasted into Unicode ("C«ng ty" ->
"Công ty"), whatever format the text came from. :func:`check_language` refuses bytes that decode to
no language at all (random or binary data).

Example:
    >>> decode("C«ng ty TNHH H¶i §¨ng".encode("cp1252"))
    ('Công ty TNHH Hải Đăng', 'TCVN3')
"""

from __future__ import annotations

import codecs
import unicodedata

from assistant.errors import DocumentError
from assistant.text.legacy import (
    EDGE,
    TCVN3,
    VISCII,
    decode_table,
    is_syllable,
    vietnamese_score,
    vni_to_unicode,
)

LABELS = {"TCVN3": "TCVN3 (ABC)", "VNI": "VNI", "VISCII": "VISCII", "cp1258": "Windows-1258"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SAMPLE = 200_000
_C1 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_BINARY = DocumentError("Tệp nhị phân, không phải văn bản.", "binary data in a text file")


def note_for(encoding: str) -> str | None:
    """The Vietnamese note for a document read from ``encoding`` (None for plain Unicode)."""
    label = LABELS.get(encoding)
    return f"Đã chuyển từ bảng mã {label} sang Unicode." if label else None


def _cp1252(text: str) -> bytes | None:
    """The bytes a Windows-1252 reading of ``text`` came from (Latin-1 for its five holes), or None."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))
    return bytes(out)


def _latin(data: bytes) -> str:
    """Windows-1252, with Latin-1 for the five bytes it leaves undefined (as VNI fonts are read)."""
    return data.decode("latin-1").translate(_C1)


def _readings(data: bytes) -> dict[str, str]:
    latin = _latin(data)
    return {"cp1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
            "TCVN3": decode_table(data, TCVN3), "VNI": unicodedata.normalize("NFC", vni_to_unicode(latin)),
            "VISCII": decode_table(data, VISCII)}


def _best_legacy(data: bytes) -> tuple[str, str]:
    """The one-byte reading that looks most Vietnamese; Windows-1258 when none does better."""
    sample = data[:_SAMPLE]
    readings = _readings(sample)
    scores = {name: vietnamese_score(text) for name, text in readings.items()}
    best = max(scores, key=lambda name: (scores[name], name == "cp1258"))
    if scores[best] <= scores["cp1258"] + 0.05:
        best = "cp1258"
    return (readings[best] if len(sample) == len(data) else _readings(data)[best]), best


def _wide(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 without a BOM: the reading that decodes cleanly into the most ordinary text."""
    found: list[tuple[float, str, str]] = []
    for codec, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        ordinary, latin = _shares(text)
        if ordinary >= 0.95 and latin >= 0.6:  # Vietnamese in UTF-16 is mostly ASCII and Latin letters
            found.append((latin, codec, text))
    if not found:
        return None
    _, codec, text = max(found)
    return text, codec


def _shares(text: str) -> tuple[float, float]:
    """Shares of characters that are ordinary (letters, digits, punctuation, spaces) and Latin.

    A wrong byte order reads Latin text as CJK ideographs, which are ordinary letters too: the Latin
    share (Vietnamese letters included) tells the right order."""
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0, 0.0
    ordinary = sum(1 for ch in sample if ch in "\n\r\t" or unicodedata.category(ch)[0] in "LNPZS")
    latin = sum(1 for ch in sample if ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF)
    return ordinary / len(sample), latin / len(sample)


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read from (``utf-8``, ``utf-16-le``, ``TCVN3``, ``VNI`` ...)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec), codec.replace("-sig", "")
    if b"\x00" in data:
        wide = _wide(data)
        if wide is None:
            raise _BINARY
        return wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _best_legacy(data)


def _tally(text: str) -> tuple[int, int, int]:
    """(well-formed syllables, of which with a non-ASCII letter; malformed words with a non-ASCII character)
    among the whitespace-separated words that hold a letter."""
    good = good_marked = bad = 0
    for word in text.split():
        if not any(ch.isalpha() for ch in word):
            continue
        if is_syllable(word.strip(EDGE)):
            good += 1
            good_marked += not word.isascii()
        elif not word.isascii():
            bad += 1
    return good, good_marked, bad


def _fixes(line: str) -> tuple[dict[str, str], str | None]:
    """Readings of a candidate line that are better, and the best one if it is clearly so (the line's
    words were mostly malformed, two or more, and few are after)."""
    raw = _cp1252(line)
    if raw is None:
        return {}, None
    good, marked, bad = _tally(line)
    if bad == 0 or bad < marked:
        return {}, None
    readings = {"TCVN3": decode_table(raw, TCVN3), "VNI": unicodedata.normalize("NFC", vni_to_unicode(line)),
                "VISCII": decode_table(raw, VISCII)}
    better: dict[str, str] = {}
    clear: dict[str, int] = {}
    for name, fixed in readings.items():
        after_good, _, after_bad = _tally(fixed)
        if after_bad < bad and after_good > good:
            better[name] = fixed
            if bad >= 2 and after_bad * 5 <= after_good:
                clear[name] = after_good - after_bad
    return better, max(clear, key=lambda name: clear[name]) if clear else None


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Lines of TCVN3/VNI/VISCII pasted into Unicode, converted; returns (text, encoding repaired most or None).

    A line is a candidate only when every character has a Windows-1252 byte and its words with non-ASCII
    characters are mostly not Vietnamese syllables ("C«ng", "H¶i"): Unicode Vietnamese almost always has
    a letter outside Windows-1252 (ư, ơ, đ, ạ ...) or reads as syllables ("Hôm nay"), so it is left alone.
    A line that clearly reads as Vietnamese in an encoding takes its best reading; a short line that does
    not ("§iÒu 1") is converted only with the encoding of the document's clear lines.
    """
    lines = text.split("\n")
    found: dict[int, dict[str, str]] = {}
    used: dict[str, int] = {}
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        better, best = _fixes(line)
        if best:
            lines[i] = better[best]
            used[best] = used.get(best, 0) + 1
        elif better:
            found[i] = better
    if not used:
        return text, None
    name = max(used, key=lambda key: used[key])
    for i, better in found.items():
        lines[i] = better.get(name, lines[i])
    return "\n".join(lines), name


def check_language(text: str) -> None:
    """Raise :class:`DocumentError` when ``text`` is not written language (random bytes, base64, binary)."""
    sample = text[:_SAMPLE]
    visible = [ch for ch in sample if not ch.isspace()]
    if not visible:
        return
    controls = sum(1 for ch in visible if unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn"))
    letters = sum(1 for ch in visible if ch.isalpha())
    words = sample.split()
    mean_word = len(visible) / max(len(words), 1)
    cjk = sum(1 for ch in visible if 0x3000 <= ord(ch) <= 0x9FFF or 0xAC00 <= ord(ch) <= 0xD7AF)
    if controls / len(visible) > 0.01 or letters / len(visible) < 0.4 or (mean_word > 30 and cjk < len(visible) / 2):
        raise DocumentError(
            "Nội dung tệp không phải văn bản đọc được (có thể là dữ liệu nhị phân hoặc sai bảng mã).",
            f"not language: {controls} control chars, {letters}/{len(visible)} letters, mean word {mean_word:.0f}",
        )
