"""HTML for the web app: answers with clickable citation markers, sources, search hits, documents.

Every piece of document text goes through :func:`html.escape` before any markup is added, so a
document containing ``<script>`` or ``&`` shows as text. Query words are highlighted by comparing
folded forms (lowercase, no diacritics), so "tan duc" highlights "Tân Đức". Passage sentences that
read as instructions to an assistant are flagged in the sources panel: documents are data.

Example:
    >>> highlight_words("Khu công nghiệp Tân Đức <mới>", query_terms("tan duc"))
    'Khu công nghiệp <mark class="kw">Tân</mark> <mark class="kw">Đức</mark> &lt;mới&gt;'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from assistant.index.store import DocumentRecord
from assistant.schema import NO_ANSWER, Citation, Passage
from assistant.text.injection import instruction_spans
from assistant.text.normalize import fold
from assistant.text.stopwords import STOPWORDS

_WORD = re.compile(r"\w+", re.UNICODE)
_MARKER = re.compile(r"\[(\d{1,3})\]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
INJECTION_VI = "có thể là nội dung chèn lệnh"


def esc(text: Any) -> str:
    """Escaped text, ``None`` as an empty string."""
    return html.escape("" if text is None else str(text), quote=True)


def format_date(value: str | None) -> str:
    """ISO ``2019-04-26`` as Vietnamese ``26/04/2019``; anything else unchanged."""
    if not value:
        return "không rõ"
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if match:
        return f"{match.group(3)}/{match.group(2)}/{match.group(1)}"
    return value


# -- highlighting ----------------------------------------------------------------------------------
def query_terms(query: str) -> set[str]:
    """Folded words of a query worth highlighting (typed with or without diacritics)."""
    terms = set()
    for word in _WORD.findall(query or ""):
        folded = fold(word)
        if folded in STOPWORDS or (len(folded) < 2 and not folded.isdigit()):
            continue
        terms.add(folded)
    return terms


def highlight_words(text: str, terms: Iterable[str] | None) -> str:
    """Escaped ``text`` with each word whose folded form is in ``terms`` wrapped in ``<mark class="kw">``."""
    terms = set(terms or ())
    if not terms:
        return esc(text)
    out: list[str] = []
    pos = 0
    for match in _WORD.finditer(text):
        if fold(match.group(0)) in terms:
            out.append(esc(text[pos:match.start()]))
            out.append(f'<mark class="kw">{esc(match.group(0))}</mark>')
            pos = match.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def locate(text: str, start: int | None, end: int | None, quote: str | None = None) -> tuple[int, int] | None:
    """A valid ``(start, end)`` span of ``text``: the given one, else where ``quote`` occurs, else ``None``."""
    valid = start is not None and end is not None and 0 <= start < end <= len(text)
    if valid and (not quote or text[start:end].strip() == quote.strip()):
        return start, end
    if quote and quote.strip():
        found = text.find(quote.strip())
        if found >= 0:
            return found, found + len(quote.strip())
    return (start, end) if valid else None


def highlight_span(text: str, span: tuple[int, int] | None, terms: Iterable[str] | None = None,
                   mark_id: str | None = None, mark_class: str = "quote") -> str:
    """Escaped ``text`` with ``span`` in ``<mark>`` (and query words highlighted everywhere)."""
    return highlight_spans(text, [span] if span else [], terms, mark_id, mark_class)


def highlight_spans(text: str, spans: Iterable[tuple[int, int] | None], terms: Iterable[str] | None = None,
                    mark_id: str | None = None, mark_class: str = "quote") -> str:
    """Escaped ``text`` with every span in ``<mark>``; overlapping spans merge, the first gets ``mark_id``."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s is not None):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    pos = 0
    for i, (start, end) in enumerate(merged):
        ident = f' id="{esc(mark_id)}"' if mark_id and i == 0 else ""
        out.append(highlight_words(text[pos:start], terms))
        out.append(f'<mark class="{mark_class}"{ident}>{highlight_words(text[start:end], terms)}</mark>')
        pos = end
    out.append(highlight_words(text[pos:], terms))
    return "".join(out)


