"""Question-type cues: what kind of phrase would answer a Vietnamese question.

"ai" wants a person or unit, "khi nào / ngày nào" a date, "bao nhiêu" a number, "ở đâu" a place,
"nghị định / quyết định nào" a document number. A candidate sentence that contains no such phrase
is unlikely to answer, which is also the strongest signal for abstaining.

:class:`Cue` is sharper than the type: the unit a count asks for ("bao nhiêu *ha*", "bao nhiêu
*phần trăm*", "kinh phí ... bao nhiêu" wants money) must follow a number in the answer; a question
about the holder of a post ("Trưởng ban ... tên là gì?") needs that post named before a name;
"huyện nào", "địa chỉ website", "tháng mấy" want that kind of phrase; and a date the question itself
gives does not answer "khi nào". A sentence about the right event with the wrong kind of figure is
the commonest plausible wrong answer.

Example:
    >>> question_type("Hội nghị được tổ chức khi nào?")
    'when'
    >>> satisfies("when", "Ngày 26/04/2019 tại thành phố Đà Lạt")
    True
    >>> cue = Cue.of("Diện tích KCN Sơn Mỹ 1 là bao nhiêu hecta?")
    >>> cue.fits("quy hoạch phân khu xây dựng 1/2.000"), cue.fits("diện tích 1.070 ha")
    (False, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.chains.counted import count_unit, counted_in_words
from assistant.chains.posts import (
    LOW,
    POST,
    ROLE_WHICH,
    ROLES,
    UP,
    asked_role,
    asks_word,
    has_person_name,
    person_names,
    post_which,
)
from assistant.text.abbreviations import expand
from assistant.text.kinds import (
    ATTENDANCE_ASKED,
    ATTENDEE_NOUNS,
    DATED_ACTS,
    DOCUMENT_KINDS,
    EVENT_FRAME_WORDS,
    FRAME_HEADS,
    PARTS_OF_DAY,
)
from assistant.text.normalize import fold, has_diacritics, normalize_text, strip_diacritics
from assistant.text.patterns import DATE as _DATE
from assistant.text.patterns import DOCNUM as _DOCNUM
from assistant.text.patterns import ENUMERATOR
from assistant.text.patterns import NUMBER as _NUMBER
from assistant.text.places import UNIT_ABBREVIATIONS, UNIT_NAME_WORDS
from assistant.text.stopwords import ASKING_OPENERS, STOPWORDS

# The word that opens a unit's name: "Ban Quản lý …", "Sở …", "UBND …", "Chính phủ", "Bộ Xây dựng".
UNIT_LEAD_WORD = re.compile(r"(?<![\w/-])(?:Ban|Phòng|PHÒNG|Sở|UBND|Ủy ban|Trung tâm|Công ty|Tổng [Cc]ông ty|BQL"
                            r"|Văn [Pp]hòng|Tập đoàn|Công [Đđ]oàn|Chính phủ|Quốc hội|Tỉnh ủy|Thành ủy|HĐND"
                            r"|Hội đồng nhân dân|Bộ(?= [A-ZĐ]))\b")
# "Kể tên những doanh nghiệp …" asks "doanh nghiệp nào": their names, which "một số doanh nghiệp" does not give.
LISTED_COMPANIES = r"\b(?:liet ke|ke ten) (?:ten )?(?:cac |nhung )?(doanh nghiep|cong ty|dn)\b"
_OFFICERS = r"can bo nao|chuyen vien nao|nhan vien nao"  # an officer asked for: a person
_TYPES = [
    # the kinds of documents (text/kinds.DOCUMENT_KINDS) and "văn bản"; a standard ("ISO 9001:2008") is no numbered document
    ("which-doc", rf"\b({'|'.join(fold(k) for k in (*DOCUMENT_KINDS, 'văn bản') if k != 'Tiêu chuẩn')})"
                  r"\s+(nao|so may|so bao nhieu|gi)\b"
                  r"|\bso hieu\b"),
    ("when", r"\b(khi nao|bao gio|ngay nao|ngay bao nhieu|thang nao|nam nao|luc nao|thoi gian nao|thoi diem nao"
             r"|ngay may|thang may|nam may|hom nao|quy nao|giai doan nao|may gio)\b"
             rf"|\bngay (?:{'|'.join(DATED_ACTS)})\W*$"),  # "QĐ số 3485 … - ngày ban hành?": the date, elliptic
    ("howmany", r"\b(bao nhieu|bao lau(?! mot lan))\b"),  # "bao lâu một lần" asks how often
    ("where", r"\b(o dau|tai dau|dia diem nao|noi nao|tinh nao|thanh pho nao|huyen nao|xa nao|(?<!co )quan nao"
              r"|dia chi|khu cong nghiep nao|kcn nao|duong nao|pham vi nao)\b"),
    # "những phòng nào", "các bộ phận nào": a list, not the one unit a who-phrase points at
    ("who", r"\b(ai|nguoi nao|don vi nao|co quan nao|ban nao|(?<!nhung )(?<!cac )(?:phong|bo phan|ban quan ly) nao"
            r"|(?<!pham )(?<!don )vi nao|doanh nghiep nao|cong ty nao|to chuc nao|nha dau tu nao|tap doan nao"
            r"|ten la gi|ten gi|ho ten|lanh dao nao|chu tich nao|truong ban nao|ong nao|ba nao|dong chi nao"
            r"|" + _OFFICERS +
            r"|(?:don vi|co quan|cong ty|doanh nghiep)(?: (?!nao\b)[a-z]+){1,2} nao"  # "đơn vị tư vấn nào"
            r"|" + LISTED_COMPANIES + r")\b"
            r"|^\W*tac gia\b(?!.*\b(?:gi|nao|sao)\b)"),  # "Tác giả bài tin tổng kết năm 2019?": elliptic
]
_TYPES[-1] = ("who", _TYPES[-1][1] + "|" + ROLE_WHICH)
_PATTERNS = [(name, re.compile(pattern)) for name, pattern in _TYPES]
# A question that asks for a person, not a body: "đồng chí nào", "ai là người", "ông nào", "vị nào", "ai … thay mặt".
_PERSON_ASKED = re.compile(r"\b(?:dong chi nao|ai la nguoi|nguoi nao|ong nao|ba nao|(?<!don )(?<!pham )vi nao|ho ten|ten la gi"
                           r"|" + _OFFICERS +
                           r"|thay mat)\b")  # who acts "thay mặt" a body is a person
# A question that asks a person's name, not just who ("cán bộ nào", "họ tên", "đồng chí nào"): "ai là người" is
# answered by a unit's byline too, these are not.
NAME_ASKED = re.compile(r"\b(?:can bo|chuyen vien|nhan vien|dong chi|ong|ba) nao\b|\bho (?:va )?ten\b|\bten (?:la )?gi\b")
_NAME = re.compile(
    rf"(?:[{UP}][{LOW}]+\s+){{1,3}}[{UP}][{LOW}]+|\b(?:Ban|Phòng|Sở|UBND|Ủy ban|Trung tâm|Công ty|Tổng công ty|BQL|Văn phòng)\b"
)
_DOCNAME = re.compile(rf"\b(?:{'|'.join(DOCUMENT_KINDS)})\s+[A-ZĐ]")
_PLACE = re.compile(rf"\b(?:tại|ở)\s+(?:(?:các|những)\s+)?(?:thành phố|tỉnh|huyện|Trung tâm|TP|[{UP}])")


# Question words whose folded form is also a common word: "mấy" / "máy" (nhà máy), "đâu" / "đầu" (đầu tư).
# Typed with diacritics they are matched as typed; typed without, folded.
_AMBIGUOUS = {"howmany": "mấy", "where": "đâu"}
ZONE_WRITTEN = r"khu cong nghiep|KCN"  # how a zone asked by its name is written
_COMPOUND_ZONE = r"(?:\s*[–-]\s*[A-Z][a-z]*(?:\s+[a-z]+)*)*"  # "– Đô thị - Dịch vụ", read without marks
# "mấy năm một lần", "bao lâu một lần": how often, not how many
# A question framed by its source: "Theo tinh thần Chỉ thị 27, …", "Theo kế hoạch đặt ra ở HN sơ kết 2017, …" (folded).
FRAMED = re.compile(r"\s*theo\b[^,]*,")
ASKS_WHY = re.compile(r"\b(?:vi sao|tai sao|vi dau|ly do|nguyen nhan)\b")  # a cause, of something the sentence says
ASKS_PROCEDURE = re.compile(r"\b(?:thu tuc|ho so|giay to)\b.*\b(?:gom|the nao|ra sao|nhu nao|gi|nao)\b"  # a procedure
                            r"|\blam (?:sao|the nao) (?:de )?(?:dang ky|xin|nop|lam|duoc)\b"
                            r"|\bcan (?:nhung )?(?:giay to|ho so|thu tuc) gi\b")
ASKS_OFTEN = re.compile(r"\b(?:bao lau|may (?:nam|thang|tuan|ngay|quy))(?: mot)? lan\b")


# "Ngoài X, ...", "Bên cạnh X, ...": X is set aside; the question asks for another one.
_BESIDES = re.compile(r"^\s*(?:ngoai tru|ngoai|ben canh|tru)\s+([^,]+),\s*")


def set_aside(question: str) -> tuple[str, str]:
    """(what "Ngoài X, ..." sets aside, the rest of the question); ("", question) without one."""
    question = normalize_text(question)
    m = _BESIDES.match(fold(question))  # fold keeps an NFC text's length
    return (question[m.start(1):m.end(1)], question[m.end():]) if m else ("", question)


_HEADS = tuple(h.split() for h in FRAME_HEADS.split(", "))
_FOLDED_HEADS = tuple(fold(h).split() for h in FRAME_HEADS.split(", "))
_WRITTEN_FRAME_WORDS = frozenset(f"{EVENT_FRAME_WORDS} {UNIT_NAME_WORDS} {UNIT_ABBREVIATIONS}".split())
_FRAME_WORDS = frozenset(fold(w) for w in _WRITTEN_FRAME_WORDS)
_OPENERS = tuple(o.split() for o in ASKING_OPENERS)
_ATTENDEE_NOUNS = tuple(n.split() for n in ATTENDEE_NOUNS)


_QUARTER_NEXT = re.compile(r"(?:iv|i{1,3}|[1-4]|nay|nao|truoc|sau|toi|dau|cuoi)$")


def _names_next(tokens: list[tuple[str, str]], j: int) -> bool:
    """Whether a function word at ``j`` leads on to more of a frame: a name or number ("của | Ban Quản lý", "tại |
    Đà Lạt"), not what is asked ("BQL các KCN Lâm Đồng còn những | hạn chế gì": "hạn" is also a unit's word)."""
    word = next((w for w, f in tokens[j:] if f not in STOPWORDS), "")
    return word[:1].isupper() or word[:1].isdigit()


def asked_about(question: str, names: tuple[str, ...] = ()) -> str:
    """The question without its frame: the runs that name its event, body or period (from a
    :data:`FRAME_HEADS` word on, through frame words, names and numbers) and the ``names`` it pins down.
    "Những hạn chế nào được chỉ ra tại Hội nghị sơ kết 9 tháng đầu năm 2017 của Ban quản lý các KCN Lâm
    Đồng?" asks "Những hạn chế nào được chỉ ra tại"."""
    tokens = [(m.group(0), fold(m.group(0))) for m in re.finditer(r"[^\W_]+", question)]
    folded = [t for _, t in tokens]
    named = {w for name in names for w in name.split()}
    drop = [t.isdigit() or t in named for t in folded]
    opener = next((len(o) for o in _OPENERS if folded[:len(o)] == o), 0)
    drop[:opener] = [True] * opener  # "Cho mình hỏi …" asks nothing of its own
    for noun in _ATTENDEE_NOUNS:  # "những thành phần nào dự": the attendees asked, not words they are listed with
        for i in range(len(folded) - len(noun) + 1):
            if folded[i:i + len(noun)] == noun:
                drop[i:i + len(noun)] = [True] * len(noun)
    # Heads are matched as written ("sở" is not "sơ kết"), folded only in a question typed without diacritics.
    if has_diacritics(question):  # "tỷ lệ" is no "công ty"
        heads, keys, frame = _HEADS, [s.lower() for s, _ in tokens], _WRITTEN_FRAME_WORDS
    else:
        heads, keys, frame = _FOLDED_HEADS, folded, _FRAME_WORDS
    i = 0
    while i < len(tokens):
        head = next((h for h in heads if keys[i:i + len(h)] == h), None)
        if head == ["quy"] and not _QUARTER_NEXT.match(folded[i + 1] if i + 1 < len(folded) else ""):
            head = None  # typed without marks, "quy hoach" is "quy hoạch", not a quarter ("quý IV", "quy 4")
        if head is None:
            i += 1
            continue
        j = end = i + len(head)
        while j < len(tokens) and (keys[j] in frame or drop[j] or tokens[j][0][:1].isupper()
                                   or tokens[j][1] in STOPWORDS and _names_next(tokens, j)):
            j += 1
            end = j if tokens[j - 1][1] not in STOPWORDS else end
        drop[i:end] = [True] * (end - i)
        i = max(end, i + 1)
    return " ".join(surface for (surface, _), dropped in zip(tokens, drop, strict=True) if not dropped)


# A count of years before the period it spans ("kế hoạch … 5 năm 2015-2020"), which reads as a date without it.
_COUNT_BEFORE_YEAR = r"(?<![\d/.])(?<!thang )(?<!ngay )(?<!quy )\d{1,3}\s+"


def question_type(question: str) -> str | None:
    """One of which-doc, when, howmany, where, who; None for other questions."""
    question = set_aside(question)[1]  # "Ngoài lãnh đạo UBND tỉnh, những thành phần nào ...": not a leader
    folded = expand(question)  # "DN nào" asks a company
    for name, pattern in _PATTERNS:
        if name == "where" and post_which(question, folded):  # "Lãnh đạo UBND tỉnh nào": a person
            return "who"
        if name == "howmany" and ASKS_OFTEN.search(folded):
            continue
        if pattern.search(folded) or (name in _AMBIGUOUS and asks_word(_AMBIGUOUS[name], question, folded)
                                      and (has_diacritics(question) or not _unambiguous(folded))):
            return name
    return None


def _unambiguous(folded: str) -> bool:
    """Whether a question typed without marks has a question word that reads one way only: then its "dau"
    is "đầu" ("cong ty nao xuc tien dau tu": a company, not a place)."""
    return any(pattern.search(folded) for _, pattern in _PATTERNS)


# What an open question (no phrase type) asks of its sentence, by form: "để làm gì" a purpose ("để ...",
# "nhằm ..."), "kể tên / những ... nào" the items of a list, "X nào" the X the sentence names ("công tác
# nào" -> "công tác xúc tiến đầu tư"), "thế nào / ra sao" the verdict in the clause that restates it.
_OPEN_FORMS = [
    ("purpose", re.compile(r"\b(?:de|nham) (?:lam gi|lam chi|muc dich gi|muc tieu gi)\b|\bmuc (?:dich|tieu) (?:gi|la gi)\b"
                           r"|\bnham gi\b|\b(?:de|nham) (?:dat|lam) (?:duoc )?(?:dieu|viec) gi\b"  # "để đạt điều gì"
                           r"|\bmuc (?:dich|tieu)\b.*\bla gi\b")),  # "Mục đích của việc … là gì"
    ("list", re.compile(r"\bke ten\b|\b(?:nhung|cac) (?:\S+ ){1,3}nao\b|\bgom (?:nhung )?(?:gi|ai)\b")),
    ("often", re.compile(r"\b(?:tan suat|bao lau mot lan|may lan|dinh ky (?:the nao|ra sao|bao lau))\b|" + ASKS_OFTEN.pattern)),
    ("yesno", re.compile(r"\bco\b.*\bkhong\s*\??\s*$")),  # "có xảy ra đình công ... không?"
    ("subject", re.compile(r"\bve (?:viec |van de |noi dung |linh vuc )?gi\b")),  # "Công văn ... nói về việc gì"
    ("how", re.compile(r"\b(?:the nao|ra sao|nhu nao|den dau|toi dau)\b")),
    ("which", re.compile(r"\b(?!nhung\b|cac\b)\S+ \S+ (?:nao|gi)\b")),
]


# A question about the news item itself, not the event it reports: who wrote or sent it, when it was posted.
_ABOUT_ARTICLE = re.compile(r"\b(?:bai (?:viet|tin|bao)|ban tin|nguoi viet|tac gia|viet bai|dua tin|dang tin"
                            r"|(?:duoc )?dang (?:luc|ngay|vao|khi)|ngay dang)\b")


def about_article(question: str) -> bool:
    """Whether the question asks who wrote a news item or when it was posted ("Ai là người viết bài
    tin về ...?", "Bài viết ... được đăng lúc nào?"): its byline or publication stamp answers."""
    return Cue.of(question).kind in {"who", "when"} and bool(_ABOUT_ARTICLE.search(fold(question)))


_ASKING = {"không", "chưa", "sao", "nào", "gì", "đâu", "ai"}  # an option with these asks, it offers nothing
_CHOICE = re.compile(r"\b(\w+(?: \w+)?) hay (?:la )?(\w+(?: \w+)?)\b")


def _choice(question: str) -> tuple[list[str], list[str]] | None:
    """The words of the two options of "A hay B", as written and lowercased, or None: folding keeps the length,
    so a match in the folded question reads the written words at the same offsets."""
    written = normalize_text(question).lower()
    m = _CHOICE.search(fold(written))
    return None if m is None else (written[m.start(1):m.end(1)].split(), written[m.start(2):m.end(2)].split())


def alternatives(question: str) -> tuple[set[str], set[str]]:
    """The words of a choice the question offers, and those that tell its options apart ("họp buổi sáng
    hay buổi chiều" -> {"buoi", "sang", "chieu"}, {"sang", "chieu"}), folded: a sentence that says one option
    says what is asked."""
    if re.search(r"\bbuoi nao\b", fold(question)):  # "vào buổi nào": the part of the day is the choice
        return {"buoi", *PARTS_OF_DAY}, set(PARTS_OF_DAY)
    if (choice := _choice(question)) is None:
        return set(), set()
    left, right = ({fold(w) for w in words} for words in choice)
    return (left | right) - STOPWORDS, (left ^ right) - STOPWORDS


def options(question: str) -> tuple[str, ...]:
    """What tells apart the two options of a choice the question offers, as written ("đấu thầu hay chỉ định" ->
    ("đấu thầu", "chỉ định"); "buổi sáng hay buổi chiều" -> ("sáng", "chiều")); empty for none, or for "… hay
    không" (whether, not which)."""
    if (choice := _choice(question)) is None:
        return ()
    left, right = choice
    asking = _ASKING if has_diacritics(question) else {fold(w) for w in _ASKING}
    if asking & {*left, *right}:  # "… không hay …", "… nào hay sao?"
        return ()
    told = [" ".join(w for w in words if w not in other) for words, other in ((left, right), (right, left))]
    return tuple(t for t in told if t and not STOPWORDS.issuperset(fold(t).split()))


def asks_form(question: str, form: str) -> bool:
    """Whether ``question`` is an open question of ``form`` ("often", "yesno", …; :func:`open_form`)."""
    found = open_form(question)
    return found is not None and found[0] == form


def open_form(question: str) -> tuple[str, str] | None:
    """(form, matched words) of an open question: purpose, list, often, yesno, subject, how or which; None
    otherwise."""
    folded = fold(question)
    for name, pattern in _OPEN_FORMS:
        if m := pattern.search(folded):
            return name, m.group(0)
    return None


def _without_dates(sentence: str) -> str:
    """``sentence`` with dates, document numbers and a list item's number blanked out, so only
    quantities keep digits."""
    return _DATE.sub(" ", _DOCNUM.sub(" ", ENUMERATOR.sub(" ", sentence)))


def satisfies(kind: str | None, sentence: str) -> bool:
    """Whether ``sentence`` holds the kind of phrase the question type asks for."""
    if kind is None:
        return True
    if kind == "when":
        return bool(_DATE.search(sentence))
    if kind == "howmany":  # a quantity, not a date or a year
        return bool(_NUMBER.search(_without_dates(sentence)))
    if kind == "which-doc":
        return bool(_DOCNUM.search(sentence) or _DOCNAME.search(sentence))
    if kind == "where":
        return bool(_PLACE.search(sentence))
    if kind == "who":
        return bool(_NAME.search(sentence))
    return True


# -- sharper cues: the kind of place, venue, period, contact detail or ordinal asked --------------------

# "Huyện nào", "trụ sở nào": the answer names that kind of place ("huyện Bảo Lâm").
# (Not "cơ quan nào" / "địa phương nào" / "UBND tỉnh nào": a body, not a place.)
_WHICH_PLACE = re.compile(r"(?<!co )(?<!dia )(?<!nhan dan )\b(huyen|tinh|xa|quan|phuong|thanh pho|thi xa|tru so"
                          r"|khu cong nghiep|kcn|hoi truong|phong hop|khach san|nha khach|trung tam hoi nghi|duong)\s+nao\b")
# "Hội nghị ... tổ chức ở đâu": an event's venue is a named place, never a clause about something else.
_ASKS_VENUE = re.compile(r"\b(?:to chuc|dien ra|hop|khai mac|ky ket|dang cai)\b(?:\s+\S+){0,14}?"
                         r"\s+(?:(?:o|tai) dau|(?:(?:o|tai) )?dia diem nao)\b")  # "… tại địa điểm nào"
# Over diacritics-stripped text; "tại Hội nghị", "tại Công văn số ..." name no place.
VENUE = (r"\b(?:tai|o)\s+(?!(?:Hoi nghi|Hoi thao|Quyet dinh|Cong van|Nghi dinh|Nghi quyet|Chi thi|Thong tu|Thong bao"
         r"|Ke hoach|Dieu|Khoan|Chuong|Muc)\b)(?:thanh pho|tinh|huyen|TP|[A-Z])")
# The place a "tại/ở" names, to its last capitalized word: "tại Việt Nam, hai Ban" -> "Việt Nam"; and in a
# question, however typed, the words after it (folded): "… các KCN tại việt nam được tổ chức ở đâu".
_PLACE_NAMED = re.compile(r"\b(?:tai|o)\s+((?:(?:thanh pho|tinh|huyen)\s+)?[A-Z][^\s,.;:()]*(?:\s+[A-Z][^\s,.;:()]*)*)")
_AT_WORDS = re.compile(r"\b(?:tai|o)\s+([a-z0-9]+(?:\s+[a-z0-9]+){0,4})")
_ASKS_PERIOD = re.compile(r"\bgiai doan nao\b")
_ASKS_WEB = re.compile(r"\bdia chi\s+(website|trang web|web|trang thong tin dien tu|email|thu dien tu)\b"
                       r"|\b(website|trang web|email)\s+(nao|la gi)\b|\b(?:e-?mail|thu dien tu)\b"
                       r"|\b(?:website|trang web)\s+cua\b.*\bla gi\b"  # "Website của BQL … là gì?": its address
                       r"|\b(?:link|duong link|duong dan|url)\s+(?:nao|gi|la gi|o dau)\b|\bo link\b")  # "nộp ở link nào"
_WEB = r"(?i)\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|org|net|gov|edu)\b|https?://|www\.|@"
# A contact detail is a phone number or a street address; a sentence without one does not answer.
_ASKS_PHONE = re.compile(r"\b(?:so dien thoai|dien thoai|so fax|hotline|duong day nong)\b")
_PHONE = r"(?<![\d/])\(?\+?\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\d/])"
_ASKS_ADDRESS = re.compile(r"\b(?:dia chi|tru so)\b")
_ADDRESS = r"(?i:\b(?:so\s+)?\d+[a-z]?(?:/\d+)?\s*,?\s*(?:duong|pho))\s+[A-Z]"
_ASKS_CONTACT = re.compile(r"\b(?:thong tin )?lien (?:he|lac)\b(?! voi)")  # "Thông tin liên hệ của BQL?"
_CONTACT = rf"{_PHONE}|{_ADDRESS}|(?i:\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|org|net)\b|@)"
_ASKS_MONTH = re.compile(r"\bthang (may|nao|bao nhieu)\b")
# "lần thứ mấy": an ordinal answers ("lần thứ nhất"), not a number.
_ASKS_ORDINAL = re.compile(r"\b(?:thu may|lan thu bao nhieu)\b")
ORDINAL = r"(?i)\blan thu (?:\d+|nhat|nhi|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)\b"
_ASKS_DAY = re.compile(r"\b(?:ngay (?:may|nao|bao nhieu)|hom nao)\b")  # "hôm nào": which day
_ASKS_HOUR = re.compile(r"\bmay gio\b")  # "lúc mấy giờ": a time of day, not a count
_HOUR = r"(?i)\b\d{1,2}\s*(?:gio|h)\b|\b\d{1,2}:\d{2}\b"


_ATTENDANCE = re.compile(rf"\b(?:{'|'.join(ATTENDANCE_ASKED)})\b")


def asks_attendance(folded: str) -> bool:
    """Whether folded text speaks of who attended ("thành phần tham dự", "dự hội nghị")."""
    return bool(_ATTENDANCE.search(folded))


@dataclass(frozen=True)
class Cue:
    """What an answer sentence must hold for one question; build with :meth:`Cue.of`."""

    kind: str | None
    unit: str | None = None  # regex over folded text of the unit that must follow a number
    role: str | None = None  # folded post ("truong ban", "pho chu tich") that must precede a name
    pattern: str | None = None  # regex the sentence (diacritics stripped, case kept) must match
    own_dates: tuple[str, ...] = ()  # dates the question itself gives: they do not answer "when"
    person: bool = False  # "Đồng chí nào / ai là người …": a person's name must answer, not a unit
    own_places: tuple[str, ...] = ()  # what follows the question's own "tại/ở" (folded): no answer to "ở đâu"

    @classmethod
    @lru_cache(maxsize=256)  # the answerer asks for one question's cue while scoring, filtering and gating
    def of(cls, question: str) -> Cue:
        kind = question_type(question)
        question = set_aside(question)[1]
        folded = expand(question)
        unit = count_unit(folded, question) if kind == "howmany" else None
        role = asked_role(question, folded) if kind == "who" else None
        pattern = None
        if (place := _WHICH_PLACE.search(folded)) is not None:
            asked = place.group(1)
            written = ZONE_WRITTEN if asked in {"khu cong nghiep", "kcn"} else asked
            compound = _COMPOUND_ZONE if written == ZONE_WRITTEN else ""  # "Khu công nghiệp – Đô thị - Dịch vụ Hàm Tân"
            pattern = rf"(?i:\b(?:{written})){compound}\s+[A-Z]"
        elif kind == "where" and _ASKS_VENUE.search(folded):  # where an event was held: a named place
            pattern = VENUE
        elif _ASKS_PERIOD.search(folded):
            pattern = r"\b\d{4}\s*[-–]\s*\d{4}\b"
        elif _ASKS_WEB.search(folded):
            pattern = _WEB
        elif _ASKS_ORDINAL.search(folded):
            pattern = ORDINAL
        elif _ASKS_PHONE.search(folded):
            pattern = _PHONE
        elif _ASKS_ADDRESS.search(folded):
            pattern = _ADDRESS
        elif _ASKS_CONTACT.search(folded) and kind is None:
            pattern = _CONTACT
        elif _ASKS_HOUR.search(folded):
            pattern = _HOUR
        elif _ASKS_DAY.search(folded):
            pattern = r"(?i)\bngay\s+\d|\b\d{1,2}/\d{1,2}\b"
        elif _ASKS_MONTH.search(folded):
            pattern = r"(?i)\bthang\s+\d|\b\d{1,2}/\d{1,2}\b|\b\d{1,2}/\d{4}\b"
        own = tuple(fold(m.group(0)) for m in _DATE.finditer(normalize_text(question))) if kind == "when" else ()
        person = kind == "who" and bool(_PERSON_ASKED.search(folded))
        places = tuple(m.group(1) for m in _AT_WORDS.finditer(fold(question))) if pattern == VENUE else ()
        return cls(kind, unit, role, pattern, own, person, places)

    @property
    def zone(self) -> bool:
        """Whether a zone is asked by its name ("KCN nào")."""
        return bool(self.pattern) and ZONE_WRITTEN in self.pattern

    @property
    def strict(self) -> bool:
        """Whether a sentence that does not fit cannot be an answer (not merely a weaker one)."""
        return self.kind in {"when", "howmany", "which-doc"} or bool(self.role or self.pattern) or self.person

    def fits(self, sentence: str) -> bool:
        """Whether ``sentence`` holds what the cue asks for: a date, a number with its unit, a post's holder …"""
        if self.pattern:  # sharper than the type's own cue, and replaces it
            if not self._patterned(strip_diacritics(normalize_text(sentence))):
                return False
        elif self.kind == "when" and self.own_dates:
            dates = [fold(m.group(0)) for m in _DATE.finditer(sentence)]
            if not any(d not in self.own_dates for d in dates):
                return False
        elif not satisfies(self.kind, sentence) and not (self.unit and next(counted_in_words(sentence, self.unit), None)):
            return False
        if self.unit:
            text = expand(_without_dates(sentence))
            if not re.search(rf"\d(?:[\d.,]*\d)?\s*(?:[a-z]+\s+){{0,2}}(?:{self.unit})(?![a-z])", text) \
                    and not re.search(rf"{_COUNT_BEFORE_YEAR}(?:{self.unit})\s+\d{{4}}", expand(sentence)) \
                    and next(counted_in_words(sentence, self.unit), None) is None:
                return False
        if self.role:
            return self._names_role(sentence)
        # a person: named, or by a post ("đồng chí Trưởng Ban"); "lãnh đạo" alone names no one
        return not self.person or bool(person_names(normalize_text(sentence)) or POST.search(fold(sentence)))

    def _patterned(self, stripped: str) -> bool:
        """Whether the diacritics-stripped sentence matches the pattern other than at a place the question names
        itself ("Hội nghị tổng kết … các KCN tại Việt Nam được tổ chức ở đâu?" is not told by "tại Việt Nam")."""
        for m in re.finditer(self.pattern, stripped):
            named = _PLACE_NAMED.match(stripped, m.start())
            place = f"{fold(named.group(1))} " if named else ""
            if not (place and any(f"{own} ".startswith(place) for own in self.own_places)):
                return True
        return False

    def post_before(self, sentence: str, name_start: int, window: int = 90) -> int | None:
        """Where the post held by the name at ``name_start`` begins ("Phó Trưởng ban ... Lâm Văn Tiếp")."""
        folded = fold(normalize_text(sentence))
        lo = max(0, name_start - window)
        roles = self._posts() if self.role else [*(f"pho {r}" for r in ROLES), *ROLES]
        starts = [m.start() + lo for r in roles for m in re.finditer(rf"\b{r}\b", folded[lo:name_start])]
        starts = [s for s in starts if not re.search(r"[,;.]", sentence[s:name_start])]
        return min(starts) if starts else None

    def _posts(self) -> list[str]:
        """The posts that name the holder asked for: "lãnh đạo" is any leader's post."""
        return [*(f"pho {r}" for r in ROLES), *ROLES] if self.role == "lanh dao" else [self.role]

    def _names_role(self, sentence: str) -> bool:
        """The post, as asked ("Phó" only when asked), followed closely by a capitalized name."""
        sentence = normalize_text(sentence)
        folded = fold(sentence)  # same length as the NFC ``sentence``
        for m in re.finditer(rf"\b(?:{'|'.join(self._posts())})\b", folded):
            if not self.role.startswith("pho") and folded[max(0, m.start() - 4):m.start()] == "pho " \
                    and self.role != "lanh dao":
                continue
            if has_person_name(sentence[m.end():m.end() + 80]):
                return True
        return False
