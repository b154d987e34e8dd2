from assistant.chains.constraints import Constraints, evidence
from assistant.chains.extractive import ExtractiveAnswerer
from assistant.schema import NO_ANSWER


def test_answers_with_exact_spans(embedder, passages):
    answer = ExtractiveAnswerer(embedder, threshold=0.3).answer("Hội nghị sơ kết năm 2019 tổ chức ở đâu?", passages)
    assert answer.answerable
    assert "Đà Lạt" in answer.answer
    assert "[1]" in answer.answer
    cite = answer.citations[0]
    assert cite.source == "000.txt"
    # The quote sits at its span of the passage (and so of the document).
    assert cite.text[cite.start - cite.passage_start : cite.end - cite.passage_start] == cite.quote
    assert cite.quote in answer.answer


def test_number_question_prefers_number_sentence(embedder, passages):
    answer = ExtractiveAnswerer(embedder, threshold=0.3).answer("Bao nhiêu doanh nghiệp thứ cấp tham dự hội nghị?",
                                                                 passages)
    assert "34" in answer.answer
    assert answer.citations[0].source == "004.txt"


def test_abstains_when_number_missing(embedder, passages):
    answer = ExtractiveAnswerer(embedder, threshold=0.3).answer("Hội nghị năm 2021 tổ chức ở đâu?", passages)
    assert not answer.answerable
    assert answer.answer == NO_ANSWER
    assert answer.citations == []
    assert answer.related  # closest passages offered as possibly related


def test_abstains_on_weak_evidence(embedder, passages):
    answer = ExtractiveAnswerer(embedder, threshold=0.99).answer("Giá thuê đất là bao nhiêu?", passages)
    assert not answer.answerable


def test_the_gate_ignores_leading_zeros(passages):
    text = "\n".join(evidence(p) for p in passages)
    assert Constraints.of("Hội nghị tháng 4/2019 ở Đà Lạt").unmet(text) == []
    assert Constraints.of("Hội nghị năm 2015 ở Hà Nội").unmet(text) == ["ha noi", "2015"]


def test_event_date_counts_for_every_passage_of_the_document(passage_factory):
    later = passage_factory("Hàng tháng tiếp tục trao đổi kinh nghiệm chuyên môn giữa các phòng.", 1, "000.txt")
    assert later.date == "2019-04-26"
    question = Constraints.of("Sau hội nghị tháng 4/2019, các phòng trao đổi kinh nghiệm khi nào?")
    assert question.unmet(evidence(later)) == []
    later.date = None
    assert question.unmet(evidence(later)) == ["4", "2019", "thang 4/2019"]


def test_strict_cue_quotes_the_best_sentence_that_holds_it(embedder, passage_factory):
    text = ("Hội nghị tổng kết công tác năm 2019 của các doanh nghiệp thứ cấp trong các KCN diễn ra tốt đẹp. "
            "Đến dự có đại diện các chủ đầu tư và 34 doanh nghiệp thứ cấp trong các KCN.")
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    question = "Có bao nhiêu doanh nghiệp thứ cấp dự hội nghị tổng kết công tác năm 2019?"
    passages = [passage_factory(text)]
    ranked = answerer.score(question, passages)
    assert not all(c.cue for c in ranked)
    assert all(c.cue for c in answerer.usable(question, passages, ranked))
    answer = answerer.answer(question, [passage_factory(text)])
    assert answer.answerable and "34 doanh nghiệp" in answer.answer and "diễn ra tốt đẹp" not in answer.answer


def test_the_gate_picks_the_passage_that_holds_what_the_question_pins_down(embedder, passage_factory):
    wrong = passage_factory("Hội nghị sơ kết năm 2017 thống nhất tổng kết do Ban Quản lý Bình Phước thực hiện.", 1)
    right = passage_factory("Thống nhất tổng kết năm 2019 do Ban Quản lý các Khu công nghiệp Đồng Nai thực hiện.", 2)
    wrong.date = right.date = None
    answer = ExtractiveAnswerer(embedder, threshold=0.0).answer(
        "Ban Quản lý nào thực hiện tổng kết năm 2019?", [wrong, right])
    assert answer.answerable and answer.citations[0].passage is right and "Đồng Nai" in answer.short_answer


