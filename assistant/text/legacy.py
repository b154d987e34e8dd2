"""Vietnamese legacy encodings as data: TCVN3 (ABC), VISCII and VNI, and a syllable check to tell them apart.

Before Unicode, Vietnamese government files were typed in TCVN3 (TCVN 5712:1993, the ".VnTime" fonts
of the ABC keyboard), in VNI (the "VNI-Times" fonts) or, less often, in VISCII. The bytes of such a
file are not UTF-8; read as Windows-1252 they show as mojibake ("C«ng ty TNHH H¶i §¨ng" for "Công ty
TNHH Hải Đăng" in TCVN3, "Coâng ty" in VNI). The tables below turn them back into Unicode; the
syllable check (:func:`vietnamese_score`) says which reading is Vietnamese.

The TCVN3 and VISCII tables are those of GNU libc's ``iconv`` (``TCVN5712-1``, ``VISCII``); the tests
check them against ``iconv`` itself. TCVN3 proper (ABC) uses 0xA1–0xFF; the rest of the table is the
full TCVN 5712 "VN1" set, harmless for ABC text.

Example:
    >>> decode_table("C«ng ty TNHH H¶i §¨ng".encode("cp1252"), TCVN3)
    'Công ty TNHH Hải Đăng'
    >>> vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
"""

from __future__ import annotations

import re
import unicodedata

# Bytes 0x80-0xFF, in order (combining tone marks at TCVN3 0xB0-0xB4 written as escapes).
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
_TCVN3_LOW = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ",
              0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"
    "ÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡư"
    "àáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
)
_VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}


def _table(high: str, low: dict[int, str]) -> dict[int, str]:
    table = {b: chr(b) for b in range(0x80)}
    table.update(low)
    table.update({0x80 + i: ch for i, ch in enumerate(high)})
    return table


TCVN3 = _table(_TCVN3_HIGH, _TCVN3_LOW)
VISCII = _table(_VISCII_HIGH, _VISCII_LOW)

# VNI: a base letter followed by a mark letter (Windows-1252 glyphs of the VNI fonts), in lower case;
# upper case uses the upper-case mark letters. i, y with dot below, ơ, ư and đ are single letters.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}  # â ê ô
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}  # ă
_VNI_SINGLE = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ô": "ơ", "ö": "ư", "ñ": "đ"}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}

    def add(base: str, mark: str, composed: str) -> None:
        for b, m, c in ((base, mark, composed), (base.upper(), mark.upper(), composed.upper())):
            pairs[b + m] = unicodedata.normalize("NFC", c)
            pairs[b + m.lower()] = unicodedata.normalize("NFC", c)  # "Aù" as typed in title case

    for base in "aeouy" + "ôö":
        plain = _VNI_SINGLE.get(base, base)
        for mark, tone in _VNI_TONES.items():
            if not (base == "y" and mark == "ï"):  # ỵ is a single letter
                add(base, mark, plain + tone)
    for base in "aeo":
        for mark, tone in _VNI_HAT.items():
            add(base, mark, base + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():
        add("a", mark, "a\u0306" + tone)
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_SINGLES = {**_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}}
_VNI_RE = re.compile("|".join(sorted(map(re.escape, [*_VNI_PAIRS, *_VNI_SINGLES]), key=len, reverse=True)))


def decode_table(data: bytes, table: dict[int, str]) -> str:
    """Bytes through a one-byte table (bytes it lacks read as Latin-1), in NFC."""
    return unicodedata.normalize("NFC", "".join(table.get(b) or chr(b) for b in data))


def vni_to_unicode(text: str) -> str:
    """VNI text read as Windows-1252 ("Coâng ty") -> Unicode ("Công ty")."""
    return _VNI_RE.sub(lambda m: _VNI_PAIRS.get(m.group()) or _VNI_SINGLES[m.group()], text)


# -- telling Vietnamese from mojibake ---------------------------------------------------------------
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
_NUCLEI = ("iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|"
           "oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ưu|ươ|uy|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y")
_SYLLABLE = re.compile(rf"{_ONSET}(?:{_NUCLEI})(?:ch|nh|ng|[cmnpt])?")
EDGE = "\"'“”‘’()[]{}<>.,;:!?…-–—/\\|*#%&+=~`^_@$"


def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable ("Đăng", "nghiêng", "thuở"), at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONE_MARKS) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_score(text: str) -> float:
    """How Vietnamese a reading looks: (well-formed syllables − malformed non-ASCII words) / words.

    ASCII-only words (numbers, acronyms, English) count in the denominator only, so readings of the
    same bytes compare on the words the encoding changes. Near 1 for Vietnamese, below 0 for mojibake.
    """
    words = [w.strip(EDGE) for w in unicodedata.normalize("NFC", text).split()]
    words = [w for w in words if w and not w.isdigit()]
    if not words:
        return 0.0
    good = bad = 0
    for word in words:
        if is_syllable(word):
            good += 1
        elif not word.isascii():
            bad += 1
    return (good - bad) / len(words)
