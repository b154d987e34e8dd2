"""Where the question's own words place the answer in a sentence: what follows the words before its question
word, what precedes the words after it, and how closely they surround a phrase."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.short.clauses import (
    _CLAUSE_END,
    _TOKEN,
    CLAUSE_WORDS,
    MAX_WORDS,
    _after,
    _lstrip,
    _new,
    _trim,
)
from assistant.text.kinds import SAME_MEANING
from assistant.text.normalize import fold, has_diacritics, normalize_text
from assistant.text.stopwords import STOPWORDS
from assistant.text.words import content_words

ANCHOR_WINDOW = 6  # words either side of a phrase in which the question's words place it


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
    said = _echo_run(q[at + 1:], words, reach=len(q), least=least)
    if said is None:
        return None
    end = list(_TOKEN.finditer(sentence))[said[0]].start()
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
    run = _echo_run(asked, words, reach, least)
    return None if run is None else run[1]


def _echo_run(asked: list[str], words: list[str], reach: int, least: int) -> tuple[int, int] | None:
    """(start, end) token indices in ``words`` of the run :func:`_longest_echo` finds."""
    best, found = least - 1, None
    for i in range(len(asked)):
        for k in range(len(words)):
            n = 0
            while i + n < len(asked) and k + n < len(words) and asked[i + n] == words[k + n]:
                n += 1
            if n > best and i + n >= len(asked) - reach and any(w not in STOPWORDS for w in asked[i:i + n]):
                best, found = n, (k, k + n)
    return found


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
                # "do Ban nào", "Công ty nào": the kind the question word asks opens the name that answers
                kind = 0
                if skip == 0 and q[at] == "nao":  # ("do | Ban Quản lý …", "Tổng | Công ty Becamex")
                    kind = next((n for n in (2, 1) if tokens[k + 2 - n].group(0)[:1].isupper()
                                 and all(w not in STOPWORDS for w in q[at - n:at])), 0)
                start, end = tokens[k + 2 - kind].start(), tokens[r - 1].end()
                if re.search(r"[.;()]", sentence[start:end]) or not _new(sentence[start:end], question):
                    continue
                if best is None or end - start < best[1] - best[0]:
                    best = (start, end)
    return best


def _occurrences(words: list[str], pair: list[str]) -> Iterator[int]:
    """Where the two words ``pair`` (not both function words) stand next to each other in ``words``."""
    if len(pair) != 2 or all(w in STOPWORDS for w in pair):
        return
    yield from (k for k in range(len(words) - 1) if words[k:k + 2] == pair)


def _echoed_before(question: str, sentence: str, at: int, window: int = 3) -> int:
    """How many of the ``window`` words just before ``at`` the question uses."""
    asked = {fold(m.group(0)) for m in _TOKEN.finditer(question)}
    before = [fold(m.group(0)) for m in _TOKEN.finditer(sentence, 0, at)][-window:]
    return sum(w in asked for w in before)


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
    q_words = _folded_words(question)
    asked = set(content_words(question)) | {w for w in q_words if w not in STOPWORDS}
    # what the question says after its question word is said of the answer: "đơn vị nào | đứng ra tổ chức"
    # is answered by the unit the sentence's "tổ chức" follows
    at = _question_word(question)
    said_of = set() if at is None else {w for w in q_words[at + 1:] if w not in STOPWORDS}
    tokens = list(zip([m.start() for m in _TOKEN.finditer(sentence)], _folded_words(sentence), strict=True))
    left = [w for s, w in reversed(tokens) if s < span[0]][:ANCHOR_WINDOW]
    right = [w for s, w in tokens if s >= span[1]][:ANCHOR_WINDOW] if after else []
    return (sum(1 / (1 + d) for side in (left, right) for d, w in enumerate(side) if w in asked)
            + sum(1 / (1 + d) for d, w in enumerate(right) if w in said_of))
