"""HTML pages: the main text only, without menus, scripts and footers."""

from __future__ import annotations

from bs4 import BeautifulSoup

from assistant.converters.base import ConvertOptions, RawDocument
from assistant.converters.encoding import check_language, decode, note_for

_CHROME = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button"]
_BLOCKS = ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "article", "td", "title"]


def convert_html(data: bytes, options: ConvertOptions | None = None) -> RawDocument:
    text, encoding = decode(data)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(_CHROME):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in root.find_all(_BLOCKS):
        tag.insert_after("\n")
    text = root.get_text("")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    body = "\n".join(line for line in lines if line)
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    check_language(body)
    note = note_for(encoding)
    return RawDocument(body, notes=[note] if note else [])
