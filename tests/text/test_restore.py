from assistant.text.restore import DiacriticRestorer

TEXTS = ["Hội nghị tổng kết công tác năm 2019 tại Đà Lạt", "Ban quản lý các khu công nghiệp", "tổng kết và hội nghị",
         "Bàn giao mặt bằng", "bản đồ quy hoạch"]


def test_restores_from_corpus_bigrams():
    r = DiacriticRestorer(TEXTS)
    assert r.restore("hoi nghi tong ket nam 2019 o dau") == "hội nghị tổng kết năm 2019 ở đâu"
    assert r.restore("ban quan ly cac khu cong nghiep") == "ban quản lý các khu công nghiệp"


def test_keeps_queries_with_diacritics_and_unknown_words():
    r = DiacriticRestorer(TEXTS)
    assert r.restore("Hội nghị ở đâu") == "Hội nghị ở đâu"
    assert r.restore("xyz 123, abc?") == "xyz 123, abc?"
