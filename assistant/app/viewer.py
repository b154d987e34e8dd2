"""The original file of a document: its PDF page drawn with the passage highlighted, or its text, and a download.

A PDF page is rendered to PNG by pypdfium2 when it is installed, else by poppler's ``pdftoppm``
(scripts/setup.sh installs poppler-utils); the passage is found among the page's words from
``pdftotext -bbox`` (compared folded, in order, so line breaks and hyphenation do not matter) and
drawn as yellow boxes over the image. Other formats (and a PDF poppler cannot draw) show the
document's cleaned text with the passage marked. Either way the original is offered for download as
a copy named after the document's title, made in a temporary folder Gradio may serve.

Only files inside the index home or the corpus folder are ever read: a path in the index that
resolves (symlinks included) anywhere else is refused.

Example (the chat side's sources panel)::

    view = open_original(runtime, passage.doc_id, page=passage.page, span=(passage.start, passage.end))
    html, download = view.html, view.download      # gr.HTML value, gr.DownloadButton value
"""

from __future__ import annotations

import base64
import bisect
import difflib
import html as html_lib
import logging
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.app import render
from assistant.app.relevance import QueryMatcher
from assistant.errors import AssistantError
from assistant.index.store import DocumentRecord
from assistant.text.normalize import fold

if TYPE_CHECKING:
    from assistant.app.runtime import AppRuntime
    from assistant.core import Assistant

log = logging.getLogger(__name__)

_WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_PAGE_BOX = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_TOKEN = re.compile(r"\w+", re.UNICODE)
TIMEOUT_S = 60


@dataclass
class OriginalView:
    """What to show: ``html`` (a page image with the passage boxed, or the text with it marked, or a message),
    ``download`` (a copy of the original file, or ``None``), the ``page`` shown and how (``pdf``/``text``/``none``)."""

    html: str
    download: Path | None = None
    page: int | None = None
    kind: str = "none"


@dataclass
class WordBox:
    """A word of a PDF page and its box, in points from the top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def inside(path: Path, roots: list[Path]) -> Path | None:
    """``path`` resolved (symlinks followed) if it is a file under one of ``roots``, else ``None``."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not real.is_file():
        return None
    for root in roots:
        try:
            if real.is_relative_to(root.resolve()):
                return real
        except OSError:
            continue
    return None


def download_name(doc: DocumentRecord) -> str:
    """A file name for people: the title folded to ASCII words, the original extension ("hoi-nghi-tong-ket.pdf")."""
    stem = "-".join(_TOKEN.findall(fold(doc.title or "")))[:80].strip("-_") or Path(doc.source).stem
    return f"{stem}{Path(doc.source).suffix.lower()}"


def page_of(doc: DocumentRecord, offset: int | None) -> int | None:
    """The 1-based page holding character ``offset`` of the cleaned text (``None`` for unpaged formats)."""
    if not doc.page_starts or offset is None:
        return None
    return max(1, bisect.bisect_right(doc.page_starts, offset))


# -- PDF -------------------------------------------------------------------------------------------------------------
def render_page(pdf: Path, page: int, out: Path, dpi: int = 110) -> Path:
    """``pdf``'s ``page`` as PNG at ``out`` (cached): pypdfium2 if installed, else ``pdftoppm``."""
    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        import pypdfium2 as pdfium  # type: ignore[import-not-found]
    except ImportError:
        pdfium = None
    if pdfium is not None:
        document = pdfium.PdfDocument(str(pdf))
        try:
            document[page - 1].render(scale=dpi / 72).to_pil().save(out)
        finally:
            document.close()
        return out
    if shutil.which("pdftoppm") is None:
        raise FileNotFoundError("pdftoppm")
    prefix = out.with_suffix("")
    subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-png", "-singlefile",
                    str(pdf), str(prefix)], check=True, capture_output=True, timeout=TIMEOUT_S)
    return out


