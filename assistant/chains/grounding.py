"""The grounding gate shared by every answer mode: the cited sentence must speak of what the question asks.

The passage-level check is :class:`~assistant.chains.constraints.Constraints` (a KCN, a partner, a year,
"lần thứ hai" must be in the evidence). This module reads one sentence against the question: another kind
of event or another year, another act, document, zone, body or post holder than asked; any of them means
the sentence does not answer (:func:`mismatch`).
"""

from __future__ import annotations

import re

from assistant.chains.cited import other_document, other_item, other_subject
from assistant.chains.constraints import (
    PROVINCE_RE,
    Constraints,
    board_places,
    is_brand,
    period_starts,
    zones,
)
from assistant.chains.cues import FRAMED, UNIT_LEAD_WORD, Cue, asks_attendance, asks_form
from assistant.chains.posts import (
    ROLES,
    asked_post_body,
    asked_role,
    lowercase_persons,
    names_post,
    person_names,
    post_held,
)
from assistant.schema import Passage
from assistant.text.abbreviations import expand
from assistant.text.kinds import (
    ACT_MARKS,
    ACTUAL_WORDS,
    DATED_ACTS,
    DEADLINE_ASKED,
    DEADLINE_WORDS,
    DOCUMENT_KINDS,
    DONE_WORDS,
    EVENT_FRAME_WORDS,
    EVENT_KINDS,
    HABIT_WORDS,
    NOT_YET_WORDS,
    PLAN_WORDS,
    SAME_MEANING,
    TARGET_WORDS,
)
from assistant.text.normalize import fold, has_diacritics, normalize_text
from assistant.text.patterns import DOCNUM, FULL_DATE, YEAR, YEAR_RANGE
from assistant.text.places import ADDRESS_WORDS
from assistant.text.stopwords import LINK_WORDS, STOPWORDS
from assistant.text.words import content_verbs, content_words


