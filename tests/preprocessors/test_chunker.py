"""Chunking: exact spans, sentence overlap, legal headings, pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.converters import convert
from assistant.preprocessors.chunker import chunk_text
from assistant.preprocessors.cleaner import clean_text
from assistant.preprocessors.sentences import split_sentences

REPO = Path(__file__).resolve().parents[2]
CORPUS_FILES = sorted((REPO / "corpus").glob("*.txt"))
LAW = REPO.parent / "shared" / "data" / "law" / "bo-luat-lao-dong-2019.txt"
HEADING_LINE = re.compile(r"^(Phần|Chương|Mục|Điều)\s+([0-9]+|[IVXLCDM]+)\b", re.MULTILINE)


def _cleaned(path: Path) -> str:
    return clean_text(convert(path).text)


@pytest.fixture(scope="module")
def law_text() -> str:
    if not LAW.is_file():
        pytest.skip(f"{LAW} is not available")
    return _cleaned(LAW)


def _check_spans(text: str, size: int) -> list:
    chunks = chunk_text(text, size=size, overlap=1)
    assert chunks
    for chunk in chunks:
        assert text[chunk.start:chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip()
        assert len(chunk.text) <= size
        assert chunk.page is None
    starts = [c.start for c in chunks]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # Every sentence is in some chunk: nothing of the document is lost.
    covered = [False] * len(text)
    for chunk in chunks:
        covered[chunk.start:chunk.end] = [True] * (chunk.end - chunk.start)
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))
    return chunks


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name[:3] for p in CORPUS_FILES])
@pytest.mark.parametrize("size", [300, 800])
def test_corpus_chunks_are_exact_slices(path: Path, size: int) -> None:
    _check_spans(_cleaned(path), size)


@pytest.mark.parametrize("size", [500, 800, 1500])
def test_law_chunks_are_exact_slices(law_text: str, size: int) -> None:
    _check_spans(law_text, size)


def _overlap_holds(text: str, chunks: list, size: int) -> int:
    """Consecutive chunks of one section share exactly the previous chunk's last sentence when it fits."""
    overlapping = 0
    for prev, nxt in zip(chunks, chunks[1:], strict=False):
        if HEADING_LINE.match(text, nxt.start):
            assert nxt.start >= prev.end  # a heading starts afresh, no overlap
            continue
        last_start, last_end = split_sentences(prev.text)[-1]
        last_start += prev.start
        if nxt.start == last_start:
            overlapping += 1
            assert text[last_start:prev.end] == nxt.text[: prev.end - last_start]
        else:
            # Only when the carried sentence plus the next one would not fit in one chunk.
            first_start, first_end = split_sentences(nxt.text)[0]
            assert nxt.start >= prev.end
            assert (nxt.start + first_end) - last_start > size
    return overlapping


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name[:3] for p in CORPUS_FILES])
def test_one_sentence_overlap_in_corpus(path: Path) -> None:
    text = _cleaned(path)
    chunks = chunk_text(text, size=800, overlap=1)
    _overlap_holds(text, chunks, 800)


def test_one_sentence_overlap_counts() -> None:
    text = " ".join(f"Câu số {i} nói về khu công nghiệp Lộc Sơn." for i in range(1, 40))
    chunks = chunk_text(text, size=200, overlap=1)
    assert len(chunks) > 3
    assert _overlap_holds(text, chunks, 200) == len(chunks) - 1
    no_overlap = chunk_text(text, size=200, overlap=0)
    assert all(a.end < b.start for a, b in zip(no_overlap, no_overlap[1:], strict=False))


def test_law_overlap_and_headings(law_text: str) -> None:
    chunks = chunk_text(law_text, size=800, overlap=1)
    assert _overlap_holds(law_text, chunks, 800) > 50
    starts = {c.start for c in chunks}
    headings = list(HEADING_LINE.finditer(law_text))
    assert len(headings) > 200  # 17 chapters, 220 articles
    for match in headings:
        assert match.start() in starts, law_text[match.start():match.start() + 40]


