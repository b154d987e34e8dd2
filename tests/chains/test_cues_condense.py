from assistant.chains.condense import condense, leans_on_history
from assistant.chains.cues import question_type, satisfies


def test_question_types():
    assert question_type("Ai chủ trì buổi làm việc?") == "who"
    assert question_type("Hội nghị tổ chức khi nào?") == "when"
    assert question_type("KCN Sơn Mỹ 1 khởi công tháng mấy?") == "when"
    assert question_type("Có bao nhiêu doanh nghiệp tham dự?") == "howmany"
    assert question_type("Hội nghị diễn ra ở đâu?") == "where"
    assert question_type("Nghị định nào quy định về khu công nghiệp?") == "which-doc"
    assert question_type("hoi nghi to chuc o dau") == "where"
    assert question_type("Nêu kết quả hợp tác") is None


def test_satisfies():
    assert satisfies("when", "Ngày 26/04/2019 tại Đà Lạt")
    assert satisfies("when", "Chiều ngày 27 tháng 12 năm 2019")
    assert not satisfies("when", "Hội nghị thống nhất nội dung")
    assert satisfies("howmany", "có 34 doanh nghiệp thứ cấp")
    assert not satisfies("howmany", "ngày 26/04/2019 trong năm 2019")
    assert satisfies("which-doc", "theo Nghị định số 29/2008/NĐ-CP")
    assert satisfies("which-doc", "Quyết định số 3485/QĐ-UBND")
    assert satisfies("where", "tại thành phố Đà Lạt")
    assert satisfies("who", "Phó chủ tịch Lương Văn Hải phát biểu")


def test_condense_swaps_year():
    history = [("Hội nghị sơ kết năm 2017 tổ chức ở đâu?", "…")]
    assert condense("còn năm 2018 thì sao?", history) == "Hội nghị sơ kết năm 2018 tổ chức ở đâu?"


def test_condense_carries_entities():
    history = [("Hội nghị sơ kết ngày 26/04/2019 ở Đà Lạt bàn về nội dung gì?", "…")]
    standalone = condense("hội nghị đó do ai tổ chức?", history)
    assert "Đà Lạt" in standalone and "26/04/2019" in standalone
    assert standalone.startswith("hội nghị đó do ai tổ chức")


def test_standalone_question_unchanged():
    history = [("Hội nghị sơ kết năm 2017 tổ chức ở đâu?", "…")]
    question = "Ai chủ trì buổi làm việc ngày 06/11/2012 với Ban Quản lý các KCN Lâm Đồng?"
    assert not leans_on_history(question)
    assert condense(question, history) == question
    assert condense("còn năm 2018 thì sao?", None) == "còn năm 2018 thì sao?"