def _kinds(words: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    return {w: re.compile(rf"\b{w}\b") for w in words}


_EVENTS, _TARGETS, _ACTUALS = _kinds(EVENT_KINDS), _kinds(TARGET_WORDS), _kinds(ACTUAL_WORDS)
_SIGNED = re.compile(r"\b(?:da|duoc)\s+ky ket\b")  # "nội dung đã ký kết": what was signed, not a signing event
_DONE, _PLANS, _ACTS = _kinds(DONE_WORDS), _kinds(PLAN_WORDS), _kinds(DATED_ACTS)
_DEADLINE_ASKED, _DEADLINE = _kinds(DEADLINE_ASKED), _kinds(DEADLINE_WORDS)
_HABITS = _kinds(HABIT_WORDS)
# A figure the question asks was reached ("tỷ lệ … đạt bao nhiêu phần trăm"): a target ("phấn đấu … đạt 99%") is not it.
_ASKS_REACHED = re.compile(r"\bdat(?: duoc)? (?:bao nhieu|muc|ty le|khoang|may)\b")
_DONE_EVENT = re.compile(rf"\bda (?:duoc )?({'|'.join(EVENT_KINDS)})\b")  # "đã khởi công": an event held
_NOT_YET = "|".join(sorted(NOT_YET_WORDS, key=len, reverse=True))
_COUNT_ASKED = re.compile(r"\b(?:bao nhieu|may)\b")
# Who represented a body the question names: "Ai là đại diện Công ty PTHT KCN Lộc Sơn tại …".
_REPRESENTED = re.compile(r"\bdai dien (?:cua )?(.+?)(?= tai | o | trong | du | tham |\W*$)")
# A question that asks for the specifics ("nêu cụ thể những kiến nghị gì", "tuyến giao thông cụ thể nào") is
# answered by a sentence that lists them as such ("…, cụ thể là: …"), not one that names the matter in general.
_ASKS_SPECIFICS = re.compile(r"\bcu the\b[^.?!;]*?\s(?:nao|gi)\b")  # however far the question word
_COMPARED = re.compile(r"\bso voi (?:nam |cung ky )*\d{4}\b")  # "tăng so với năm 2018": the base, not the year asked
_MEETING = re.compile(r"\b(?:hoi nghi|hn|buoi (?:lam viec|hop|so ket|tong ket)|cuoc hop|phien hop)\b")  # who attended one
# The next meeting ("HN tiếp theo", "hội nghị lần tới") is told only by a sentence that looks ahead.
_NEXT_EVENT = re.compile(r"\b(?:hoi nghi|hn|buoi|cuoc|lan|ky|dot)(?: [a-z]+){0,2} (?:tiep theo|ke tiep|toi)\b")
_NEXT_SAID = re.compile(r"\b(?:tiep theo|ke tiep|toi|luan phien|sau)\b")


def _in_attendance(sentence: str, passage: Passage) -> bool:
    """Whether ``sentence`` is an item of a list of attendees ("Đến tham dự … có …; đại diện … và 34 doanh
    nghiệp thứ cấp"): the text of its sentence before it, in its passage, says who attended."""
    text = fold(passage.text)
    at = text.find(fold(sentence)[:40])
    if at < 0:
        return False
    opening = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    return asks_attendance(text[opening + 1:at])


# a person by two capitalized syllables after a word that addresses one ("Ông Lương Văn Hải", "bà Yến Lệ")
_ADDRESSED = re.compile(rf"\b(?:{'|'.join(f'[{w[0].upper()}{w[0]}]{w[1:]}' for w in ADDRESS_WORDS)})\s+[A-ZĐ]\w*\s+[A-ZĐ]\w*")
_ASKS_AGENT = re.compile(r"^(?:ai|nguoi nao|don vi nao|co quan nao)\b"  # "đơn vị tư vấn nào lập", "đồng chí nào ký"
                         r"|\b(?:ai|nguoi nao|dong chi nao|(?:don vi|co quan)(?: [a-z]+){0,2} nao) (?:da )?\w+")
_DOCUMENT_KIND = re.compile(rf"\b(?:{'|'.join(fold(k) for k in DOCUMENT_KINDS)})\b")
_ISSUING = {"ban hanh", "ky"}  # the date after a document's number is when it was issued or signed
# where, when or by whom a meeting was held is no result of the period it deploys ("hội nghị … triển khai quý IV
# họp tại địa điểm nào")
_ASKS_SETTING = re.compile(r"\b(?:o dau|tai dau|dia diem nao|ngay nao|hom nao|khi nao|ai chu tri)\b")
_ASKS_DATE = re.compile(r"\b(?:ngay nao|khi nao|bao gio|thoi gian nao|nam nao|luc nao)\b")


def _acts(text: str) -> set[str]:
    """The acts (:data:`DATED_ACTS`, folded) ``text`` names; one whose fold is another word's too is said only as
    written, where the text has marks ("kỹ thuật" signs nothing, "ky" typed without marks may)."""
    written = normalize_text(text)
    folded = fold(written)  # as long as ``written``: a match's offsets read its marks there
    said = set()
    for act, pattern in _ACTS.items():
        for m in pattern.finditer(folded):
            word = written[m.start():m.end()].lower()
            if act not in ACT_MARKS or not has_diacritics(word) or word == ACT_MARKS[act]:
                said.add(act)
                break
    return said


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


def other_agent(question: str, sentence: str) -> str | None:
    """The person the sentence says did what the question says its person did: "Nguyễn Tấn Phước chủ trì
    … ngày nào?" is not answered by "… Lâm Văn Tiếp đã chủ trì buổi làm việc" (the name nearest before the
    verb in its clause is the one who did it)."""
    question, sentence = normalize_text(question), normalize_text(sentence)
    for start, end in person_names(question) + lowercase_persons(question):  # "ong nguyen tan phuoc chu tri"
        verb = re.match(r"\s+((?:đã\s+|da\s+)?[^\W\d_]+\s+[^\W\d_]+)", question[end:])
        if verb is None or verb.group(1)[:1].isupper():
            continue
        words = fold(verb.group(1)).split()[-2:]  # "chủ trì", "đã chủ trì": the verb's two syllables
        at = re.search(rf"\b{re.escape(' '.join(words))}\b", fold(sentence))  # as long as the sentence
        if at is None:
            continue
        clause = max((m.end() for m in re.finditer(r"[;.]\s", sentence[:at.start()])), default=0)
        before = [sentence[a:b] for a, b in person_names(sentence[clause:at.start()])]
        if before and fold(before[-1]) != fold(question[start:end]):
            return before[-1]
    return _other_body(question, sentence)


# A body that does the question's act: one that opens it ("Ban Quản lý KKT Bình Phước | giới thiệu …"), or one
# "do" or "giao (cho)" makes the doer ("… được giao cho BQL KKT Bình Phước | thực hiện?")
_BODY_ACTS = re.compile(rf"(?:^\s*|\b(?:do|giao(?: cho)?)\s+)({UNIT_LEAD_WORD.pattern}[^,;?]*?)"
                        rf"\s+((?:(?:đã|sẽ|da|se)\s+)?[a-zđ][^\W\d_]*\s+[a-zđ][^\W\d_]*(?:\s+[a-zđ][^\W\d_]*){{0,2}})\b")
_BODY = re.compile(UNIT_LEAD_WORD.pattern + r"[^,;]*")


def _other_body(question: str, sentence: str) -> str | None:
    """The body the sentence says did what the question's body does (:data:`_BODY_ACTS`): "Ban Quản lý KKT Bình
    Phước giới thiệu …" is not answered by "Ban Quản lý các KCN Lâm Đồng tiếp tục giới thiệu …", nor "… giao cho
    BQL KKT Bình Phước thực hiện" by "… do Ban Quản lý các KCN Đồng Nai thực hiện" (the body nearest before the
    verb in its clause did it; bodies differ by the places they name)."""
    asked = [(m.group(1), m.group(2)) for m in _BODY_ACTS.finditer(question)] + _written_body_acts(question)
    for body, act in asked or _plain_body_acts(question):
        if (other := _other_doer(body, act, sentence)) is not None:
            return other
    return None


_LEAD_AT = re.compile(rf"(?:^\s*|\b(?:do|giao(?: cho)?)\s+)(?={UNIT_LEAD_WORD.pattern})")


def _written_body_acts(question: str) -> list[tuple[str, str]]:
    """(body, act) of a board named with its own lowercase words ("Ban Quản lý các KCN Lâm Đồng | đã đưa thông
    tin"), where :data:`_BODY_ACTS` stops at the first two of them ("lý các"): the body runs over capitalized
    words and a board's words (:data:`_BODY_WORDS`), its act is the up to four lowercase words after."""
    out = []
    for m in _LEAD_AT.finditer(question):
        phrase = re.split(r"[,;?]", question[m.end():], maxsplit=1)[0]
        tokens = phrase.split()
        i = next((i for i, t in enumerate(tokens) if not (t[0].isupper() or fold(t) in _BODY_WORDS or t in "-–")),
                 len(tokens))
        act = []
        for t in tokens[i:i + 5]:
            if t[0].isupper():
                break
            act += [] if fold(t) in {"da", "se"} else [t]
        if i and len(act) >= 2:
            out.append((" ".join(tokens[:i]), " ".join(act[:4])))
    return out


_PLAIN_LEAD = re.compile(r"(?:^\s*|\b(?:do|giao(?: cho)?)\s+)(?:bql|ban quan ly)\b")
# A board's own words, folded and written out: its name ends where the act begins ("… dong nai | da dang cai").
_BODY_WORDS = frozenset(["ban", "quan", "ly", "cac", "khu", "kinh", "te", "cong", "nghiep", "che", "xuat", "va", "cn",
                         "tinh", "thanh", "pho"])


def _plain_body_acts(question: str) -> list[tuple[str, str]]:
    """(body, act) of a question typed without capitals, which :data:`_BODY_ACTS` cannot read: the board's words and
    the provinces after "bql" / "ban quản lý", then the next two words past "đã / sẽ" ("bql cac kcn dong nai | da |
    dang cai", "giao cho bql kkt binh phuoc | thuc hien")."""
    folded = expand(question)  # "tp.hcm" -> "thanh pho ho chi minh"
    out = []
    for m in _PLAIN_LEAD.finditer(folded):
        words = folded[m.start():].split()
        i = 0
        while i < len(words):
            n = next((n for n in range(4, 0, -1) if PROVINCE_RE.fullmatch(" ".join(words[i:i + n]))), 0)
            if not n and (words[i] in _BODY_WORDS or words[i] in {"do", "giao", "cho"}):
                n = 1
            if not n:
                break
            i += n
        act = [w for w in words[i:i + 3] if w not in {"da", "se"}][:2]
        if len(act) == 2:
            out.append((" ".join(words[:i]), " ".join(act)))
    return out


_LINKS = frozenset(LINK_WORDS.split())  # an act's words end before them


def _other_doer(body: str, act: str, sentence: str) -> str | None:
    names = set(Constraints.of(body).names)
    if not names:
        return None
    words = [w for w in act.split() if fold(w) not in {"da", "se"}]  # "đã", typed with or without marks
    words = words[:next((i for i, w in enumerate(words) if w.lower() in _LINKS), len(words))]  # not "việc với"
    verbs = [fold(" ".join(words[i:i + 2])) for i in (0, 2) if len(words[i:i + 2]) == 2]  # "đăng cai | tổ chức"
    verbs += [SAME_MEANING[v] for v in verbs if v in SAME_MEANING]  # "đăng cai" the meeting a sentence "tổ chức"
    tagged = [fold(v) for v in content_verbs(" ".join(words))] if words else []
    if words and fold(words[0]) in tagged and not any(v.startswith(f"{fold(words[0])} ") for v in tagged):
        verbs = [fold(words[0])]  # an act of one syllable, as the tagger reads it: "đưa | thông tin về" (not "tin về")
    folded = fold(sentence)  # as long as the sentence: its offsets are the sentence's
    at = next((m for v in verbs  # "buổi làm việc" names a meeting, not who worked
               if (m := re.search(rf"(?<!buoi )(?<!cuoc )\b{re.escape(v)}\b", folded))), None)
    if at is None:
        return None
    clause = max((m.end() for m in re.finditer(r"[;.:]\s", sentence[:at.start()])), default=0)
    # the nearest body before the verb: "ISO của Ban Quản lý Lâm Đồng đã được lãnh đạo | Ban Quản lý TP.HCM … cung cấp"
    leads = list(UNIT_LEAD_WORD.finditer(sentence, clause, at.start()))
    body = _BODY.match(sentence, leads[-1].start(), at.start()).group(0) if leads else ""
    said = set(Constraints.of(body).names) if body else set()
    if said and not said & names and not any(n in m or m in n for n in names for m in said):
        return body.strip()
    return None


_POST_AT = re.compile(r"\b(?:chuc vu|chuc danh|giu chuc)\b.*?\b(?:o|tai|cua)\s+(.+)$")


_RANKED = re.compile(rf"\b(pho\s+)?({'|'.join(r for r in ROLES if r != 'lanh dao')})\b")


def _other_rank(q: str, s: str) -> str | None:
    """The post the sentence (folded ``s``) names where the question (folded ``q``) names the same post with the
    other rank: its deputy ("Phó Trưởng Ban") for the head, or the head for its deputy; None otherwise."""
    said = {(bool(m.group(1)), m.group(2)) for m in _RANKED.finditer(s)}
    for deputy, post in {(bool(m.group(1)), m.group(2)) for m in _RANKED.finditer(q)}:
        ranks = {d for d, p in said if p == post}
        if ranks and deputy not in ranks:
            return ("" if deputy else "pho ") + post
    return None


_HELD_AT = re.compile(r"\b(?:to chuc|dien ra|hop|hoi nghi|buoi lam viec)\b[^,;?]{0,80}?\b(?:tai|o)\s+"
                      r"(?:(?:thanh pho|tp|tinh|huyen|thi xa)\s+)?(.+)")
_VENUE = re.compile(r"\b(?:tai|o)\s+([^,;.]+)")


def _other_venue(q: str, s: str, names: tuple[str, ...]) -> str | None:
    """Where the sentence (folded ``s``) says the event was held, when the question (folded ``q``) says it
    was held in another of the places it names ("… tổ chức tại Đồng Nai" | "tại thành phố Đà Lạt tỉnh Lâm
    Đồng"); None when the sentence names no province it was held in."""
    held = _HELD_AT.search(q)
    place = next((n for n in names if held and held.group(1).startswith(n)), None)
    if place is None:
        return None
    venues = [m.group(1) for m in _VENUE.finditer(s) if PROVINCE_RE.search(expand(m.group(1)))]
    return None if not venues or any(re.search(rf"\b{place}\b", v) for v in venues) else venues[0]


_BRAND = re.compile(r"\b[A-Z][a-z]{4,}\b")  # "Becamex", "Sonadezi": a company's name, typed without marks


def actor_elsewhere(question: str, passage: Passage, document: str) -> str | None:
    """A company the question names ("Becamex – VSIP được chọn …") that the cited passage does not, though
    its ``document`` (the retrieved text of it) does: there it is named about something else. A brand is a
    capitalized word of two or more vowel groups and no marks (no Vietnamese syllable is one), or, typed without
    marks, a word that is no syllable (:func:`~assistant.chains.constraints.is_brand`) and that the document
    writes capitalized (not "website"); None when every one is said in the passage, or nowhere in the document."""
    brands = [m.group(0) for m in _BRAND.finditer(normalize_text(question))
              if len(re.findall(r"[aeiouy]+", m.group(0).lower())) >= 2]
    if not has_diacritics(question):  # typed plain, a brand has no capital: a word no syllable is, that the
        brands += [w for w in re.findall(r"\b[a-z]{4,}\b", question)  # document writes with one (not "website")
                   if is_brand(w) and re.search(rf"\b{w.capitalize()}\b", document)]
    if not brands:
        return None
    said, elsewhere = fold(passage.text), fold(document)
    for brand in brands:
        word = rf"\b{brand.lower()}(?![a-z])"  # "Office" is said in "Office365"
        if re.search(word, elsewhere) and not re.search(word, said):
            return brand
    return None


def _post_unsaid(question: str, q: str, text: str) -> str | None:
    """The post (with its rank) whose holder the question says did what it asks about ("Chủ tịch UBND tỉnh …
    đã phát biểu chỉ đạo những gì"), when the passage ``text`` does not name it: "Phó Chủ tịch" is another
    person. None otherwise, when the question asks who holds a post, or names the holder."""
    if asked_role(question, q) is not None or person_names(normalize_text(question)) or lowercase_persons(question):
        return None
    m = next((m for m in _RANKED.finditer(q) if names_post(m.group(2), question, q)), None)
    if m is None:
        return None
    post = m.group(0)
    return None if re.search(rf"\b{post}\b" if m.group(1) else rf"(?<!pho )\b{post}\b", fold(text)) else post


def _other_post(question: str, texts: list[str]) -> str | None:
    """The post the evidence gives a person the question names with another post: "Nguyễn Tấn Phước,
    Phó Chủ tịch UBND tỉnh, …" is not the "Phó Trưởng ban … Nguyễn Tấn Phước" of the documents."""
    question = normalize_text(question)
    for start, end in person_names(question) + lowercase_persons(question):  # "ong nguyen tan phuoc giu chuc vu gi"
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


def other_zone(question: str, sentence: str) -> str | None:
    """A zone the sentence names in place of the one asked ("… nhà đầu tư KCN Tân Đức" does not answer who
    invests in "KCN Sơn Mỹ 2"); None when the sentence names it, or names none."""
    asked = zones(question)
    said = zones(sentence, written=True) if asked else set()
    first = {name.split()[0] for name in asked}
    named = " ".join(["", *re.findall(r"[^\W\d_]+", expand(sentence)), ""])  # "02 KCN Phú Hội và Lộc Sơn" names Lộc Sơn,
    # "Sơn Mỹ1" names Sơn Mỹ
    if said and not any(name in asked or name.split()[0] in first for name in said) \
            and not any(f" {name} " in named for name in asked):
        return ", ".join(sorted(said))
    return None


def off_topic(question: str, passages: list[Passage], floor: float) -> bool:
    """Whether every passage is far from ``question`` in meaning (dense cosine under ``floor``): "Thủ tục đăng
    ký khai sinh … cần những giấy tờ gì?" shares "thủ tục", "chuẩn bị" with a report, not its topic. Not when
    the question gives a name, number or document number, which the embedding reads poorly ("cv 4622 ve viec gi"
    is near nothing yet answered by its number) and the constraints check; nothing is known without dense
    scores (keyword search)."""
    dense = [p.scores["dense"]["score"] for p in passages if (p.scores or {}).get("dense")]
    pinned = Constraints.of(question)  # a name or number the question gives is matched by the constraints instead
    return bool(dense) and max(dense) < floor and not (pinned.documents or pinned.names or pinned.numbers) \
        and not _said_nearly(question, passages)


# A passage that says nearly every word of a long question is on its topic, however far the embedding puts it
# ("Các BQL định kỳ cung cấp cho nhau kết quả tháng, quý, năm và lũy kế về những mặt nào?": 15 of 16 words).
_SAID_SHARE, _SAID_WORDS = 0.9, 8


def _said_nearly(question: str, passages: list[Passage]) -> bool:
    asked = set(content_words(question))
    return len(asked) >= _SAID_WORDS and any(
        len(asked & set(content_words(p.text))) >= _SAID_SHARE * len(asked) for p in passages)


# "không xảy ra sự cố nghiêm trọng, không có đình công, lãn công, …": what the documents say did not happen
_DENIED = re.compile(r"\b(?:khong|chua)\s+(?:de\s+)?xay ra\s+([^.;:]+)")  # events; "không có sinh viên …" is a rule


def denied_premise(question: str, passages: list[Passage]) -> str | None:
    """What the question takes as given that a passage says did not happen ("Các vụ đình công ở KCN năm 2019 được
    giải quyết thế nào?" where the report says "không có đình công"), or None. Not for a question that asks
    whether it happened ("có … không?") or speaks of its absence itself."""
    q = fold(question)
    if asks_form(question, "yesno") or re.search(r"\b(?:khong|chua)\b", q):
        return None
    for passage in passages:
        for m in _DENIED.finditer(fold(passage.text)):
            for item in re.split(r",|\bva\b|\b(?:khong|chua) (?:de )?(?:co|xay ra)\b", m.group(1)):
                head = " ".join(item.split()[:2])
                if len(head.split()) == 2 and re.search(rf"\b{re.escape(head)}\b", q):
                    return head
    return None


def post_elsewhere(question: str, sentence: str, phrase: str) -> str | None:
    """The post in another body that ``sentence`` gives a person of ``phrase``, when the question asks a post
    holder of a body it names ("Lãnh đạo Ban Quản lý các KCN Lâm Đồng nào" is not answered by "Phó Trưởng
    ban Ban Quản lý các Khu chế xuất … thành phố | Nguyễn Tấn Phước"); None otherwise."""
    body = asked_post_body(question)
    represented = _REPRESENTED.search(fold(question)) if not body else None
    body = body or (represented.group(1) if represented else "")
    names = [n for n in Constraints.of(question).names if n in expand(body)] if body else []
    if not names:
        return None
    if represented and not person_names(phrase) and not any(n in expand(phrase) for n in names):
        return phrase  # "đại diện Công ty PTHT KCN Lộc Sơn" is not "lãnh đạo Ban"
    at = sentence.find(phrase)
    for start, end in person_names(phrase):
        held = post_held(sentence, at + start, at + end) if at >= 0 else None
        of = expand(held[1][len(held[0]):]) if held else ""  # the body the post is of, as written with it
        places = board_places(of) & board_places(expand(body))  # "… công nghiệp thành phố" is the TP.HCM board
        if of and UNIT_LEAD_WORD.search(sentence, max(0, at + start - 90), at + start) and not places \
                and not any(n in of for n in names):
            return held[1]
    return None


def mismatch(question: str, sentence: str, passage: Passage | None = None) -> str | None:
    """Why ``sentence`` speaks of something else than ``question`` asks, or None: another kind of event
    (:func:`_other_event`) or year (:func:`_other_year`); another document (:func:`cited.other_document`), list item,
    act, rank, post, zone, doer or subject; attendees it does not list; a target where the question asks what
    was achieved; the meeting held, for the next one ("HN tiếp theo"); a habit or a task, for one dated day
    (:func:`_habitual`); no reason for what was not done (:func:`_not_denied`); or what its document cannot yet
    report as done (:func:`_not_done_yet`: "Cuối năm 2018 tổ chức tổng kết" in a 2017 report)."""
    q, s = fold(question), fold(sentence)
    if (event := _other_event(q, s, passage)) is not None:
        return event
    if passage is not None and passage.date and (year := _other_year(question, q, s, passage.date)) is not None:
        return year
    number = DOCNUM.search(question)
    if (document := other_document(question, q, s, sentence, passage)) is not None:
        return document
    if (item := other_item(q, s)) is not None:
        return item
    if (act := _other_act(question, sentence, number)) is not None:
        return act
    if passage is not None and (attendance := _attendance_mismatch(question, q, s, sentence, passage)) is not None:
        return attendance
    if (rank := _other_rank(q, s)) is not None:
        return f"câu được trích nói về {rank}"  # "Phó Trưởng Ban … kết luận gì" is not what the Trưởng Ban concluded
    if (venue := _other_venue(q, s, Constraints.of(question).names)) is not None:
        return f"sự kiện ở nơi khác: {venue}"
    if (unsaid := _post_unsaid(question, q, passage.text if passage is not None else sentence)) is not None:
        return f"câu được trích không nói về người giữ chức vụ được hỏi: {unsaid}"
    if (post := _other_post(question, [sentence] + ([passage.text] if passage is not None else []))) is not None:
        return f"người được hỏi giữ chức vụ khác: {post}"
    if (zone := other_zone(question, sentence)) is not None:
        return f"khu công nghiệp khác: {zone}"
    if (other := other_agent(question, sentence)) is not None:
        return f"người khác làm việc được hỏi: {other}"
    if (subject := other_subject(question, q, s)) is not None:
        return subject
    if _ASKS_SPECIFICS.search(q) and not re.search(r"\bcu the(?: la| nhu)?\s*:", s):  # "nêu cụ thể những kiến nghị gì"
        return "câu được trích không nêu cụ thể điều được hỏi"
    if _named(_DEADLINE_ASKED, q) and _ASKS_DATE.search(q) and not _named(_DEADLINE, s):  # not "thời hạn bao lâu"
        return "câu được trích không nêu thời hạn"  # "thời hạn … là khi nào": not the date a letter was signed
    if _NEXT_EVENT.search(q) and not (_named(_PLANS, s) or _NEXT_SAID.search(s)):
        return "câu được trích kể sự kiện đã diễn ra, câu hỏi hỏi sự kiện tiếp theo"  # "HN tiếp theo ở tỉnh nào"
    if ((_named(_ACTUALS, q) or (_ASKS_REACHED.search(q) and not _named(_PLANS, q))) and _named(_TARGETS, s)
            and not _named(_ACTUALS, s)):
        return "câu được trích nêu chỉ tiêu, câu hỏi hỏi kết quả thực tế"
    if (habit := _habitual(question, q, s)) is not None:
        return habit
    if (undone := _only_planned(q, s)) is not None:
        return undone
    if (unsaid := _not_denied(q, s)) is not None:
        return unsaid
    if passage is not None and passage.date:
        return _not_done_yet(q, s, passage.date)
    return None


def _habitual(question: str, q: str, s: str) -> str | None:
    """Why a sentence (folded ``s``) that does not name the day the question (folded ``q``) names in full does not
    tell what happened that day, or None: it tells what is done again and again ("Hàng năm …"), or it places
    something while the question asks where that day's event was held (a report gives an event's day and place
    together: "4. Tổ chức … tại TP.HCM" is a task, not the venue of the meeting of 06/11/2012)."""
    days = [pattern for asked, pattern in Constraints.of(question).periods if FULL_DATE.search(asked)]
    if not days or any(re.search(pattern, s) for pattern in days):
        return None
    if habit := _named(_HABITS, s):
        return f"câu được trích kể việc làm {', '.join(sorted(habit))}, câu hỏi hỏi về một ngày"
    # the day of a meeting that chose the next one's venue only frames the question
    if Cue.of(question).kind == "where" and not (_NEXT_EVENT.search(q) or FRAMED.match(q)):
        return "câu được trích không nêu ngày của sự kiện được hỏi nơi tổ chức"
    return None


# What a why-question says was not done: "Vì sao BQL TP.HCM | không tham gia | hội thao …?" ("… không?" asks yes/no).
_NOT_DONE = re.compile(r"\bkhong\s+(?:duoc\s+)?([a-z]+)(?=\s+\w)")  # "chưa đạt": how far, often true
_WHY = re.compile(r"\b(?:vi sao|tai sao)\b")  # "lý do cá nhân" names a reason, it does not ask one


def _not_denied(q: str, s: str) -> str | None:
    """The act a why-question (folded ``q``) says was not done, when the sentence (folded ``s``) does not say it
    was not ("… cùng tham gia các hoạt động chung" gives no reason for not taking part), else None."""
    if not _WHY.search(q):
        return None
    for m in _NOT_DONE.finditer(q):  # "thi không đạt" said as "thi không đạt" tells of it
        if not re.search(rf"\b(?:khong|chua|chang|ngung|dung)\s+(?:duoc\s+)?{m.group(1)}\b", s):
            return f"câu được trích không nói việc không {m.group(1)}"
    return None


def _only_planned(q: str, s: str) -> str | None:
    """The event the question (folded ``q``) says was held ("đã khởi công xây dựng"), when the sentence (folded
    ``s``) names it only as not yet held ("… thủ tục để khởi công", "chưa khởi công"), else None. Events only:
    "đưa lên trang web để hỗ trợ quảng bá" says how the support was given, not that it is still to come."""
    for done in _DONE_EVENT.finditer(q):
        act = done.group(1)
        said = list(re.finditer(rf"\b{act}\b", s))
        if said and all(re.search(rf"\b(?:{_NOT_YET})(?: [a-z]+){{0,1}} $", s[:m.start()]) for m in said):
            return f"câu được trích nêu việc chưa diễn ra: {act} (câu hỏi: đã {act})"
    return None


def _attendance_mismatch(question: str, q: str, s: str, sentence: str, passage: Passage) -> str | None:
    """Why a sentence does not answer a question about a meeting's attendance, or about a count it does not
    ask of the attendees, or None."""
    if _COUNT_ASKED.search(q) and not asks_attendance(q) and _in_attendance(sentence, passage):
        return "câu được trích kể thành phần dự họp, câu hỏi không hỏi về người dự"  # "34 doanh nghiệp thứ cấp" (dự họp)
    if asks_attendance(q) and _MEETING.search(q) and asks_form(question, "yesno"):
        if not _LISTS_ATTENDEES.search(s) and not _in_attendance(sentence, passage):
            return "câu được trích không kể thành phần dự họp"  # "Chủ tịch UBND tỉnh có dự … không?"
        if (absent := _not_listed(question, sentence)) is not None:
            return f"danh sách dự họp không nêu {absent}"  # "có đại diện UBND tỉnh tham dự không?"
    return None


def _not_done_yet(q: str, s: str, date: str) -> str | None:
    """Why a document dated ``date`` cannot report as done what the question (folded ``q``) asks was done, or
    None: the sentence (folded ``s``) plans a later year, the review asked is held after the document, or the
    period asked starts after it."""
    if _named(_DONE, q) and not _named(_PLANS, q):
        years = _years(s)  # "giai đoạn 2016-2018" is no plan
        if any(y > int(date[:4]) for y in years):
            return f"câu được trích nêu kế hoạch (năm {max(years)}, sau ngày của tài liệu), câu hỏi hỏi điều đã làm"
        # a year's review is held at its end: a document of April 2019 does not report what the "HN tổng kết 2019" did
        reviews = {int(y) for y in re.findall(r"\btong ket (?:cong tac |chuong trinh hop tac )?(?:nam )?(\d{4})\b", q)}
        if any(date < f"{y}-11" for y in reviews):
            return "hội nghị tổng kết được hỏi diễn ra sau ngày của tài liệu, câu hỏi hỏi điều đã làm"
        dated = (int(date[:4]), int(date[5:7] or 0))  # "kết quả quý IV năm 2017" is not in a
        if any(start > dated for start in period_starts(q)) and not _ASKS_SETTING.search(q):  # 25/9/2017 plans it
            return "kỳ được hỏi bắt đầu sau ngày của tài liệu, câu hỏi hỏi điều đã làm"
    return None


# A sentence that lists who attended: "Đến tham dự … có …", "Về dự Hội nghị có …", "với sự tham dự của …".
_LISTS_ATTENDEES = re.compile(r"\b(?:tham du|du hoi nghi|du hn|du buoi|du hop|thanh phan)\b")  # not "có mặt còn bất cập"
_NOT_ATTENDEE = STOPWORDS | {fold(w) for w in EVENT_FRAME_WORDS.split()} | {
    "tham", "du", "gia", "co", "mat", "khong", "hn", "buoi", "lam", "viec", "hop", "dai", "dien", "lanh", "dao"}


def _not_listed(question: str, sentence: str) -> str | None:
    """Who a yes/no question asks attended ("có đại diện UBND tỉnh tham dự không?"), when the list of attendees
    does not name them all; None when it does (or the question names no one)."""
    asked = [w for w in re.findall(r"[a-z]+", expand(question)) if w not in _NOT_ATTENDEE]
    said = set(re.findall(r"[a-z]+", expand(sentence)))
    missing = [w for w in asked if w not in said]
    return " ".join(missing) if asked and missing else None


# "Tại hội nghị sơ kết cuối năm 2017, ba ban dự kiến …": a plan's event frames where it was made, not what it plans
_PLANNED_AT = re.compile(r"\s*(?:tai|o)\s+(?:hoi nghi|hn)\b[^,]*,")


def _other_event(q: str, s: str, passage: Passage | None) -> str | None:
    """Why the sentence (folded ``s``) speaks of another kind of event than the question (folded ``q``), or None.
    A sentence that names none is about its document's, from the title. An event that only frames the question
    ("Theo kế hoạch đặt ra ở HN sơ kết 2017, cuối năm 2018 … sẽ làm gì?", "Tại HN sơ kết 2017, … dự kiến …") is the
    document's, not the one asked."""
    framed = FRAMED.match(q) or _PLANNED_AT.match(q)
    if framed and framed.re is _PLANNED_AT and not _named(_PLANS, q[framed.end():]):
        framed = None
    asked = _named(_EVENTS, _SIGNED.sub(" ", q[framed.end():] if framed else q))
    said = _named(_EVENTS, _SIGNED.sub(" ", s))
    title = _named(_EVENTS, fold(passage.title)) if passage is not None else set()
    if asked and (said or title) and not asked & (said or title):
        return f"sự kiện khác: {', '.join(sorted(said or title))} (câu hỏi: {', '.join(sorted(asked))})"
    frame = _named(_EVENTS, framed.group(0)) if framed else set()
    if frame and title and not frame & title:
        return f"tài liệu về sự kiện khác: {', '.join(sorted(title))} (câu hỏi: theo {', '.join(sorted(frame))})"
    return None


def _other_year(question: str, q: str, s: str, date: str) -> str | None:
    """Why a sentence of a document dated ``date`` speaks of another year than the question (folded ``q``; the
    sentence folded ``s``), or None. An event's year ("sơ kết năm 2018") is the one the sentence dates its own
    event by, else a year it names or its document's; a review of year Y may be held early in Y + 1. Any other
    year asked is the report's: a report of Y tells Y and plans Y + 1 ("chậm … năm 2018" is not in a 2019 one)."""
    held = int(date[:4])
    early = date[5:7] <= "03"
    if years := _event_years(q):
        if own := _event_years(s):  # "Hội nghị sơ kết năm 2017": the sentence dates its own event
            other = not own & years
        else:  # else a year it names, or its document's date
            other = not _years(s) & years and held not in years and not (held - 1 in years and early)
        return f"sự kiện năm khác (câu hỏi: năm {', '.join(map(str, sorted(years)))})" if other else None
    years = _years(_COMPARED.sub(" ", q))
    if years and not DOCNUM.search(question) and not _years(s) & years and not years & {held, held + 1} \
            and not (held - 1 in years and early):
        return f"năm khác (câu hỏi: năm {', '.join(map(str, sorted(years)))}, tài liệu năm {held})"
    return None


def _other_act(question: str, sentence: str, number: re.Match[str] | None) -> str | None:
    """Why ``sentence`` does not say the act whose date or doer is asked ("được ký ngày nào", "Ai đã ký …",
    what "Ông Lương Văn Hải" did), or None. The date that follows a document's number is the date it was
    issued or signed ("Công văn số 4622/UBND-KT ngày …"; only its issuing, not when it took effect; not a
    law's the document cites by name: "Luật … được Nghị định 80/2006 hướng dẫn được thông qua năm nào")."""
    q = fold(question)
    law = re.search(r"\bluat\s", q)
    acts = _acts(question)
    numbered = number is not None and (law is None or number.start() < law.start()) and acts <= _ISSUING \
        and (not _ASKS_AGENT.search(q) or DOCNUM.search(sentence) is not None)  # who signed: a sentence citing it
    # "công văn … ký ngày nào": a document named by its kind is dated by the number the sentence gives it
    numbered = numbered or (law is None and acts <= _ISSUING and bool(_DOCUMENT_KIND.search(expand(question)))
                            and DOCNUM.search(sentence) is not None)
    # "Ông Lương Văn Hải đã trao bằng khen cho …", "Bà Yến Lệ đã được nhận …": that person's act
    doer = bool(person_names(normalize_text(question)) or _ADDRESSED.search(normalize_text(question))
                or lowercase_persons(question))
    if (_ASKS_DATE.search(q) or _ASKS_AGENT.search(q) or doer) and acts and not acts & _acts(sentence) and not numbered:
        return f"việc khác (câu hỏi: {', '.join(sorted(acts))})"
    return None
