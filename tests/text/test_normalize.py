"""Unicode form, tone-mark style, diacritics folding and abbreviation expansions."""

from __future__ import annotations

import unicodedata

import pytest

from assistant.text.abbreviations import ABBREVIATIONS, expansions
from assistant.text.normalize import fold, has_diacritics, normalize_text, strip_diacritics


def test_nfd_input_becomes_nfc() -> None:
    text = "Hội nghị tổng kết công tác năm 2019 tại Đà Lạt"
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert normalize_text(decomposed) == text
    assert unicodedata.is_normalized("NFC", normalize_text(decomposed))


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("hoà", "hòa"),
        ("Hoà bình", "Hòa bình"),
        ("HOÀ", "HÒA"),
        ("thuỷ", "thủy"),
        ("Thuỷ lợi", "Thủy lợi"),
        ("khoẻ", "khỏe"),
        ("hoá", "hóa"),
        ("thuý", "thúy"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("Hoà bình, thuỷ lợi, khoẻ", "Hòa bình, thủy lợi, khỏe"),
    ],
)
def test_tone_mark_moves_to_first_vowel_of_open_oa_oe_uy(old_style: str, new_style: str) -> None:
    assert normalize_text(old_style) == new_style
    assert normalize_text(unicodedata.normalize("NFD", old_style)) == new_style
    # Already in the target style: unchanged.
    assert normalize_text(new_style) == new_style


@pytest.mark.parametrize(
    "word",
    ["quý", "Quý IV", "quỳnh", "quả", "hoàng", "hoạch", "khuya", "toán", "xoắn", "huyện", "thuyền", "Quyết định"],
)
def test_tone_mark_unchanged_after_q_and_in_closed_syllables(word: str) -> None:
    # "qu" is a consonant; in a closed syllable ("hoàng", "hoạch") the mark already sits on the main vowel.
    assert normalize_text(word) == word


def test_normalize_keeps_length_and_non_vietnamese_text() -> None:
    text = "ISO 9001:2008, 29/2008/NĐ-CP, 1/2.000 — “một cửa liên thông”…"
    assert normalize_text(text) == text


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Hội nghị tổng kết Đà Lạt", "Hoi nghi tong ket Da Lat"),
        ("đồng chí ĐỒNG", "dong chi DONG"),
        ("Ủy ban nhân dân", "Uy ban nhan dan"),
        ("ý kiến ở đây", "y kien o day"),
        ("Phòng Quy hoạch Xây dựng", "Phong Quy hoach Xay dung"),
        ("no accents 123", "no accents 123"),
    ],
)
def test_strip_diacritics(text: str, stripped: str) -> None:
    assert strip_diacritics(text) == stripped
    assert strip_diacritics(unicodedata.normalize("NFD", text)) == stripped
    assert len(strip_diacritics(text)) == len(text)


def test_fold_and_has_diacritics() -> None:
    assert fold("Hoà Bình THUỶ") == fold("hòa bình thủy") == "hoa binh thuy"
    assert has_diacritics("Hội nghị")
    assert has_diacritics("Đa")
    assert not has_diacritics("hoi nghi tong ket 2019")


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("KCN", "khu cong nghiep"),
        ("KKT", "khu kinh te"),
        ("BQL", "ban quan ly"),
        ("UBND", "uy ban nhan dan"),
        ("TP.HCM", "thanh pho ho chi minh"),
        ("NĐ-CP", "nghi dinh chinh phu"),
        ("PCCC", "phong chay chua chay"),
        ("DN", "doanh nghiep"),
        ("NĐT", "nha dau tu"),
        ("GPMB", "giai phong mat bang"),
    ],
)
def test_abbreviation_expands_to_long_form(short: str, long: str) -> None:
    assert long in expansions(f"Làm việc với {short} tỉnh")
    assert long in expansions(short.lower())  # typed in lowercase
    assert long in expansions(strip_diacritics(short))  # typed without "Đ"


@pytest.mark.parametrize(
    ("long", "short"),
    [
        ("khu công nghiệp", "kcn"),
        ("Khu công nghiệp", "kcn"),
        ("khu cong nghiep", "kcn"),  # typed without diacritics
        ("Ban Quản lý", "bql"),
        ("Ủy ban nhân dân", "ubnd"),
        ("Uỷ ban nhân dân", "ubnd"),  # old tone-mark style
        ("uy ban nhan dan", "ubnd"),
        ("phòng cháy chữa cháy", "pccc"),
    ],
)
def test_long_form_expands_to_abbreviation(long: str, short: str) -> None:
    assert short in expansions(f"Báo cáo của {long} tỉnh Lâm Đồng")


def test_tp_hcm_both_ways() -> None:
    assert "thanh pho ho chi minh" in expansions("Ban Quản lý TP.HCM")
    assert "thanh pho ho chi minh" in expansions("tphcm")
    folded_short = {fold(s) for s in ("TP.HCM", "TPHCM")}
    assert set(expansions("Thành phố Hồ Chí Minh")) & folded_short


def test_abbreviation_not_matched_inside_words() -> None:
    assert expansions("Hội nghị tổng kết năm 2019") == []
    assert "khu cong nghiep" not in expansions("KCNX")  # not an abbreviation of the list
    assert "quyet dinh" not in expansions("QĐX")


def test_expansions_examples_from_docstring() -> None:
    assert expansions("Ban Quản lý các KCN tỉnh") == ["khu cong nghiep", "bql"]


def test_every_abbreviation_round_trips() -> None:
    for short, long in ABBREVIATIONS.items():
        assert fold(long) in expansions(short), short
        back = expansions(long)
        assert back, long
