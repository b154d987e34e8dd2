"""Answers to open questions: by their form (purpose, list, frequency, yes/no, verdict, "X nào"), their cause,
or the clause after the one that restates the question."""

from __future__ import annotations

import re

from assistant.chains.cues import asks_form, open_form
from assistant.chains.posts import post_titles
from assistant.chains.short.align import _anchor, _echoed_before, _object_of, _subject_of
from assistant.chains.short.clauses import (
    _AND,
    _TOKEN,
    CLAUSE_WORDS,
    LIST_ITEM_WORDS,
    LIST_WORDS,
    _clauses,
    _lstrip,
    _new,
    _run_on,
    _trim,
    _words,
)
from assistant.text.kinds import EXISTENCE_WORDS, VERDICT_WORDS
from assistant.text.normalize import fold, normalize_text, strip_diacritics
from assistant.text.patterns import DOCNUM
from assistant.text.places import UNIT_ABBREVIATIONS, UNIT_NAME_WORDS
from assistant.text.stopwords import PREDICATE_WORDS, STOPWORDS
from assistant.text.words import content_words

_PREDICATE_WORDS = frozenset(PREDICATE_WORDS.split())
_VERDICT = re.compile(rf"\s(?:{'|'.join(VERDICT_WORDS)})\s")
# How often: "hàng tháng", "định kỳ hằng quý", "mỗi năm một lần", "luân phiên".
_OFTEN = re.compile(r"(?i)\b(?:h[àằ]ng\s+(?:ngày|tuần|tháng|quý|năm)|định kỳ(?:\s+h[àằ]ng\s+\S+)?|luân phiên"
                    r"|(?:mỗi|một)\s+(?:tuần|tháng|quý|năm)(?:\s+\S+\s+lần)?|\d+\s+lần(?:\s+mỗi\s+\S+)?)")
_FRAME_UNIT = frozenset(content_words(f"{UNIT_NAME_WORDS} {UNIT_ABBREVIATIONS}"))


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
        items = _AND.split(sentence[a:b])  # "thu nhập và các điều kiện về nhà ở": two short items
        if sentence[end:a].strip() != "," or max(map(_words, items)) > LIST_ITEM_WORDS or _ASIDE.match(sentence[a:b]):
            break
        end = b
    return _trim(sentence, m.end(), end, limit=CLAUSE_WORDS)


def _open(question: str, sentence: str) -> tuple[int, int] | None:
    """The answer to an open question: the cause a "vì sao" asks (:func:`_cause`); by its form
    (:func:`form_span`); else what follows the verb it asks the object of ("còn đề ra | điều gì" ->
    "phương hướng hợp tác …", :func:`_aligned`); else :func:`_clause`."""
    if asks_form(question, "often"):  # how often: a frequency said, or nothing answers
        return form_span(question, sentence)
    for find in (_cause, form_span, _object_of, _subject_of, _clause):
        span = find(question, sentence)
        if span is not None and content_words(sentence[span[0]:span[1]]):  # "nhằm" alone says nothing
            return span
    return None


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
        elif kind == "which" and words.startswith(("chuc vu", "chuc danh")):  # "giữ chức vụ gì": a post's title
            found = next((span for span in post_titles(sentence) if _new(sentence[span[0]:span[1]], question)), None)
        elif kind == "which":  # "thuộc vùng nào": the "Vùng …" named, not "thuộc vùng"
            noun = words.rsplit(" ", 1)[0]
            first, _, rest = noun.partition(" ")
            found = _named_as(question, sentence, rest if rest and first in _LINKING else noun)
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
    end = spans[run[-1]][1]
    if run[-1] + 1 < len(spans) and sentence[end:spans[run[-1] + 1][0]].strip() == ",":
        # the last item before "và" and a longer one: "…, lao động, | cải cách hành chính | và kinh nghiệm …"
        a, b = spans[run[-1] + 1]
        last = re.match(rf"\s*(?:\S+\s+){{1,{LIST_ITEM_WORDS}}}?(?=và\s)", sentence[a:b])
        end = a + len(last.group(0).rstrip()) if last else end
    return _trim(sentence, start, end, limit=LIST_WORDS)


_LINKING = {"thuoc", "cua", "o", "tai", "cho", "voi", "ve", "tu", "den", "vao", "la", "trong"}  # folded


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


_VAGUE = re.compile(r"(?:một số|một vài|nhiều|các|những|mọi)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?", re.IGNORECASE)


def says_which(question: str, phrase: str) -> bool:
    """Whether ``phrase`` says which, for "những điều nào / gì": "một số điều" names none of them."""
    asked = open_form(question)
    return asked is None or asked[0] not in {"list", "which"} or not _VAGUE.fullmatch(phrase.strip(" .,;"))
