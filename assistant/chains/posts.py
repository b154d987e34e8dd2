"""People in questions and sentences: the posts a question asks the holder of ("Phó Trưởng ban nào",
"Lãnh đạo Ban Quản lý … nào"), the names of persons a sentence writes, and the post written with a name.
"""

from __future__ import annotations

import re

from assistant.text.normalize import fold, has_diacritics, normalize_text
from assistant.text.places import ADDRESS_WORDS, SURNAMES
from assistant.text.stopwords import NAME_ENDS

# The posts a question asks the holder of, folded.
ROLES = ("truong ban", "hieu truong", "giam doc", "chu tich", "bi thu", "truong phong", "chanh van phong",
         "chanh thanh tra", "truong doan", "thu truong", "bo truong", "thu tuong", "tong giam doc", "lanh dao")
# "Phó Chủ tịch UBND tỉnh nào ...", "Lãnh đạo Ban Quản lý Đồng Nai nào ...": a post, then "nào".
# Not past a comma, nor past "cho": "Lãnh đạo 3 Ban thống nhất giao cho | Ban nào …" asks a Ban.
ROLE_WHICH = rf"\b(?:{'|'.join(ROLES)})(?:\s+(?!cho\b)[^\s,;:.?]+){{0,10}}?\s+nao\b"  # "ủy ban nhân dân tỉnh X nào"
_ROLE_WHICH_RE = re.compile(ROLE_WHICH)
# The body after the question word: "Phó Trưởng ban nào | của Ban Quản lý các KCN Lâm Đồng | đã chủ trì …".
_ROLE_OF = re.compile(r"\s+(?:cua|thuoc)\s+(.+?)(?=\s+(?:da|se|dang|duoc|la|co|voi|tai|trong)\b|[,;?]|$)")
# A post named in a question or sentence ("lãnh đạo" alone names no post).
POST = re.compile(rf"\b(?:{'|'.join(r for r in ROLES if r != 'lanh dao')})\b")
# The posts as written: typed with diacritics, "chuẩn bị thủ tục" must not read as "bí thư".
_ROLES_WRITTEN = {"bi thu": "bí thư", "thu truong": "thủ trưởng", "bo truong": "bộ trưởng"}


def post_which(question: str, folded: str) -> bool:
    """A post, then "nào" ("Phó Chủ tịch UBND tỉnh nào"): the question asks for a person."""
    m = _ROLE_WHICH_RE.search(folded)
    return bool(m) and names_post(next(r for r in ROLES if m.group(0).startswith(r)), question, folded)


def asked_post_body(question: str) -> str:
    """The body whose post holder is asked, folded ("Lãnh đạo Ban Quản lý các KCN Lâm Đồng nào" -> "ban quan
    ly cac kcn lam dong"); empty when the question asks no post of a body."""
    folded = fold(question)
    m = _ROLE_WHICH_RE.search(folded)
    role = next((r for r in ROLES if m.group(0).startswith(r)), "") if m else ""
    if not role or not names_post(role, question, folded):
        return ""
    if body := m.group(0)[len(role):].removesuffix("nao").strip():
        return body
    of = _ROLE_OF.match(folded, m.end())  # "Phó Trưởng ban nào | của Ban Quản lý …"
    return of.group(1) if of else ""


def names_post(role: str, question: str, folded: str) -> bool:
    """Whether the question names the post ``role`` (folded); read as typed when it has diacritics."""
    written = _ROLES_WRITTEN.get(role)
    return asks_word(written, question, folded) if written else bool(re.search(rf"\b{role}\b", folded))


# Vietnamese letters by case ("À-Ỹ" as a range would mix cases: Ạ ạ Ả ả ... alternate).
UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
LOW = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())


def asks_word(word: str, question: str, folded: str) -> bool:
    """Whether the question uses the ambiguous question ``word`` ("mấy", "đâu")."""
    extent = r"(?<!đến )(?<!tới )" if word == "đâu" else ""  # "thực hiện đến đâu" asks how far, not where
    if has_diacritics(question):
        return bool(re.search(rf"\b{extent}{word}\b", normalize_text(question).lower()))
    return bool(re.search(rf"\b{fold(extent)}{fold(word)}\b", folded))
_ASKS_PERSON = re.compile(r"\b(ai|ten la gi|ten gi|ho ten|ho va ten|nguoi nao|ong nao|ba nao|dong chi nao)\b|"
                          + ROLE_WHICH)
_CAPITALIZED = re.compile(rf"(?:[{UP}][{LOW}]*\s+)*[{UP}][{LOW}]*")
# Capitalized syllables of units and places, never of a person's name ("Ban Quản lý", "Ủy ban").
_NOT_NAME = set(fold("Ban Quản Khu Phòng Sở Ủy Công Ty Tổng Trung Tâm Hội Nghị Thành Phố Tỉnh Huyện Nhà Quyết Định "
                     "Luật Chính Phủ Bộ Cục Viện Trường Đại Học Kinh Tế Nhân Dân Chương Trình Kế Hoạch Hợp Tác "
                     "Thường Trực Phó Chủ Tịch Trưởng Giám Đốc Đồng Chí Ông Bà").split())


