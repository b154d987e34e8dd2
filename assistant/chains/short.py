"""The short answer: the phrase of a quoted sentence that answers the question, as a verbatim span.

A staff member wants "ngày 26/04/2019" or "Phó Trưởng ban ... Lâm Văn Tiếp", not the 60-word sentence
around it. :func:`short_span` finds, in one sentence, the phrase of the kind the question asks for
(:class:`~assistant.chains.cues.Cue`): a date for "khi nào", a number with its unit for "bao nhiêu",
a document number for "văn bản nào", a place for "ở đâu", a person with the post or a unit for "ai";
for other questions the clause that adds most to what the question already says. Phrases the question
itself gives (its own dates, names) are never the answer. Returns offsets into the sentence, or None.

Example:
    >>> s = "Ngày 26/04/2019 tại thành phố Đà Lạt tỉnh Lâm Đồng, Ban quản lý tổ chức Hội nghị."
    >>> a, b = short_span("Hội nghị được tổ chức ở đâu?", s); s[a:b]
    'tại thành phố Đà Lạt tỉnh Lâm Đồng'
    >>> a, b = short_span("Hội nghị được tổ chức khi nào?", s); s[a:b]
    'Ngày 26/04/2019'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.cues import (
    ORDINAL,
    UNIT_LEAD_WORD,
    VENUE,
    Cue,
    asks_attendance,
    counted_in_words,
    open_form,
    person_names,
    post_held,
    post_into,
    set_aside,
)
from assistant.text.abbreviations import complete_term, expand
from assistant.text.kinds import (
    AGENT_WORDS,
    ATTENDANCE_INTROS,
    DATED_ACTS,
    DOC_RELATION_WORDS,
    DOCUMENT_KINDS,
    EXISTENCE_WORDS,
    SAME_MEANING,
    VERDICT_WORDS,
)
from assistant.text.normalize import fold, has_diacritics, normalize_text, strip_diacritics
from assistant.text.patterns import DOCNUM, ENUMERATOR, FULL_DATE, YEAR
from assistant.text.places import (
    GENERIC_CAPITALIZED,
    ISSUER_CODES,
    NOT_AT,
    ONLINE_PLACES,
    PLACE_MARKERS,
    PROVINCES,
    UNIT_ABBREVIATIONS,
    UNIT_NAME_WORDS,
)
from assistant.text.stopwords import DATE_AND_DOC_FRAME_WORDS, PREDICATE_WORDS, STOPWORDS
from assistant.text.words import content_words

MAX_WORDS = 12
CLAUSE_WORDS = 25  # a what/why/list answer: a clause or the items of a list
LIST_ITEM_WORDS = 8  # an item of a list ("đầu tư, xây dựng, môi trường") is a few words
_PREDICATE_WORDS = frozenset(PREDICATE_WORDS.split())
ANCHOR_WINDOW = 6  # words either side of a phrase in which the question's words place it
_TOKEN = re.compile(r"[^\W_]+")
_UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())  # "À-Ỹ" mixes cases
# Words that frame a date or a document number without adding to it ("ngày", "số", "NĐ-CP").
_FRAME_WORDS = frozenset(DATE_AND_DOC_FRAME_WORDS.split())
_EVENT_YEAR = re.compile(r"\bnam\s+((?:19|20)\d{2})\b")
_KINDS = "|".join(DOCUMENT_KINDS)
_DOC = re.compile(rf"(?:(?:{_KINDS})\s+(?:số\s+)?)?(?:[A-Z]+\s+)?\d+(?:[/\-:.][0-9A-ZĐa-z\-]+)+")
# A named document: its kind, a capitalized word, then up to three more ("Luật Bảo vệ môi trường").
_DOCNAME = re.compile(rf"\b(?i:{_KINDS})\s+[{_UP}][^\s,.;:()]*(?:\s+[^\s,.;:()]+){{0,3}}")
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
_NUM = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)?(?:\s*%)?")
# A unit's name from the word that opens it (cues.UNIT_LEAD_WORD) on to the next stop.
_UNIT_LEAD = re.compile(UNIT_LEAD_WORD.pattern + r"(?:[^,.;:()\n]|\.(?=\w))*")  # "Ban Quản lý TP.HCM" stays whole
_ALIAS = re.compile(r"[”\"]?\s*\(([^()]{2,30})\)")  # a name's short form: "“Tổng công ty …” (Sonadezi)"
# Lowercase words that belong inside a unit's name ("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng").
_UNIT_WORDS = frozenset(UNIT_NAME_WORDS.split())
_VERDICT = re.compile(rf"\s(?:{'|'.join(VERDICT_WORDS)})\s")
_PLACE_WORDS = frozenset(fold(w) for w in UNIT_NAME_WORDS.split() + PLACE_MARKERS.split())
# How often: "hàng tháng", "định kỳ hằng quý", "mỗi năm một lần", "luân phiên".
_OFTEN = re.compile(r"(?i)\b(?:h[àằ]ng\s+(?:ngày|tuần|tháng|quý|năm)|định kỳ(?:\s+h[àằ]ng\s+\S+)?|luân phiên"
                    r"|(?:mỗi|một)\s+(?:tuần|tháng|quý|năm)(?:\s+\S+\s+lần)?|\d+\s+lần(?:\s+mỗi\s+\S+)?)")
_FRAME_UNIT = frozenset(content_words(f"{UNIT_NAME_WORDS} {UNIT_ABBREVIATIONS}"))
_ISSUERS = {fold(name): code for name, code in ISSUER_CODES.items()}
# "tại TP.HCM": a dot inside a name; "tại Quyết định số …" cites, it does not place
_PLACE = re.compile(NOT_AT + rf"\b(?:tại|ở)\s+(?!(?:{_KINDS})\b)(?:[^,.;:()\n]|\.(?=\S))+")
_NAMED_PLACE = re.compile(rf"\b(?:huyện|tỉnh|[Tt]hành phố|TP\.?|xã|thị xã|KCN|[Kk]hu công nghiệp"
                          rf"(?:\s*[–-]\s*[{_UP}][^\s,.;:()]*(?:\s+[^\W\d{_UP}][^\s,.;:()]*)*)*)\s+"  # "– Đô thị - Dịch vụ"
                          rf"((?:[{_UP}][^\s,.;:()]*)(?:\s+[{_UP}][^\s,.;:()]*)*(?:,\s*[{_UP}][a-z]+)?)")
_CONNECTIVE = re.compile(r"\s(?=(?:vì|nhằm|để|(?<!cũng )như|gồm|đó là|là|do|nên)\s)")  # "cũng như" joins, it does not cut


def _words(text: str) -> int:
    return len(text.split())


def _trim(sentence: str, start: int, end: int, limit: int = MAX_WORDS) -> tuple[int, int]:
    """The span cut to ``limit`` words, trailing spaces and punctuation off."""
    words = list(re.finditer(r"\S+", sentence[start:end]))
    if len(words) > limit:
        end = start + words[limit - 1].end()
    while end > start and sentence[end - 1] in " ,;:.–-":
        end -= 1
    return start, end


_COUNTED = re.compile(r"(\d+)(?:\s+([^\W\d_]+))?")


def _new(found: str, question: str) -> bool:
    """Whether ``found`` says something the question does not already say."""
    # "3 năm" is new beside "3 ban": a number is given with the word after it, when both have one
    given = {(m.group(1).lstrip("0"), fold(m.group(2) or "")) for m in _COUNTED.finditer(question)}
    for m in _COUNTED.finditer(found):
        number, word = m.group(1).lstrip("0"), fold(m.group(2) or "")
        if not any(n == number and (not w or not word or w == word) for n, w in given):
            return True
    asked = set(content_words(question))
    return any(w not in asked and w not in _FRAME_WORDS for w in content_words(found) if not w.isdigit())


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


def _howmany(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    if cue.pattern == ORDINAL:  # "lần thứ mấy" -> "lần thứ nhất"
        folded = strip_diacritics(normalize_text(sentence))
        yield from (m.span() for m in re.finditer(ORDINAL, folded))
        return
    if cue.unit:  # "Hai Ban Quản lý"
        yield from (span for span in counted_in_words(sentence, cue.unit) if _new(sentence[span[0]:span[1]], question))
    blocked = [m.span() for p in (_WHEN[0], _WHEN[1], _WHEN[2], _WHEN[5], YEAR, DOCNUM, ENUMERATOR)
               for m in p.finditer(sentence)]
    for m in _NUM.finditer(sentence):
        if any(s <= m.start() < e for s, e in blocked):
            continue
        tail = re.match(r"(?:\s+[^\s,.;:()]+){0,3}", sentence[m.end():])
        words = list(re.finditer(r"[^\s,.;:()]+", tail.group(0))) if tail else []
        if cue.unit and re.search(rf"(?:{cue.unit})$", expand(m.group(0))):  # "99%"
            yield m.start(), m.end()
            continue
        if cue.unit:
            tail_text = sentence[m.end():]
            unit = next((w for w in words if re.search(rf"(?:{cue.unit})(?![a-z])", expand(tail_text[:w.end()]))),
                        None)
            if unit is not None:
                yield _trim(sentence, m.start(), complete_term(sentence, m.end() + unit.end()))
            continue
        counted = sentence[m.start():m.end() + (words[0].end() if words else 0)]  # "3 năm", not the "3 ban" asked
        if not _new(counted, question):  # a figure the question gives ("1/2.000", "9 tháng") is not asked
            continue
        keep = words[:3] if words and not words[0].group(0)[:1].isdigit() else []
        yield _trim(sentence, m.start(), m.end() + (keep[-1].end() if keep else 0))


_ASKS_UNIT = re.compile(r"(?<!truong )(?<!pho )\b(?:don vi|co quan|ban|phong|so|cong ty|doanh nghiep|dn|to chuc"
                        r"|tong cong ty)(?:\s+\S+){0,4}?\s+nao\b")
# The lead word of a unit of the kind a question asks for ("phòng nào" -> "Phòng ...").
_KIND_LEADS = {"phong": ("phong",), "so": ("so ",), "cong": ("cong ty", "tong cong ty"), "tong": ("tong cong ty",),
               "doanh": ("cong ty", "tong cong ty", "tap doan")}
_KIND_LEADS["dn"] = _KIND_LEADS["doanh"]  # "DN nào"
# The kind of document a question asks for, and how its number or name shows it.
_DOC_KINDS = {"nghi dinh": r"nghi dinh|nd-cp", "quyet dinh": r"quyet dinh|qd-", "chi thi": r"chi thi|-ct/",
              "thong tu": r"thong tu|/tt-", "luat": r"luat|/qh", "cong van": r"cong van|/ubnd-|/bql-"}


def _who(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    folded_q = f" {expand(question)} "
    asks_unit = bool(_ASKS_UNIT.search(fold(question)))
    person_only = bool(cue.role) and not asks_unit  # "lãnh đạo công ty nào" asks for the company
    if asks_unit:  # "phòng nào" is answered by a Phòng, "công ty nào" by a Công ty
        held = list(_post_body(question, sentence))  # the body of the named person's post, over any other unit
        yield from held or _unit(question, sentence)
        return
    named = False
    for start, end in person_names(sentence):
        if f" {expand(sentence[start:end])} " in folded_q:
            continue
        named = True
        head = cue.post_before(sentence, start)
        yield (head, end) if head is not None and _words(sentence[head:end]) <= MAX_WORDS + 2 else (start, end)
    if not named and not person_only:  # a post's holder is a person, not a unit
        yield from _unit(question, sentence)


def _post_body(question: str, sentence: str) -> Iterator[tuple[int, int]]:
    """The body of the post the sentence gives a person the question names: "Ông Nguyễn Tấn Phước là Phó
    Trưởng ban của Ban Quản lý nào?" -> "Phó Trưởng ban | Ban Quản lý các Khu chế xuất … thành phố | Nguyễn Tấn Phước"."""
    asked = {fold(question[a:b]) for a, b in person_names(question)}
    for start, end in person_names(sentence):
        if fold(sentence[start:end]) not in asked or (held := post_held(sentence, start, end)) is None:
            continue
        post = fold(sentence).rfind(held[1], 0, start + 1)
        body = _UNIT_LEAD.search(sentence, post + len(held[0]), start)
        if post >= 0 and body is not None:
            yield body.start(), len(sentence[:start].rstrip())


