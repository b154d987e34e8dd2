"""The grounding gate shared by every answer mode: what the question pins down must be in the evidence.

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

from assistant.chains.cues import UNIT_LEAD_WORD, asked_post_body, asks_attendance, person_names, post_held
from assistant.schema import Passage
from assistant.text.abbreviations import expand
from assistant.text.kinds import (
    ACTUAL_WORDS,
    DATED_ACTS,
    DOCUMENT_KINDS,
    DONE_WORDS,
    EVENT_KINDS,
    PLAN_WORDS,
    TARGET_WORDS,
)
from assistant.text.normalize import fold, has_diacritics, normalize_text
from assistant.text.patterns import DOCNUM, NUMBER, YEAR, YEAR_RANGE
from assistant.text.places import GENERIC_CAPITALIZED, NAME_MARKERS, ORDINALS, PLACE_MARKERS, PROVINCES
from assistant.text.stopwords import LAW_NAME_ENDS, OPENING_WORDS, STOPWORDS

_GENERIC = {normalize_text(w).lower() for w in GENERIC_CAPITALIZED.split()}
_GENERIC_FOLDED = {fold(w) for w in GENERIC_CAPITALIZED.split()}
# Words that end a name after a marker in a lowercase question ("kcn hoa phu co ..." -> "hoa phu").
_UNIT_WORDS = {"ban", "quan", "ly", "khu", "cong", "nghiep", "kinh", "te", "che", "xuat", "tinh", "huyen", "thanh",
               "pho", "cac", "lanh", "dao", "hoi", "nghi"}
_TOKEN = re.compile(r"[^\s,.;:?!()\"“”'«»]+")
_PROVINCES = sorted({expand(p) for p in PROVINCES}, key=len, reverse=True)
_PROVINCE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in _PROVINCES) + r")\b")
# Folded, "xã", "phường", "quận" read as "xa", "phương", "quản": too common to mark a name without diacritics.
_AMBIGUOUS_MARKERS = {"xa", "phuong", "quan", "tp", "thi xa"}
_MARKER_RE = re.compile(r"\b(?:" + "|".join(re.escape(expand(m)) for m in NAME_MARKERS if fold(m) not in _AMBIGUOUS_MARKERS)
                        + r")\s+((?:[a-z0-9]+\s*){1,3})")
# A zone by its name ("KCN Sơn Mỹ 2", "Khu công nghiệp Tân Đức"), not "các KCN" nor a province's ("KCN Lâm Đồng").
_ZONE = re.compile(r"(?<!\bcac )\bkhu cong nghiep\s+([^\W\d_]+(?: [^\W\d_]+)?)")
_WRITTEN_ZONE = re.compile(r"(?<!các )(?<!Các )\b(?:KCN|Khu công nghiệp)\s+(\S+)(?:\s+\S+)?")
_NOT_ZONE = STOPWORDS | {fold(w) for w in PLACE_MARKERS.split()}
_ORDINAL_RE = re.compile(r"\blan thu (" + "|".join(fold(w) for w in ORDINALS) + r"|\d+)\b")
_QUARTER_NUMBER = re.compile(r"\b(?:quy\s+|q)[1-4]\b")  # "quý 4" is "Quý IV": the period is matched as one
_TIMES_RE = re.compile(r"\blan (?:thu )?(\d+)\b")  # "lần 1", "lần thứ 2": an ordinal, not a figure
_OPENERS = STOPWORDS | OPENING_WORDS | {fold(w) for w in ORDINALS}
_QUESTION_WORDS = {"nao", "gi", "dau", "bao", "nhieu", "may", "ai", "co", "la", "da", "duoc", "thi", "nam", "ngay",
                   "thang", "hien", "nay", "tai", "o", "trong", "voi", "va", "cua", "do", "khi"}


def _names(question: str) -> list[str]:
    """Capitalized runs (units' words trimmed off the ends), folded; the question's first word alone is not a name."""
    text = normalize_text(question)
    typed_marked = has_diacritics(text)
    tokens = list(_TOKEN.finditer(text))
    runs: list[list[str]] = []
    run: list[str] = []
    previous_end = 0
    for m in tokens + [None]:
        word = m.group(0) if m else ""
        joined = m is not None and not re.search(r"[,.;:?!()]", text[previous_end:m.start()])
        previous_end = m.end() if m else previous_end
        roman = re.match(r"(?:[IVX]+|Q[1-4])(?:/\d+)?$", word) is not None  # "quý IV/2017", "Q4/2017": a period
        if DOCNUM.match(word):  # "CV 4622/UBND-KT": a document's number is matched as one, not as a name
            word = ""
        if ((word[:1].isupper() and not (roman and not run)) or (word[:1].isdigit() and run)) and (joined or not run):
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
        while words and _generic(words[-1], typed_marked):
            words = words[:-1]
        # One capitalized Vietnamese syllable is usually title case ("Đô thị - Dịch vụ"); one word
        # without diacritics is a brand or a place ("Sonadezi", "Becamex", "Lagi").
        single = len(words) == 1 and (has_diacritics(words[0]) or len(words[0]) < 4)
        if words and not single and not all(w.isdigit() for w in words):
            out.append(" ".join(words))
    return out


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
    """Two-syllable names after "kcn", "tỉnh", "huyện" ... in a question typed without diacritics.

    Without capitals a name's end is a guess: only "kcn hoa phu co ..." (two syllables, then a function
    or question word or the end) counts; "kcn lam dong to chuc" does not.
    """
    out = []
    for m in _MARKER_RE.finditer(folded):
        words = m.group(1).split()
        stops = [i for i, w in enumerate(words) if w in STOPWORDS or w in _QUESTION_WORDS or w in _UNIT_WORDS]
        end = stops[0] if stops else len(words)
        tail_is_end = m.end(1) >= len(folded.rstrip(" ?.!"))
        if end == 2 and (stops or tail_is_end):
            out.append(" ".join(words[:2]))
    return out


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

    @classmethod
    @lru_cache(maxsize=256)
    def of(cls, question: str) -> Constraints:
        folded = expand(question)
        # Typed without diacritics, folded markers are ambiguous ("tinh": tỉnh / tình, "phuong": phường /
        # phương): only then are names read after "kcn", "tỉnh" ...; with diacritics, capitals mark them.
        marked = [] if has_diacritics(question) else _marked_names(folded)
        capitalized = _names(question)
        names = [expand(n) for n in capitalized] + marked + [m.group(1) for m in _PROVINCE_RE.finditer(folded)]
        # A shorter name inside a longer one adds nothing ("lam dong" in "kcn lam dong").
        names = [n for n in dict.fromkeys(names) if n and not any(n != o and f" {n} " in f" {o} " for o in names)]
        numbers = tuple(dict.fromkeys(n.lstrip("0") or "0" for n in NUMBER.findall(_TIMES_RE.sub(" ", _QUARTER_NUMBER.sub("quy", fold(question))))))
        ordinals = tuple(dict.fromkeys([_ordinal(m.group(1)) for m in _ORDINAL_RE.finditer(folded)]
                                       + [int(m.group(1)) for m in _TIMES_RE.finditer(folded)]))
        acronyms = tuple(expand(n) for n in capitalized if _ACRONYM.fullmatch(n))
        return cls(tuple(names), numbers, ordinals, _documents(question), _periods(folded), _laws(question),
                   _as_written(capitalized), acronyms)

    def unmet(self, evidence: str, own: str | None = None) -> list[str]:
        """The constraints ``evidence`` does not contain (empty when the evidence can answer).

        With ``own`` (the cited passage with its title, date and headings), numbers and ordinals must
        be there: "năm 2015" in another paragraph of the document does not date this one.
        """
        text = f" {expand(evidence)} "
        missing = [name for name in self.names if f" {name} " not in text and not _loose(name, text)
                   and not (name in self.acronyms and _initials(name).search(text))]
        if self.written:
            marked = normalize_text(evidence).lower()
            missing += [name for name in self.written if name not in marked and expand(name) not in missing]
        strict = evidence if own is None else own
        have = {n.lstrip("0") or "0" for n in NUMBER.findall(strict)}
        missing += [n for n in self.numbers if n not in have]
        found = {_ordinal(m.group(1)) for m in _ORDINAL_RE.finditer(f" {expand(strict)} ")}
        found |= {int(m.group(1)) for m in re.finditer(r"\blan (\d+)\b", f" {expand(strict)} ")}
        missing += [f"lan thu {n}" for n in self.ordinals if n not in found]
        folded = fold(strict) if self.documents else ""
        missing += [law for law in self.laws if not re.search(rf"\b{law}\b", text)]
        if self.periods:
            folded_own = fold(strict)
            missing += [asked for asked, pattern in self.periods if not re.search(pattern, folded_own)]
        for number, years in self.documents:  # "Chỉ thị 27-CT/TU ... năm 2015" is not the one of 2012
            at = folded.find(number)
            dated = YEAR.findall(re.split(r"[;.]\s", folded[at:at + 120])[0]) if at >= 0 else []
            if at < 0 or (years and dated and not set(years) & set(dated)):
                missing.append(" ".join([number, *years]))
        return missing


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_RE = re.compile(r"\b(?:quy\s+|q)(iv|i{1,3}|[1-4])\s*(?:nam\s+|/\s*)((?:19|20)\d{2})\b")  # "Q4/2017"
_MONTH_RE = re.compile(r"\bthang\s+(\d{1,2})\s*(?:nam\s+|/\s*)((?:19|20)\d{2})\b")
_MONTHS_RE = re.compile(r"\b(\d{1,2})\s+thang\s+(dau|cuoi)\s+nam\s+((?:19|20)\d{2})\b")  # "9 tháng đầu năm 2019"


def _periods(folded: str) -> tuple[tuple[str, str], ...]:
    """Patterns for the quarters, months and first or last months ("9 tháng đầu năm 2019") the question
    names with their year."""
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
    a clause of its own ("Chỉ thị 27-CT/TU | mà … thực hiện trong năm 2020" is not a 2020 directive)."""
    out = []
    for m in re.finditer(r"\S+", question):
        if DOCNUM.search(m.group(0)):
            clause = re.split(r"[,;?]|\b(?:mà|ma|trong|để|de|khi|nhằm|nham)\s", question[m.end():])[0]
            out.append((fold(m.group(0)).strip(".,;:?"), tuple(YEAR.findall(clause))))
    return tuple(dict.fromkeys(out))