def test_asked_about_sets_aside_what_names_the_event():
    question = "Những hạn chế nào được chỉ ra tại Hội nghị sơ kết 9 tháng đầu năm 2017 của Ban quản lý các KCN Lâm Đồng?"
    assert ExtractiveAnswerer._asked_about(question) == "Những hạn chế nào được chỉ ra tại"
    # "sơ kết" is not the head "sở"; "hàng" stays with what is asked
    question = "Ban Quản lý Lâm Đồng và Ban Quản lý TP.HCM thống nhất tổ chức sơ kết hàng năm theo cách nào?"
    assert ExtractiveAnswerer._asked_about(question) == "thống nhất tổ chức sơ kết hàng theo cách nào"


def test_asked_about_ends_a_frame_at_a_function_word_that_leads_to_what_is_asked():
    # "hạn" and "chế" are also words of units' names ("trách nhiệm hữu hạn", "chế xuất"): not after "còn những"
    question = "Sơ kết 9 tháng đầu năm 2017, BQL các KCN Lâm Đồng còn những hạn chế gì?"
    assert "hạn chế" in ExtractiveAnswerer._asked_about(question)
    question = "Hội nghị sơ kết 9 tháng đầu năm 2017 của BQL các KCN Lâm Đồng đã chỉ ra những hạn chế nào?"
    assert ExtractiveAnswerer._asked_about(question) == "đã chỉ ra những hạn chế nào"
    # the attendees asked by their noun are not words the list that answers says
    question = "Ngoài lãnh đạo UBND tỉnh, những thành phần khách mời nào dự Hội nghị tổng kết năm 2019?"
    assert ExtractiveAnswerer._asked_about(question) == "Ngoài lãnh đạo những khách mời nào dự"


def test_asked_about_drops_how_a_question_opens_politely():
    question = "Cho mình hỏi Hội nghị tổng kết công tác năm 2019 của Ban Quản lý các KCN tỉnh diễn ra hôm nào vậy?"
    assert ExtractiveAnswerer._asked_about(question) == "diễn ra hôm nào vậy"


def test_asked_about_reads_frame_words_as_written():
    question = "Năm 2019 tỷ lệ hồ sơ hành chính được trả đúng hẹn đạt bao nhiêu phần trăm?"  # "tỷ" is no "công ty"
    assert ExtractiveAnswerer._asked_about(question) == "tỷ lệ hồ sơ hành chính được trả đúng hẹn đạt bao nhiêu phần trăm"


def test_asked_about_is_none_when_nothing_is_set_aside():
    assert ExtractiveAnswerer._asked_about("Sinh viên được đăng ký tối đa bao nhiêu tín chỉ mỗi học kỳ?") is None


def test_a_count_of_something_else_does_not_answer(embedder, passage_factory):
    text = ("Thực hiện ứng dụng phần mềm Quản lý văn bản; cập nhật 100% kết quả thực hiện nhiệm vụ UBND tỉnh giao trên "
            "Phần mềm quản lý công việc.")
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    counted = "Tỷ lệ hồ sơ hành chính được trả đúng hẹn trên thực tế đạt bao nhiêu phần trăm?"
    assert not answerer.answer(counted, [passage_factory(text)]).answerable
    said = "Kết quả thực hiện nhiệm vụ UBND tỉnh giao được cập nhật bao nhiêu phần trăm trên phần mềm?"
    assert "100%" in answerer.answer(said, [passage_factory(text)]).short_answer


