"""Abbreviations staff type for the units and documents of industrial-zone management boards.

Matching works both ways: a query that says "KCN" finds "khu công nghiệp" and vice versa. The
keyword index adds the other form's tokens on both sides (see :mod:`assistant.index.tokenizer`).
"""

from __future__ import annotations

import re

from assistant.text.normalize import fold

ABBREVIATIONS: dict[str, str] = {
    "KCN": "khu công nghiệp",
    "KKT": "khu kinh tế",
    "KCX": "khu chế xuất",
    "BQL": "ban quản lý",
    "UBND": "ủy ban nhân dân",
    "CBCC": "cán bộ công chức",
    "CBCCVC": "cán bộ công chức viên chức",
    "PCCC": "phòng cháy chữa cháy",
    "TP.HCM": "thành phố hồ chí minh",
    "TPHCM": "thành phố hồ chí minh",
    "HCM": "hồ chí minh",
    # the Ho Chi Minh City board's own acronym (Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM)
    "HEPZA": "ban quản lý các khu chế xuất và công nghiệp",
    "NĐ-CP": "nghị định chính phủ",
    "QĐ-UBND": "quyết định ủy ban nhân dân",
    "QĐ": "quyết định",
    "CV": "công văn",
    "NĐ": "nghị định",
    "PTHT": "phát triển hạ tầng",
    "XTĐT": "xúc tiến đầu tư",
    "HĐND": "hội đồng nhân dân",
    "DN": "doanh nghiệp",
    "NĐT": "nhà đầu tư",
    "GPMB": "giải phóng mặt bằng",
    "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính",
    "BVMT": "bảo vệ môi trường",
    "XNK": "xuất nhập khẩu",
    "SXKD": "sản xuất kinh doanh",
    "CSHT": "cơ sở hạ tầng",
    "SX": "sản xuất",
    "KD": "kinh doanh",
    # typed in chat, not in documents
    "BN": "bao nhiêu",
}

# Folded (lowercase, no diacritics) forms, so "kcn", "ubnd", "nd-cp" and "uy ban nhan dan" all match.
_SHORT = {fold(short): fold(long) for short, long in ABBREVIATIONS.items()}
_LONG = {long: short for short, long in _SHORT.items()}
_SHORT_RE = re.compile(
    r"(?<![\w.-])(" + "|".join(re.escape(s) for s in sorted(_SHORT, key=len, reverse=True)) + r")(?![\w-])"
)
_LONG_RE = re.compile(r"\b(" + "|".join(re.escape(s) for s in sorted(_LONG, key=len, reverse=True)) + r")\b")


def expansions(text: str) -> list[str]:
    """The other forms of every abbreviation or long form found in ``text`` (folded).

    >>> expansions("Ban Quản lý các KCN tỉnh")
    ['khu cong nghiep', 'bql']
    """
    folded = fold(text)
    found = [_SHORT[m.group(1)] for m in _SHORT_RE.finditer(folded)]
    found += [_LONG[m.group(1)] for m in _LONG_RE.finditer(folded)]
    return found


def expand(text: str) -> str:
    """``text`` folded, with every abbreviation written out ("02 KCN" -> "02 khu cong nghiep").

    >>> expand("Ban Quản lý 02 KCN")
    'ban quan ly 02 khu cong nghiep'
    """
    return _SHORT_RE.sub(lambda m: _SHORT[m.group(1)], fold(text))


def complete_term(text: str, end: int) -> int:
    """``end`` moved past the rest of a long form the words before it began: "03 Ban quản| lý" -> "03 Ban quản
    lý|" (a count's unit is matched on the question's first words; the answer shows the whole term)."""
    before, after = fold(text[:end]).split(), fold(text[end:end + 40])
    for long in _LONG:
        words = long.split()
        for k in range(2, len(words)):
            rest = " ".join(words[k:])
            if before[-k:] == words[:k] and (m := re.match(rf"\s+{re.escape(rest)}\b", after)):
                return end + m.end()
    return end
