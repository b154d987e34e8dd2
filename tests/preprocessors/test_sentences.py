"""Sentence spans: never broken inside numbers, abbreviations or after list markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.preprocessors.cleaner import clean_text
from assistant.preprocessors.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_docstring_example() -> None:
    text = "Ngày 26/04/2019 tại TP.HCM, hội nghị họp. 1. Tiếp tục hợp tác. Theo NĐ số 29/2008/NĐ-CP."
    assert sentences(text) == [
        "Ngày 26/04/2019 tại TP.HCM, hội nghị họp.",
        "1. Tiếp tục hợp tác.",
        "Theo NĐ số 29/2008/NĐ-CP.",
    ]


@pytest.mark.parametrize(
    "whole",
    [
        "Ban Quản lý TP.HCM đã hỗ trợ tổ chức tại TP.HCM các Hội nghị Xúc tiến đầu tư.",
        "Theo Nghị định số 29/2008/NĐ-CP ngày 14/3/2008 của Chính phủ quy định về khu công nghiệp.",
        "Ngày 26/04/2019 tại thành phố Đà Lạt, Ban quản lý tổ chức Hội nghị.",
        "Đã hoàn chỉnh đồ án quy hoạch phân khu xây dựng 1/2.000 các Khu công nghiệp Sơn Mỹ.",
        "Áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2008 của Ban Quản lý.",
        "Hội nghị tại TP. Hồ Chí Minh có TS. Nguyễn Văn A tham dự.",
        "Vốn đăng ký đạt 1.250,5 tỷ đồng, tăng 12.5% so với năm 2018.",
    ],
)
def test_never_split_inside(whole: str) -> None:
    text = f"Câu mở đầu. {whole} Câu kết thúc."
    assert sentences(text) == ["Câu mở đầu.", whole, "Câu kết thúc."]


@pytest.mark.parametrize(
    "ends_with",
    ["TP.HCM.", "29/2008/NĐ-CP.", "26/04/2019.", "1/2.000.", "ISO 9001:2008."],
)
def test_sentence_ending_with_a_number_or_code_still_ends(ends_with: str) -> None:
    text = f"Văn bản nhắc đến {ends_with} Câu sau bắt đầu."
    assert sentences(text) == [f"Văn bản nhắc đến {ends_with}", "Câu sau bắt đầu."]


def test_numbered_items_are_not_split_after_the_marker() -> None:
    text = "Nội dung như sau: 1. Tiếp tục cung cấp thông tin. 2. Ban Quản lý giới thiệu vùng nguyên liệu."
    assert sentences(text) == [
        "Nội dung như sau: 1. Tiếp tục cung cấp thông tin.",
        "2. Ban Quản lý giới thiệu vùng nguyên liệu.",
    ]
    lines = "1. Tiếp tục cung cấp thông tin.\n2. Thường xuyên trao đổi.\nII. Nhiệm vụ năm 2020."
    assert sentences(lines) == ["1. Tiếp tục cung cấp thông tin.", "2. Thường xuyên trao đổi.", "II. Nhiệm vụ năm 2020."]


def test_legal_headings_are_one_sentence() -> None:
    text = "Chương II. HỢP ĐỒNG LAO ĐỘNG\nĐiều 13. Hợp đồng lao động\n1. Hợp đồng lao động là sự thỏa thuận."
    assert sentences(text) == ["Chương II. HỢP ĐỒNG LAO ĐỘNG", "Điều 13. Hợp đồng lao động",
                               "1. Hợp đồng lao động là sự thỏa thuận."]


def test_bullets() -> None:
    text = " • Hàng năm hai Ban phối hợp. • Thông tin về các KCN đã được đưa lên trang Web.\n• Định kỳ sơ kết."
    assert sentences(text) == ["• Hàng năm hai Ban phối hợp.", "• Thông tin về các KCN đã được đưa lên trang Web.",
                               "• Định kỳ sơ kết."]


def test_never_crosses_a_line_break() -> None:
    text = "Tiêu đề không có dấu chấm\nNội dung dòng hai"
    assert sentences(text) == ["Tiêu đề không có dấu chấm", "Nội dung dòng hai"]


def test_ellipsis_quotes_and_lowercase_continuations() -> None:
    text = "Cơ chế “một cửa liên thông”... Từ đó, cán bộ học tập. Việc trao đổi... liên quan đến đầu tư."
    assert sentences(text) == ["Cơ chế “một cửa liên thông”...", "Từ đó, cán bộ học tập.",
                               "Việc trao đổi... liên quan đến đầu tư."]


def test_spans_are_trimmed_and_exact() -> None:
    text = "   Câu một.   Câu hai!  \n\n  Câu ba?  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Câu một.", "Câu hai!", "Câu ba?"]
    assert split_sentences("") == []
    assert split_sentences(" \n \n") == []


def test_corpus_sentences_cover_the_text_in_order() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8"))
        spans = split_sentences(text)
        assert spans == sorted(spans)
        assert all(e > s for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
        # Outside the spans there is only whitespace.
        covered = set()
        for s, e in spans:
            covered.update(range(s, e))
        assert all(ch.isspace() for i, ch in enumerate(text) if i not in covered), path.name
        for s, e in spans:
            piece = text[s:e]
            assert "TP.HCM" not in piece or not piece.endswith("TP.") or piece.endswith("TP.HCM.")
            assert not piece.endswith(("TP.", "29/2008/NĐ-", "ISO 9001:", "1/2."))


def test_lowercase_after_ellipsis_continues_the_sentence() -> None:
    # "À-Ỹ" also spans lowercase letters: "ở", "đ", "ư" after "..." do not start a sentence (corpus/004).
    text = "Việc vi phạm các quy định về xây dựng, môi trường, PCCC ... ở một số doanh nghiệp KCN vẫn còn xảy ra. Đã xử lý."
    assert sentences(text) == [
        "Việc vi phạm các quy định về xây dựng, môi trường, PCCC ... ở một số doanh nghiệp KCN vẫn còn xảy ra.",
        "Đã xử lý.",
    ]
    assert sentences("Trao đổi... đến các doanh nghiệp. Ưu đãi… ưu tiên.") == [
        "Trao đổi... đến các doanh nghiệp.", "Ưu đãi… ưu tiên."]


def test_corpus_004_ellipsis_sentence_is_whole() -> None:
    (path,) = CORPUS.glob("004_*.txt")
    text = clean_text(path.read_text(encoding="utf-8"))
    assert ("Việc vi phạm các quy định pháp luật về xây dựng, môi trường, PCCC ... ở một số doanh nghiệp KCN "
            "vẫn còn xảy ra.") in sentences(text)


def test_an_ellipsis_glued_to_a_capital_ends_a_quoted_sentence() -> None:
    # corpus/001: "… thu hút lao động...Tiếp tục trao đổi …" is two sentences; "đầu tư…Riêng …" (000) stays one
    text = "Về: thu hút đầu tư; thu hút lao động...Tiếp tục trao đổi. Mời gọi đầu tư…Riêng việc hỗ trợ còn hạn chế."
    glued = [text[s:e] for s, e in split_sentences(text, glued=True)]
    assert glued == ["Về: thu hút đầu tư; thu hút lao động...", "Tiếp tục trao đổi.",
                     "Mời gọi đầu tư…Riêng việc hỗ trợ còn hạn chế."]
    assert len(sentences(text)) == 2  # chunks keep the sentences they were built with
    also = "Trao đổi...đến các doanh nghiệp. Theo TP.HCM..."
    assert [also[s:e] for s, e in split_sentences(also, glued=True)] == ["Trao đổi...đến các doanh nghiệp.", "Theo TP.HCM..."]