def test_law_context_carries_chapter_and_article(law_text: str) -> None:
    chunks = chunk_text(law_text, size=800, overlap=1)
    by_article: dict[str, list] = {}
    for chunk in chunks:
        article = re.search(r"Điều (\d+)\.", chunk.context)
        if article:
            by_article.setdefault(article.group(1), []).append(chunk)
    assert len(by_article) == 220
    # A long article: every one of its chunks names the article and its chapter in the context.
    longest = max(by_article.values(), key=len)
    assert len(longest) > 1
    for chunk in longest:
        assert chunk.context.startswith("Chương ")
        assert " > Điều " in chunk.context
    first = by_article["1"][0]
    assert first.context == "Chương I:NHỮNG QUY ĐỊNH CHUNG > Điều 1. Phạm vi điều chỉnh"
    assert first.text.startswith("Điều 1. Phạm vi điều chỉnh\n")
    art_35 = by_article["35"][0]
    assert "Điều 35." in art_35.context and "Chương III" in art_35.context
    # A new chapter drops the previous chapter's article from the context.
    chap2 = next(c for c in chunks if c.context.startswith("Chương II:") or c.context.startswith("Chương II."))
    assert "Chương I:" not in chap2.context


def test_headings_start_chunks_and_set_context() -> None:
    text = (
        "Chương I. QUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\n"
        "Luật này quy định về khu công nghiệp. Nội dung thứ hai của điều một.\n"
        "Điều 2. Đối tượng áp dụng\n"
        "Cơ quan nhà nước. Doanh nghiệp trong KCN.\n"
        "Chương II. QUẢN LÝ\n"
        "Mục 1. QUY HOẠCH\n"
        "Điều 3. Quy hoạch khu công nghiệp\n"
        "Quy hoạch được phê duyệt."
    )
    chunks = chunk_text(text, size=800, overlap=1)
    by_start = {text[c.start:].split("\n", 1)[0]: c for c in chunks}
    art1 = by_start["Điều 1. Phạm vi điều chỉnh"]
    assert art1.context == "Chương I. QUY ĐỊNH CHUNG > Điều 1. Phạm vi điều chỉnh"
    assert art1.text.endswith("Nội dung thứ hai của điều một.")
    art2 = by_start["Điều 2. Đối tượng áp dụng"]
    assert art2.context == "Chương I. QUY ĐỊNH CHUNG > Điều 2. Đối tượng áp dụng"
    assert "Điều 1" not in art2.text
    art3 = by_start["Điều 3. Quy hoạch khu công nghiệp"]
    assert art3.context == "Chương II. QUẢN LÝ > Mục 1. QUY HOẠCH > Điều 3. Quy hoạch khu công nghiệp"
    for chunk in chunks:
        assert text[chunk.start:chunk.end] == chunk.text


def test_heading_word_inside_a_sentence_is_not_a_heading() -> None:
    text = "Theo quy định tại Điều 5 của Nghị định, doanh nghiệp phải báo cáo. Chương trình hợp tác 2019 tiếp tục."
    chunks = chunk_text(text, size=800)
    assert len(chunks) == 1 and chunks[0].context == ""


def test_long_sentence_split_at_separators() -> None:
    sentence = "; ".join(f"phần {i} của một câu rất dài về đầu tư hạ tầng" for i in range(30)) + "."
    chunks = chunk_text(sentence, size=200, overlap=1)
    assert len(chunks) > 5
    for chunk in chunks:
        assert sentence[chunk.start:chunk.end] == chunk.text
        assert len(chunk.text) <= 200
    assert all(c.text.endswith((";", ".")) for c in chunks)


def test_pages_from_page_starts() -> None:
    pages = ["Trang một. " * 30, "Trang hai. " * 30, "Trang ba. " * 30]
    text = "\n\n".join(p.strip() for p in pages)
    page_starts = [0]
    for page in pages[:-1]:
        page_starts.append(page_starts[-1] + len(page.strip()) + 2)
    assert text[page_starts[1]:].startswith("Trang hai.")
    assert text[page_starts[2]:].startswith("Trang ba")
    chunks = chunk_text(text, size=150, overlap=1, page_starts=page_starts)
    for chunk in chunks:
        assert chunk.page == sum(1 for s in page_starts if s <= chunk.start)
        assert chunk.text.startswith(f"Trang {['một', 'hai', 'ba'][chunk.page - 1]}")
    assert {c.page for c in chunks} == {1, 2, 3}
    # A chunk may run over a page break; it carries the page where it starts.
    crossing = [c for c in chunks if c.page < 3 and c.end > page_starts[c.page]]
    assert all("Trang" in text[page_starts[c.page]:c.end] for c in crossing)
    assert chunk_text(text, size=150)[0].page is None


def test_empty_text() -> None:
    assert chunk_text("") == []
    assert chunk_text("   \n\n ") == []
