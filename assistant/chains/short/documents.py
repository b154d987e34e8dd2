"""Document numbers that answer "văn bản nào / nghị định nào"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chains.cues import Cue
from assistant.chains.short.clauses import _UP, _new, _trim
from assistant.text.abbreviations import expand
from assistant.text.kinds import DOC_RELATION_WORDS, DOCUMENT_KINDS
from assistant.text.normalize import fold
from assistant.text.patterns import FULL_DATE
from assistant.text.places import ISSUER_CODES

_KINDS = "|".join(DOCUMENT_KINDS)
_DOC = re.compile(rf"(?:(?:{_KINDS})\s+(?:số\s+)?)?(?:[A-Z]+\s+)?\d+(?:[/\-:.][0-9A-ZĐa-z\-]+)+")
# A named document: its kind, a capitalized word, then up to three more ("Luật Bảo vệ môi trường").
_DOCNAME = re.compile(rf"\b(?i:{_KINDS})\s+[{_UP}][^\s,.;:()]*(?:\s+[^\s,.;:()]+){{0,3}}")
_ISSUERS = {fold(name): code for name, code in ISSUER_CODES.items()}
# The kind of document a question asks for, and how its number or name shows it.
_DOC_KINDS = {"nghi dinh": r"nghi dinh|nd-cp", "quyet dinh": r"quyet dinh|qd-", "chi thi": r"chi thi|-ct/",
              "thong tu": r"thong tu|/tt-", "luat": r"luat|/qh", "cong van": r"cong van|/ubnd-|/bql-"}


def _which_doc(question: str, sentence: str, cue: Cue) -> Iterator[tuple[int, int]]:
    """A document number or name; when the question names the kind ("quyết định nào"), of that kind."""
    folded_q = fold(question)
    kinds = [forms for kind, forms in _DOC_KINDS.items() if re.search(rf"\b{kind} (?:nao|so may|gi)\b", folded_q)]
    asks_number = re.search(r"\bso (?:hieu|may|bao nhieu)\b", folded_q)  # the number, not the name
    issuer = next((code for name, code in _ISSUERS.items() if f"cua {name}" in expand(question)), None)
    acts = [w for w in DOC_RELATION_WORDS if re.search(rf"\b{w}\b", folded_q)]
    if acts and not any(re.search(rf"\b{w}\b", fold(sentence)) for w in acts):
        return  # "thay thế" asked: a sentence that does not say it names no replacement
    for pattern in (_DOC,) if asks_number else (_DOC, _DOCNAME):
        for m in pattern.finditer(sentence):
            found = fold(m.group(0))
            if FULL_DATE.fullmatch(m.group(0)):  # "04/12/2019" dates a document, it is not its number
                continue
            if (kinds and not re.search(kinds[0], found)) or (issuer and issuer not in found):
                continue
            if _new(m.group(0), question):
                yield _trim(sentence, m.start(), m.end())
