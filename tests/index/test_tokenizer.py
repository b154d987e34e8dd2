"""Vietnamese keyword tokens: syllables, compounds, numbers, folded forms, abbreviations."""

from __future__ import annotations

import unicodedata

import pytest

from assistant.index.tokenizer import VietnameseTokenizer


@pytest.fixture(scope="module")
def tok() -> VietnameseTokenizer:
    return VietnameseTokenizer()


@pytest.fixture(scope="module")
def plain() -> VietnameseTokenizer:
    return VietnameseTokenizer(segment=False)


def test_docstring_example(plain: VietnameseTokenizer) -> None:
    assert plain("Hội nghị ở KCN") == ["hội", "nghị", "ở", "kcn", "~hoi", "~nghi", "~o", "~kcn", "~khu", "~cong", "~nghiep"]


def test_one_letter_syllables_kept(plain: VietnameseTokenizer) -> None:
    tokens = plain("Ý kiến ở Đà Lạt và ô tô, y tế, A")
    for syllable in ("ý", "ở", "ô", "y", "a"):
        assert syllable in tokens
    for folded in ("~y", "~o", "~a"):
        assert folded in tokens


def test_lowercase_normalized_and_tone_style(plain: VietnameseTokenizer) -> None:
    assert plain("HOÀ BÌNH") == plain("hòa bình") == plain(unicodedata.normalize("NFD", "Hoà Bình"))
    assert plain("Thuỷ lợi")[:2] == ["thủy", "lợi"]


def test_compounds_from_word_segmentation(tok: VietnameseTokenizer) -> None:
    tokens = tok("Hội nghị tổng kết khu công nghiệp")
    assert "hội_nghị" in tokens
    assert "tổng_kết" in tokens
    assert "~hoi_nghi" in tokens and "~tong_ket" in tokens
    # The syllables are kept beside the compounds.
    assert {"hội", "nghị", "tổng", "kết"} <= set(tokens)


def test_numbers_and_document_codes_kept_whole(plain: VietnameseTokenizer) -> None:
    tokens = plain("Nghị định số 29/2008/NĐ-CP ngày 14/3/2008, ISO 9001:2008, tỷ lệ 1/2.000")
    for whole in ("29/2008/nđ-cp", "14/3/2008", "9001:2008", "1/2.000"):
        assert whole in tokens
    assert "~29/2008/nd-cp" in tokens
    assert {"29", "2008", "nđ", "cp"} <= set(tokens)


def test_query_without_diacritics_meets_accented_document(tok: VietnameseTokenizer) -> None:
    doc = set(tok("Hội nghị tổng kết công tác năm 2019"))
    query = tok("hoi nghi tong ket")
    shared = doc & set(query)
    assert {"~hoi", "~nghi", "~tong", "~ket"} <= shared
    # Unaccented syllables never collide with accented ones: only the "~" forms match.
    assert all(t.startswith("~") for t in shared)
    # An accented query matches both the exact syllables and the folded forms.
    assert {"hội", "nghị", "~hoi", "~nghi"} <= doc & set(tok("Hội nghị"))


@pytest.mark.parametrize(
    ("short", "long", "short_token", "long_tokens"),
    [
        ("KCN", "khu công nghiệp", "~kcn", {"~khu", "~cong", "~nghiep"}),
        ("UBND", "Ủy ban nhân dân", "~ubnd", {"~uy", "~ban", "~nhan", "~dan"}),
        ("BQL", "Ban Quản lý", "~bql", {"~ban", "~quan", "~ly"}),
        ("PCCC", "phòng cháy chữa cháy", "~pccc", {"~phong", "~chay", "~chua"}),
    ],
)
def test_abbreviations_match_both_ways(tok: VietnameseTokenizer, short: str, long: str, short_token: str,
                                       long_tokens: set[str]) -> None:
    doc_short = set(tok(f"Doanh nghiệp trong {short} tỉnh"))
    doc_long = set(tok(f"Doanh nghiệp trong {long} tỉnh"))
    assert long_tokens <= doc_short  # the abbreviation brings its long form
    assert short_token in doc_long  # the long form brings its abbreviation
    assert long_tokens <= set(tok(long.lower())) & doc_short
    assert short_token in set(tok(short.lower())) & doc_long
    assert short_token in set(tok(f"{short} tinh")) & doc_long  # typed without diacritics


def test_tp_hcm_both_ways(tok: VietnameseTokenizer) -> None:
    doc_short = set(tok("Ban Quản lý TP.HCM hỗ trợ"))
    doc_long = set(tok("Ban Quản lý các Khu chế xuất và công nghiệp Thành phố Hồ Chí Minh"))
    city = {"~thanh", "~pho", "~ho", "~chi", "~minh"}
    assert city <= doc_short
    assert city <= set(tok("thanh pho ho chi minh")) & doc_short
    assert {"~tp", "~hcm"} <= set(tok("tp.hcm")) & doc_short
    assert city <= set(tok("TP.HCM")) & doc_long
    assert "~tphcm" in set(tok("TPHCM")) & doc_long


def test_nd_cp_both_ways(tok: VietnameseTokenizer) -> None:
    doc = set(tok("Nghị định số 29/2008/NĐ-CP của Chính phủ"))
    assert {"~nghi", "~dinh", "~chinh", "~phu"} <= set(tok("nd-cp")) & doc
    assert {"~nd", "~cp"} <= set(tok("ND-CP")) & doc
    assert "~29/2008/nd-cp" in set(tok("29/2008/ND-CP")) & doc


def test_same_output_for_same_input(tok: VietnameseTokenizer) -> None:
    text = "Ban Quản lý các KCN Lâm Đồng tổ chức Hội nghị sơ kết"
    assert tok(text) == tok(text)
    assert tok("") == []
    assert tok("  ,.;  ") == []
