"""Question-type cues: what kind of phrase would answer a Vietnamese question.

"ai" wants a person or unit, "khi nào / ngày nào" a date, "bao nhiêu" a number, "ở đâu" a place,
"nghị định / quyết định nào" a document number. A candidate sentence that contains no such phrase
is unlikely to answer, which is also the strongest signal for abstaining.

Example:
    >>> question_type("Hội nghị được tổ chức khi nào?")
    'when'
    >>> satisfies("when", "Ngày 26/04/2019 tại thành phố Đà Lạt")
    True
"""

from __future__ import annotations

import re

from assistant.normalize import fold

_TYPES = [
    ("which-doc", r"\b(nghi dinh|quyet dinh|cong van|chi thi|thong tu|van ban|luat)\s+(nao|so may|so bao nhieu|gi)\b|\bso hieu\b"),
    ("when", r"\b(khi nao|bao gio|ngay nao|ngay bao nhieu|thang nao|nam nao|luc nao|thoi gian nao|thoi diem nao"
             r"|ngay may|thang may|nam may|hom nao|quy nao)\b"),
    ("howmany", r"\b(bao nhieu|may|so luong)\b"),
    ("where", r"\b(o dau|tai dau|dau|dia diem nao|noi nao|tinh nao|thanh pho nao|huyen nao|xa nao|quan nao"
              r"|dia chi)\b"),
    ("who", r"\b(ai|nguoi nao|don vi nao|co quan nao|ban nao|phong nao|vi nao|doanh nghiep nao|cong ty nao"
            r"|ten la gi|ten gi|ho ten|lanh dao nao|chu tich nao|truong ban nao|ong nao|ba nao)\b"),
]
_PATTERNS = [(name, re.compile(pattern)) for name, pattern in _TYPES]

_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}|tháng\s+\d{1,2}(\s+năm\s+\d{4})?|năm\s+\d{4}|quý\s+[IVX\d]+", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
_DOCNUM = re.compile(r"\d+/\d{4}/[A-ZĐ]|\d+/[A-ZĐ]{1,5}-[A-ZĐ]|\d+-CT/|\d+/\d{4}/QH")
# Vietnamese letters by case ("À-Ỹ" as a range would mix cases: Ạ ạ Ả ả ... alternate).
_UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
_LOW = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
_NAME = re.compile(
    rf"(?:[{_UP}][{_LOW}]+\s+){{1,3}}[{_UP}][{_LOW}]+|\b(?:Ban|Phòng|Sở|UBND|Ủy ban|Trung tâm|Công ty|Tổng công ty|BQL|Văn phòng)\b"
)
_PLACE = re.compile(rf"\b(?:tại|ở)\s+(?:thành phố|tỉnh|huyện|Trung tâm|TP|[{_UP}])")


def question_type(question: str) -> str | None:
    """One of which-doc, when, howmany, where, who; None for other questions."""
    folded = fold(question)
    for name, pattern in _PATTERNS:
        if pattern.search(folded):
            return name
    return None


def satisfies(kind: str | None, sentence: str) -> bool:
    """Whether ``sentence`` holds the kind of phrase the question type asks for."""
    if kind is None:
        return True
    if kind == "when":
        return bool(_DATE.search(sentence))
    if kind == "howmany":  # a quantity, not a date or a year
        return bool(_NUMBER.search(_DATE.sub(" ", _DOCNUM.sub(" ", sentence))))
    if kind == "which-doc":
        return bool(_DOCNUM.search(sentence))
    if kind == "where":
        return bool(_PLACE.search(sentence))
    if kind == "who":
        return bool(_NAME.search(sentence))
    return True
