"""Dates that answer "khi nào / ngày nào": not the question's own, of the asked precision, of the asked act
and document."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.cues import Cue
from assistant.chains.short.clauses import _clauses, _new
from assistant.text.kinds import DATED_ACTS
from assistant.text.normalize import fold, strip_diacritics
from assistant.text.patterns import DOCNUM, YEAR

_EVENT_YEAR = re.compile(r"\bnam\s+((?:19|20)\d{2})\b")
_WHEN = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}",
    r"(?:(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?",
    r"(?:giai đoạn\s+)?(?:năm\s+)?\d{4}\s*[-–]\s*\d{4}",
    r"tháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})?",
    r"quý\s+[IVX\d]+(?:\s+năm\s+\d{4})?",
    r"(?:(?:cuối|đầu|giữa)\s+)?năm\s+\d{4}",
    r"hàng\s+(?:tháng|quý|năm|tuần)",
    r"(?:những|các)\s+tháng\s+(?:còn lại|cuối|đầu)(?:\s+của)?\s+năm\s+\d{4}",  # a period relative to a year
)]


def _when(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """A date the question does not give; of the asked precision ("tháng mấy"); a full date in the one
    year the question names ("hội nghị năm 2018 ... ngày nào" is not answered by 26/12/2017)."""
    years = set(_EVENT_YEAR.findall(fold(question)))  # "năm 2019": the event's year, not "tháng 12/2017"
    taken: list[tuple[int, int]] = []  # "ngày 01 tháng 10 năm 2012", not also its "tháng 10 năm 2012"
    for pattern in _WHEN:
        for m in pattern.finditer(sentence):
            found = m.group(0)
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if pattern is _WHEN[2] and not (cue.pattern and "[-–]" in cue.pattern):
                continue  # "giai đoạn 2016-2018" dates a programme, not when something happened in it
            relative = pattern is _WHEN[-1]  # "những tháng còn lại của năm 2019": new in its function words
            if fold(found) in cue.own_dates or not (_new(found, question) or relative and fold(found) not in fold(question)):
                continue
            if cue.pattern and not re.search(cue.pattern, strip_diacritics(found)):
                continue
            if len(years) == 1 and YEAR.findall(found) and not years & set(YEAR.findall(found)):
                continue
            if _within_own_period(found, question) or not _dates_asked_document(question, sentence, m.start()):
                continue
            if not _dates_asked_act(question, sentence, m.start()):
                continue
            if (bound := _ASKS_BOUND.search(fold(question))) and not re.search(
                    rf"\b{bound.group(1)}\s+(?:\S+\s+){{0,2}}$", fold(sentence[:m.start()])):
                continue  # "từ năm nào" (since when) is answered by "từ năm 2015", not by "năm 2019"
            taken.append(m.span())
            yield m.start(), m.end()


def _dates_asked_document(question: str, sentence: str, at: int) -> bool:
    """Whether a date at ``at`` can date the document the question names: a date that follows another
    document's number is that one's ("Nghị định 21/2008 sửa đổi Nghị định 80/2006 ngày 09/8/2006")."""
    asked = DOCNUM.search(question)  # the first it names is the one it asks about: "Nghị định 21/2008 sửa đổi
    owner = list(DOCNUM.finditer(re.split(r"[;.]\s", sentence[max(0, at - 60):at])[-1]))  # Nghị định 80/2006 …"
    return asked is None or not owner or fold(owner[-1].group(0)) == fold(asked.group(0))


_ASKS_BOUND = re.compile(r"\b(tu|den)\s+(?:(?:nam|ngay|thang|khi|luc|thoi diem|thoi gian)\s+nao|bao gio)\b")
_ACT = re.compile(rf"\b(?:{'|'.join(DATED_ACTS)})\b")


def _dates_asked_act(question: str, sentence: str, at: int) -> bool:
    """Whether a date at ``at`` can date the act the question asks ("được ký kết vào ngày nào"): when the
    sentence says the act, the date is in its clause ("… đã được ký kết, | ngày 26/12/2017 tại Đà Lạt, Ban
    quản lý tổ chức Hội nghị" dates the meeting)."""
    asked = set(_ACT.findall(fold(question)))
    said = [m.start() for m in _ACT.finditer(fold(sentence)) if m.group(0) in asked]
    if not said:
        return True
    clauses = _clauses(sentence)
    at_home = next((i for i, c in enumerate(clauses) if c[0] <= at < c[1]), None)
    if at_home is None:
        return True
    home = clauses[at_home]
    if at_home + 1 < len(clauses) and not _ACT.search(fold(sentence[home[0]:home[1]])):
        home = (home[0], clauses[at_home + 1][1])  # "Ngày 06/11/2012, | ông X chủ trì …": a date set apart opens what follows
    return any(home[0] <= s < home[1] for s in said)


def _within_own_period(found: str, question: str) -> bool:
    """Whether the date ``found`` falls in a month the question itself names: "26/12/2017" is the
    question's own "tháng 12/2017", not an answer to when something else happens."""
    months = {(int(m), y) for m, y in re.findall(r"\b(\d{1,2})/((?:19|20)\d{2})\b", question)}
    months |= {(int(m), y) for m, y in re.findall(r"tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", question)}
    dates = re.findall(r"\b\d{1,2}/(\d{1,2})/((?:19|20)\d{2})\b", found)
    dates += re.findall(r"tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", found)
    return any((int(m), y) in months for m, y in dates)
