"""English left on the page: a kept list of English UI words and a Playwright helper that finds them.

:func:`english_words` collects what a person sees or hears on the page — visible text, ``title``
tooltips, ``aria-label``/``placeholder``/``alt`` of rendered elements — and returns each English UI
word found with where it came from. Document text (passages, the document view, file names in
``<code>``) is data, not UI, and is skipped by default. Words that are also Vietnamese syllables
written without diacritics ("to", "an", "in", "do", "me", "on", "no") are not in the list.

Example (inside a browser test):
    >>> found = english_words(page)            # doctest: +SKIP
    >>> assert not found, found                # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

# English words Gradio (or a careless label) can put on a page; lowercase.
ENGLISH_UI_WORDS = frozenset({
    "about", "accept", "add", "added", "all", "allowed", "api", "apply", "ascending", "attach", "audio", "back",
    "bottom", "browse", "built", "button", "cancel", "change", "chatbot", "check", "clear", "click", "clipboard",
    "close", "collapse", "column", "columns", "copied", "copy", "count", "dataframe", "delete", "descending",
    "dislike", "disliked", "download", "drag", "drop", "dropdown", "edit", "empty", "enter", "error", "errors",
    "example", "examples", "exit", "expand", "failed", "file", "files", "filter", "first", "flag", "fullscreen",
    "gradio", "here", "hide", "image", "invalid", "last", "like", "liked", "load", "loading", "logout", "menu",
    "message", "messages", "more", "next", "only", "open", "options", "or", "page", "paste", "please", "previous",
    "processing", "queue", "record", "remove", "reset", "retry", "row", "rows", "run", "save", "scroll", "search",
    "select", "selected", "send", "settings", "share", "show", "sort", "source", "stop", "submit", "success",
    "table", "textbox", "toggle", "type", "undo", "upload", "uploaded", "uploading", "use", "user", "video", "view",
    "waiting", "warning", "welcome", "yes",
})
# Allowed whatever the list says: names and formats people read as they are.
ALLOWED = frozenset({"pdf", "docx", "doc", "txt", "md", "html", "csv", "ocr", "kcn", "ubnd", "gguf", "llm"})
# Document text and file names: data the app shows, not its UI.
DATA_SELECTORS = (".src-text", ".doc-body", "code", ".hit .src-text")

_WORD = re.compile(r"[A-Za-z]+")
_COLLECT_JS = """
(skip) => {
  const out = [];
  const shown = (el) => {
    if (!el || el.closest('[aria-hidden="true"]')) return false;
    if (skip.length && el.closest(skip.join(','))) return false;
    if (el.checkVisibility) return el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
    return el.getClientRects().length > 0;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    const parent = node.parentElement;
    if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
    if (shown(parent)) out.push(['text', text]);
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], [aria-placeholder]')) {
    if (!shown(el)) continue;
    for (const attr of ['title', 'aria-label', 'placeholder', 'alt', 'aria-placeholder']) {
      const value = el.getAttribute(attr);
      if (value && value.trim()) out.push([attr, value.trim()]);
    }
  }
  for (const el of document.querySelectorAll('input[type=button], input[type=submit]')) {
    if (shown(el) && el.value) out.push(['value', el.value]);
  }
  return out;
}
"""


class Finding(NamedTuple):
    """An English word, where it was (``text``, ``title``, ``aria-label`` ...) and the whole string."""

    word: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.word!r} in {self.kind}: {self.text[:120]!r}"


def english_in(strings: Iterable[tuple[str, str]], allow: Iterable[str] = ()) -> list[Finding]:
    """The English UI words in ``(kind, text)`` pairs, each (word, kind, text) once."""
    allowed = ALLOWED | {a.lower() for a in allow}
    found: dict[tuple[str, str, str], Finding] = {}
    for kind, text in strings:
        for word in _WORD.findall(text):
            lower = word.lower()
            if lower in ENGLISH_UI_WORDS and lower not in allowed:
                found.setdefault((lower, kind, text), Finding(word, kind, text))
    return list(found.values())


def page_strings(page, skip: Iterable[str] = DATA_SELECTORS) -> list[tuple[str, str]]:
    """Every ``(kind, text)`` a user of ``page`` sees or hears: visible text and the tooltips, labels,
    placeholders and alt texts of rendered elements (outside ``skip`` selectors)."""
    return [(kind, text) for kind, text in page.evaluate(_COLLECT_JS, list(skip))]


def english_words(page, allow: Iterable[str] = (), skip: Iterable[str] = DATA_SELECTORS) -> list[Finding]:
    """The English UI words on ``page`` now; empty when everything shown is Vietnamese."""
    return english_in(page_strings(page, skip), allow)
