"""Metadata from the text itself: title, main event date, other dates, issuing unit.

The documents are news items whose first line is the headline and whose first "Ngày ..." date is
the event they report ("Ngày 26/04/2019", "Chiều ngày 27 tháng 12 năm 2019"); a publication stamp
like "06:11 10/05/2023" is not the event date.

Example:
    >>> extract_metadata("Hội nghị A\\nNgày 26/04/2019 tại Đà Lạt...\\nPhòng Quy hoạch Xây dựng")["date"]
    '2019-04-26'
"""

from __future__ import annotations

import re
from datetime import date

_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_EVENT = re.compile(r"(?:^|[\s,(])(?:sáng|chiều|tối|trưa)?\s*ngày\s*$", re.IGNORECASE)
_UNIT = re.compile(
    r"^(?:theo\s+.+?\s+-\s+)?((?:phòng|văn phòng|ban|trung tâm|sở|ủy ban|ubnd)\b.{2,70})$", re.IGNORECASE
)
_BYLINE = re.compile(r"^[Tt]heo\s+(\S+).{0,80}$")  # "Theo Yến Lệ - Văn Phòng BQL các KCN", not "Theo báo cáo"
_POSTED = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s+\d{1,2}/\d{1,2}/\d{4}$")  # "06:11 10/05/2023"


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every valid date in ``text`` as (offset, ISO date), in order of appearance."""
    found = [(m.start(), _iso(*m.groups())) for m in _NUMERIC.finditer(text)]
    found += [(m.start(), _iso(*m.groups())) for m in _WORDS.finditer(text)]
    return sorted((pos, iso) for pos, iso in found if iso)


def extract_metadata(text: str) -> dict:
    """``{"title", "date", "dates", "unit"}`` from cleaned document text."""
    lines = [line for line in text.split("\n") if line.strip()]
    title = lines[0][:300] if lines else ""
    dates = find_dates(text)
    event = None
    for pos, iso in dates:
        if _EVENT.search(text[max(0, pos - 12) : pos]) or text[pos : pos + 5].lower() == "ngày ":
            event = iso
            break
    if event is None and dates:
        event = dates[0][1]
    unit = None
    for line in reversed(lines[-4:]):
        match = _UNIT.match(line.strip())
        if match and _is_byline(line):
            unit = match.group(1).strip()
            break
    return {
        "title": title,
        "date": event,
        "dates": sorted({iso for _, iso in dates}),
        "unit": unit,
    }


def _is_byline(line: str) -> bool:
    """A short closing line naming a unit, or "Theo" and a capitalized name."""
    if len(line) >= 90 or line.rstrip().endswith("."):
        return False
    by = _BYLINE.match(line.strip())
    return bool(_UNIT.match(line.strip()) or (by and by.group(1)[:1].isupper()))


def byline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the byline that closes a news item ("Theo Yến Lệ - Văn Phòng BQL các KCN",
    "PHÒNG KẾ HOẠCH TỔNG HỢP"): who wrote or sent it. None when ``text`` does not end with one."""
    stripped = text.rstrip()
    start = stripped.rfind("\n") + 1
    line = stripped[start:]
    if not line.strip() or not _is_byline(line):
        return None
    return start + len(line) - len(line.lstrip()), len(stripped)


def posted_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the publication stamp under a news item's headline ("06:11 10/05/2023")."""
    offset = 0
    for line in text.split("\n")[:4]:
        if _POSTED.match(line.strip()):
            start = offset + len(line) - len(line.lstrip())
            return start, start + len(line.strip())
        offset += len(line) + 1
    return None
