"""What a question pins down, and whether the evidence holds it.

A plausible question the documents do not answer usually shares most of its words with one they
do answer, and differs in one specific: another KCN or province, another partner, another year,
"lần thứ hai" instead of the first. :class:`Constraints` reads those specifics from the question
(names, numbers and dates, ordinals); :meth:`Constraints.unmet` lists the ones the cited passage,
its headings and its document's title and date do not contain. Any unmet constraint means refuse.
Matching folds case and diacritics and writes abbreviations out (TP.HCM == thành phố Hồ Chí Minh).

Example:
    >>> c = Constraints.of("KCN Hòa Phú có bao nhiêu doanh nghiệp năm 2019?")
    >>> c.names, c.numbers
    (('hoa phu',), ('2019',))
    >>> c.unmet("Năm 2019, KCN Tân Đức thu hút 34 doanh nghiệp.")
    ['hoa phu']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.chains.posts import LOW, ROLES, UP, lowercase_persons
from assistant.schema import Passage
from assistant.text.abbreviations import expand
from assistant.text.kinds import DOCUMENT_KIND_FORMS
from assistant.text.normalize import fold, has_diacritics, normalize_text
from assistant.text.patterns import DOCNUM, NUMBER, YEAR
from assistant.text.places import (
    DIRECTIONS,
    GENERIC_CAPITALIZED,
    NAME_MARKERS,
    NAMED_UNIT_LEADS,
    ORDINALS,
    PLACE_MARKERS,
    PROVINCES,
    REGION_MARKERS,
)
from assistant.text.stopwords import LAW_NAME_ENDS, NAME_ENDS, OPENING_WORDS, QUESTION_MARKERS, STOPWORDS
from assistant.text.words import joined

_GENERIC = {normalize_text(w).lower() for w in GENERIC_CAPITALIZED.split()}
_GENERIC_FOLDED = {fold(w) for w in GENERIC_CAPITALIZED.split()}
_TOKEN = re.compile(r"[^\s,.;:?!()\"“”'«»]+")
_PROVINCES = sorted({expand(p) for p in PROVINCES}, key=len, reverse=True)
_PROVINCE_SET = frozenset(_PROVINCES)
PROVINCE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in _PROVINCES) + r")\b")
# Folded, "xã", "phường", "quận" read as "xa", "phương", "quản": too common to mark a name without diacritics.
_AMBIGUOUS_MARKERS = {"xa", "phuong", "quan", "tp", "thi xa"}
# Markers whose names are guessed only when they end the question or meet a function word: a company's name is
# words ("công ty phát triển hạ tầng …"); a province is one of PROVINCES ("3 tinh | kho ho tro nhau": an adjective).
_COMPANY = ("cong ty", "tong cong ty", "tap doan")
_WORDS_NAMED = (*_COMPANY, "tinh")
_QUESTION_WORDS = frozenset(QUESTION_MARKERS)
_PLURAL = re.compile(r"\b(?:cac|nhung)\s+$")
# One Vietnamese syllable, folded: a word that is none ("idico", "becamex") is a brand or a foreign name.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$")
# A place an event is held at ("được tổ chức ở bien hoa", "tai thi xa dong xoai"): "tại" folds into other words
# ("tài liệu"), so a bare one counts only after the event's verb.
_TOWN = r"(?:thi xa|thanh pho|tp|huyen)"
_AT_PLACE = re.compile(rf"\b(?:(?:to chuc|dien ra|hop|dang cai|khai mac)(?:\s+[a-z]+)?\s+(?:tai|o)|(?:tai|o)(?=\s+{_TOWN}\b))"
                       rf"(?:\s+{_TOWN})?\s+([a-z]+)\s+([a-z]+)\b\s*([a-z]*)")
_MARKER_RE = re.compile(r"\b(?:" + "|".join(re.escape(expand(m)) for m in NAME_MARKERS if fold(m) not in _AMBIGUOUS_MARKERS)
                        + r")\s+((?:[a-z0-9]+\s*){1,3})")
# A zone by its name ("KCN Sơn Mỹ 2", "Khu công nghiệp Tân Đức"), not "các KCN" nor a province's ("KCN Lâm Đồng").
# "Khu công nghiệp – Đô thị - Dịch vụ Hàm Tân": the kinds joined by dashes come before the name.
_KIND_DASHES = r"(?:\s*[–-]\s*[^\W\d_]+(?:\s[^\W\d_]+)?)*"
_ZONE = re.compile(rf"(?<!\bcac )\bkhu cong nghiep{_KIND_DASHES}\s+([^\W\d_]+(?: [^\W\d_]+)?)")
_WRITTEN_ZONE = re.compile(rf"(?<!các )(?<!Các )\b(?:KCN|Khu công nghiệp){_KIND_DASHES}\s+(\S+)(?:\s+\S+)?")
_NOT_ZONE = STOPWORDS | {fold(w) for w in PLACE_MARKERS.split()}
_ORDINAL_RE = re.compile(r"\blan thu (" + "|".join(fold(w) for w in ORDINALS) + r"|\d+)\b")
_QUARTER_NUMBER = re.compile(r"\b(?:quy\s+|q)[1-4]\b")  # "quý 4" is "Quý IV": the period is matched as one
_BOARDS_COUNTED = re.compile(r"\b(hai|ba|bon)\s+ban\b")  # "của ba ban quản lý": digits are numbers already
_TIMES_RE = re.compile(r"\blan (?:thu )?(\d+)\b")  # "lần 1", "lần thứ 2": an ordinal, not a figure
_OPENERS = STOPWORDS | OPENING_WORDS | {fold(w) for w in ORDINALS}
_TIME_UNITS = {"ngay", "tuan", "thang", "quy", "nam"}


def _names(question: str) -> list[str]:
    """Capitalized runs (units' words trimmed off the ends), folded; the question's first word alone is not a name."""
    text = normalize_text(question)
    typed_marked = has_diacritics(text)
    tokens = list(_TOKEN.finditer(text))
    runs: list[list[str]] = []
    run: list[str] = []
    previous_end = 0
    for n, m in enumerate(tokens + [None]):
        word = m.group(0) if m else ""
        after = fold(tokens[n + 1].group(0)) if n + 1 < len(tokens) else ""
        joined = m is not None and not re.search(r"[,.;:?!()]", text[previous_end:m.start()])
        previous_end = m.end() if m else previous_end
        roman = re.match(r"(?:[IVX]+|Q[1-4])(?:/\d+)?$", word) is not None  # "quý IV/2017", "Q4/2017": a period
        if DOCNUM.match(word):  # "CV 4622/UBND-KT": a document's number is matched as one, not as a name
            word = ""
        counted = word[:1].isdigit() and after in _TIME_UNITS  # "Lâm Đồng | 9 tháng đầu năm": a period, not "KCN … 2"
        if word in {"-", "–"} and run and is_brand(run[-1]) and n + 1 < len(tokens) \
                and re.fullmatch(r"[A-Z][A-Za-z]*", tokens[n + 1].group(0)):  # one brand: "Becamex – VSIP"
            run.append(word)
            continue
        if ((word[:1].isupper() and not (roman and not run)) or (word[:1].isdigit() and run and not counted)) \
                and (joined or not run):
            run.append(word)
            continue
        if run:
            if run[0] == tokens[0].group(0):  # "Hồi 2012", "Hai KCN Lộc Sơn": the opening word is no name's
                run = run[1:] if len(run) == 1 or fold(run[0]) in _OPENERS else run
            runs.append(run)
            run = [word] if word[:1].isupper() else []
    out = []
    for words in runs:
        while words and (_generic(words[0], typed_marked) or words[0].isdigit()):
            words = words[1:]
        if len(provinces := _provinces_in(words)) > 1:  # "Binh Phuoc Dong Nai Lam Dong": three names, not one
            out += provinces
            continue
        while words and _generic(words[-1], typed_marked):
            words = words[:-1]
        # One capitalized Vietnamese syllable is usually title case ("Đô thị - Dịch vụ"); one word
        # without diacritics is a brand or a place ("Sonadezi", "Becamex", "Lagi").
        single = len(words) == 1 and (has_diacritics(words[0]) or len(words[0]) < 4)
        if words and not single and not all(w.isdigit() for w in words):
            out.append(" ".join(words))
    return out


def is_brand(word: str) -> bool:
    """A brand's word: no Vietnamese syllable, though it has vowels ("Becamex", "Sonadezi"; not "Nai", "BP")."""
    folded = fold(word)
    return len(folded) >= 4 and re.search("[aeiouy]", folded) is not None and not _SYLLABLE.match(folded)


def _provinces_in(words: list[str]) -> list[str]:
    """The provinces a run of capitalized words is made of, when it is nothing else (names typed one after
    another without commas); else empty."""
    folded, found, i = [fold(w) for w in words], [], 0
    while i < len(words):
        n = next((n for n in range(min(4, len(words) - i), 0, -1) if " ".join(folded[i:i + n]) in _PROVINCE_SET), 0)
        if not n:
            return []
        found.append(" ".join(words[i:i + n]))
        i += n
    return found


# "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Bộ Công Thương": a capitalized syllable and the lowercase one of its
# word, joined by "và" / "-"; not "Sở Công Thương | tỉnh …" nor "Sở Tài chính | nào".
_NAME_WORD = rf"[{UP}][{LOW}]*(?:\s+(?!(?:nào|tỉnh|thành|huyện|xã)\b)[{LOW}]+)?"
_UNIT_NAMED = re.compile(rf"\b(?:{'|'.join(NAMED_UNIT_LEADS)})\s+{_NAME_WORD}(?:\s+(?:(?:và|-|–)\s+)?{_NAME_WORD})*")


# A region in a body's name ("Vùng kinh tế trọng điểm phía Bắc"), not a description ("đô thị lớn phía Nam").
_REGION = re.compile(rf"(?<=\b[Vv]ùng\b)[^,.;?]{{0,30}}?\b((?:{'|'.join(REGION_MARKERS)})\s+(?:{'|'.join(DIRECTIONS)}))\b")


_DEPUTY = re.compile(rf"\bpho (?:{'|'.join(r for r in ROLES if r != 'lanh dao')})\b")


def _unit_names(question: str) -> list[str]:
    """Departments the question names with their kind, and regions by their direction, lowercase as typed ("sở
    tài chính", "phía bắc"); only when typed with diacritics, where "Sở" is not "Số"."""
    text = normalize_text(question)
    if not has_diacritics(text):
        return []
    units = [m.group(0) for m in _UNIT_NAMED.finditer(text) if not STOPWORDS.issuperset(fold(m.group(0)).split()[1:])]
    return [u.lower() for u in units + _REGION.findall(text)]


def _as_written(names: list[str]) -> tuple[str, ...]:
    """The names typed with their marks, lowercased: "Vân Phong" is not "Văn phòng", though both fold alike."""
    return tuple(dict.fromkeys(normalize_text(n).lower() for n in names if has_diacritics(n)))


def _generic(word: str, typed_marked: bool = False) -> bool:
    """A unit's or post's word ("Ban", "Phủ"), compared as typed: "Phú" in "Hòa Phú" is a name, and so is
    "Phong" in a question typed with marks ("Vân Phong" is not "Văn phòng")."""
    if has_diacritics(word) or (typed_marked and word.istitle() and len(word) > 2):
        return normalize_text(word).lower() in _GENERIC
    return word.lower() in _GENERIC_FOLDED


def _marked_names(folded: str) -> list[str]:
    """Two-syllable names after "kcn", "tỉnh", "huyện" ... in a question typed without diacritics; not after
    "các" ("các KCN đóng vai trò …": all of them).

    Without capitals a name's end is a guess: a place's first two syllables, when neither is a function,
    question or unit word ("kcn tam thang du hoi nghi" -> "tam thang"; "Thắng" folds as the month's word). A
    common phrase read as a name ("kcn thu hut") is met by any sentence that answers about it. After a company's
    or province's marker (:data:`_WORDS_NAMED`), only two syllables that end the question or meet a function word,
    or a company's brand ("tong cong ty idico"). After "tại / ở", a place by the same guess as after "kcn".
    """
    out = []
    for m in _MARKER_RE.finditer(folded):
        words = m.group(1).split()
        if m.group(0).startswith(_WORDS_NAMED):
            stops = [i for i, w in enumerate(words) if w in NAME_ENDS]
            if (stops[0] if stops else len(words)) == 2 and (stops or m.end(1) >= len(folded.rstrip(" ?.!"))):
                out.append(" ".join(words[:2]))
            elif m.group(0).startswith(_COMPANY) and not _SYLLABLE.match(words[0]):
                out.append(words[0])  # "tong cong ty idico": a brand, no Vietnamese syllable
        elif len(words) >= 2 and _syllables(words[0], words[1]) and not _PLURAL.search(folded, 0, m.start()) \
                and " ".join(words[1:3]) not in _PROVINCE_SET:  # "thanh pho giup | lam dong": a verb, then a province
            out.append(" ".join(words[:2]))  # "kcn son my 2": the number is checked as a number
    for m in _AT_PLACE.finditer(folded):  # "… lại được tổ chức ở bien hoa": a place, by the same guess
        if _syllables(m.group(1), m.group(2)) and f"{m.group(2)} {m.group(3)}" not in _PROVINCE_SET \
                and m.group(3) not in _QUESTION_WORDS:  # "tai dia diem nao": what is asked
            out.append(f"{m.group(1)} {m.group(2)}")
    return out


def _syllables(first: str, second: str) -> bool:
    """Whether two folded words can open a place's name: syllables (a vowel each: not "LD", "9T"), no function
    or unit word, though the second may be "thang" ("Tâm Thắng"; "Ngày", "Năm" end no name)."""
    return (first not in NAME_ENDS and (second not in NAME_ENDS or second == "thang")
            and all(re.search("[aeiouy]", w) for w in (first, second)))


@dataclass(frozen=True)
class Constraints:
    """The specifics a question names; build with :meth:`of`."""

    names: tuple[str, ...] = ()  # expanded folded names: "hoa phu", "binh phuoc", "thanh pho ho chi minh"
    numbers: tuple[str, ...] = ()  # every number, without leading zeros: years, days, document numbers
    ordinals: tuple[int, ...] = ()  # "lần thứ hai" -> 2
    # Folded document numbers, whole ("27-ct/tu"), with the years the question dates them by ("... ban hành năm 2015").
    documents: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Periods named with their year, as patterns over folded text: "quý IV năm 2018" is not "quý IV năm 2017"
    # and "năm 2018" elsewhere in the report; "tháng 12/2017" is matched by "26/12/2017" or "2017-12".
    periods: tuple[tuple[str, str], ...] = ()  # (as asked, pattern)
    laws: tuple[str, ...] = ()  # folded names of laws: "luat dau tu" ("Luật Đầu tư năm 2020 quy định …")
    written: tuple[str, ...] = ()  # names typed with marks, lowercased: "vân phong" must not meet "văn phòng"
    acronyms: tuple[str, ...] = ()  # names typed as capitals only ("SXKD"): met by the words they abbreviate
    kinds: tuple[tuple[str, str], ...] = ()  # a document's kind with its number: ("thong tu", "21") for "Thông tư 21/2008"
    # persons typed without capitals ("ong lam van tiep"): met like names, but what is asked about them stays
    # the question's focus (their names are its only words a sentence about them is found by)
    persons: tuple[str, ...] = ()
    # how many boards the question says ("của ba ban quản lý"): (as asked, pattern over the expanded evidence,
    # count). "03 Ban quản lý" meets it, or as many boards named by their place; a review one board held alone
    # does not
    boards: tuple[tuple[str, str, int], ...] = ()

    @classmethod
    @lru_cache(maxsize=256)
    def of(cls, question: str) -> Constraints:
        folded = expand(question)
        # Typed without diacritics, folded markers are ambiguous ("tinh": tỉnh / tình, "phuong": phường /
        # phương): only then are names read after "kcn", "tỉnh" ...; with diacritics, capitals mark them, and a
        # zone's name is read whole ("KCN Phú Hội": "Hội" alone would be a unit's word).
        # Without them, a zone's name typed with capitals ("KCN Tam Thang") is read whole too: "Thang" alone
        # would be a month's word.
        written = sorted(zones(question, written=True))
        marked = written if has_diacritics(question) else list(dict.fromkeys(_marked_names(folded) + written))
        capitalized = _names(question)
        units = _unit_names(question)
        names = ([expand(n) for n in capitalized] + marked + [m.group(1) for m in PROVINCE_RE.finditer(folded)]
                 + [expand(u) for u in units] + _DEPUTY.findall(folded))  # "Phó Trưởng Ban": a deputy named
        # A shorter name inside a longer one adds nothing ("lam dong" in "kcn lam dong").
        names = [n for n in dict.fromkeys(names) if n and not any(n != o and f" {n} " in f" {o} " for o in names)]
        counted = _TIMES_RE.sub(" ", _QUARTER_NUMBER.sub("quy", fold(question)))  # ordinals and quarters aside
        numbers = tuple(dict.fromkeys(n.lstrip("0") or "0" for n in NUMBER.findall(counted)))
        ordinals = tuple(dict.fromkeys([ordinal(m.group(1)) for m in _ORDINAL_RE.finditer(folded)]
                                       + [int(m.group(1)) for m in _TIMES_RE.finditer(folded)]))
        # an acronym, or a name holding one ("Vùng KTTĐ phía Nam"): met by words with its initials
        acronyms = tuple(expand(n) for n in capitalized if any(_ACRONYM.fullmatch(w) for w in [n, *n.split()]))
        kinds = tuple(dict.fromkeys(_KIND_NUMBER.findall(folded)))
        plain = fold(question)  # the persons' offsets are its
        persons = tuple(dict.fromkeys(p for a, b in lowercase_persons(question) if (p := plain[a:b]) not in names))
        boards = tuple((m.group(0), rf"\b(?:{m.group(1)}|0?{ordinal(m.group(1))})\s+ban\b", ordinal(m.group(1)))
                       for m in _BOARDS_COUNTED.finditer(folded))
        return cls(tuple(names), numbers, ordinals, _documents(question), _periods(folded), _laws(question),
                   tuple(dict.fromkeys(_as_written(capitalized) + tuple(units))), acronyms, kinds, persons, boards)

    def unmet(self, evidence: str, own: str | None = None) -> list[str]:
        """The constraints ``evidence`` does not contain (empty when the evidence can answer).

        With ``own`` (the cited passage with its title, date and headings), numbers and ordinals must
        be there: "năm 2015" in another paragraph of the document does not date this one.
        """
        text = f" {expand(evidence)} "
        words = f" {joined(text)} "  # "Hàm Tân, Lagi" names "KCN Hàm Tân Lagi"
        missing = [name for name in self.names + self.persons if f" {name} " not in text and not _loose(name, text)
                   and f" {joined(name)} " not in words
                   and not (name in self.acronyms and _initials(name).search(text))]
        if self.written:
            marked = joined(normalize_text(evidence).lower())
            missing += [name for name in self.written if joined(name) not in marked
                        and f" {_unjoined(name)} " not in f" {_unjoined(marked)} " and expand(name) not in missing
                        and expand(name) not in self.acronyms]  # "Vùng KTTĐ" is written out in the documents
        missing += [asked for asked, pattern, n in self.boards
                    if not re.search(pattern, text) and len(board_places(text)) < n]
        strict = evidence if own is None else own
        have = {n.lstrip("0") or "0" for n in NUMBER.findall(strict)}
        missing += [n for n in self.numbers if n not in have]
        found = {ordinal(m.group(1)) for m in _ORDINAL_RE.finditer(f" {expand(strict)} ")}
        found |= {int(m.group(1)) for m in _TIMES_RE.finditer(f" {expand(strict)} ")}
        missing += [f"lan thu {n}" for n in self.ordinals if n not in found]
        folded = fold(strict) if self.documents else ""
        missing += [law for law in self.laws if not re.search(rf"\b{law}\b", text)]
        if self.periods:
            folded_own = fold(strict)
            missing += [asked for asked, pattern in self.periods if not re.search(pattern, folded_own)]
        missing += [f"{kind} {number}" for kind, number in self.kinds if not _of_kind(kind, number, fold(strict))]
        for number, years in self.documents:  # "Chỉ thị 27-CT/TU ... năm 2015" is not the one of 2012
            at = folded.find(number)
            dated = YEAR.findall(re.split(r"[;.]\s", folded[at:at + 120])[0]) if at >= 0 else []
            if at < 0 or (years and dated and not set(years) & set(dated)):
                missing.append(" ".join([number, *years]))
        return missing


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_RE = re.compile(r"\b(?:quy\s+|q)(iv|i{1,3}|[1-4])\s*(?:nam\s+|/\s*)((?:19|20)\d{2})\b")  # "Q4/2017"
_MONTH_RE = re.compile(r"\bthang\s+(\d{1,2})\s*(?:nam\s+|/\s*)((?:19|20)\d{2})\b")
_DAY_RE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})\b")
_MONTHS_RE = re.compile(r"\b(\d{1,2})\s+thang\s+(dau|cuoi)\s+nam\s+((?:19|20)\d{2})\b")  # "9 tháng đầu năm 2019"