def page_words(pdf: Path, page: int) -> tuple[float, float, list[WordBox]]:
    """(page width, height, words with boxes) from ``pdftotext -bbox``; no words when poppler is missing."""
    if shutil.which("pdftotext") is None:
        return 0.0, 0.0, []
    result = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                            capture_output=True, timeout=TIMEOUT_S, check=False)
    text = result.stdout.decode("utf-8", errors="replace")
    size = _PAGE_BOX.search(text)
    if not size:
        return 0.0, 0.0, []
    words = [WordBox(html_lib.unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5)))
             for m in _WORD_BOX.finditer(text)]
    return float(size.group(1)), float(size.group(2)), words


def passage_boxes(words: list[WordBox], passage: str) -> list[WordBox]:
    """The page words that spell ``passage``: the longest runs (3+ words, or all of a short passage) the two
    share in order, compared folded word by word."""
    page_tokens = [[t for t in _TOKEN.findall(fold(w.text))] for w in words]
    flat: list[tuple[str, int]] = [(t, i) for i, tokens in enumerate(page_tokens) for t in tokens]
    wanted = _TOKEN.findall(fold(passage))
    if not flat or not wanted:
        return []
    matcher = difflib.SequenceMatcher(None, [t for t, _ in flat], wanted, autojunk=False)
    least = min(3, len(wanted))
    hit: set[int] = set()
    for block in matcher.get_matching_blocks():
        if block.size >= least:
            hit.update(flat[j][1] for j in range(block.a, block.a + block.size))
    return [words[i] for i in sorted(hit)]


def page_html(png: Path, width: float, height: float, boxes: list[WordBox], alt: str) -> str:
    """The page image, full width, with a yellow box over each word of the passage (percent coordinates)."""
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    marks = []
    for i, b in enumerate(boxes if width and height else []):
        ident = ' id="pdf-hl"' if i == 0 else ""
        marks.append(f'<span class="pdf-hl"{ident} style="position:absolute;left:{100 * b.x0 / width:.2f}%;'
                     f"top:{100 * b.y0 / height:.2f}%;width:{100 * (b.x1 - b.x0) / width:.2f}%;"
                     f'height:{100 * (b.y1 - b.y0) / height:.2f}%;background:rgba(255,204,0,.42);'
                     f'outline:1px solid rgba(230,160,0,.9);border-radius:2px"></span>')
    return (f'<div class="pdf-page" style="position:relative;display:block;max-width:100%;'
            f'border:1px solid var(--border-color-primary)">'
            f'<img src="data:image/png;base64,{data}" alt="{render.esc(alt)}" style="width:100%;display:block">'
            f'{"".join(marks)}</div>')


