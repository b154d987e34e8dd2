"""What a question asks of a document it names, or of a numbered list (the grounding gate's reading of
citations; :func:`~assistant.chains.grounding.mismatch` asks it).

A sentence that names another document, only cites the one asked where the question asks what it sets, is not
of that document, does not say the subject asked of it, or is another item of a list, does not answer.
"""

from __future__ import annotations

import re

from assistant.chains.constraints import ordinal
from assistant.chains.cues import FRAMED, question_type
from assistant.schema import Passage
from assistant.text.abbreviations import expand
from assistant.text.normalize import fold
from assistant.text.patterns import DOCNUM
from assistant.text.places import ORDINALS
from assistant.text.stopwords import STOPWORDS

# What a document asked for is about: "Nghị định nào | về đất đai"; "về việc …" ends where a clause does.
_ABOUT = r"\b(?:nao|gi)\s+(?:quy dinh\s+|noi\s+)?ve\s+(?:viec\s+)?"
_DOC_ABOUT = re.compile(_ABOUT + r"((?:[a-z]+\s*){1,3}?)\s*(?:[?,.;]|$)")
# of a document the question cites, longer and up to where it is placed: "… về xử lý nước thải | trong KCN"
_CITED_ABOUT = re.compile(_ABOUT + r"((?:[a-z]+\s*){1,6}?)\s*(?:[?,.;]|\b(?:trong|tai|cua|cho|o)\b|$)")
# "Chỉ thị 27-CT/TU yêu cầu | xử lý kỷ luật cán bộ đi muộn | như thế nào?": what of it is asked
_CITED_HOW = re.compile(r"\b(?:yeu cau|quy dinh|huong dan|de cap)\s+(?:ve\s+(?:viec\s+)?)?((?:[a-z]+\s*){1,8}?)\s*"
                        r"(?:nhu the nao|the nao|ra sao)\b")
_ASKS_CONTENT = re.compile(r"\b(?:quy dinh|noi|de cap|yeu cau|huong dan) (?:nhung )?(?:gi|nhung gi|the nao)\b")
# What a question about a document's content asks for: "những tiêu chí gì", "loại giấy phép nào".
_ASKED_NOUN = re.compile(r"\b(?:nhung|cac|loai)\s+(\S+(?:\s\S+){0,3}?)\s+(?:nao|gi)\b"
                         r"|\b(?:yeu cau|quy dinh|dat ra|de ra|giao)\b.*\b(\S+\s(?!(?:ngay|nam|thang|quy|luc|gio|de|viec|dung)\s)\S+)"
                         r"\s+(?:nao|gi)\b")  # "… trước thời hạn nào", not "ban hành ngày nào" nor "vấn đề gì"
_STANDARD = re.compile(r"\b(?:tcvn|iso)\s*\d")


def other_document(question: str, q: str, s: str, sentence: str, passage: Passage | None) -> str | None:
    """Why the sentence does not tell of the document the question names by number (folded ``q``, ``s``), or None:
    it names another; what the document says is asked and the sentence neither cites it nor is in it; or it
    only cites the document where the question asks what the document sets ("Công văn 4622 đặt ra những tiêu
    chí gì")."""
    number = DOCNUM.search(question)
    documents = {re.match(r"\d+", m.group(0)).group(0) for m in DOCNUM.finditer(sentence)}
    if number is not None and documents and re.match(r"\d+", number.group(0)).group(0) not in documents:
        return f"văn bản khác: {', '.join(sorted(documents))}"  # "Chỉ thị 27-CT/TU … ai ký" is not told by QĐ 3485's sentence
    if number is not None and _ASKS_CONTENT.search(q) and passage is not None:  # what a document says is in it
        asked_number = re.match(r"\d+", number.group(0)).group(0)
        if asked_number not in documents and not any(
                re.match(r"\d+", m.group(0)).group(0) == asked_number for m in DOCNUM.finditer(passage.title)):
            return "câu được trích không thuộc và không dẫn văn bản được hỏi"
    asked = _ASKED_NOUN.search(q)
    head = " ".join((asked.group(1) or asked.group(2)).split()[:2]) if asked else ""
    # "TCVN ISO 9001:2000 yêu cầu …"; not a document the question is only framed by ("Theo tinh thần Chỉ thị 27, …")
    framed = FRAMED.match(q)
    cited = (number is not None and not (framed and number.end() <= framed.end())) or _STANDARD.search(q) is not None
    said_head = [w for w in head.split() if w not in STOPWORDS]  # "quy định về cái gì" names no part of it
    if cited and said_head and f" {head} " not in f" {expand(s)} ":
        return f"câu chỉ dẫn văn bản, không nêu {head} của nó"  # "Công văn 4622 đặt ra những tiêu chí gì"
    return None


def other_subject(question: str, q: str, s: str) -> str | None:
    """What a document asked for is about ("Nghị định nào | về đất đai"), when the sentence (folded ``s``) does
    not say it; None otherwise. "KCN" is written out."""
    cited = DOCNUM.search(question) is not None  # "NĐ 80/2006 … quy định gì về xử lý nước thải trong KCN?"
    about = (_CITED_ABOUT.search(q) or _CITED_HOW.search(q)) if cited else _DOC_ABOUT.search(q)
    if about and (cited or question_type(question) == "which-doc"):
        topic = [w for w in re.findall(r"[a-z]+", expand(about.group(1))) if w not in STOPWORDS]
        if topic and not all(re.search(rf"\b{w}\b", expand(s)) for w in topic):
            return f"văn bản về việc khác (câu hỏi: về {about.group(1)})"
    return None


_ORDINAL_WORDS = "|".join(fold(w) for w in ORDINALS)
# "nội dung thứ 6 trong chương trình …": the item so numbered ("6. …", "Thứ sáu, …"), not another of the list
_ITEM_ASKED = re.compile(rf"\b(?:noi dung|diem|muc|nhiem vu|giai phap|y|van de|phan)\s+thu\s+({_ORDINAL_WORDS}|\d+)\b")
_ITEM_SAID = re.compile(rf"^\s*(?:[•*\-–]\s*)?(\d{{1,2}})[.)]\s|^\s*thu\s+({_ORDINAL_WORDS})\s*[,:]")


def other_item(q: str, s: str) -> str | None:
    """Why the sentence (folded ``s``) is not the numbered item the question asks (folded ``q``), or None."""
    if (asked := _ITEM_ASKED.search(q)) is None:
        return None
    said = _ITEM_SAID.match(s)
    n = ordinal(asked.group(1))
    if said is None or ordinal(said.group(1) or said.group(2)) != n:
        return f"không phải mục thứ {n} được hỏi"
    return None