def _periods(folded: str) -> tuple[tuple[str, str], ...]:
    """Patterns for the quarters, months and first or last months ("9 tháng đầu năm 2019") the question
    names with their year, and the days it names in full ("26/12/2018")."""
    out = []
    for m in _QUARTER_RE.finditer(folded):
        forms = "|".join(k for k, v in _QUARTERS.items() if v == _QUARTERS[m.group(1)])
        out.append((m.group(0), rf"\bquy\s+(?:{forms})\s*(?:nam\s+|/\s*){m.group(2)}\b"))
    for m in _MONTH_RE.finditer(folded):
        month, year = int(m.group(1)), m.group(2)
        out.append((m.group(0), rf"\bthang\s+0?{month}\s*(?:nam\s+|/\s*){year}\b|\b\d{{1,2}}/0?{month}/{year}\b"
                                rf"|\b{year}-{month:02d}\b"))
    for m in _MONTHS_RE.finditer(folded):
        out.append((m.group(0), rf"\b0?{int(m.group(1))}\s+thang\s+{m.group(2)}\s+nam\s+{m.group(3)}\b"))
    for m in _DAY_RE.finditer(folded):  # a day is one: "26/12/2018" is not met by "26/12/2017 … năm 2018"
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        out.append((m.group(0), rf"\b0?{day}\s*/\s*0?{month}\s*/\s*{year}\b"
                                rf"|\bngay\s+0?{day}\s+thang\s+0?{month}\s+nam\s+{year}\b|\b{year}-{month:02d}-{day:02d}\b"))
    return tuple(dict.fromkeys(out))