def test_a_date_of_something_else_does_not_answer(embedder, passage_factory):
    text = "Các Ban đã trao đổi kinh nghiệm triển khai Nghị định số 29/2008/NĐ-CP ngày 14/3/2008 của Chính phủ."
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    question = "Thủ tướng Chính phủ đã chấp thuận đề xuất điều chỉnh cơ chế chính sách của ba Ban vào ngày nào?"
    assert not answerer.answer(question, [passage_factory(text)]).answerable


def test_a_cause_is_asked_of_what_the_sentence_says_happened(embedder, passage_factory):
    text = ("Công tác thông tin, tuyên truyền chủ trương của Đảng, chính sách pháp luật của nhà nước đến với các chủ "
            "đầu tư được thực hiện thường xuyên nhằm nâng cao nhận thức.")
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    withdrawn = "Vì sao UBND tỉnh thu hồi chủ trương đầu tư của các chủ đầu tư?"  # nothing was withdrawn
    assert not answerer.answer(withdrawn, [passage_factory(text)]).answerable
    said = "Vì sao công tác tuyên truyền chủ trương của Đảng đến với các chủ đầu tư được thực hiện thường xuyên?"
    assert answerer.answer(said, [passage_factory(text)]).answerable


def test_the_cause_of_an_act_undone_is_answered_only_where_it_is_said(embedder, passage_factory):
    text = "Ban Quản lý TP.HCM đã cung cấp các tài liệu về hệ thống quản lý chất lượng ISO cho Ban Quản lý Lâm Đồng."
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    assert not answerer.answer("Vì sao Ban Quản lý TP.HCM từ chối cung cấp tài liệu ISO?", [passage_factory(text)]).answerable
    assert not answerer.answer("vi sao ban quan ly TP.HCM tu choi cung cap tai lieu ISO?", [passage_factory(text)]).answerable
    assert not answerer.answer("tai sao ban quan ly tp.hcm ngung cung cap tai lieu iso", [passage_factory(text)]).answerable
    assert answerer.answer("Vì sao Ban Quản lý TP.HCM cung cấp tài liệu ISO cho Lâm Đồng?", [passage_factory(text)]).answerable


def test_a_cause_of_what_was_not_done_is_answered_only_where_it_was_not(embedder, passage_factory):
    text = "Hai Ban Quản lý cùng tham gia các hoạt động chung như hội nghị giao ban hàng quý, hội thao hàng năm."
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    assert not answerer.answer("Vì sao Ban Quản lý TP.HCM không tham gia hội thao hàng năm?",
                               [passage_factory(text)]).answerable
    absent = "Ban Quản lý TP.HCM không tham gia hội thao hàng năm do trùng lịch công tác."
    assert answerer.answer("Vì sao Ban Quản lý TP.HCM không tham gia hội thao hàng năm?",
                           [passage_factory(absent)]).answerable
    failed = "Sinh viên có học phần tự chọn thi không đạt phải làm đơn xin hủy khi nộp hồ sơ xét tốt nghiệp."
    assert answerer.answer("Vì sao học phần tự chọn thi không đạt phải chờ đến khi xét tốt nghiệp mới được hủy?",
                           [passage_factory(failed)]).answerable  # "không đạt" said as the question says it


def test_a_question_about_what_another_did_is_refused_not_answered_from_elsewhere(embedder, passage_factory):
    done = passage_factory("2. Ban Quản lý các KCN Lâm Đồng tiếp tục giới thiệu vùng nguyên liệu cho các doanh nghiệp "
                           "KCX - KCN TP.HCM (ngành chế biến nông sản).", 1)
    other = passage_factory("1. Tiếp tục cung cấp thông tin về các KCN Lâm Đồng để Ban Quản lý TP.HCM giới thiệu "
                            "trên trang website.", 2)
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    swapped = "Ban Quản lý TP.HCM tiếp tục giới thiệu vùng nguyên liệu thuộc những ngành nào cho doanh nghiệp?"
    assert not answerer.answer(swapped, [done, other]).answerable
    assert answerer.answer(swapped.replace("TP.HCM", "các KCN Lâm Đồng"), [done, other]).answerable


