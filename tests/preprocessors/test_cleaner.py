"""Cleaning: normalization, whitespace, and the web-site boilerplate of the corpus documents."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from assistant.preprocessors.cleaner import clean_line, clean_pages, clean_text
from assistant.text.normalize import fold

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _corpus(prefix: str) -> str:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc004() -> str:
    return clean_text(_corpus("004"))


@pytest.fixture(scope="module")
def doc002() -> str:
    return clean_text(_corpus("002"))


@pytest.mark.parametrize(
    "chrome",
    ["Lượt xem", "Thống kê truy cập", "Đang truy cập", "Tổng lượt truy cập", "Hôm nay", "Trong tuần",
     "Tháng hiện tại", "Đăng nhập", "ipv6 ready", "Tin Nhiem Mang", "1573", "1030002"],
)
def test_boilerplate_of_004_removed(doc004: str, chrome: str) -> None:
    assert chrome in _corpus("004")
    assert fold(chrome) not in fold(doc004)


def test_content_of_004_kept(doc004: str) -> None:
    assert doc004.startswith("Ban Quản lý các khu công nghiệp tỉnh đã tổ chức Hội nghị tổng kết công tác năm 2019\n")
    for content in [
        "Chiều ngày 27 tháng 12 năm 2019, Ban Quản lý các khu công nghiệp (KCN) tỉnh đã tổ chức Hội nghị tổng kết",
        "Đã hoàn chỉnh đồ án quy hoạch phân khu xây dựng 1/2.000 các Khu công nghiệp Sơn Mỹ1",
        "Công văn số 4622/UBND-KT ngày 04/12/2019",
        "Quyết định số 3485/QĐ-UBND ngày 07/12/2015",
        "đúng theo quy định của pháp luật./.",
        "Theo Yến Lệ - Văn Phòng BQL các KCN",
        "Hội nghị Tổng kết năm 2019 của Ban Quản lý các KCN",  # photo caption: content, not chrome
    ]:
        assert content in doc004, content
    assert doc004.endswith("Theo Yến Lệ - Văn Phòng BQL các KCN")


def test_broken_lines_of_004_joined(doc004: str) -> None:
    # "Theo báo cáo Tổng kết\n, trong năm 2019" and "bên\ncạnh" are one sentence each in the source.
    assert "Theo báo cáo Tổng kết, trong năm 2019 mặc dù gặp rất nhiều khó khăn." in doc004
    assert "Tuy nhiên, bên cạnh kết quả đạt được vẫn còn tồn tại" in doc004
    assert "Việc triển khai thực hiện Đồ án quy hoạch" in doc004


def test_related_posts_of_002_removed_and_content_kept(doc002: str) -> None:
    assert "Bài viết liên quan" in _corpus("002")
    assert "Bài viết liên quan" not in doc002
    assert doc002.endswith("5. Luân phiên tổ chức sơ kết chương trình hợp tác hàng năm.")
    for content in [
        "Nghị định số 29/2008/NĐ-CP ngày 14/3/2008 của Chính phủ",
        "TCVN ISO 9001:2000; ISO 9001:2008",
        "• Hàng năm Ban Quản lý các Khu công nghiệp tỉnh Lâm Đồng (Ban Quản lý Lâm Đồng)",
        "1. Tiếp tục cung cấp thông tin về tình hình xây dựng",
        "06:11 10/05/2023",
    ]:
        assert content in doc002, content


def test_whitespace_tidied() -> None:
    raw = "  Tiêu đề  \r\n\r\n\r\n\tNội  dung\u00a0một.   \n\n\n\nNội dung hai.\n"
    assert clean_text(raw) == "Tiêu đề\n\nNội dung một.\n\nNội dung hai."
    assert clean_line("  a \u2003 b\t c ") == "a b c"


def test_normalized_to_nfc_and_one_tone_style() -> None:
    raw = unicodedata.normalize("NFD", "Hoà bình và thuỷ lợi của Uỷ ban")
    assert clean_text(raw) == "Hòa bình và thủy lợi của Ủy ban"


def test_content_lines_with_chrome_words_kept() -> None:
    # Only whole lines of chrome go; a sentence mentioning a login or views is content.
    text = "Tin A\nCán bộ đăng nhập phần mềm để xử lý hồ sơ.\nLượt xem: 12\nSố lượt xem tăng mạnh trong năm."
    assert clean_text(text) == "Tin A\nCán bộ đăng nhập phần mềm để xử lý hồ sơ.\nSố lượt xem tăng mạnh trong năm."


def test_all_corpus_documents_clean_to_content() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        cleaned = clean_text(raw)
        # Only chrome goes: letters and digits of the content are all kept (97% of 004, which has most chrome).
        kept = sum(ch.isalnum() for ch in cleaned) / sum(ch.isalnum() for ch in raw)
        assert kept > 0.97, path.name
        assert "\n\n\n" not in cleaned
        assert cleaned == cleaned.strip()
        assert clean_text(cleaned) == cleaned, f"cleaning is not idempotent for {path.name}"


def test_clean_pages_offsets() -> None:
    text, starts = clean_pages(["Trang  một.\nLượt xem: 5", "", "Trang ba."])
    assert text == "Trang một.\n\nTrang ba."
    assert starts == [0, 12, 12]
    assert text[starts[2]:].startswith("Trang ba.")