def _unit(question: str, sentence: str) -> Iterator[tuple[int, int]]:
    """A unit named in ``sentence`` that the question does not name: "Ban Quản lý các KCN Đồng Nai";
    of the kind asked when the question names one ("phòng nào" -> a Phòng)."""
    asked = _ASKS_UNIT.search(fold(question))
    kind = asked.group(0).split()[0] if asked else None
    for m in _UNIT_LEAD.finditer(sentence):
        if kind in _KIND_LEADS and not fold(m.group(0)).startswith(_KIND_LEADS[kind]):
            continue
        end = m.start()
        names = [m.start() + a for a, _ in person_names(m.group(0))]  # "UBND tỉnh | Lương Văn Hải"
        for word in re.finditer(r"\S+", m.group(0)):
            bare = word.group(0).strip("“”\"'")  # "“Tổng công ty ... khu công nghiệp”"
            if word.start() and not bare[:1].isupper() and bare.lower() not in _UNIT_WORDS:
                break
            if m.start() + word.start() in names:
                break
            end = m.start() + word.start() + len(word.group(0).rstrip("“”\"'"))
        alias = _ALIAS.match(sentence[end:])  # its short name: "... (Sonadezi)"
        if alias and alias.group(1)[:1].isupper():
            end += alias.end()
        start = post_into(sentence, m.start())  # the post of a body: "Chủ tịch UBND tỉnh", "Trưởng Ban"
        start = m.start() if start is None else start
        if _new(sentence[start:end], question):
            yield _trim(sentence, start, end, limit=MAX_WORDS + 3 if alias else MAX_WORDS)


