"""Kinds of events and of figures, as data: what a sentence must not swap for what a question asks.

A question about the *tổng kết* (year-end review) is not answered by a sentence about a *sơ kết*
(interim review); an actual result ("thực tế", "đã đạt") is not answered by a target ("phấn đấu",
"chỉ tiêu"). Words are folded (lowercase, no diacritics), as :func:`assistant.text.normalize.fold` writes them.
"""

from __future__ import annotations

# Meetings and reviews a board holds: a question naming one is not answered by a sentence about another.
EVENT_KINDS = ("tong ket", "so ket", "giao ban", "hoi thao", "tap huan", "ky ket", "khanh thanh",
               "khoi cong")

# Acts a document dates or names the doer of: "được ban hành ngày nào" is not answered by the date of the
# meeting it reports, "do ai trình bày" not by who organized it.
DATED_ACTS = ("ban hanh", "ky", "thanh lap", "phe duyet", "thong qua", "co hieu luc", "het hieu luc", "bo nhiem", "cong bo",
              "cap phep", "dang tai", "tham muu", "lap", "trinh bay", "phat bieu", "chu tri", "trao bang", "trao tang",
              "khen thuong", "viet bai", "viet tin", "dua tin", "dang tin",  # a news item's author: its byline
              "dan dau", "cu lam", "duoc cu",  # who led a delegation or was appointed to a task
              "bang khen", "giay khen", "nhan bang",  # an award given or received
              "van hanh",  # who runs a system
              "sinh nam", "sinh ngay", "nam sinh", "ngay sinh")  # a birth: not the date of a meeting the person chaired
# How an act is written whose folded form is another word's too: "kỹ thuật", "kỳ họp" sign nothing.
ACT_MARKS = {"ky": "ký", "lap": "lập"}

# Kinds of legal and administrative documents, as written: what "Nghị định 29/2008/NĐ-CP", "Luật Bảo vệ môi
# trường" or "tại Quyết định số 3485" (a citation, not a place) open with. Longer forms first.
DOCUMENT_KINDS = ("Bộ luật", "Luật", "Nghị định", "Nghị quyết", "Quyết định", "Công văn", "Chỉ thị", "Thông tư",
                  "Thông báo", "Kế hoạch", "Tiêu chuẩn")

# How each kind of document shows in its citation, folded: by name or by the code in its number
# ("Nghị định 21/2008/NĐ-CP"): "Thông tư 21/2008" is not the decree numbered the same.
DOCUMENT_KIND_FORMS = {"nghi dinh": r"nghi dinh|nd-cp", "quyet dinh": r"quyet dinh|qd-", "chi thi": r"chi thi|-ct/",
                       "thong tu": r"thong tu|/tt-", "luat": r"luat|/qh", "cong van": r"cong van|/ubnd-|/bql-"}

# Who attended: a question that asks it ("thành phần tham dự gồm những ai") is answered by what a report's
# intro of its attendees introduces ("với sự tham dự của | lãnh đạo 03 Ban quản lý và các phòng …").
ATTENDANCE_ASKED = ("tham du", "du hoi nghi", "du hn", "du buoi", "du hop", "thanh phan", "tham gia", "co mat",
                    "den du", "ve du", "toi du")  # "có bao nhiêu doanh nghiệp … đến dự / tới dự?"
# The noun a question names attendees by ("những thành phần khách mời nào dự …"): the list that answers does not
# repeat it, so it is not what a sentence must say.
ATTENDEE_NOUNS = ("thanh phan",)
ATTENDANCE_INTROS = ("su tham du cua", "tham du con co", "tham du co", "tham du gom co", "tham du gom",
                     "thanh phan gom co", "thanh phan gom", "su tham gia cua")

# Words that name who did something without a proper name ("lãnh đạo các sở", "các chủ đầu tư", "đơn vị
# trực thuộc"): a "who" answer holds one of them, a capitalized name or a person, or it does not say who.
# Written with their marks and read as a document writes them: folded, "tinh thần" would read as "tỉnh".
AGENT_WORDS = ("lãnh đạo", "đại diện", "cán bộ", "công chức", "thành viên", "đồng chí", "doanh nghiệp", "nhà đầu tư",
               "chủ đầu tư", "đơn vị", "sở", "ngành", "ban", "phòng", "công ty", "ubnd", "ủy ban", "trung tâm",
               "cơ quan", "người", "ông", "bà", "địa phương", "chính phủ", "bộ", "hội đồng", "đoàn", "tổ chức",
               "hiệp hội", "chuyên gia", "công nhân", "nhà thầu", "tập thể", "cá nhân", "tỉnh", "huyện", "thành phố")

# Words a question may use for the document's (folded, same number of syllables): "đăng cai" a meeting is to
# "tổ chức" it; "gắn kết" the offices is to "liên kết" them. Read where a short answer is placed by the words
# around it (assistant/chains/short/), not in scoring.
SAME_MEANING = {"dang cai": "to chuc", "gan ket": "lien ket", "hoc hoi": "hoc tap", "toi": "den"}