def _clip(spans: Iterable[tuple[int, int] | None], lo: int, hi: int) -> list[tuple[int, int]]:
    """The parts of ``spans`` inside ``[lo, hi)``, relative to ``lo``."""
    return [(max(s, lo) - lo, min(e, hi) - lo) for s, e in (x for x in spans if x) if s < hi and e > lo]


def flagged_html(text: str, quotes: Iterable[tuple[int, int] | None] = ()) -> str:
    """Escaped passage ``text``: ``quotes`` in ``<mark>``, each sentence that reads as an instruction to
    an assistant wrapped in ``<span class="injection">`` and followed by a note, so a reader does not
    take a planted command for the document's content."""
    quotes = [q for q in quotes if q]
    out: list[str] = []
    pos = 0
    for start, end in instruction_spans(text):
        out.append(highlight_spans(text[pos:start], _clip(quotes, pos, start)))
        out.append(f'<span class="injection" title="{INJECTION_VI}">'
                   f"{highlight_spans(text[start:end], _clip(quotes, start, end))}</span>"
                   f'<span class="injection-note">⚠ {INJECTION_VI}</span>')
        pos = end
    out.append(highlight_spans(text[pos:], _clip(quotes, pos, len(text))))
    return "".join(out)


def group_citations(citations: list[Citation]) -> list[list[Citation]]:
    """Citations by marker number, in order: one ``[n]`` may quote several sentences."""
    groups: dict[int, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.n, []).append(c)
    return list(groups.values())


def passage_span(citation: Citation) -> tuple[int, int] | None:
    """Where a citation's quote sits inside its passage ``text``."""
    offset = citation.passage_start
    return locate(citation.text, citation.start - offset, citation.end - offset, citation.quote)


