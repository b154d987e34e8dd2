"""Citation parsing and verification for generated answers.

An LLM may cite a passage that does not exist, or cite a real passage for a claim it does not
support. Every ``[n]`` is checked: ``n`` must name a retrieved passage, and the sentence it closes
must be supported by that passage (content-word overlap, or embedding similarity when an embedder is
given). Unsupported markers are removed from the text; a marker to a missing passage never reaches
the user. Each kept citation quotes the passage sentence closest to the claim, with its exact span.

Example:
    >>> parse_markers("Hội nghị họp ở Đà Lạt [1][3]. Khác [2, 4].")
    [('Hội nghị họp ở Đà Lạt [1][3].', [1, 3]), ('Khác [2, 4].', [2, 4])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models.embedder import Embedder
from assistant.preprocessors.sentences import split_sentences
from assistant.schema import Citation, Passage
from assistant.text.words import content_words, overlap

_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_CLAIM = re.compile(r"[^.!?\n]*?(?:\[\d+(?:\s*[,;]\s*\d+)*\]\s*)+[.!?]?|[^.!?\n]+[.!?]?")


def parse_markers(text: str) -> list[tuple[str, list[int]]]:
    """(claim sentence, cited numbers) for each sentence of an answer."""
    out = []
    for match in _CLAIM.finditer(text):
        claim = match.group(0).strip()
        if not claim:
            continue
        numbers = [int(n) for group in _MARKER.findall(claim) for n in re.split(r"\s*[,;]\s*", group)]
        out.append((claim, numbers))
    return out


@dataclass
class Verification:
    text: str  # the answer with unsupported or invalid markers removed
    citations: list[Citation]
    invalid: list[int]  # numbers naming no passage
    unsupported: list[tuple[int, str]]  # (n, claim) pairs the passage does not support


def _best_sentence(claim: str, passage: Passage) -> tuple[int, int, float]:
    claim_words = content_words(_MARKER.sub("", claim))
    best = (0, len(passage.text), 0.0)
    for s, e in split_sentences(passage.text):
        score = overlap(claim_words, content_words(passage.text[s:e]))
        if score > best[2]:
            best = (s, e, score)
    return best


def verify(answer: str, passages: list[Passage], embedder: Embedder | None = None, lexical_support: float = 0.5,
           dense_support: float = 0.55) -> Verification:
    """Check every marker of ``answer`` against ``passages`` (numbered from 1)."""
    citations: dict[int, Citation] = {}
    invalid: list[int] = []
    unsupported: list[tuple[int, str]] = []
    pieces: list[str] = []
    for claim, numbers in parse_markers(answer):
        body = _MARKER.sub("", claim).strip()
        kept: list[int] = []
        for n in dict.fromkeys(numbers):
            if not 1 <= n <= len(passages):
                invalid.append(n)
                continue
            passage = passages[n - 1]
            s, e, lexical = _best_sentence(body, passage)
            supported = lexical >= lexical_support
            if not supported and embedder is not None and body:
                vecs = embedder.encode_documents([body, passage.text])
                supported = float(vecs[0] @ vecs[1]) >= dense_support
            if not supported:
                unsupported.append((n, body))
                continue
            kept.append(n)
            citations.setdefault(n, Citation(
                n=n, passage=passage, start=passage.start + s, end=passage.start + e, quote=passage.text[s:e]))
        end = body[-1:] if body[-1:] in ".!?" else ""
        core = body[:-1].rstrip() if end else body
        marks = "".join(f"[{n}]" for n in kept)
        pieces.append(f"{core} {marks}{end}".replace("  ", " ") if marks else f"{core}{end}")
    return Verification(" ".join(p for p in pieces if p), [citations[n] for n in sorted(citations)], invalid, unsupported)
