"""Clean extracted text: one Unicode/tone-mark form, tidy whitespace, no web-site boilerplate.

The board documents are copied from web pages and carry the site's chrome: view counters, visit
statistics, "Đăng nhập", "Bài viết liên quan", badges. Those lines are removed; content lines are
kept verbatim (after normalization), so quotes from the cleaned text still read as the original.

Example:
    >>> clean_text("Tin A\\nLượt xem: 1573\\nNội  dung hoà bình.\\nThống kê truy cập\\n• Hôm nay: 34")
    'Tin A\\nNội dung hòa bình.'
"""

from __future__ import annotations

import re

from assistant.text.normalize import fold, normalize_text

# Folded (lowercase, no diacritics) line patterns that are site chrome wherever they appear.
_BOILERPLATE = re.compile(
    r"^(?:[•·*\-]\s*)?(?:"
    r"luot xem\s*:?\s*[\d.,\s]*"
    r"|(?:dang truy cap|dang online|hom nay|hom qua|trong tuan|tuan truoc|thang hien tai|thang truoc"
    r"|tong luot truy cap|luot truy cap)\s*:?\s*[\d.,\s]*"
    r"|dang nhap|dang ky|dang xuat|in bai viet|chia se|gui email|quay lai|len dau trang"
    r"|ipv6 ready.*|chung nhan tin nhiem mang.*|tin nhiem mang"
    r")$"
)
# Lines after which the rest of the page is site chrome (related links, statistics).
_FOOTER = re.compile(r"^(?:thong ke truy cap|bai viet lien quan|tin lien quan|cac tin khac|tin cung chuyen muc)\s*:?$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean_line(line: str) -> str:
    """Normalize one line: NFC, one tone-mark style, single spaces, trimmed."""
    return _SPACES.sub(" ", normalize_text(line)).strip()


def clean_text(text: str) -> str:
    """Normalized text without boilerplate; paragraphs separated by one blank line at most.

    A line that starts with a lowercase letter or a comma continues the previous one (a broken
    line in the source, as in "Theo báo cáo Tổng kết\\n, trong năm 2019").
    """
    out: list[str] = []
    blank = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean_line(raw)
        if not line:
            blank = bool(out)
            continue
        folded = fold(line)
        if _FOOTER.match(folded):
            break
        if _BOILERPLATE.match(folded):
            continue
        if out and not blank and (line[0].islower() or line[0] in ",;:)"):
            out[-1] = out[-1] + ("" if line[0] in ",;:)" else " ") + line
            continue
        if blank and out:
            out.append("")
        out.append(line)
        blank = False
    return "\n".join(out).strip()


def clean_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Clean page by page; return the joined text and where each page starts in it."""
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for page in pages:
        cleaned = clean_text(page)
        starts.append(offset)
        if cleaned:
            parts.append(cleaned)
            offset += len(cleaned) + 2
    return "\n\n".join(parts), starts