# Words that make a figure a target or a plan, and words that make it what actually happened.
TARGET_WORDS = ("phan dau", "chi tieu", "muc tieu", "ke hoach", "du kien", "du dinh", "se dat", "huong toi")
ACTUAL_WORDS = ("thuc te", "da dat", "dat duoc", "thuc hien duoc", "ket qua dat", "tinh den")
# Words that tell what is done again and again ("Hàng năm … tổ chức tại TP.HCM các Hội nghị …"): such a sentence
# does not tell what one dated day's event did ("Buổi làm việc ngày 06/11/2012 … được tổ chức ở đâu?").
HABIT_WORDS = ("hang nam", "hang thang", "hang quy", "hang tuan", "hang ngay", "moi nam", "thuong xuyen", "dinh ky")
# Words of a question about what was done or came of it: a plan dated after its document does not answer.
DONE_WORDS = ("da", "ket qua", "dat duoc", "danh gia")
# How one legal document acts on another ("Nghị định nào đã thay thế Nghị định 29/2008?"): a sentence that
# names documents without saying this does not answer which one did it.
DOC_RELATION_WORDS = ("thay the", "sua doi", "bo sung", "bai bo", "huong dan", "hop nhat", "het hieu luc",
                      "dinh chinh")

# Acts that undo or refuse another, as written: a why-question that says one happened ("Vì sao BQL … từ chối cung
# cấp tài liệu", "… bị chấm dứt") is answered only by a sentence that says it too (blind writers' favourite false
# premise). Not other questions: "xin rút khỏi chương trình … có điều kiện gì" is answered by "xin ra khỏi …".
UNDOING_ACTS = ("từ chối", "ngừng", "ngưng", "dừng", "hủy", "thu hồi", "rút khỏi", "rút lui", "hoãn", "giải thể",
                "bãi bỏ", "chấm dứt", "đình chỉ", "cắt giảm", "bác bỏ", "phản đối")
# Typed without marks, one syllable folds into other words ("dung": dừng, dùng, dụng; "hoan": hoãn, hoàn): only
# these and the acts of two words are read then.
UNDOING_FOLDED = ("ngung",)

# Words of a question that itself asks about a plan ("theo kế hoạch …, buổi tổng kết sẽ đánh giá …"): then a
# plan dated after its document is what it asks.
PLAN_WORDS = (*TARGET_WORDS, "se", "sap", "phuong huong", "dinh huong")
# Words before an act that say it is not yet done ("chuẩn bị các thủ tục để khởi công", "chưa khởi công"): a
# question that says it was done ("KCN Sơn Mỹ 1 đã khởi công từ năm 2019") is not answered by such a sentence.
NOT_YET_WORDS = ("de", "nham", "se", "sap", "du kien", "du dinh", "chuan bi", "ke hoach", "phan dau", "tien toi",
                 "huong toi", "chua", "chua duoc")
# Words of a question that asks a deadline ("thời hạn hoàn thành … là khi nào?"), and of a sentence that sets one:
# the date a letter is signed ("Công văn số 4622/UBND-KT ngày 04/12/2019") is no deadline it gives.
DEADLINE_ASKED = ("thoi han", "han chot", "han cuoi", "cham nhat", "den han", "truoc thoi diem nao")
DEADLINE_WORDS = ("thoi han", "han chot", "han cuoi", "dung han", "cham nhat", "truoc", "trong vong", "toi da",
                  "den het", "khong qua", "ket thuc")

# Words that judge how something went: "ra sao / thế nào" is answered by the clause that holds one
# ("chấp hành tốt", "còn chậm", "chưa đồng bộ", "hữu nghị tốt đẹp", "từng bước được thực hiện chặt chẽ hơn").
VERDICT_WORDS = ("tot", "chua", "con cham", "cham", "han che", "kip thoi", "hieu qua", "dong bo", "on dinh",
                 "tang", "giam", "cao", "thap", "kha", "co ban", "dat", "vuot", "chat che", "thuan loi",
                 "kho khan", "ben vung", "tan tinh", "nghiem tuc", "day du", "hoan thanh", "cung co", "yeu",
                 "hai long", "thuong xuyen", "luan phien", "tich cuc", "dang ke", "manh", "ro ret")

# Words of a yes/no question that ask whether something happened, not what: "có xảy ra đình công không?".
EXISTENCE_WORDS = ("xay", "ra", "dien", "co", "khong")

# Words that say which event or period a question is about, not what it asks of it ("những hạn chế nào …
# tại Hội nghị sơ kết 9 tháng đầu năm 2017"): they identify the report, so they do not pick its sentence.
# Written as a question writes them; read folded.
EVENT_FRAME_WORDS = ("hội nghị sơ kết tổng kết giao ban hội thảo chương trình hợp tác thực hiện nhiệm vụ tháng năm "
                     "quý đầu cuối công tác triển khai")

# Words that open the phrase naming a question's event, body or period ("Hội nghị sơ kết 9 tháng đầu năm 2017
# của Ban quản lý các KCN Lâm Đồng"): from one of them, the run of frame words, names and numbers is the
# question's frame, not what it asks. Comma-separated, read folded.
FRAME_HEADS = ("hội nghị, hội thảo, buổi làm việc, buổi sơ kết, buổi tổng kết, chương trình hợp tác, ban quản lý, bql, "
               "kcn, kkt, kcx, khu công nghiệp, khu kinh tế, khu chế xuất, ubnd, ủy ban, sở, tỉnh, thành phố, tp, "
               "năm, tháng, quý, ngày")

# Parts of the day, folded: "họp vào buổi nào?" is answered by the one a sentence says ("Chiều ngày 27 …").
PARTS_OF_DAY = ("sang", "trua", "chieu", "toi")