def _ordinal(word: str) -> int:
    return int(word) if word.isdigit() else next(v for k, v in ORDINALS.items() if fold(k) == word)


_WORD = re.compile(r"[^\W_]+")
# "SXKD", "KCX-CN": shorter ones undashed would be met by chance
_ACRONYM = re.compile(r"[A-ZĐ]{4,6}|[A-ZĐ]{2,6}(?:-[A-ZĐ]{2,6})+")


def _initials(acronym: str) -> re.Pattern[str]:
    """Words opening with the acronym's letters, in order: "sxkd" is "sản xuất kinh doanh" (folded, expanded
    text); of a dashed one each part, a known abbreviation written out, parts joined or with "và" between
    ("kcx-cn" is "khu chế xuất và công nghiệp")."""
    parts = []
    for part in acronym.split("-"):
        written = expand(part)
        parts.append(written if " " in written else r"\w*\s+".join(part) + r"\w*")
    return re.compile(r"\b" + r"(?:\s+va)?\s+".join(parts) + r"\b")


def _loose(name: str, text: str) -> bool:
    """Names typed as one word or split ("Sơn Mỹ1" / "Sơn Mỹ 1", "Lagi" / "La Gi")."""
    squeezed = name.replace(" ", "")
    return bool(squeezed) and squeezed in text.replace(" ", "")


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


