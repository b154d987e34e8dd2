"""Content words and verbs of Vietnamese text."""

from __future__ import annotations

from assistant.text.words import content_verbs, said, says_any


def test_content_verbs_are_the_questions_acts_without_function_words():
    assert content_verbs("Vì sao UBND tỉnh thu hồi chủ trương đầu tư KCN Tân Đức trong năm 2019?")[0] == "thu hồi"
    assert "là" not in content_verbs("Trưởng Ban là ai?")
    assert content_verbs("") == ()


def test_says_any_matches_whole_words_with_their_marks():
    assert says_any(("thu hồi",), "UBND tỉnh đã thu hồi quyết định")
    assert not says_any(("thu hồi",), "thu hút đầu tư") and not says_any(("hồi",), "hỏi đáp")
    assert not says_any(("dừng",), "sử dụng đất")  # marks tell them apart where both have them
    assert says_any(("dừng",), "quyết định dừng chương trình")
    assert says_any(("dung",), "quyết định dừng chương trình")  # typed without marks: folded
    assert says_any(("dừng",), "quyet dinh dung chuong trinh")


def test_said_lists_the_phrases_a_text_says():
    assert said(("từ chối", "hủy"), "Vì sao Ban từ chối cung cấp?") == ("từ chối",)
    assert said(("từ chối",), "vi sao ban tu choi cung cap") == ("từ chối",)  # typed without marks
    assert said(("hủy",), "quyết định huỷ bỏ") == ("hủy",)  # either placement of the tone mark
