"""Places that answer "ở đâu / tỉnh nào": the kind of place asked, "tại …", a place named in passing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.cues import VENUE, Cue
from assistant.chains.posts import person_names
from assistant.chains.short.clauses import _UP, _new, _trim
from assistant.chains.short.documents import _KINDS
from assistant.text.abbreviations import expand
from assistant.text.normalize import fold, normalize_text, strip_diacritics
from assistant.text.places import (
    GENERIC_CAPITALIZED,
    NOT_AT,
    ONLINE_PLACES,
    PLACE_MARKERS,
    PROVINCES,
    UNIT_NAME_WORDS,
)
from assistant.text.stopwords import STOPWORDS
from assistant.text.words import joined

_PLACE_WORDS = frozenset(fold(w) for w in UNIT_NAME_WORDS.split() + PLACE_MARKERS.split())
# "tại TP.HCM": a dot inside a name; "tại Quyết định số …" cites, it does not place
_PLACE = re.compile(NOT_AT + rf"\b(?:tại|ở)\s+(?!(?:{_KINDS})\b)(?:[^,.;:()\n]|\.(?=\S))+")
_NAMED_PLACE = re.compile(rf"\b(?:huyện|tỉnh|[Tt]hành phố|TP\.?|xã|thị xã|KCN|[Kk]hu công nghiệp"
                          rf"(?:\s*[–-]\s*[{_UP}][^\s,.;:()]*(?:\s+[^\W\d{_UP}][^\s,.;:()]*)*)*)\s+"  # "– Đô thị - Dịch vụ"
                          rf"((?:[{_UP}][^\s,.;:()]*)(?:\s+[{_UP}][^\s,.;:()]*)*(?:,\s*[{_UP}][a-z]+)?)")


_GENERIC = frozenset(normalize_text(w).lower() for w in GENERIC_CAPITALIZED.split())  # as written: "Phú" is no "Phủ"
_PROVINCE_WORDS = frozenset(joined(expand(p)) for p in PROVINCES)


def _words(text: str) -> str:
    """``text`` expanded and folded, its words between spaces: "Lâm Đồng," is said in "… và Lâm Đồng, BQL …"."""
    return f" {joined(expand(text))} "


def _where(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """Places, best kind first: the kind of place asked ("huyện nào"), then "tại/ở ...", then a place
    named in passing ("UBND huyện Hàm Tân"); a later kind only when the sentence has none of the former."""
    # "KCN nào": a zone by its name, or none
    tiers = (_asked_places,) if cue.zone else (_asked_places, _board_places, _at_places, _named_places, _online_places,
                                            _given_places)
    for tier in tiers:
        found = list(tier(question, sentence, cue))
        if found:
            yield from found
            return


def _asked_places(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    if not (cue.pattern and "[A-Z]" in cue.pattern) or cue.pattern == VENUE:  # a venue is "tại ..."
        return
    folded_q = _words(question)
    for m in re.finditer(cue.pattern, strip_diacritics(sentence)):  # "huyện nào": the named place itself
        tail = re.match(rf"[^\s,.;:()]*(?:\s+[{_UP}0-9][^\s,.;:()]*|\s+và\s+[{_UP}][^\s,.;:()]*)*",
                        sentence[m.end() - 1:])
        end = m.end() - 1 + tail.end()
        name = sentence[m.end() - 1:end]
        joins = re.finditer(r"\s+và\s+", name)  # "KCN Đồng Nai | và Ban Quản lý …": a unit is no zone
        cut = next((j.start() for j in joins if normalize_text(name[j.end():].split()[0]).lower() in _GENERIC), None)
        if cut is not None:
            name, end = name[:cut], m.end() - 1 + cut
        items = re.split(r"\s+và\s+", name)
        # "UBND tỉnh Lương Văn Hải" is a person; a place the question names is not its answer; "các KCN Lâm
        # Đồng" are a province's zones, not one of them
        province = cue.zone and _words(items[0]).strip() in _PROVINCE_WORDS
        if not person_names(sentence[m.start():end]) and _words(items[0]) not in folded_q and not province:
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


_ANY_BOARD = re.compile(r"\bban quan ly (?:cua )?(?:tinh|thanh pho) nao\b")  # "BQL (của) tỉnh nào": any board's


def _board_places(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """"BQL Khu kinh tế … là của tỉnh nào?": the place that ends the name of the board the question names
    ("Ban Quản lý KKT | Bình Phước"), or of any board for "BQL của tỉnh nào", when it asks for a province
    or city by name; one the question names is not the answer ("Ngoài Đồng Nai …")."""
    if not (cue.pattern and "[A-Z]" in cue.pattern) or cue.pattern == VENUE:
        return
    folded_q = _words(question)
    any_board = _ANY_BOARD.search(folded_q) is not None
    for m in _BOARD_PLACE.finditer(sentence):
        board = expand(sentence[m.start():m.start(1)]).strip()
        board = re.sub(r"\s+(?:tinh|thanh pho)$", "", board)
        if (any_board or board in folded_q) and _words(m.group(1)) not in folded_q and not person_names(m.group(1)):
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


_IN_BOARD_NAME = re.compile(r"\b(?:Ban [Qq]uản lý|BQL)\s+(?:các\s+)?$")


def _named_places(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    folded_q = _words(question)
    for m in _NAMED_PLACE.finditer(sentence):
        if _IN_BOARD_NAME.search(sentence, 0, m.start()):  # "Ban Quản lý các | khu công nghiệp Lâm Đồng" is a body
            continue
        if _words(m.group(1)) not in folded_q and not person_names(m.group(0)):
            yield _trim(sentence, m.start(), m.end())
