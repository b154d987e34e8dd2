"""Past conversations kept in the browser, and a conversation exported as Markdown or DOCX.

The chat's turns are stored as plain dicts (JSON) in a ``gr.BrowserState``: the browser's
localStorage, encrypted with a secret kept beside the index (so they survive a server restart), one
list per browser. A reload brings back the current conversation; the list switches between them.

Example:
    >>> store = save_conversation(empty_store(), "c1", [turn])            # doctest: +SKIP
    >>> turns_from(store["items"][0]["turns"])[0].question                  # doctest: +SKIP
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.app import render
from assistant.schema import NO_ANSWER, Citation, Passage

MAX_CONVERSATIONS = 30
PENDING_VI = "_Đang tìm trong tài liệu…_"
_PASSAGE_FIELDS = ("rank", "score", "chunk_id", "doc_id", "source", "title", "date", "page", "start", "end", "text",
                   "ocr")


@dataclass
class Turn:
    """One question and what came back; ``kind`` is pending, answer, abstain, notice or error.

    ``notices`` are shown apart from the answer: the index being rebuilt, the chat's filters, a local
    model that failed (the extractive answer stands in)."""

    question: str
    kind: str = "pending"
    answer: str = ""  # plain text, sent back as history and stored with feedback
    content: str = PENDING_VI  # the chat message (Markdown with citation links)
    citations: list[Citation] = field(default_factory=list)
    related: list[Passage] = field(default_factory=list)
    short: str = ""
    notices: list[str] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        """Whether the turn holds an answer or an abstention (the ones history and feedback keep)."""
        return self.kind in ("answer", "abstain")


# -- to and from JSON ------------------------------------------------------------------------------
def passage_dict(p: Passage) -> dict[str, Any]:
    return {k: (float(getattr(p, k)) if k == "score" else getattr(p, k)) for k in _PASSAGE_FIELDS}


def passage_from(d: dict[str, Any]) -> Passage:
    return Passage(**{k: d.get(k) for k in _PASSAGE_FIELDS if k != "ocr"}, ocr=bool(d.get("ocr")))


def turn_dict(turn: Turn) -> dict[str, Any]:
    """A turn as JSON-able data (a pending turn is stored as an interrupted one)."""
    cites = [{"n": c.n, "start": c.start, "end": c.end, "quote": c.quote, "passage": passage_dict(c.passage)}
             for c in turn.citations]
    return {"question": turn.question, "kind": turn.kind, "answer": turn.answer, "content": turn.content,
            "short": turn.short, "notices": list(turn.notices), "citations": cites,
            "related": [passage_dict(p) for p in turn.related]}


def turn_from(d: dict[str, Any]) -> Turn:
    cites = [Citation(c["n"], passage_from(c["passage"]), c["start"], c["end"], c["quote"])
             for c in d.get("citations", [])]
    turn = Turn(d["question"], d.get("kind", "notice"), d.get("answer", ""), d.get("content", ""), cites,
                [passage_from(p) for p in d.get("related", [])], d.get("short", ""), list(d.get("notices", [])))
    if turn.kind == "pending":  # the page was closed mid-answer
        turn.kind, turn.content = "notice", "_Câu trả lời bị gián đoạn; xin gửi lại câu hỏi._"
    return turn


def turns_from(items: list[dict[str, Any]] | None) -> list[Turn]:
    out = []
    for item in items or []:
        try:
            out.append(turn_from(item))
        except (AttributeError, KeyError, TypeError, ValueError):
            continue  # an entry from an older version of the app: skipped, not fatal
    return out


# -- the browser's list ----------------------------------------------------------------------------
def empty_store() -> dict[str, Any]:
    """What a browser holds before its first conversation: the current id and the conversations."""
    return {"current": "", "items": []}


def new_id() -> str:
    return datetime.now().strftime("%Y%m%d%H%M%S") + secrets.token_hex(3)


def title_of(turns: list[Turn]) -> str:
    first = next((t.question for t in turns if t.question), "Hội thoại")
    return first if len(first) <= 60 else first[:60].rsplit(" ", 1)[0] + "…"


def save_conversation(store: dict[str, Any] | None, conv_id: str, turns: list[Turn]) -> dict[str, Any]:
    """``store`` with conversation ``conv_id`` replaced by ``turns`` and made current, newest first; at most
    :data:`MAX_CONVERSATIONS` kept."""
    store = dict(store or empty_store())
    items = [i for i in store.get("items", []) if i.get("id") != conv_id]
    if turns:
        items.insert(0, {"id": conv_id, "title": title_of(turns), "updated": datetime.now().isoformat(timespec="seconds"),
                         "turns": [turn_dict(t) for t in turns]})
    return {"current": conv_id, "items": items[:MAX_CONVERSATIONS]}


def find(store: dict[str, Any] | None, conv_id: str) -> list[Turn]:
    for item in (store or {}).get("items", []):
        if item.get("id") == conv_id:
            return turns_from(item.get("turns"))
    return []


def choices(store: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(label, id) of every stored conversation, newest first: "06/11 14:05 — first question"."""
    out = []
    for item in (store or {}).get("items", []):
        try:
            when = datetime.fromisoformat(item.get("updated", "")).strftime("%d/%m %H:%M")
        except ValueError:
            when = ""
        out.append((f"{when} — {item.get('title', '')}".strip(" —"), item.get("id", "")))
    return out