# -- answers ---------------------------------------------------------------------------------------
def escape_markdown(text: str) -> str:
    """Text safe to put in a Markdown message: HTML-escaped, Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


def answer_markdown(answer_text: str, turn: int, numbers: Iterable[int], short_answer: str = "",
                    previews: Mapping[int, str] | None = None) -> str:
    """An answer for the chat: the short answer in bold first (when there is one), then the escaped
    quotes, each known ``[n]`` a link ``#cite-<turn>-<n>`` that opens the source; its tooltip is
    ``previews[n]`` (the quote), shown on hover or tap."""
    known = set(numbers)
    previews = previews or {}
    out: list[str] = [f"**{escape_markdown(short_answer.strip())}**\n\n"] if short_answer.strip() else []
    pos = 0
    for match in _MARKER.finditer(answer_text or ""):
        n = int(match.group(1))
        if n not in known:
            continue
        tip = previews.get(n) or f"Xem nguồn [{n}]"
        label = f"Trích dẫn {previews[n]}" if previews.get(n) else f"Trích dẫn [{n}]"
        out.append(escape_markdown(answer_text[pos:match.start()]))
        out.append(f'<a href="#cite-{turn}-{n}" class="cite" title="{esc(tip)}" aria-label="{esc(label)}">[{n}]</a>')
        pos = match.end()
    out.append(escape_markdown((answer_text or "")[pos:]))
    return "".join(out)


def citation_previews(citations: Iterable[Citation], limit: int = 220) -> dict[int, str]:
    """What hovering or tapping ``[n]`` shows: "[n] «quote» — title, date" (quotes of one marker joined)."""
    quotes: dict[int, list[str]] = {}
    heads: dict[int, str] = {}
    for c in citations:
        quote = " ".join((c.quote or "").split())
        if quote and quote not in quotes.setdefault(c.n, []):
            quotes[c.n].append(quote)
        heads.setdefault(c.n, f"{c.title or c.source}, {format_date(c.date)}")
    return {n: f"[{n}] «{_snippet(' … '.join(q), limit)}» — {heads[n]}" for n, q in quotes.items()}


def notices_html(notices: Iterable[str]) -> str:
    """Notices shown apart from an answer (the index being rebuilt, filters, a failed local model)."""
    items = [n for n in notices if n]
    if not items:
        return ""
    return "".join(f'<div class="turn-notice">⚠ {esc(n)}</div>' for n in items) + "\n\n"


def abstention_markdown(turn: int, related: list[Passage], message: str = NO_ANSWER) -> str:
    """The abstention message, then the possibly related passages as links that open them."""
    lines = [f"**{esc(message)}**"]
    if related:
        lines.append("")
        lines.append("Các đoạn có thể liên quan:")
        for i, item in enumerate(related, 1):
            snippet = _snippet(item.text, 140)
            lines.append(f'{i}. <a href="#rel-{turn}-{i}" class="cite">{escape_markdown(item.title or item.source)}</a>'
                         f" ({esc(format_date(item.date))}): {escape_markdown(snippet)}")
    return "\n".join(lines)


def _snippet(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _meta_line(item: Passage | Citation) -> str:
    parts = [f"Ngày: {esc(format_date(item.date))}"]
    if item.page is not None:
        parts.append(f"Trang: {esc(item.page)}")
    passage = item.passage if isinstance(item, Citation) else item
    if passage.ocr:
        parts.append('<span class="ocr" title="Văn bản nhận dạng từ ảnh quét, có thể có lỗi">OCR</span>')
    parts.append(f"Nguồn: <code>{esc(item.source)}</code>")
    return " · ".join(parts)


def sources_html(citations: list[Citation], turn: int, active: int | None = None) -> str:
    """One card per citation: title, date, page, source and the passage with the quote in ``<mark>``;
    card ``active`` (the ``[n]`` just clicked) is marked."""
    if not citations:
        return '<div class="panel-empty">Câu trả lời không có trích dẫn.</div>'
    cards = []
    for group in group_citations(citations):
        c = group[0]
        n = c.n
        passage = flagged_html(c.text, [passage_span(g) for g in group if g.text == c.text])
        cards.append(
            f'<div class="src-card{" active" if n == active else ""}" id="src-{turn}-{esc(n)}" data-n="{esc(n)}">'
            f'<div class="src-head"><span class="src-n">[{esc(n)}]</span> {esc(c.title or c.source)}</div>'
            f'<div class="src-meta">{_meta_line(c)}</div>'
            f'<div class="src-text">{passage}</div>'
            f'<button class="open-doc" data-open="cite-{turn}-{esc(n)}">Xem tài liệu [{esc(n)}]</button>'
            "</div>"
        )
    return '<div class="src-list">' + "".join(cards) + "</div>"


def related_html(related: list[Passage], turn: int, message: str = NO_ANSWER, active: int | None = None) -> str:
    """The sources panel for an abstention: the message, then passages that may be related."""
    head = f'<div class="abstain">{esc(message)}</div>'
    if not related:
        return head + '<div class="panel-empty">Không có đoạn văn nào gần với câu hỏi.</div>'
    cards = []
    for i, r in enumerate(related, 1):
        cards.append(
            f'<div class="src-card related{" active" if i == active else ""}" id="rel-card-{turn}-{i}">'
            f'<div class="src-head"><span class="src-n">{i}.</span> {esc(r.title or r.source)}</div>'
            f'<div class="src-meta">{_meta_line(r)}</div>'
            f'<div class="src-text">{flagged_html(_snippet(r.text, 600))}</div>'
            f'<button class="open-doc" data-open="rel-{turn}-{i}">Xem tài liệu</button>'
            "</div>"
        )
    return head + '<div class="related-title">Các đoạn có thể liên quan:</div><div class="src-list">' + "".join(cards) + "</div>"


# -- search ----------------------------------------------------------------------------------------
def search_results_html(results: list[Passage], query: str) -> str:
    """Ranked passages with the query's words highlighted (compared without diacritics)."""
    if not results:
        return '<div class="panel-empty">Không tìm thấy đoạn văn nào phù hợp.</div>'
    terms = query_terms(query)
    cards = []
    for i, r in enumerate(results):
        cards.append(
            f'<div class="hit" data-source="{esc(r.source)}">'
            f'<div class="src-head"><span class="src-n">#{esc(r.rank)}</span> {esc(r.title or r.source)}'
            f'<span class="score">điểm {float(r.score):.4f}</span></div>'
            f'<div class="src-meta">{_meta_line(r)}</div>'
            f'<div class="src-text">{highlight_words(r.text, terms)}</div>'
            f'<button class="open-doc" data-open="res-{i}">Xem toàn văn</button>'
            "</div>"
        )
    return f'<div class="hit-count">{len(results)} kết quả</div><div class="src-list">' + "".join(cards) + "</div>"


