"""Content words of Vietnamese text, folded, for lexical support and overlap scores."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.text.abbreviations import expansions
from assistant.text.normalize import fold, has_diacritics, normalize_text
from assistant.text.stopwords import (
    ASKED_ATTRIBUTES,
    GREETINGS,
    QUESTION_MARKERS,
    STOPWORDS,
    SUMMARY_REQUESTS,
)

_WORD = re.compile(r"[^\W_]+")


def joined(text: str) -> str:
    """``text``'s words separated by single spaces, punctuation dropped: "Hàm Tân, Lagi" -> "Hàm Tân Lagi"."""
    return " ".join(_WORD.findall(text))


def content_words(text: str) -> list[str]:
    """Folded syllables without function words, plus the other form of abbreviations."""
    words = [w for w in _WORD.findall(fold(text)) if w not in STOPWORDS]
    for expansion in expansions(text):
        words += [w for w in expansion.split() if w not in STOPWORDS]
    return words


@lru_cache(maxsize=512)
def content_verbs(text: str) -> tuple[str, ...]:
    """The verbs of ``text`` (pyvi's part-of-speech tags), lower-cased as written, without function words: "Vì sao
    UBND tỉnh thu hồi chủ trương …?" -> ("thu hồi",). What a question says happened, for a sentence to say too."""
    from pyvi import ViPosTagger, ViTokenizer  # loaded on first use: the tagger's model is read from disk

    words, tags = ViPosTagger.postagging(ViTokenizer.tokenize(normalize_text(text)))
    verbs = (w.replace("_", " ").lower() for w, tag in zip(words, tags, strict=True) if tag == "V")
    return tuple(dict.fromkeys(v for v in verbs if _WORD.fullmatch(v.replace(" ", "")) and
                               not all(w in STOPWORDS for w in fold(v).split())))


def said(phrases: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The ``phrases`` ``text`` says as whole words: with their marks where both have them ("dừng" is not "sử
    dụng"), folded where either was typed without."""
    written = normalize_text(text).lower()
    marked = f" {' '.join(_WORD.findall(written))} "
    folded = f" {' '.join(_WORD.findall(fold(written)))} "
    plain = not has_diacritics(written)
    return tuple(phrase for phrase in phrases if (plain or not has_diacritics(phrase)) and f" {fold(phrase)} " in folded
                 or f" {normalize_text(phrase).lower()} " in marked)


def says_any(phrases: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` says one of ``phrases`` (:func:`said`)."""
    return bool(said(phrases, text))


def overlap(question: list[str], sentence: list[str]) -> float:
    """Share of the question's content words (unigrams, plus half-weight bigrams) found in the sentence."""
    if not question:
        return 0.0
    have = set(sentence)
    unigram = sum(1 for w in set(question) if w in have) / len(set(question))
    q_bigrams = set(zip(question, question[1:], strict=False))
    if not q_bigrams:
        return unigram
    s_bigrams = set(zip(sentence, sentence[1:], strict=False))
    bigram = len(q_bigrams & s_bigrams) / len(q_bigrams)
    return (2 * unigram + bigram) / 3


def is_question(text: str) -> bool:
    """Whether a message asks something: it has a content word and is not a greeting.

    Emoji, punctuation, a lone function word ("và") or "xin chào" are not questions.
    """
    folded = joined(fold(text))
    return bool(content_words(text)) and folded not in GREETINGS


_ASKS = re.compile(rf"\b(?:{'|'.join(QUESTION_MARKERS)})\b|\bdau\W*$|^\W*(?:{'|'.join(ASKED_ATTRIBUTES)})\b")


def asks_something(text: str) -> bool:
    """Whether a question asks something of its topic: a question word, a request or "?" (:data:`QUESTION_MARKERS`),
    or what it wants to know first ("Ngày ban hành Nghị định 29/2008", :data:`ASKED_ATTRIBUTES`).
    "cho mình hỏi vụ hội nghị hôm bữa á" or a few keywords name a topic only."""
    return "?" in text or bool(_ASKS.search(fold(text)))


_SUMMARY = re.compile(rf"\b(?:{'|'.join(SUMMARY_REQUESTS)})\b")


def asks_summary(text: str) -> bool:
    """Whether a message asks for a summary ("Tóm tắt tài liệu", "tom tat hoi nghi 2019"): no one sentence answers
    it, so extractive mode shows the passages rather than quote the sentence that shares a word with it."""
    return bool(_SUMMARY.search(fold(text)))