# -- export ----------------------------------------------------------------------------------------
def _source_line(c: Citation) -> str:
    page = f", trang {c.page}" if c.page is not None else ""
    return f"[{c.n}] {c.title or c.source} ({render.format_date(c.date)}{page}; {c.source}): «{c.quote.strip()}»"


def markdown_text(turns: list[Turn], title: str = "") -> str:
    """The conversation as Markdown: each question, the short answer in bold, the answer and its sources."""
    lines = [f"# {title or title_of(turns)}", "", f"_Xuất lúc {datetime.now():%d/%m/%Y %H:%M}_", ""]
    for i, turn in enumerate(turns, 1):
        lines += [f"## Câu hỏi {i}", "", turn.question, "", "**Trả lời:**", ""]
        lines += [f"> ⚠ {n}" for n in turn.notices] + ([""] if turn.notices else [])
        if turn.short:
            lines += [f"**{turn.short}**", ""]
        lines += [turn.answer or (NO_ANSWER if turn.kind == "abstain" else "(không có câu trả lời)"), ""]
        if turn.citations:
            seen = set()
            lines += ["Nguồn:", ""]
            for c in turn.citations:
                if (c.n, c.quote) not in seen:
                    seen.add((c.n, c.quote))
                    lines.append(f"- {_source_line(c)}")
            lines.append("")
    return "\n".join(lines)


def write_markdown(turns: list[Turn], folder: Path) -> Path:
    path = folder / f"hoi_thoai_{datetime.now():%Y%m%d_%H%M%S}.md"
    path.write_text(markdown_text(turns), encoding="utf-8")
    return path


def write_docx(turns: list[Turn], folder: Path) -> Path:
    """The same content as :func:`markdown_text`, as a Word document (python-docx)."""
    from docx import Document

    doc = Document()
    doc.add_heading(title_of(turns), level=1)
    doc.add_paragraph().add_run(f"Xuất lúc {datetime.now():%d/%m/%Y %H:%M}").italic = True
    for i, turn in enumerate(turns, 1):
        doc.add_heading(f"Câu hỏi {i}", level=2)
        doc.add_paragraph(turn.question)
        for note in turn.notices:
            doc.add_paragraph(f"⚠ {note}")
        if turn.short:
            doc.add_paragraph().add_run(turn.short).bold = True
        doc.add_paragraph(turn.answer or (NO_ANSWER if turn.kind == "abstain" else "(không có câu trả lời)"))
        seen = set()
        for c in turn.citations:
            if (c.n, c.quote) not in seen:
                seen.add((c.n, c.quote))
                doc.add_paragraph(_source_line(c), style="List Bullet")
    path = folder / f"hoi_thoai_{datetime.now():%Y%m%d_%H%M%S}.docx"
    doc.save(str(path))
    return path