# -- the viewer ------------------------------------------------------------------------------------------------------
class OriginalViewer:
    """Views of the index's documents; files only from ``roots``; page images and downloads in ``work_dir``."""

    def __init__(self, bot: Assistant, roots: list[Path], work_dir: Path, dpi: int = 110) -> None:
        self.bot = bot
        self.roots = [Path(r) for r in roots]
        self.work_dir = Path(work_dir)
        self.dpi = dpi

    def original(self, doc: DocumentRecord) -> Path | None:
        """The document's file on disk, if it is still there and inside the index home or corpus."""
        found = inside(Path(doc.path), self.roots)
        if found is None:
            log.warning("original of %s refused or missing: %s", doc.uid or doc.doc_id, doc.path)
        return found

    def download(self, doc: DocumentRecord, original: Path | None = None) -> Path | None:
        """A copy of the original (found again unless given) named after the title, in a folder of its own
        (so names never clash)."""
        original = original or self.original(doc)
        if original is None:
            return None
        target = self.work_dir / "tai-ve" / doc.doc_id / download_name(doc)
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, target)
        return target

    def view(self, key: str, page: int | None = None, span: tuple[int, int] | None = None,
             quote: str | None = None, query: str = "") -> OriginalView:
        """The document ``key`` (id, content hash or name) at ``page`` (default: the page of ``span``), with
        ``span`` (offsets in its cleaned text; ``quote`` finds it if they are stale) highlighted."""
        try:
            doc = self.bot.document(key) if key else None
        except AssistantError as exc:
            return OriginalView(render.empty_html(str(exc)))
        if doc is None:
            return OriginalView(render.empty_html("Tài liệu này không còn trong chỉ mục."))
        located = render.locate(doc.text, *(span or (None, None)), quote)
        page = page or self._focus_page(doc, located, query) or (1 if doc.page_starts else None)
        original = self.original(doc)
        download = self.download(doc, original)
        if original is not None and original.suffix.lower() == ".pdf" and page:
            try:
                return self._pdf_view(doc, original, page, located, download)
            except (OSError, subprocess.SubprocessError, ValueError) as exc:
                log.warning("page %s of %s not rendered (%s); showing the text", page, original.name, exc)
        return OriginalView(self._text_html(doc, located, query, original is None), download, page, "text")

    @staticmethod
    def _focus_page(doc: DocumentRecord, located: tuple[int, int] | None, query: str) -> int | None:
        """The page of the span's first word matching ``query`` (a passage may run over two pages), else of its start."""
        if located is None:
            return None
        matcher = QueryMatcher(query)
        first = next((m.start() for m in _TOKEN.finditer(doc.text, *located) if matcher.matches(m.group(0))), 0)
        return page_of(doc, max(first, located[0]))

    def _pdf_view(self, doc: DocumentRecord, pdf: Path, page: int, located: tuple[int, int] | None,
                  download: Path | None) -> OriginalView:
        pages = max(len(doc.page_starts), 1)
        page = min(max(page, 1), pages)
        png = render_page(pdf, page, self.work_dir / "trang" / doc.doc_id / f"{page}-{self.dpi}.png", self.dpi)
        width, height, words = page_words(pdf, page)
        boxes = passage_boxes(words, doc.text[located[0]:located[1]]) if located else []
        note = "đoạn được tô vàng" if boxes else ("không định vị được đoạn trên trang" if located else "")
        meta = [f"Trang {page}/{pages}", *( [note] if note else []), f"Tệp gốc: <code>{render.esc(doc.source)}</code>"]
        head = (f'<div class="doc-title">{render.esc(doc.title or doc.source)}</div>'
                f'<div class="src-meta">{" · ".join(meta)}</div>')
        body = page_html(png, width, height, boxes, f"Trang {page} của tài liệu «{doc.title or doc.source}»")
        return OriginalView(f'<div class="doc-view original-view" data-kind="pdf" data-page="{page}">{head}{body}</div>',
                            download, page, "pdf")

    def _text_html(self, doc: DocumentRecord, located: tuple[int, int] | None, query: str, missing: bool) -> str:
        matcher = QueryMatcher(query)
        body = matcher.highlight(doc.text, [located] if located else [], span_class="hl", span_id="hl")
        meta = [f"Ngày: {render.esc(render.format_date(doc.date))}", f"Tệp gốc: <code>{render.esc(doc.source)}</code>"]
        if missing:
            meta.append("không còn tệp gốc để tải về")
        if located:
            meta.append("đoạn được tô vàng")
        return (f'<div class="doc-view original-view" data-kind="text"><div class="doc-title">'
                f'{render.esc(doc.title or doc.source)}</div><div class="src-meta">{" · ".join(meta)}</div>'
                f'<div class="doc-body">{body}</div></div>')


def viewer_for(runtime: AppRuntime) -> OriginalViewer:
    """The viewer of the app's index: files from the index home and the corpus, work files in the temp folder."""
    work = Path(tempfile.gettempdir()) / "assistant-viewer"
    return OriginalViewer(runtime.bot, [runtime.home, Path(runtime.settings.corpus)], work)


def open_original(runtime: AppRuntime, key: str, page: int | None = None, span: tuple[int, int] | None = None,
                  quote: str | None = None, query: str = "") -> OriginalView:
    """:meth:`OriginalViewer.view` over the app's index: what the sources panel and the tabs call."""
    return viewer_for(runtime).view(key, page, span, quote, query)
