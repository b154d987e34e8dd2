"""Vietnamese function words, folded (lowercase, no diacritics): one list, as data.

Content-word overlap, the follow-up condenser, the answer cues and search highlighting all read
this list, so a word is a "function word" in the same way everywhere.
"""

from __future__ import annotations

STOPWORDS = frozenset(
    ["ai", "gi", "nao", "dau", "bao", "nhieu", "khi", "may", "la", "cua", "va", "cac", "nhung", "duoc", "co",
     "khong", "thi", "sao", "the", "tai", "o", "trong", "ve", "cho", "voi", "do", "da", "bang", "nhu", "mot", "nay",
     "hay", "hoac", "cung", "theo", "den", "tu", "gio", "luc", "vao", "ra", "con", "dang", "se", "roi", "ma", "nen",
     "vi", "boi", "neu", "tren", "duoi", "sau", "truoc", "nhat", "moi", "lai", "rat", "chi", "cai", "ay", "kia",
     "vay", "a", "u", "nhe", "hien"]
)

# Words that end the unit phrase after "bao nhiêu" ("bao nhiêu ha đất" -> "ha"): the function words
# plus the verbs and nouns a question puts right after the count ("đạt", "số", "năm").
UNIT_PHRASE_STOPS = STOPWORDS | {"dat", "so", "nam", "nhi", "tham", "du", "den"}  # "mấy ban | tham dự"
COUNTED_NOUNS = frozenset(["du an"])  # nouns that open with one of those: "bao nhiêu dự án" counts projects

# Words that open a question with a capital and belong to no name after them: "Hồi 2012 hai BQL …",
# "Hai KCN Lộc Sơn và Phú Hội …", "Năm 2019 …" (folded; the count words are places.ORDINALS').
OPENING_WORDS = frozenset(["hoi", "hom", "dip", "khoang", "nam", "ngay", "thang", "quy", "cuoi", "dau", "giua", "viec",
                           "nho", "cuoc", "phia", "ben"])
# How a question may open without asking anything yet ("Cho mình hỏi …", "Bạn ơi, …"), folded.
ASKING_OPENERS = ("cho minh hoi", "cho toi hoi", "cho em hoi", "cho hoi", "xin hoi", "minh muon hoi", "toi muon hoi",
                  "em muon hoi", "ban oi", "ad oi", "admin oi")
# Messages that are not questions, folded: answered with a request to rephrase, not a quote.
GREETINGS = frozenset(["xin chao", "chao", "chao ban", "hello", "hi", "alo", "cam on", "cam on ban", "thanks", "ok", "oke"])

# Requests for a summary (folded): extractive mode quotes, it does not write one, so it shows the passages instead.
SUMMARY_REQUESTS = ("tom tat", "tom luoc", "summarize", "summarise", "summary")

# What makes a message ask something (folded): a question word, a request ("kể tên", "cho biết"), "?". A message
# with none ("cho mình hỏi vụ hội nghị hôm bữa á", a few keywords) names a topic but asks nothing of it.
QUESTION_MARKERS = ("ai", "gi", "nao", "o dau", "tai dau", "den dau", "tu dau", "noi dau", "bao nhieu", "bao lau",
                    "bao gio", "may", "khi nao", "luc nao", "sao", "the nao", "ra sao", "nhu nao", "khong", "chua",
                    "hay", "la gi", "liet ke", "ke ten", "ke ra", "cho biet", "neu", "tom tat", "trinh bay",
                    "giai thich", "mo ta", "so sanh", "who", "what", "when", "where", "why", "how", "which", "list")
# ... or a message that opens with what it wants to know of its topic: "Ngày ban hành Nghị định 29/2008/NĐ-CP".
ASKED_ATTRIBUTES = ("thoi gian", "dia diem", "ngay", "so luong", "ten", "chuc vu", "noi dung", "muc dich", "ly do",
                    "nguyen nhan", "ket qua", "danh sach", "thanh phan", "dieu kien", "quy dinh", "tieu chuan", "muc",
                    "so", "nguoi", "don vi", "co quan", "dia chi", "website")

# Folded words that frame a date or a document number without adding to it ("ngày", "số", "NĐ-CP").
DATE_AND_DOC_FRAME_WORDS = (  # space-separated
    "ngay thang nam quy so sang chieu toi nghi dinh quyet cong van chi thi thong tu luat nd cp qd ubnd ct kt"
)

# Words that start what is said about a named thing: "công tác xúc tiến đầu tư | vẫn còn hạn chế".
PREDICATE_WORDS = "vẫn còn đã là sẽ đang chưa cũng thì mà bị rất không có cần phải như"  # space-separated, as written
# Words that end a name typed without capitals ("kcn hoa phu | co ...", "ong lam van tiep | da ...", "kcn | chua
# hap dan"): the function, predicate and question words, and the words of units' names.
NAME_ENDS = STOPWORDS | {
    "van", "chua", "bi", "rat", "can", "phai",  # predicate words, folded
    "nao", "gi", "dau", "bao", "nhieu", "may", "ai", "co", "la", "da", "duoc", "thi", "nam", "ngay", "thang", "hien",
    "nay", "tai", "o", "trong", "voi", "va", "cua", "do", "khi",
    "ban", "quan", "ly", "khu", "cong", "nghiep", "kinh", "te", "che", "xuat", "tinh", "huyen", "thanh", "pho", "cac",
    "lanh", "dao", "hoi", "nghi"}
# Words that end a law's or document's name: "Luật Đầu tư | năm 2020 quy định …", "Thông báo Kết luận | xem tại đây".
LAW_NAME_ENDS = f"{PREDICATE_WORDS} năm số quy được của về nào gì do cho với tại ở trong và xem"  # as written
# Words that link an act to what follows it ("làm việc | với", "tổ chức | tại"): an act's words end before them.
LINK_WORDS = "với tại ở cho về của trong và để từ đến theo"  # space-separated, as written