def _where(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """Places, best kind first: the kind of place asked ("huyện nào"), then "tại/ở ...", then a place
    named in passing ("UBND huyện Hàm Tân"); a later kind only when the sentence has none of the former."""
    for tier in (_asked_places, _board_places, _at_places, _named_places, _online_places, _given_places):
        found = list(tier(question, sentence, cue))
        if found:
            yield from found
            return


def _asked_places(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    if not (cue.pattern and "[A-Z]" in cue.pattern) or cue.pattern == VENUE:  # a venue is "tại ..."
        return
    folded_q = f" {expand(question)} "
    for m in re.finditer(cue.pattern, strip_diacritics(sentence)):  # "huyện nào": the named place itself
        tail = re.match(rf"[^\s,.;:()]*(?:\s+[{_UP}0-9][^\s,.;:()]*|\s+và\s+[{_UP}][^\s,.;:()]*)*",
                        sentence[m.end() - 1:])
        end = m.end() - 1 + tail.end()
        name = sentence[m.end() - 1:end]
        # "UBND tỉnh Lương Văn Hải" is a person; a place the question names is not its answer
        if not person_names(sentence[m.start():end]) and f" {expand(name)} " not in folded_q:
            yield _trim(sentence, m.start(), end)


def _with_body(question: str, sentence: str, start: int) -> int:
    """Where the place at ``start`` begins with the body the question asks it of: "UBND huyện nào" ->
    "UBND | huyện Hàm Tân"."""
    body = re.search(r"(\S+)\s+\S+\s+nao\b", fold(question))
    if body is None or body.group(1) in STOPWORDS:
        return start
    said = re.search(rf"\b{re.escape(body.group(1))}\s+$", fold(sentence[:start]))
    return said.start() if said else start


# A board or zone and the place its name ends with: "Ban Quản lý KKT | Bình Phước", "các KCN | Đồng Nai".
_BOARD_PLACE = re.compile(r"\b(?:Ban [Qq]uản lý|BQL)\s+(?:các\s+)?(?:KKT|KCN|KCX|[Kk]hu (?:kinh tế|công nghiệp|chế xuất))"
                          r"(?:\s+(?:và\s+)?(?:công nghiệp|CN))?\s+(?:tỉnh\s+|thành phố\s+)?"
                          rf"([{_UP}][^\s,.;:()]*(?:\s+[{_UP}][^\s,.;:()]*)*)")


def _board_places(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """"BQL Khu kinh tế … là của tỉnh nào?": the place that ends the name of the board the question names
    ("Ban Quản lý KKT | Bình Phước"), when it asks for a province or city by name."""
    if not (cue.pattern and "[A-Z]" in cue.pattern) or cue.pattern == VENUE:
        return
    folded_q = f" {expand(question)} "
    for m in _BOARD_PLACE.finditer(sentence):
        board = expand(sentence[m.start():m.start(1)]).strip()
        board = re.sub(r"\s+(?:tinh|thanh pho)$", "", board)
        if board in folded_q and f" {expand(m.group(1))} " not in folded_q and not person_names(m.group(1)):
            yield m.start(1), m.end(1)


def _given_places(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """Last, "tại/ở" a place the question names in another role ("phối hợp với Ban Quản lý TP.HCM ...
    diễn ra ở đâu?" -> "tại TP.HCM")."""
    yield from _at_places(question, sentence, cue, given=True)


def _at_places(question: str, sentence: str, cue: Cue, given: bool = False) -> Iterator[tuple[int, int]]:
    """"tại/ở ..." up to the end of the name: "tại TP.HCM | các Hội nghị ..." ends at the name's last
    capitalized word when a function word outside place and unit names follows it."""
    for m in _PLACE.finditer(sentence):
        end, named = m.end(), False
        words = list(re.finditer(r"\S+", m.group(0)))
        known = [k.span() for k in _KNOWN_PLACE.finditer(m.group(0))]  # "TP.Hồ chí Minh": a name, however typed
        for i, word in enumerate(words):
            folded = fold(word.group(0))
            if any(a <= word.start() < b for a, b in known):
                named = True
                continue
            if word.group(0)[:1].isupper() or word.group(0)[:1].isdigit():
                named = True
            elif named and folded in STOPWORDS and (folded not in _PLACE_WORDS or folded == "cac" and not (
                    i + 1 < len(words) and fold(words[i + 1].group(0)) in {"khu", "kcn", "kcx", "kkt"})):
                end = m.start() + word.start()  # "tại TP.HCM | các Hội nghị", not "tại Ban Quản lý các KCN"
                break
        if given or _new(sentence[m.start():end], question):
            yield _trim(sentence, m.start(), end)


_KNOWN_PLACE = re.compile("|".join(rf"\b{re.escape(p)}\b" for p in sorted(PROVINCES, key=len, reverse=True)),
                          re.IGNORECASE)
_ONLINE = re.compile(rf"\btrên\s+(?:các\s+)?[“\"]?(?:{ONLINE_PLACES})\b[^,.;:()”]*", re.IGNORECASE)


def _online_places(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """Where a thing is published: "… giới thiệu | trên trang website"."""
    for m in _ONLINE.finditer(normalize_text(sentence)):
        if _new(m.group(0), question):
            yield _trim(sentence, m.start(), m.end())


def _named_places(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    folded_q = f" {expand(question)} "
    for m in _NAMED_PLACE.finditer(sentence):
        if f" {expand(m.group(1))} " not in folded_q and not person_names(m.group(0)):
            yield _trim(sentence, m.start(), m.end())


def _which_doc(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """A document number or name; when the question names the kind ("quyết định nào"), of that kind."""
    folded_q = fold(question)
    kinds = [forms for kind, forms in _DOC_KINDS.items() if re.search(rf"\b{kind} (?:nao|so may|gi)\b", folded_q)]
    asks_number = re.search(r"\bso (?:hieu|may|bao nhieu)\b", folded_q)  # the number, not the name
    issuer = next((code for name, code in _ISSUERS.items() if f"cua {name}" in expand(question)), None)
    acts = [w for w in DOC_RELATION_WORDS if re.search(rf"\b{w}\b", folded_q)]
    if acts and not any(re.search(rf"\b{w}\b", fold(sentence)) for w in acts):
        return  # "thay thế" asked: a sentence that does not say it names no replacement
    for pattern in (_DOC,) if asks_number else (_DOC, _DOCNAME):
        for m in pattern.finditer(sentence):
            found = fold(m.group(0))
            if FULL_DATE.fullmatch(m.group(0)):  # "04/12/2019" dates a document, it is not its number
                continue
            if (kinds and not re.search(kinds[0], found)) or (issuer and issuer not in found):
                continue
            if _new(m.group(0), question):
                yield _trim(sentence, m.start(), m.end())


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clauses of ``sentence``: split at , ; : and before connectives ("vì", "nhằm", "để", "là" ...)."""
    spans = []
    for m in re.finditer(r"(?:[^,;:…()]|[,:](?=\d)|(?<=\d),(?= \d\b))+", sentence):  # "9001:2000", "1,5", "Sơn Mỹ 1, 2" stay whole
        cursor = m.start()
        for cut in [c.start() for c in _CONNECTIVE.finditer(m.group(0))] + [len(m.group(0))]:
            if sentence[cursor:m.start() + cut].strip():
                spans.append((cursor, m.start() + cut))
            cursor = m.start() + cut
    return spans


def _clause(question: str, sentence: str) -> tuple[int, int] | None:
    """The clause that answers a what/why/list question. An answer follows what it answers ("... khó
    thực hiện được | vì ..."), so: the first clause after the one that restates the question that says
    something new (else the nearest before it), run on through the items of a list (", " / "; ")."""
    asked = set(content_words(question))
    spans = _clauses(sentence)
    if not spans:
        return None
    novel = [[w for w in content_words(sentence[a:b]) if w not in asked] for a, b in spans]
    overlap = [len(set(content_words(sentence[a:b])) & asked) for a, b in spans]
    i = max(range(len(spans)), key=lambda j: overlap[j])
    order = [*range(i + 1, len(spans)), *range(i, -1, -1)]
    j = next((j for j in order if len(novel[j]) >= (2 if j == i else 1)), None)
    if j is None:
        return None
    if j + 1 < len(spans) and sentence[spans[j][1]:spans[j + 1][0]].strip() == ":":
        j += 1  # "cần lưu ý đó là: | Việc triển khai ...": what the colon introduces answers
    return _run_on(sentence, spans, j, novel)


_ASKS_CAUSE = re.compile(r"\b(?:vi sao|tai sao|ly do|nguyen nhan|vi dau|do dau)\b")
# What a sentence gives as a cause: "xác định rõ là do: | Kết cấu hạ tầng …", "… nên khó thu hút | vì …".
_CAUSE = re.compile(r"\b(?:là do|bởi vì|bởi|vì|nguyên nhân là|do)\s*:\s*|\b(?:là do|bởi vì|vì(?!\s+(?:vậy|thế))|nguyên nhân là)\s+")


# How it came about: "có được là nhờ những hoạt động gì?" -> "thông qua việc | giao lưu, trao đổi nghiệp vụ".
_ASKS_MEANS = re.compile(r"\b(?:nho|thong qua|bang) (?:vao )?(?:nhung |cac )?(?:\S+ ){0,2}(?:gi|nao)\b|\bbang cach nao\b")
_MEANS = re.compile(r"\b(?:thông qua(?: việc)?|nhờ(?: vào| có| việc)?|bằng cách|bằng việc)\s+", re.IGNORECASE)


_ASIDE = re.compile(r"\s*(?:nhất|đặc biệt|trong đó|dẫn đến|do đó|nên)\b", re.IGNORECASE)  # no item of the list


def _cause(question: str, sentence: str) -> tuple[int, int] | None:
    """For "vì sao / nguyên nhân …", the clause a cause word of the sentence introduces; for "nhờ … gì /
    bằng cách nào", the one a word of means introduces."""
    folded = fold(question)
    marker = _CAUSE if _ASKS_CAUSE.search(folded) else _MEANS if _ASKS_MEANS.search(folded) else None
    if marker is _CAUSE and not marker.search(sentence):  # "Tại sao … đề nghị …" | "để hỗ trợ tối đa …, … đề nghị"
        return form_span(question, sentence, ("purpose", ""))
    if marker is None or (m := marker.search(sentence)) is None:
        return None
    spans = _clauses(sentence)
    j = next((k for k, (a, b) in enumerate(spans) if a <= m.end() < b), None)
    if j is None:
        return None
    end = spans[j][1]
    for a, b in spans[j + 1:]:  # "giao lưu, | trao đổi nghiệp vụ": short items of a list run on
        if sentence[end:a].strip() != "," or _words(sentence[a:b]) > LIST_ITEM_WORDS or _ASIDE.match(sentence[a:b]):
            break
        end = b
    return _trim(sentence, m.end(), end, limit=CLAUSE_WORDS)


def _open(question: str, sentence: str) -> tuple[int, int] | None:
    """The answer to an open question: the cause a "vì sao" asks (:func:`_cause`); by its form
    (:func:`form_span`); else what follows the verb it asks the object of ("còn đề ra | điều gì" ->
    "phương hướng hợp tác …", :func:`_aligned`); else :func:`_clause`."""
    for find in (_cause, form_span, _object_of, _subject_of, _clause):
        span = find(question, sentence)
        if span is not None and content_words(sentence[span[0]:span[1]]):  # "nhằm" alone says nothing
            return span
    return None


def _object_of(question: str, sentence: str) -> tuple[int, int] | None:
    return _aligned(question, sentence, reach=3, after=False)


def _subject_of(question: str, sentence: str, least: int = 3) -> tuple[int, int] | None:
    """What the sentence says before the longest run (``least`` words or more) of what the question says
    after its question word, within its clause: "nội dung nào | … khó có thể thực hiện được" -> "hỗ trợ
    cung ứng lao động giữa 03 địa phương | khó có thể thực hiện được"."""
    q, at = _folded_words(question), _question_word(question)
    # "nội dung hợp tác nào …": one thing, named; "những tồn tại nào" asks a list, "gì" a content
    if at is None or q[at] != "nao" or {"nhung", "cac"} & set(q[max(0, at - 5):at]):
        return None
    words = _folded_words(sentence)
    said = _longest_echo(q[at + 1:], words, reach=len(q), least=least)
    if said is None:
        return None
    n = next(n for n in range(len(q) - at, 0, -1) if said - n >= 0 and words[said - n:said] in
             [q[i:i + n] for i in range(at + 1, len(q))])
    end = list(_TOKEN.finditer(sentence))[said - n].start()
    begin = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, end)), default=0)
    span = _lstrip(sentence, _trim(sentence, begin, end, limit=CLAUSE_WORDS))
    return span if span[1] > span[0] and _new(sentence[span[0]:span[1]], question) else None


_QUESTION_WORDS = frozenset({"nào", "gì", "ai", "đâu"})
_SAME = {tuple(k.split()): tuple(v.split()) for k, v in SAME_MEANING.items()}


def _folded_words(text: str) -> list[str]:
    """The folded words of ``text``, one per token, each in one form of :data:`SAME_MEANING` ("đăng cai" ->
    "to chuc")."""
    words = [fold(m.group(0)) for m in _TOKEN.finditer(text)]
    for i in range(len(words)):
        for size in (2, 1):
            if (same := _SAME.get(tuple(words[i:i + size]))) is not None:
                words[i:i + size] = same
                break
    return words


def _question_word(question: str) -> int | None:
    """The token index of the question word; read with its marks when the question has them ("đầu tư"
    is not "đâu")."""
    marked = normalize_text(question).lower()
    if has_diacritics(marked):
        return next((i for i, m in enumerate(_TOKEN.finditer(marked)) if m.group(0) in _QUESTION_WORDS), None)
    words = [m.group(0) for m in _TOKEN.finditer(marked)]
    found = next((i for i, t in enumerate(words) if t in ("nao", "gi", "ai")), None)
    # unmarked "dau" may be "đầu": the last one asks ("9 thang dau nam … hop o dau")
    return found if found is not None else next((i for i in range(len(words) - 1, -1, -1) if words[i] == "dau"), None)


# "9001:2000" and "TP.HCM" stay whole
_CLAUSE_END = re.compile(r"[;()…]|[,:](?!\d)|\.(?![\d\w])|\s(?:vì|nhằm|để|nên|dẫn đến)\s")


def _aligned(question: str, sentence: str, reach: int = 4, after: bool = True) -> tuple[int, int] | None:
    """The phrase of ``sentence`` in the place of the question's word ("nào", "gì", "ai", "đâu"): the
    sentence says the words around it too. "… giao thông kết nối với | những nơi nào?" is answered by
    what follows "kết nối với" ("các vùng miền trong cả nước"); "những ai | đã tham luận?" by what
    precedes "tham luận" in its clause ("Các chủ đầu tư hạ tầng và doanh nghiệp"). ``reach``: how
    many words of the asked noun may stand between; ``after``: whether the words after may place it.
    Of several places, the one where the sentence echoes most of the question's words before it
    ("khó thu hút lao động | ngoài tỉnh", not "cung ứng lao động"). A phrase that only introduces
    ("cần lưu ý đó là:") is not the answer."""
    q = _folded_words(question)
    at = _question_word(question)
    if at is None:
        return None
    tokens = list(_TOKEN.finditer(sentence))
    words = _folded_words(sentence)
    places = []  # (echoed words, -skip, -k): the longest echo first, then the nearest the question word
    for skip in range(reach):  # the asked noun ("những nơi | nào") lies between the words before and the question word
        lo = at - skip
        for k in _occurrences(words, q[max(0, lo - 2):lo]):
            echo = 2
            while k - echo + 1 >= 0 and lo - echo - 1 >= 0 and words[k - echo + 1] == q[lo - echo - 1]:
                echo += 1
            places.append((echo, -skip, -k))
    starts = [-k + 2 for _, _, k in sorted(places, reverse=True)]
    echo = _longest_echo(q[:at], words, reach)  # "… mời gọi nhà đầu tư | loại hình nào": "các nhà đầu tư | xây dựng …"
    if echo is not None and echo < len(words) and words[echo] != "cua":  # "viên chức | của …" still names who
        starts.append(echo)
    resumed = [t for t in q[at + 1:] if t not in STOPWORDS][:2]  # "chấn chỉnh | những gì | ở cán bộ"
    for i in starts:
        if (span := _after(sentence, tokens, i)) is not None and _new(sentence[span[0]:span[1]], question):
            return _until(span, tokens, words, resumed)
    following = [t for t in q[at + 1:] if t not in STOPWORDS][:2] if after else []
    for k in _occurrences(words, following):
        end = tokens[k].start()
        begin = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, end)), default=0)
        span = _lstrip(sentence, _trim(sentence, begin, end, limit=CLAUSE_WORDS))
        if span[1] > span[0] and _new(sentence[span[0]:span[1]], question):
            return span
    return None


def _until(span: tuple[int, int], tokens: list[re.Match[str]], words: list[str], resumed: list[str]) -> tuple[int, int]:
    """``span`` up to where the question's own words after its question word resume ("tác phong, …, ý thức
    chấp hành | của cán bộ, công chức"), without the function words before them."""
    for k in _occurrences(words, resumed):
        if span[0] < tokens[k].start() < span[1] and words[k - 1] in STOPWORDS:  # "hội thao | tổ chức hàng năm" runs on
            while k > 0 and words[k - 1] in STOPWORDS and tokens[k - 1].start() > span[0]:
                k -= 1
            if tokens[k - 1].end() > span[0]:
                return span[0], tokens[k - 1].end()
    return span


def _longest_echo(asked: list[str], words: list[str], reach: int, least: int = 3) -> int | None:
    """The token index after the longest run of ``asked`` (at least ``least`` words, not all function
    words, ending at most ``reach`` words before the question word) that ``words`` repeats: what the
    sentence says next stands in the place of what the question asks."""
    best, at = least - 1, None
    for i in range(len(asked)):
        for k in range(len(words)):
            n = 0
            while i + n < len(asked) and k + n < len(words) and asked[i + n] == words[k + n]:
                n += 1
            if n > best and i + n >= len(asked) - reach and any(w not in STOPWORDS for w in asked[i:i + n]):
                best, at = n, k + n
    return at


def _between(question: str, sentence: str, reach: int = 4) -> tuple[int, int] | None:
    """The phrase of ``sentence`` that stands where the question word stands between the question's own
    words on both sides: "đề nghị | những cơ quan nào | tập trung tháo gỡ" -> "các sở, ngành địa phương
    cần" in "… đề nghị các sở, ngành địa phương cần tập trung tháo gỡ …". Both sides echoed is the
    strongest sign of the answer's place; the shortest such phrase, within one clause."""
    q = _folded_words(question)
    at = _question_word(question)
    if at is None or at + 3 > len(q):
        return None
    tokens = list(_TOKEN.finditer(sentence))
    words = _folded_words(sentence)
    right = list(_occurrences(words, q[at + 1:at + 3]))
    best = None
    for skip in range(reach):
        lo = at - skip
        for k in _occurrences(words, q[max(0, lo - 2):lo]):
            for r in right:
                if not 1 <= r - k - 2 <= MAX_WORDS:
                    continue
                start, end = tokens[k + 2].start(), tokens[r - 1].end()
                if re.search(r"[.;()]", sentence[start:end]) or not _new(sentence[start:end], question):
                    continue
                if best is None or end - start < best[1] - best[0]:
                    best = (start, end)
    return best


def _after(sentence: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """From token ``i`` to the end of its clause, short list items run on; None past the end or before a colon."""
    if i >= len(tokens):
        return None
    start = tokens[i].start()
    stop = _CLAUSE_END.search(sentence, start)
    if stop and stop.group(0) == ":":
        return None
    end = stop.start() if stop else len(sentence)
    while stop and stop.group(0) == ",":  # "một cách đồng bộ, thiết thực và có hiệu quả": short items run on
        stop = _CLAUSE_END.search(sentence, stop.end())
        item_end = stop.start() if stop else len(sentence)
        if _words(sentence[end + 1:item_end]) > LIST_ITEM_WORDS:
            break
        if stop and stop.group(0) == ":":  # "…, cần lưu ý đó là:" introduces the answer, it is not one
            return None
        end = item_end
    span = _trim(sentence, start, end, limit=CLAUSE_WORDS)
    return span if span[1] > span[0] else None


def _occurrences(words: list[str], pair: list[str]) -> Iterator[int]:
    """Where the two words ``pair`` (not both function words) stand next to each other in ``words``."""
    if len(pair) != 2 or all(w in STOPWORDS for w in pair):
        return
    yield from (k for k in range(len(words) - 1) if words[k:k + 2] == pair)


def form_span(question: str, sentence: str, form: tuple[str, str] | None = None) -> tuple[int, int] | None:
    """The phrase of ``sentence`` that answers an open question by its form (:func:`cues.open_form`, or
    ``form``): the "để ..." clause, the list's items, the X the sentence names ...; None when it holds none."""
    form = form or open_form(question)
    spans = _clauses(sentence)
    found = None
    if form is not None and spans:
        asked = set(content_words(question))
        focus = {w for w in asked if w not in _FRAME_UNIT and not w.isdigit()} or asked
        overlap = [len(set(content_words(sentence[a:b])) & focus) for a, b in spans]
        novel = [[w for w in content_words(sentence[a:b]) if w not in asked] for a, b in spans]
        restating = max(range(len(spans)), key=lambda j: overlap[j])
        kind, words = form
        if kind == "purpose":
            found = _purpose(sentence, spans, novel, restating, question)
        elif kind == "list":
            found = _list_run(sentence, spans, restating, _listed_noun(words))
        elif kind == "often":
            often = [m.span() for m in _OFTEN.finditer(sentence)]  # "giao ban hàng quý, hội thao | hàng năm"
            found = max(often, key=lambda span: _anchor(question, sentence, span, after=False)) if often else None
        elif kind == "yesno":
            found = _yes_or_no(sentence, spans, novel, question)
        elif kind == "subject":
            found = _subject(sentence)
        elif kind == "which":
            found = _named_as(question, sentence, words.rsplit(" ", 1)[0])
        else:
            found = _verdict(sentence, spans, overlap, restating, asked)
    return found if found and found[1] > found[0] else None


def _yes_or_no(sentence: str, spans: list[tuple[int, int]], novel: list[list[str]], question: str
               ) -> tuple[int, int] | None:
    """"Có xảy ra đình công ... không?": the clause that says yes or no of what is asked ("không có đình
    công"), with the items that follow it."""
    asked = set(content_words(question)) - set(EXISTENCE_WORDS)  # what, not whether it happened
    said = [(len(set(content_words(sentence[a:b])) & asked), j) for j, (a, b) in enumerate(spans)
            if re.match(r"(?:không|chưa|có|đã|vẫn)\s", sentence[a:b].strip().lower())]
    hits, j = max(said, key=lambda x: (x[0], -x[1]), default=(0, 0))
    return _run_on(sentence, spans, j, novel) if hits else None


def _subject(sentence: str) -> tuple[int, int] | None:
    """What a document is about: the "về ..." after its number ("Công văn số 4622/UBND-KT ngày 04/12/2019
    | về việc lựa chọn nhà đầu tư ..."), to the end of the clause."""
    number = DOCNUM.search(sentence)
    if number is None:
        return None
    rest = re.split(r"[;.]\s", sentence[number.end():])[0]
    about = re.search(r"(?<!\w)(?:về|quy định về)\s", rest)
    if about is None:
        return None
    start = number.end() + about.start()
    return _trim(sentence, start, number.end() + len(rest), limit=CLAUSE_WORDS)


def _verdict(sentence: str, spans: list[tuple[int, int]], overlap: list[int], restating: int, asked: set[str]
             ) -> tuple[int, int] | None:
    """"ra sao": the clause that judges (:data:`VERDICT_WORDS`) nearest the one that restates the question,
    itself first, then those after it."""
    judged = [j for j, (a, b) in enumerate(spans) if _VERDICT.search(f" {fold(sentence[a:b])} ")]
    if not judged:
        return None
    j = min(judged, key=lambda k: (k < restating, abs(k - restating), -overlap[k]))
    start, end = _lstrip(sentence, spans[j])
    start = _past_subject(sentence, start, end, asked)
    k = j
    while k + 1 in judged and sentence[spans[k][1]:spans[k + 1][0]].strip() == ",":
        k += 1  # "còn hạn chế, hiệu quả chưa cao": the judging clauses run on
    end = spans[k][1]
    words = list(re.finditer(r"\S+", sentence[start:end]))
    if len(words) > CLAUSE_WORDS:  # a verdict ends its clause: "... đã được triển khai và thực hiện tốt"
        start += words[-CLAUSE_WORDS].start()
    return _trim(sentence, start, end, limit=CLAUSE_WORDS)


def _past_subject(sentence: str, start: int, end: int, asked: set[str]) -> int:
    """Where the judgement of a clause begins past the subject the question already names ("công tác hỗ trợ
    doanh nghiệp | còn hạn chế"): the first word the question does not use, when a verdict (or "còn", "đã"
    … before one) stands there; else ``start``."""
    tokens = list(_TOKEN.finditer(sentence, start, end))
    i = 0
    while i < len(tokens) and fold(tokens[i].group(0)) in asked | STOPWORDS and \
            normalize_text(tokens[i].group(0)).lower() not in _PREDICATE_WORDS:
        i += 1
    if i < 2 or i >= len(tokens):
        return start
    rest = f" {fold(sentence[tokens[i].start():end])} "
    said = _VERDICT.search(rest)
    lead = [normalize_text(t.group(0)).lower() for t in tokens[i:i + 2]]
    if said and lead[0] in _PREDICATE_WORDS and said.start() == len(lead[0]) + 1:
        return tokens[i].start()  # "còn | hạn chế"
    if said and said.start() == 0 and i >= 4:
        return tokens[i - 2].start()  # "chấp hành | tốt": a verdict right after a verb judges the verb
    return start


def _lstrip(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    return start + len(sentence[start:end]) - len(sentence[start:end].lstrip()), end


def _purpose(sentence: str, spans: list[tuple[int, int]], novel: list[list[str]], restating: int, question: str
             ) -> tuple[int, int] | None:
    """The "để ..." / "nhằm ..." clause nearest the one that restates the question, with its list items."""
    purposes = [j for j, span in enumerate(spans)  # "để tổng hợp, đề xuất Chính phủ": the purpose runs on
                if re.match(r"(?:để|nhằm)\s", sentence[_lstrip(sentence, span)[0]:span[1]], re.IGNORECASE)
                and (novel[j] or j + 1 < len(spans) and novel[j + 1])]
    if not purposes:
        return None
    asked = re.search(r"\b(để|nhằm)\s", normalize_text(question).lower())  # "nhằm mục tiêu gì": the "nhằm …" clause
    same = [j for j in purposes if asked and sentence[_lstrip(sentence, spans[j])[0]:].lower().startswith(asked.group(1))]
    # the one the question's own words lead up to ("… làm nền tảng | để chương trình …"), then the nearest
    j = min(same or purposes, key=lambda k: (-_echoed_before(question, sentence, _lstrip(sentence, spans[k])[0]),
                                              abs(k - restating), k < restating))
    return _run_on(sentence, spans, j, novel)


def _run_on(sentence: str, spans: list[tuple[int, int]], j: int, novel: list[list[str]]) -> tuple[int, int]:
    """Clause ``j`` with the list items that follow it (", " / "; "), up to CLAUSE_WORDS."""
    start, end = _lstrip(sentence, spans[j])
    for k in range(j + 1, len(spans)):
        gap = sentence[end:spans[k][0]].strip()
        if gap not in {",", ";"} or not novel[k] or _words(sentence[start:spans[k][1]]) > CLAUSE_WORDS:
            break
        end = spans[k][1]
    return _trim(sentence, start, end, limit=CLAUSE_WORDS)


def _listed_noun(words: str) -> str:
    """The noun a list question asks the items of: "nhung cong tac nao" -> "cong tac" (folded)."""
    return re.sub(r"^(?:nhung|cac)\s+|\s+nao$", "", words) if words.endswith(" nao") else ""


def _list_run(sentence: str, spans: list[tuple[int, int]], restating: int, noun: str = "") -> tuple[int, int] | None:
    """The run of three or more short items (", "-separated, up to LIST_ITEM_WORDS words each) that the
    noun asked heads ("những công tác nào": "Công tác | bảo vệ môi trường, an ninh trật tự, …"), else the
    one nearest after the clause that restates the question: "các lĩnh vực: đầu tư, xây dựng, môi trường"."""
    runs: list[list[int]] = []
    for j, (a, b) in enumerate(spans):
        short = _words(sentence[a:b]) <= LIST_ITEM_WORDS
        joined = bool(runs) and runs[-1][-1] == j - 1 and sentence[spans[j - 1][1]:a].strip() in {",", ";"}
        if short and joined:
            runs[-1].append(j)
        elif short:
            runs.append([j])
    runs = [r for r in runs if len(r) >= 3]
    if not runs:
        return None
    headed = [r for r in runs if noun and fold(sentence[max(0, spans[r[0]][0] - 20):spans[r[0]][1]]).find(noun) >= 0]
    run = min(headed or runs, key=lambda r: (r[0] < restating, abs(r[0] - restating)))
    start, _ = _lstrip(sentence, spans[run[0]])
    return _trim(sentence, start, spans[run[-1]][1], limit=CLAUSE_WORDS)


def _named_as(question: str, sentence: str, noun: str) -> tuple[int, int] | None:
    """"công tác nào": the "công tác ..." the sentence names that the question does not; after a colon,
    what the colon introduces."""
    found = []
    for m in re.finditer(rf"\b{re.escape(noun)}\b", strip_diacritics(sentence).lower()):
        tail = re.match(r"\s*:\s*|(?:\s+(?:[^\s,.;:()…]|[,.:](?=\d))+)+", sentence[m.end():])  # "9001:2000"
        if not tail:
            continue
        if ":" in tail.group(0):
            stop = re.search(r"[.;]|$", sentence[m.end() + tail.end():])
            span = (m.end() + tail.end(), m.end() + tail.end() + stop.start())
        else:
            words = [w for w in re.finditer(r"\S+", tail.group(0))]
            cut = next((i for i, w in enumerate(words) if normalize_text(w.group(0)).lower() in _PREDICATE_WORDS),
                       len(words))  # as written: "vẫn" ends the name, "văn" ("Quản lý văn bản") does not
            span = (m.start(), m.end() + (words[cut - 1].end() if cut else 0))
        if span[1] > span[0] and _new(sentence[span[0]:span[1]], question):
            found.append((_echoed_before(question, sentence, m.start()), _trim(sentence, *span, limit=CLAUSE_WORDS)))
    # the one the question's words lead up to ("… giao trên | Phần mềm quản lý công việc"), then the nearest
    return max(found, key=lambda f: (f[0], _anchor(question, sentence, f[1])))[1] if found else None


def _echoed_before(question: str, sentence: str, at: int, window: int = 3) -> int:
    """How many of the ``window`` words just before ``at`` the question uses."""
    asked = {fold(m.group(0)) for m in _TOKEN.finditer(question)}
    before = [fold(m.group(0)) for m in _TOKEN.finditer(sentence, 0, at)][-window:]
    return sum(w in asked for w in before)


def _within_own_period(found: str, question: str) -> bool:
    """Whether the date ``found`` falls in a month the question itself names: "26/12/2017" is the
    question's own "tháng 12/2017", not an answer to when something else happens."""
    months = {(int(m), y) for m, y in re.findall(r"\b(\d{1,2})/((?:19|20)\d{2})\b", question)}
    months |= {(int(m), y) for m, y in re.findall(r"tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", question)}
    dates = re.findall(r"\b\d{1,2}/(\d{1,2})/((?:19|20)\d{2})\b", found)
    dates += re.findall(r"tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", found)
    return any((int(m), y) in months for m, y in dates)


def _besides(question: str) -> set[str]:
    """The content words of what "Ngoài X, ..." / "Bên cạnh X, ..." sets aside: the answer is another one."""
    return set(content_words(set_aside(question)[0]))


_AND = re.compile(r"\s+và\s+")


def _past_set_aside(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """"Ngoài lãnh đạo và CBCC của Ban, tổ chức nào …?": when ``span`` is what the question sets aside, the
    next item of the sentence's list that is not ("… cán bộ công chức của Ban và | Công Đoàn BQL các KCN tỉnh")."""
    besides = _besides(question)

    def set_aside_item(a: int, b: int) -> bool:
        words = set(content_words(sentence[a:b]))
        return bool(words) and 2 * len(words & besides) >= len(words)

    if not besides or not set_aside_item(*span):
        return span
    cuts = [(a, b) for a, b in _clauses(sentence)  # "X, Y và Z": X, Y, Z
            for a, b in zip([a] + [m.end() for m in _AND.finditer(sentence, a, b)],
                            [m.start() for m in _AND.finditer(sentence, a, b)] + [b], strict=True)]
    items = [_lstrip(sentence, (a, len(sentence[:b].rstrip(" .")))) for a, b in cuts]
    return next(((a, b) for a, b in items if a >= span[0] and not set_aside_item(a, b)
                 and content_words(sentence[a:b])), span)


def _near(words: set[str], sentence: str, span: tuple[int, int], window: int = 3) -> bool:
    """Whether ``span`` holds or sits within ``window`` words of half or more of ``words`` (the one set aside:
    "Lâm Văn Tiếp | đã chủ trì" is the "người chủ trì")."""
    tokens = [(m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(sentence)]
    inside = [i for i, (a, b, _) in enumerate(tokens) if a >= span[0] and b <= span[1]]
    if not inside:
        return False
    lo, hi = max(0, inside[0] - window), min(len(tokens), inside[-1] + window + 1)
    return 2 * len(words & {w for _, _, w in tokens[lo:hi]}) >= len(words)


def _anchor(question: str, sentence: str, span: tuple[int, int], after: bool = True) -> float:
    """How closely the question's own words surround ``span``. An answer sits next to what the question
    says about it: "Ban quản lý các KCN Lâm Đồng | tổ chức Hội nghị" answers "Đơn vị nào tổ chức hội
    nghị?", the other units of the sentence do not. Each question word within ``ANCHOR_WINDOW`` words
    of the span counts 1 / (1 + distance); only those before it without ``after`` ("hội thao | hàng năm":
    how often qualifies what it follows)."""
    asked = set(content_words(question)) | {w for w in _folded_words(question) if w not in STOPWORDS}
    # what the question says after its question word is said of the answer: "đơn vị nào | đứng ra tổ chức"
    # is answered by the unit the sentence's "tổ chức" follows
    q = _question_word(question)
    said_of = set() if q is None else {w for w in _folded_words(question)[q + 1:] if w not in STOPWORDS}
    tokens = list(zip([m.start() for m in _TOKEN.finditer(sentence)], _folded_words(sentence), strict=True))
    before = [w for s, w in reversed(tokens) if s < span[0]][:ANCHOR_WINDOW]
    after = [w for s, w in tokens if s >= span[1]][:ANCHOR_WINDOW] if after else []
    return (sum(1 / (1 + d) for side in (before, after) for d, w in enumerate(side) if w in asked)
            + sum(1 / (1 + d) for d, w in enumerate(after) if w in said_of))


_ATTENDANCE_INTRO = re.compile(rf"\b(?:{'|'.join(ATTENDANCE_INTROS)})\b\s*:?\s*")


def _attendees(question: str, sentence: str) -> tuple[int, int] | None:
    """Who attended, for a question that asks it: what the sentence's intro of its attendees introduces
    ("… với sự tham dự của | lãnh đạo 03 Ban quản lý và các phòng, đơn vị trực thuộc")."""
    if not asks_attendance(fold(question)):
        return None
    intro = _ATTENDANCE_INTRO.search(fold(sentence))
    if intro is None:
        return None
    tokens = list(_TOKEN.finditer(sentence))
    at = next((i for i, t in enumerate(tokens) if t.start() >= intro.end()), None)
    span = None if at is None else _after(sentence, tokens, at)
    return span if span is not None and _new(sentence[span[0]:span[1]], question) else None


_ASKS_NAME = re.compile(r"\b(?:ten day du|ten goi|viet tat|goi tat|ten tat|la gi|(?:chi|la) (?:don vi|co quan|to chuc) nao)\b")
_ASKS_SHORT = re.compile(r"\b(?:viet tat|goi tat|ten tat)\b")


def alias_span(question: str, sentence: str) -> tuple[int, int] | None:
    """A unit's full name for its short form the question gives ("Sonadezi có tên đầy đủ là gì?"), or the
    short form for the full name ("… được gọi tắt là gì?"): "“Tổng công ty Cổ phần …” (Sonadezi)"."""
    folded_q = f" {expand(question)} "
    asks = _ASKS_NAME.search(fold(question))
    if asks is None:
        return None
    for m in _ALIAS.finditer(sentence):
        short_given = re.search(rf"(?<!\w){re.escape(expand(m.group(1)))}(?!\w)", folded_q) is not None
        # the name: from the last unit word before the brackets with no stop between
        leads = [lead.start() for lead in UNIT_LEAD_WORD.finditer(sentence, 0, m.start())
                 if not re.search(r"[,.;:()]", sentence[lead.start():m.start()])]
        if not leads:
            continue
        name = (leads[-1], leads[-1] + len(sentence[leads[-1]:m.start()].rstrip("”\" ")))
        if short_given:
            return name
        if _ASKS_SHORT.search(fold(question)) and expand(sentence[name[0]:name[1]]) in folded_q:
            return m.start(1), m.end(1)
    return None


_BY_KIND = {"when": _when, "howmany": _howmany, "who": _who, "where": _where, "which-doc": _which_doc}


def short_span(question: str, sentence: str) -> tuple[int, int] | None:
    """(start, end) in ``sentence`` of the phrase that answers ``question``, or None: of the phrases of
    the kind asked, the one the question's own words surround most closely (the first on a tie)."""
    cue = Cue.of(question)
    if span := alias_span(question, sentence):
        return span
    if cue.kind in (None, "who"):  # "Phó Trưởng ban nào cũng tham dự" asks a post's holder, not the attendees
        attended = None if cue.role or cue.person else _attendees(question, sentence)
        if span := attended or _between(question, sentence):
            return span
    find = _BY_KIND.get(cue.kind or "")
    found = [span for span in find(question, sentence, cue) if span[1] > span[0]] if find else []
    if not found and cue.kind == "where" and re.search(r"\b(?:nhan dan|ubnd)\b", fold(question)):
        found = [span for span in _who(question, sentence, cue) if span[1] > span[0]]  # "UBND tỉnh nào": a body
    if found and (besides := _besides(question)):  # "Ngoài người chủ trì, Phó Trưởng ban nào khác ...?"
        numbers = [fold(m.group(0)) for m in DOCNUM.finditer(set_aside(question)[0])]  # a document is its number
        found = [span for span in found if not (any(n in fold(sentence[span[0]:span[1]]) for n in numbers)
                                                 if numbers else _near(besides, sentence, span))]
    if found:
        start, end = max(found, key=lambda span: _anchor(question, sentence, span))
        return (_with_body(question, sentence, start) if cue.kind == "where" else start), end
    if cue.kind is None or (cue.kind == "where" and not cue.pattern):  # "tỉnh nào" wants the name, not a clause
        span = _open(question, sentence) if cue.kind is None else (_aligned(question, sentence)
                                                                   or _clause(question, sentence))
        span = _past_set_aside(question, sentence, span) if span is not None else None
        return span if span is not None and span[1] > span[0] else None
    return None


_GENERIC = frozenset(fold(w) for w in GENERIC_CAPITALIZED.split())
_AGENT = re.compile(rf"\b(?:{'|'.join(AGENT_WORDS)})\b")


def names_someone(phrase: str) -> bool:
    """Whether ``phrase`` says who: a capitalized name ("Trưởng Ban", "UBND tỉnh") or a word for people or
    bodies ("các chủ đầu tư", "đơn vị trực thuộc"). "triển khai nhiệm vụ năm 2020" answers no "ai"."""
    words = phrase.split()
    if words and words[0].lower() in {"tại", "ở", "trên"}:  # "tại thành phố Đà Lạt" is where, not who
        return False
    named = any(w[:1].isupper() for w in words[1:]) or bool(words) and (words[0].isupper() or _UNIT_LEAD.match(phrase))
    return named or bool(_AGENT.search(normalize_text(phrase).lower()))  # a capital opening a sentence names no one


_VAGUE = re.compile(r"(?:một số|một vài|nhiều|các|những|mọi)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?", re.IGNORECASE)


def says_which(question: str, phrase: str) -> bool:
    """Whether ``phrase`` says which, for "những điều nào / gì": "một số điều" names none of them."""
    asked = open_form(question)
    return asked is None or asked[0] not in {"list", "which"} or not _VAGUE.fullmatch(phrase.strip(" .,;"))


_ASKS_KIND = re.compile(r"\b(?:nha dau tu|bo phan|tap doan) nao\b")


def asks_a_kind(question: str) -> bool:
    """Whether a "who" question names the kind of body it asks for ("phòng nào", "công ty nào", "nhà đầu tư
    nào"): with no phrase of that kind in the sentence, it is not answered. A plain "ai" may be answered by
    a sentence whose doer no phrase finder names."""
    folded = fold(question)
    return Cue.of(question).kind == "who" and bool(_ASKS_UNIT.search(folded) or _ASKS_KIND.search(folded))


def says_who(question: str, phrase: str) -> bool:
    """Whether ``phrase`` answers the "ai / đơn vị nào" of ``question``: it names someone
    (:func:`names_someone`), and a unit of the kind asked when it asks one ("công ty nào" -> a "Công ty")."""
    asked = _ASKS_UNIT.search(fold(question))
    leads = _KIND_LEADS.get(asked.group(0).split()[0]) if asked else None
    # a company may go by its brand alone ("Becamex – VSIP"); a Phòng or a Sở is written with its kind
    proper = asked is not None and asked.group(0).split()[0] in {"cong", "tong", "doanh", "dn"} and any(
        w[:1].isupper() and fold(w) not in _GENERIC for w in re.findall(r"[^\W_]+", phrase))
    return names_someone(phrase) and (leads is None or proper or any(lead.strip() in fold(phrase) for lead in leads))


def loose_span(question: str, sentence: str) -> tuple[int, int] | None:
    """For a who question no named person or unit answers ("những ai đã tham luận?" -> "Các chủ đầu tư hạ
    tầng và doanh nghiệp"): the phrase in the place of the question word, else the clause that answers."""
    span = _aligned(question, sentence) or _clause(question, sentence)
    return span if span is not None and span[1] > span[0] else None
