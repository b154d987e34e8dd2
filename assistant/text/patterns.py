"""Vietnamese dates, numbers and document numbers as regular expressions: one definition each.

Example:
    >>> bool(FULL_DATE.search("Ngày 26/04/2019 tại Đà Lạt")), YEAR.findall("năm 2019 và 2020")
    (True, ['2019', '2020'])
    >>> bool(DOCNUM.search("Nghị định 29/2008/NĐ-CP"))
    True
"""

from __future__ import annotations

import re

NUMBER = re.compile(r"\d+")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
YEAR_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b")  # "giai đoạn 2016-2018"
FULL_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
# Any date phrase a "when" question can be answered with: 26/04/2019, "ngày 26 tháng 4",
# "tháng 4 năm 2019", "năm 2019", "quý III".
DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}|tháng\s+\d{1,2}(\s+năm\s+\d{4})?"
                  r"|(?:(?:cuối|đầu|giữa)\s+)?năm\s+\d{4}|quý\s+[IVX\d]+", re.IGNORECASE)  # "cuối năm 2018" is not "năm 2018"
# Document numbers: 29/2008/NĐ-CP, 123/QĐ-UBND, 02-CT/TU, 45/2019/QH14; in any case, as questions are typed
# ("nghi dinh so 21/2008/nd-cp").
DOCNUM = re.compile(r"\d+/\d{4}/[A-ZĐ]|\d+/[A-ZĐ]{1,5}-[A-ZĐ]|\d+-CT/|\d+/\d{4}/QH", re.IGNORECASE)
# The number or letter that opens a list item ("1. Tiếp tục ...", "b) ..."): a position, not a quantity.
ENUMERATOR = re.compile(r"^\s*(?:[•*\-–]\s*)?(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)]\s+")