def _kinds(words: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    return {w: re.compile(rf"\b{w}\b") for w in words}


_EVENTS, _TARGETS, _ACTUALS = _kinds(EVENT_KINDS), _kinds(TARGET_WORDS), _kinds(ACTUAL_WORDS)
_SIGNED = re.compile(r"\b(?:da|duoc)\s+ky ket\b")  # "nội dung đã ký kết": what was signed, not a signing event
_DONE, _PLANS, _ACTS = _kinds(DONE_WORDS), _kinds(PLAN_WORDS), _kinds(DATED_ACTS)
_COUNT_ASKED = re.compile(r"\b(?:bao nhieu|may)\b")


def _in_attendance(sentence: str, passage: Passage) -> bool:
    """Whether ``sentence`` is an item of a list of attendees ("Đến tham dự … có …; đại diện … và 34 doanh
    nghiệp thứ cấp"): the text of its sentence before it, in its passage, says who attended."""
    text = fold(passage.text)
    at = text.find(fold(sentence)[:40])
    if at < 0:
        return False
    opening = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    return asks_attendance(text[opening + 1:at])


# What a question about a document's content asks for: "những tiêu chí gì", "loại giấy phép nào".
_ASKED_NOUN = re.compile(r"\b(?:nhung|cac|loai)\s+(\S+(?:\s\S+){0,3}?)\s+(?:nao|gi)\b"
                         r"|\b(?:yeu cau|quy dinh|dat ra|de ra|giao)\b.*\b(\S+\s(?!(?:ngay|nam|thang|quy|luc|gio|de|viec|dung)\s)\S+)"
                         r"\s+(?:nao|gi)\b")  # "… trước thời hạn nào", not "ban hành ngày nào" nor "vấn đề gì"
_ADDRESSED = re.compile(r"\b(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí)\s+[A-ZĐ]\w*\s+[A-ZĐ]\w*")  # a person by two syllables
_STANDARD = re.compile(r"\b(?:tcvn|iso)\s*\d")
_ASKS_AGENT = re.compile(r"^(?:ai|nguoi nao|don vi nao|co quan nao)\b"
                         r"|\b(?:ai|nguoi nao|(?:don vi|co quan)(?: [a-z]+){0,2} nao) (?:da )?\w+")  # "đơn vị tư vấn nào lập"
_DOCUMENT_KIND = re.compile(rf"\b(?:{'|'.join(fold(k) for k in DOCUMENT_KINDS)})\b")
_ISSUING = {"ban hanh", "ky"}  # the date after a document's number is when it was issued or signed
# where, when or by whom a meeting was held is no result of the period it deploys ("hội nghị … triển khai quý IV
# họp tại địa điểm nào")
_ASKS_SETTING = re.compile(r"\b(?:o dau|tai dau|dia diem nao|ngay nao|hom nao|khi nao|ai chu tri)\b")
_ASKS_DATE = re.compile(r"\b(?:ngay nao|khi nao|bao gio|thoi gian nao|nam nao|luc nao)\b")


def _named(words: dict[str, re.Pattern[str]], folded: str) -> set[str]:
    return {w for w, pattern in words.items() if pattern.search(folded)}


def _years(folded: str) -> set[int]:
    """Years named alone: the ends of a period ("giai đoạn 2016-2018") date no event."""
    return {int(y) for y in YEAR.findall(YEAR_RANGE.sub(" ", folded))}


def _event_years(folded: str) -> set[int]:
    """The years an event is dated by: "sơ kết năm 2018", "tổng kết công tác năm 2019" (the first year
    in its clause: "…, triển khai nhiệm vụ năm 2020" dates the plan, not the event)."""
    years = set()
    for pattern in _EVENTS.values():
        for m in pattern.finditer(folded):
            clause = re.split(r"[,;](?!\d)", folded[m.end():m.end() + 80])[0]
            if first := YEAR.search(YEAR_RANGE.sub(" ", clause)):
                years.add(int(first.group(0)))
    return years


def _other_agent(question: str, sentence: str) -> str | None:
    """The person the sentence says did what the question says its person did: "Nguyễn Tấn Phước chủ trì
    … ngày nào?" is not answered by "… Lâm Văn Tiếp đã chủ trì buổi làm việc" (the name nearest before the
    verb in its clause is the one who did it)."""
    question, sentence = normalize_text(question), normalize_text(sentence)
    for start, end in person_names(question):
        verb = re.match(r"\s+((?:đã\s+)?[^\W\d_]+\s+[^\W\d_]+)", question[end:])
        if verb is None or verb.group(1)[:1].isupper():
            continue
        words = verb.group(1).split()[-2:]  # "chủ trì", "đã chủ trì": the verb's two syllables
        at = re.search(rf"\b{re.escape(' '.join(words))}\b", sentence, re.IGNORECASE)
        if at is None:
            continue
        clause = max((m.end() for m in re.finditer(r"[;.]\s", sentence[:at.start()])), default=0)
        before = [sentence[a:b] for a, b in person_names(sentence[clause:at.start()])]
        if before and fold(before[-1]) != fold(question[start:end]):
            return before[-1]
    return _other_body(question, sentence)


# A body that opens the question and does its act: "Ban Quản lý KKT Bình Phước | giới thiệu …"
_BODY_ACTS = re.compile(rf"^\s*({UNIT_LEAD_WORD.pattern}[^,;?]*?)\s+((?:đã\s+|sẽ\s+)?[a-zđ][^\W\d_]*\s+[a-zđ][^\W\d_]*)\b")
_BODY = re.compile(UNIT_LEAD_WORD.pattern + r"[^,;]*")


def _other_body(question: str, sentence: str) -> str | None:
    """The body the sentence says did what the question's opening body does: "Ban Quản lý KKT Bình Phước giới
    thiệu …" is not answered by "Ban Quản lý các KCN Lâm Đồng tiếp tục giới thiệu …" (the body nearest before
    the verb in its clause did it; bodies differ by the places they name)."""
    asked = _BODY_ACTS.match(question)
    names = set(Constraints.of(asked.group(1)).names) if asked else set()
    if not names:
        return None
    verb = " ".join(asked.group(2).split()[-2:])
    at = re.search(rf"\b{re.escape(verb)}\b", sentence, re.IGNORECASE)
    if at is None:
        return None
    clause = max((m.end() for m in re.finditer(r"[;.:]\s", sentence[:at.start()])), default=0)
    bodies = list(_BODY.finditer(sentence, clause, at.start()))
    said = set(Constraints.of(bodies[-1].group(0)).names) if bodies else set()
    if said and not said & names and not any(n in m or m in n for n in names for m in said):
        return bodies[-1].group(0).strip()
    return None


_POST_AT = re.compile(r"\b(?:chuc vu|chuc danh|giu chuc)\b.*?\b(?:o|tai|cua)\s+(.+)$")


def _other_post(question: str, texts: list[str]) -> str | None:
    """The post the evidence gives a person the question names with another post: "Nguyễn Tấn Phước,
    Phó Chủ tịch UBND tỉnh, …" is not the "Phó Trưởng ban … Nguyễn Tấn Phước" of the documents."""
    question = normalize_text(question)
    for start, end in person_names(question):
        asked = post_held(question, start, end)
        at = _POST_AT.search(fold(question)) if asked is None else None  # "giữ chức vụ gì ở | Ban Quản lý … Lâm Đồng"
        if asked is None and at is None:
            continue
        name = fold(question[start:end])
        for text in texts:
            text = normalize_text(text)
            held = [post_held(text, a, b) for a, b in person_names(text) if fold(text[a:b]) == name]
            if not (held := [p for p in held if p]):
                continue
            if asked is not None:
                return None if asked[0] in [title for title, _ in held] else held[0][0]
            body = [n for n in Constraints.of(at.group(1)).names if n not in name]
            return None if any(all(n in expand(post) for n in body) for _, post in held) else held[0][1]
    return None


def _zones(text: str, written: bool = False) -> set[str]:
    """The zones ``text`` names, folded: "KCN Sơn Mỹ 1, 2" -> {"son my"}. In a ``written`` text (a
    document's) only a capitalized name is one: "Tổng công ty … Phát triển khu công nghiệp Sonadezi" is a company."""
    if written:
        text = " ".join(m.group(0) for m in _WRITTEN_ZONE.finditer(text) if m.group(1)[:1].isupper())
    return {m.group(1) for m in _ZONE.finditer(expand(text))
            if m.group(1).split()[0] not in _NOT_ZONE and not _PROVINCE_RE.match(m.group(1))}


def other_zone(question: str, sentence: str) -> str | None:
    """A zone the sentence names in place of the one asked ("… nhà đầu tư KCN Tân Đức" does not answer who
    invests in "KCN Sơn Mỹ 2"); None when the sentence names it, or names none."""
    asked = _zones(question)
    said = _zones(sentence, written=True) if asked else set()
    first = {name.split()[0] for name in asked}
    named = " ".join(["", *_WORD.findall(expand(sentence)), ""])  # "02 KCN Phú Hội và Lộc Sơn" names Lộc Sơn
    if said and not any(name in asked or name.split()[0] in first for name in said) \
            and not any(f" {name} " in named for name in asked):
        return ", ".join(sorted(said))
    return None


_BODY_WORDS = re.compile(r"\b(?:ban quan ly|uy ban nhan dan|so|phong|cong ty|tinh|thanh pho)\b")


def post_elsewhere(question: str, sentence: str, phrase: str) -> str | None:
    """The post in another body that ``sentence`` gives a person of ``phrase``, when the question asks a post
    holder of a body it names ("Lãnh đạo Ban Quản lý các KCN Lâm Đồng nào" is not answered by "Phó Trưởng
    ban Ban Quản lý các Khu chế xuất … thành phố | Nguyễn Tấn Phước"); None otherwise."""
    body = asked_post_body(question)
    names = [n for n in Constraints.of(question).names if n in expand(body)] if body else []
    if not names:
        return None
    at = sentence.find(phrase)
    for start, end in person_names(phrase):
        held = post_held(sentence, at + start, at + end) if at >= 0 else None
        of = expand(held[1][len(held[0]):]) if held else ""  # the body the post is of, as written with it
        if _BODY_WORDS.search(of) and not any(n in of for n in names):
            return held[1]
    return None


def mismatch(question: str, sentence: str, passage: Passage | None = None) -> str | None:
    """Why ``sentence`` speaks of something else than ``question`` asks, or None: another kind of event
    (a "sơ kết" for a "tổng kết"; a sentence that names none is about its document's, from the title), an
    event of another year (the "sơ kết năm 2018" asked is not the one a 2017 report is about, unless the
    sentence itself names the year), a
    target where the question asks what was achieved, or a plan where it asks what was done: a document
    cannot report as done what it dates after itself ("Cuối năm 2018 tổ chức tổng kết" in a 2017 report),
    unless the question too asks about the plan ("theo kế hoạch …, buổi tổng kết sẽ đánh giá …")."""
    q, s = fold(question), fold(sentence)
    asked, said = _named(_EVENTS, _SIGNED.sub(" ", q)), _named(_EVENTS, _SIGNED.sub(" ", s))
    if not said and passage is not None:
        said = _named(_EVENTS, fold(passage.title))
    if asked and said and not asked & said:
        return f"sự kiện khác: {', '.join(sorted(said))} (câu hỏi: {', '.join(sorted(asked))})"
    if passage is not None and passage.date and (years := _event_years(q)):
        held = int(passage.date[:4])  # a review of year Y may be held early in Y + 1
        if own := _event_years(s):  # "Hội nghị sơ kết năm 2017": the sentence dates its own event
            other = not own & years
        else:  # else a year it names, or its document's date
            other = not _years(s) & years and held not in years and not (held - 1 in years and passage.date[5:7] <= "03")
        if other:
            return f"sự kiện năm khác (câu hỏi: năm {', '.join(map(str, sorted(years)))})"
    number = DOCNUM.search(question)
    documents = {re.match(r"\d+", m.group(0)).group(0) for m in DOCNUM.finditer(sentence)}
    if number is not None and documents and re.match(r"\d+", number.group(0)).group(0) not in documents:
        return f"văn bản khác: {', '.join(sorted(documents))}"  # "Chỉ thị 27-CT/TU … ai ký" is not told by QĐ 3485's sentence
    if (act := _other_act(question, sentence, number)) is not None:
        return act
    asked = _ASKED_NOUN.search(q)
    head = " ".join((asked.group(1) or asked.group(2)).split()[:2]) if asked else ""
    # "TCVN ISO 9001:2000 yêu cầu …"; not a document the question is only framed by ("Theo tinh thần Chỉ thị 27, …")
    framed = re.match(r"\s*theo\b[^,]*,", q)
    cited = (number is not None and not (framed and number.end() <= framed.end())) or _STANDARD.search(q) is not None
    if cited and asked and f" {head} " not in f" {expand(s)} ":
        return f"câu chỉ dẫn văn bản, không nêu {head} của nó"  # "Công văn 4622 đặt ra những tiêu chí gì"
    if passage is not None and _COUNT_ASKED.search(q) and not asks_attendance(q) and _in_attendance(sentence, passage):
        return "câu được trích kể thành phần dự họp, câu hỏi không hỏi về người dự"  # "34 doanh nghiệp thứ cấp" (dự họp)
    if (post := _other_post(question, [sentence] + ([passage.text] if passage is not None else []))) is not None:
        return f"người được hỏi giữ chức vụ khác: {post}"
    if (zone := other_zone(question, sentence)) is not None:
        return f"khu công nghiệp khác: {zone}"
    if (other := _other_agent(question, sentence)) is not None:
        return f"người khác làm việc được hỏi: {other}"
    if _named(_ACTUALS, q) and _named(_TARGETS, s) and not _named(_ACTUALS, s):
        return "câu được trích nêu chỉ tiêu, câu hỏi hỏi kết quả thực tế"
    if passage is not None and passage.date and _named(_DONE, q) and not _named(_PLANS, q):
        years = _years(s)  # "giai đoạn 2016-2018" is no plan
        if any(y > int(passage.date[:4]) for y in years):
            return f"câu được trích nêu kế hoạch (năm {max(years)}, sau ngày của tài liệu), câu hỏi hỏi điều đã làm"
        dated = (int(passage.date[:4]), int(passage.date[5:7] or 0))  # "kết quả quý IV năm 2017" is not in a
        if any(start > dated for start in _period_starts(q)) and not _ASKS_SETTING.search(q):  # 25/9/2017 plans it
            return "kỳ được hỏi bắt đầu sau ngày của tài liệu, câu hỏi hỏi điều đã làm"
    return None


def _other_act(question: str, sentence: str, number: re.Match[str] | None) -> str | None:
    """Why ``sentence`` does not say the act whose date or doer is asked ("được ký ngày nào", "Ai đã ký …",
    what "Ông Lương Văn Hải" did), or None. The date that follows a document's number is the date it was
    issued or signed ("Công văn số 4622/UBND-KT ngày …"; only its issuing, not when it took effect; not a
    law's the document cites by name: "Luật … được Nghị định 80/2006 hướng dẫn được thông qua năm nào")."""
    q, s = fold(question), fold(sentence)
    law = re.search(r"\bluat\s", q)
    acts = _named(_ACTS, q)
    numbered = number is not None and (law is None or number.start() < law.start()) and acts <= _ISSUING
    # "công văn … ký ngày nào": a document named by its kind is dated by the number the sentence gives it
    numbered = numbered or (law is None and acts <= _ISSUING and bool(_DOCUMENT_KIND.search(q))
                            and DOCNUM.search(sentence) is not None)
    # "Ông Lương Văn Hải đã trao bằng khen cho …", "Bà Yến Lệ đã được nhận …": that person's act
    doer = bool(person_names(normalize_text(question)) or _ADDRESSED.search(normalize_text(question)))
    if (_ASKS_DATE.search(q) or _ASKS_AGENT.search(q) or doer) and acts and not acts & _named(_ACTS, s) and not numbered:
        return f"việc khác (câu hỏi: {', '.join(sorted(acts))})"
    return None


def _period_starts(folded: str) -> list[tuple[int, int]]:
    """(year, month) each quarter or month the question names with its year begins."""
    starts = [(int(m.group(2)), 3 * _QUARTERS[m.group(1)] - 2) for m in _QUARTER_RE.finditer(folded)]
    return starts + [(int(m.group(2)), int(m.group(1))) for m in _MONTH_RE.finditer(folded)]