def test_a_clause_that_names_no_zone_is_about_its_sentence_s(embedder, passage_factory):
    text = ("Tổ chức triển khai thực hiện tốt các ý kiến chỉ đạo của UBND tỉnh tại Công văn số 4622/UBND-KT ngày "
            "04/12/2019 về việc lựa chọn nhà đầu tư xây dựng hạ tầng và kinh doanh kết cấu hạ tầng KCN Tân Đức; phối hợp "
            "“Tổng công ty Cổ phần Phát triển khu công nghiệp” (Sonadezi) hoàn thành các thủ tục có liên quan để triển "
            "khai dự án đúng quy định, đúng các nội dung đã cam kết với UBND tỉnh và các sở, ngành có liên quan.")
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    asked = "Theo Công văn số 4622/UBND-KT, Ban quản lý phối hợp với ai hoàn thành các thủ tục triển khai dự án KCN {}?"
    assert not answerer.answer(asked.format("Sơn Mỹ 2"), [passage_factory(text)]).answerable
    assert answerer.answer(asked.format("Tân Đức"), [passage_factory(text)]).answerable


def test_a_choice_is_answered_by_a_sentence_that_says_one_option(embedder, passage_factory):
    text = ("Tổ chức triển khai thực hiện tốt các ý kiến chỉ đạo của UBND tỉnh tại Công văn số 4622/UBND-KT về việc "
            "lựa chọn nhà đầu tư xây dựng hạ tầng KCN Tân Đức.")
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    question = "Nhà đầu tư hạ tầng KCN Tân Đức được lựa chọn theo hình thức đấu thầu hay chỉ định?"
    assert not answerer.answer(question, [passage_factory(text)]).answerable
    chosen = text.replace("lựa chọn nhà đầu tư", "lựa chọn nhà đầu tư theo hình thức đấu thầu")
    assert answerer.answer(question, [passage_factory(chosen)]).answerable


def test_a_list_asked_is_quoted_whole_past_its_first_clause(embedder, passage_factory):
    text = ("Bên cạnh những kết quả đạt được, trong lãnh đạo chỉ đạo, điều hành và tổ chức thực hiện vẫn còn một số "
            "hạn chế như: thực hiện bồi thường giải phóng mặt bằng đối với 1 số hộ còn kéo dài, chưa dứt điểm; tiến "
            "độ giải ngân các công trình và xây dựng hạ tầng các KCN còn chậm, chưa hoàn thành; công tác hỗ trợ doanh "
            "nghiệp còn hạn chế, hiệu quả chưa cao; việc phối hợp giữa các sở, ngành trong giải quyết thủ tục đầu tư "
            "có lúc còn chưa kịp thời.")
    assert len(text) > 300  # quoted clause by clause otherwise
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    answer = answerer.answer("Những hạn chế trong chỉ đạo, điều hành gồm những gì?", [passage_factory(text)])
    assert "tiến độ giải ngân" in answer.answer and "hiệu quả chưa cao" in answer.answer


def test_a_phrase_that_ends_its_clause_is_quoted_with_the_rest_of_its_sentence(embedder, passage_factory):
    text = ("Trong quá trình triển khai thực hiện công tác cải cách thủ tục hành chính theo cơ chế một cửa, một cửa "
            "liên thông cũng như việc xây dựng đề cương triển khai áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn "
            "Việt nam TCVN ISO 9001:2000; ISO 9001:2008 của Ban Quản lý Lâm Đồng đã được lãnh đạo Ban Quản lý TP.HCM "
            "quan tâm hỗ trợ, cung cấp các tài liệu để tham khảo, áp dụng.")
    assert len(text) > 300  # quoted clause by clause otherwise
    answerer = ExtractiveAnswerer(embedder, threshold=0.0)
    answer = answerer.answer("Ban Quản lý Lâm Đồng áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn gì?",
                             [passage_factory(text)])
    assert "ISO 9001:2008" in answer.answer  # the standards run on past the clause's "; "
