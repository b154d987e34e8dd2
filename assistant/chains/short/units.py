"""Who answers "ai / đơn vị nào": a person with the post, a unit of the kind asked, a name written out."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.cues import LISTED_COMPANIES, UNIT_LEAD_WORD, Cue
from assistant.chains.posts import person_names, post_held, post_into
from assistant.chains.short.clauses import MAX_WORDS, _new, _trim, _words
from assistant.chains.short.documents import asks_issuer
from assistant.text.abbreviations import expand
from assistant.text.kinds import AGENT_WORDS
from assistant.text.normalize import fold, has_diacritics, normalize_text
from assistant.text.places import GENERIC_CAPITALIZED, UNIT_NAME_WORDS

# A unit's name from the word that opens it (cues.UNIT_LEAD_WORD) on to the next stop.
_UNIT_LEAD = re.compile(UNIT_LEAD_WORD.pattern + r"(?:[^,.;:()\n]|\.(?=\w))*")  # "Ban Quản lý TP.HCM" stays whole
_ALIAS = re.compile(r"[”\"]?\s*\(([^()]{2,30})\)")  # a name's short form: "“Tổng công ty …” (Sonadezi)"
# Lowercase words that belong inside a unit's name ("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng").
_UNIT_WORDS = frozenset(UNIT_NAME_WORDS.split())


_ASKS_UNIT = re.compile(r"(?<!truong )(?<!pho )\b(?:don vi|co quan|ban|phong|so|cong ty|doanh nghiep|dn|to chuc"
                        r"|tong cong ty|nha dau tu)(?:\s+\S+){0,4}?\s+nao\b")
_LISTED = re.compile(LISTED_COMPANIES)


def _unit_asked(question: str) -> re.Match[str] | None:
    """The kind of unit the question asks for ("phòng nào"), also in a list asked by name (:data:`LISTED_COMPANIES`)."""
    return _ASKS_UNIT.search(_LISTED.sub(r"\1 nao", fold(question)))


# The lead word of a unit of the kind a question asks for ("phòng nào" -> "Phòng ...").
_COMPANY_LEADS = ("cong ty", "tong cong ty", "tap doan")  # "doanh nghiệp / DN nào"
_KIND_LEADS = {"phong": ("phong",), "so": ("so ",), "cong": ("cong ty", "tong cong ty"), "tong": ("tong cong ty",),
               "doanh": _COMPANY_LEADS, "dn": _COMPANY_LEADS, "nha": _COMPANY_LEADS}  # an investor: a company


def _who(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    folded_q = f" {expand(question)} "
    asks_unit = bool(_unit_asked(question))
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
    asked = _unit_asked(question)
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


_ASKS_KIND = re.compile(r"\b(?:nha dau tu|bo phan|tap doan) nao\b")


def asks_a_kind(question: str) -> bool:
    """Whether a "who" question names the kind of body it asks for ("phòng nào", "công ty nào", "nhà đầu tư
    nào"): with no phrase of that kind in the sentence, it is not answered. A plain "ai" may be answered by
    a sentence whose doer no phrase finder names."""
    folded = fold(question)
    return Cue.of(question).kind == "who" and bool(_unit_asked(question) or _ASKS_KIND.search(folded)
                                                   or asks_issuer(question))


def says_who(question: str, phrase: str) -> bool:
    """Whether ``phrase`` answers the "ai / đơn vị nào" of ``question``: it names someone
    (:func:`names_someone`), and a unit of the kind asked when it asks one ("công ty nào" -> a "Công ty")."""
    asked = _unit_asked(question)
    leads = _KIND_LEADS.get(asked.group(0).split()[0]) if asked else None
    # a company may go by its brand alone ("Becamex – VSIP"); a Phòng or a Sở is written with its kind
    proper = asked is not None and asked.group(0).split()[0] in {"cong", "tong", "doanh", "dn", "nha"} and any(
        w[:1].isupper() and not has_diacritics(w) and fold(w) not in _GENERIC  # a brand: "Becamex", not "Phần"
        for w in re.findall(r"[^\W_]+", phrase))
    return names_someone(phrase) and (leads is None or proper or any(lead.strip() in fold(phrase) for lead in leads))