# -- documents -------------------------------------------------------------------------------------
def document_html(doc: DocumentRecord | None, span: tuple[int, int] | list[tuple[int, int]] | None,
                  terms: Iterable[str] | None = None, label: str = "") -> str:
    """The whole cleaned document with the span(s) in ``<mark class="hl">``, the first ``id="hl"``.

    The view's script scrolls that first mark into view.
    """
    if doc is None:
        return '<div class="panel-empty">Tài liệu này không còn trong chỉ mục.</div>'
    text = doc.text
    spans = [s for s in (span if isinstance(span, list) else [span]) if s is not None]
    body = highlight_spans(text, spans, terms, mark_id="hl", mark_class="hl")
    meta = [f"Ngày: {esc(format_date(doc.date))}", f"Nguồn: <code>{esc(doc.source)}</code>",
            f"{len(text):,} ký tự".replace(",", ".")]
    if spans:
        first = min(spans)
        meta.append(f"Đoạn được đánh dấu: ký tự {first[0]}–{max(e for _, e in spans)}")
    heading = f'<span class="src-n">{esc(label)}</span> ' if label else ""
    return (f'<div class="doc-view"><div class="doc-title">{heading}{esc(doc.title or doc.source)}</div>'
            f'<div class="src-meta">{" · ".join(meta)}</div><div class="doc-body">{body}</div></div>')


def empty_html(message: str) -> str:
    """A panel's placeholder or message in place of content."""
    return f'<div class="panel-empty">{esc(message)}</div>'


def status_html(status: Mapping[str, Any]) -> str:
    """The banner on top of the page: starting or busy (with the job's progress), ready or failed.

    ``status`` is :meth:`AppRuntime.status`'s dict; each ``progress`` entry shows as
    "label: done/total (percent%)".
    """
    state = status.get("state", "starting")
    message = esc(status.get("message", ""))
    detail = "".join(f"<li>{esc(progress_line(p))}</li>" for p in status.get("progress", []))
    detail = f"<ul>{detail}</ul>" if detail else ""
    spinner = '<span class="spinner"></span>' if state in ("starting", "busy") else ""
    icon = {"ready": "✔", "error": "⚠"}.get(state, "")
    return (f'<div class="status status-{esc(state)}" data-state="{esc(state)}">{spinner}{icon} '
            f'<span class="status-msg">{message}</span>{detail}</div>')


def progress_line(progress: Mapping[str, Any]) -> str:
    """One job's latest report as "Nhúng đoạn văn: 120/480 (25%)" (no percent without a total)."""
    label, done, total = progress.get("label", ""), progress.get("done", 0), progress.get("total", 0)
    if not total:
        return f"{label}: {done}"
    percent = progress.get("percent")
    return f"{label}: {done}/{total} ({percent if percent is not None else round(100 * done / total)}%)"