_LAW = re.compile(r"\b(?:Bộ luật|Luật)\s+(?=[A-ZĐ])")
_LAW_NAME_ENDS = frozenset(LAW_NAME_ENDS.split())


def _laws(question: str) -> tuple[str, ...]:
    """Laws the question names, folded: "Luật Đầu tư năm 2020" -> "luat dau tu". A named law is written
    with a capital ("Luật Bảo vệ môi trường"); "luật xây dựng" is the law in general."""
    out = []
    question = normalize_text(question)
    for m in _LAW.finditer(question):
        words = []
        for word in re.findall(r"[^\W\d_]+|\S", question[m.end():])[:6]:
            if not word.isalpha() or word.lower() in _LAW_NAME_ENDS:
                break
            words.append(word)
        if words:
            out.append(fold(f"{m.group(0)}{' '.join(words)}"))
    return tuple(dict.fromkeys(out))


def _documents(question: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Document numbers the question names, each with the years that follow it in the same clause, up to
    a clause of its own ("Chỉ thị 27-CT/TU | mà … thực hiện trong năm 2020" is not a 2020 directive) or an aside
    ("Nghị định 80/2006/NĐ-CP … | (được NĐ 21/2008 sửa đổi)")."""
    out = []
    for m in re.finditer(r"\S+", question):
        if DOCNUM.search(m.group(0)):
            clause = re.split(r"[,;?(]|\b(?:mà|ma|trong|để|de|khi|nhằm|nham)\s", question[m.end():])[0]
            out.append((fold(m.group(0)).strip(".,;:?"), tuple(YEAR.findall(clause))))
    return tuple(dict.fromkeys(out))


_KIND_NUMBER = re.compile(rf"\b({'|'.join(DOCUMENT_KIND_FORMS)})\s+(?:so\s+)?0*(\d+)(?=[/-])")


def _of_kind(kind: str, number: str, folded: str) -> bool:
    """Whether ``folded`` cites document ``number`` as a ``kind`` (by name just before it, or by the code in its
    number), or never cites it (the number is then checked as a number)."""
    cited = [m.start() for m in re.finditer(rf"(?<![\d/]){number}(?=[/-])", folded)]
    forms = re.compile(rf"(?:{DOCUMENT_KIND_FORMS[kind]})")
    return not cited or any(forms.search(folded, max(0, at - 25), at + 25) for at in cited)


def ordinal(word: str) -> int:
    """"hai" or "2" -> 2 (folded)."""
    return int(word) if word.isdigit() else next(v for k, v in ORDINALS.items() if fold(k) == word)


# "SXKD", "KCX-CN": shorter ones undashed would be met by chance
_ACRONYM = re.compile(r"[A-ZĐ]{4,6}|[A-ZĐ]{2,6}(?:-[A-ZĐ]{2,6})+")


def _initials(acronym: str) -> re.Pattern[str]:
    """Words opening with the acronym's letters, in order: "sxkd" is "sản xuất kinh doanh" (folded, expanded
    text); of a dashed one each part, a known abbreviation written out, parts joined or with "và" between
    ("kcx-cn" is "khu chế xuất và công nghiệp"); in a name, its words without a vowel ("vung kttd phia nam"
    is "vùng kinh tế trọng điểm phía Nam")."""
    if " " in acronym:
        words = [r"\w*\s+".join(w) + r"\w*" if not re.search("[aeiouy]", w) else re.escape(w) for w in acronym.split()]
        return re.compile(r"\b" + r"\s+".join(words) + r"\b")
    parts: list[str] = []
    for part in acronym.split("-"):
        written = expand(part)
        if " " not in written:
            written = r"\w*\s+".join(part) + r"\w*"
        elif parts and parts[-1].split()[0] == written.split()[0]:  # "kcx-kcn": "khu chế xuất và (khu) công nghiệp"
            head, rest = written.split(" ", 1)
            written = rf"(?:{head}\s+)?{rest}"
        parts.append(written)
    return re.compile(r"\b" + r"(?:\s+va)?\s+".join(parts) + r"\b")


def _loose(name: str, text: str) -> bool:
    """Names typed as one word or split ("Sơn Mỹ1" / "Sơn Mỹ 1", "Lagi" / "La Gi"), or joined otherwise ("Sở Lao
    động – Thương binh và Xã hội" / "Sở Lao động và Thương binh Xã hội")."""
    squeezed = name.replace(" ", "")
    return bool(squeezed) and squeezed in text.replace(" ", "") or f" {_unjoined(name)} " in f" {_unjoined(text)} "


_BOARD = re.compile(r"\bban quan ly(?: cac)?(?: (?:khu (?:cong nghiep|che xuat|kinh te)|kcn|kkt|kcx)(?: va (?:cong nghiep|cn))?)?"
                    rf"(?: (?:tinh|thanh pho|tp))?(?: ({PROVINCE_RE.pattern}))?")  # "BQL TP.HCM" too


def board_places(text: str) -> set[str]:
    """The places of the boards the expanded ``text`` names: "Ban Quản lý các KCN Lâm Đồng" -> "lam dong", "… Khu
    chế xuất và công nghiệp thành phố" -> "ho chi minh" (the city's board is named so)."""
    return {(m.group(1) or "").removeprefix("thanh pho ") or ("ho chi minh" if m.group(0).endswith(("thanh pho", " tp"))
                                                               else "") for m in _BOARD.finditer(text)} - {""}


def _unjoined(text: str) -> str:
    """``text``'s words without "và" and punctuation: how a name's parts are joined is no part of it."""
    return " ".join(w for w in joined(text).split() if w not in {"va", "và"})


def evidence(passage: Passage, passages: list[Passage] = ()) -> str:
    """What a citation of ``passage`` vouches for: its text, headings, its document's title and date, and
    the other retrieved passages of the same document (a partner named two paragraphs up still counts)."""
    same = [p.text for p in passages if p.doc_id == passage.doc_id and p.chunk_id != passage.chunk_id]
    return "\n".join([own_evidence(passage), *same])


def own_evidence(passage: Passage, passages: list[Passage] = ()) -> str:
    """What dates and counts the cited passage: itself, its headings, its document's title, date and
    opening ("… tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020"), and retrieved text of the
    same document *before* it ("Nhiệm vụ năm 2020: ..." governs the tasks listed after it; a
    "07/12/2015" further down does not date them)."""
    before = [p.text for p in passages if p.doc_id == passage.doc_id and p.start < passage.start]
    return "\n".join([passage.title, passage.date or "", passage.lead, passage.context, *before, passage.text])


def zones(text: str, written: bool = False) -> set[str]:
    """The zones ``text`` names, folded: "KCN Sơn Mỹ 1, 2" -> {"son my"}. In a ``written`` text (a
    document's) only a capitalized name is one: "Tổng công ty … Phát triển khu công nghiệp Sonadezi" is a company."""
    if written:
        text = " ".join(m.group(0) for m in _WRITTEN_ZONE.finditer(text) if m.group(1)[:1].isupper())
    return {m.group(1) for m in _ZONE.finditer(expand(text))
            if m.group(1).split()[0] not in _NOT_ZONE and not PROVINCE_RE.match(m.group(1))}


def period_starts(folded: str) -> list[tuple[int, int]]:
    """(year, month) each quarter or month the question names with its year begins."""
    starts = [(int(m.group(2)), 3 * _QUARTERS[m.group(1)] - 2) for m in _QUARTER_RE.finditer(folded)]
    return starts + [(int(m.group(2)), int(m.group(1))) for m in _MONTH_RE.finditer(folded)]