def post_into(sentence: str, at: int, window: int = 30) -> int | None:
    """Where a post that runs up to or into position ``at`` begins: "của | Chủ tịch | UBND tỉnh",
    "đồng chí | Trưởng Ban"; None when no post ends there."""
    folded = fold(normalize_text(sentence))
    lo = max(0, at - window)
    for role in [*(f"pho {r}" for r in ROLES), *ROLES]:
        for m in re.finditer(rf"\b{role}\b", folded[lo:at + len(role)]):
            start = lo + m.start()
            gap = folded[lo + m.end():at]  # "Lãnh đạo | 03 | Ban Quản lý": a count of bodies between
            if start < at and re.fullmatch(r"\s?|\s\d+\s", gap) and not re.search(r"[,;.()]", sentence[start:at]):
                return start
    return None


_ANY_POST = re.compile(rf"\b(?:pho\s+)?(?:{'|'.join(r for r in ROLES if r != 'lanh dao')})\b")


def post_titles(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a post's title ("đồng chí | Trưởng Ban |", "Phó Chủ tịch"): what "giữ chức vụ gì" asks."""
    return [m.span() for m in _ANY_POST.finditer(fold(normalize_text(text)))]


def post_held(text: str, start: int, end: int, window: int = 90) -> tuple[str, str] | None:
    """The post written with the name at ``text[start:end]``: (its title folded, "pho truong ban"; the whole
    post folded, with its body) — the nearest before the name in its clause ("Phó Trưởng ban Ban Quản lý …
    | Lâm Văn Tiếp"), else right after it ("Nguyễn Tấn Phước, | Phó Chủ tịch UBND tỉnh", "… giữ chức
    Trưởng ban"); None when none is written there."""
    folded = fold(normalize_text(text))
    lo = max(0, start - window)
    before = [m for m in _ANY_POST.finditer(folded, lo, start) if not re.search(r"[,;.()]", text[m.start():start])]
    if before:
        return before[-1].group(0), folded[before[-1].start():start].strip()
    after = re.match(r"\s*(?:,\s*|\s(?:giu chuc(?: vu)?|la)\s+)", folded[end:])
    if after and (m := _ANY_POST.match(folded, end + after.end())):
        return m.group(0), re.split(r"[,;.()?]", folded[m.start():])[0].strip()
    return None


def person_names(text: str) -> list[tuple[int, int]]:
    """Spans of three or more capitalized syllables in a row that are no unit's or title's words."""
    spans = []
    for m in _CAPITALIZED.finditer(text):
        run: list[re.Match[str]] = []
        for syl in list(re.finditer(r"\S+", m.group(0))) + [None]:
            if syl is not None and len(syl.group(0)) > 1 and fold(syl.group(0)) not in _NOT_NAME:
                run.append(syl)
                continue
            if len(run) >= 3:
                spans.append((m.start() + run[0].start(), m.start() + run[-1].end()))
            run = []
    return spans


_SURNAMES = frozenset(fold(w) for w in SURNAMES.split())
_GIVEN_ENDS = NAME_ENDS - {"thi", "van", "nhu"}  # "Thị", "Văn", "Như" in a name fold as "thì", "vẫn", "như"
# "ông", "đồng chí", "Phó Trưởng ban": a person's name may follow
_ADDRESSED = re.compile(rf"\b(?:{'|'.join([fold(w) for w in ADDRESS_WORDS] + [r for r in ROLES if r != 'lanh dao'])})"
                        r"\s+(?=([a-z]+)((?:\s+[a-z]+){1,2}))")  # looked ahead: "bà | đồng chí Nguyễn …"


def lowercase_persons(text: str) -> list[tuple[int, int]]:
    """Spans of persons named without capitals, after a word that addresses one and by a family name ("ong lam
    van tiep ket luan gi" -> "lam van tiep"): the family name and up to two syllables before a function,
    question or unit word. Capitalized names are :func:`person_names`'."""
    folded = fold(text)  # as long as ``text``: its offsets are the text's
    spans = []
    for m in _ADDRESSED.finditer(folded):
        if m.group(1) not in _SURNAMES:
            continue
        end = m.end(1)
        for given in re.finditer(r"[a-z]+", m.group(2)):
            if given.group(0) in _GIVEN_ENDS:
                break
            end = m.start(2) + given.end()
        if end > m.end(1):
            spans.append((m.start(1), end))
    return spans


def has_person_name(text: str) -> bool:
    """Three or four capitalized syllables in a row, none of them a unit's or a title's word."""
    for m in _CAPITALIZED.finditer(text):
        run = 0
        for syllable in m.group(0).split():
            run = 0 if fold(syllable) in _NOT_NAME else run + 1
            if run >= 3:
                return True
    return False


def asked_role(question: str, folded: str) -> str | None:
    """The post whose holder the question asks for ("Trưởng ban ... là ai?" -> "truong ban")."""
    if not _ASKS_PERSON.search(folded) or re.search(r"\b(?:cua|voi|cho|tu) (?:nhung )?ai\b", folded):
        return None  # "Trưởng Ban kết luận dựa trên ý kiến của những ai?": others, not the post's holder
    for role in ROLES:
        m = re.search(rf"\b(pho\s+)?{role}\b", folded)
        if m and names_post(role, question, folded):
            return m.group(0)
    return None
