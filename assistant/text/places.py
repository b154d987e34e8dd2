"""Vietnamese place, unit and ordinal vocabulary, as data: what a question can pin an answer to.

The grounding gate (:mod:`assistant.chains.grounding`) reads a question's constraints with these
lists: a province or KCN it names, the kind of unit around a name, an ordinal ("lần thứ hai").
Names are written as people type them; matching folds case and diacritics.
"""

from __future__ import annotations

# The 63 provinces and cities (before the 2025 merger, as the documents name them).
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
    "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng",
    "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội",
    "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Hồ Chí Minh", "TP.HCM", "Sài Gòn",
)

# Family names, and the words that address a person ("ông", "bà", "đồng chí"): a question typed without capitals
# names a person by them ("ong lam van tiep ket luan gi" -> "lam van tiep"). Only after such a word, as a family
# name folded is often a common word ("lâm" / "làm", "lê" / "lễ").
# Not those that are also words after "ba" (three): "ba văn bản", "ba đồng chí", "ba hộ dân", "ba lý do".
SURNAMES = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Ngô Dương Lâm Lương Trương Đinh Mai Trịnh Đào "
            "Cao Lưu Tạ Châu Tô Hà Quách Thái Kiều Triệu Vương Đoàn Doãn Khổng Lại Mạc Nghiêm Phùng Thân Tôn Viên Kim "
            "Lạc Âu Giáp Hứa Diệp Đàm")
ADDRESS_WORDS = ("ông", "bà", "đồng chí")

# Words that introduce a name a question pins the answer to ("KCN Hòa Phú", "tỉnh Bình Phước").
NAME_MARKERS = (
    "khu công nghiệp", "kcn", "khu kinh tế", "kkt", "khu chế xuất", "kcx", "tỉnh", "huyện", "thành phố", "tp",
    "thị xã", "xã", "quận", "phường", "công ty", "tổng công ty", "tập đoàn",
)

# Lowercase words inside a place's name ("tại thành phố Đà Lạt tỉnh Lâm Đồng").
PLACE_MARKERS = "thành phố tỉnh huyện xã thị xã quận phường thị trấn khu vực đô thị dịch vụ"  # space-separated

# Capitalized words of units, posts and document kinds: never a name on their own ("Ban Quản lý").
GENERIC_CAPITALIZED = (  # space-separated
    "Ban Quản Lý Khu Phòng Sở Ủy Công Ty Tổng Trung Tâm Hội Nghị Thành Phố Tỉnh Huyện Nhà Quyết Định Luật Chính "
    "Phủ Bộ Cục Viện Trường Đại Học Kinh Tế Nhân Dân Chương Trình Kế Hoạch Hợp Tác Thường Trực Phó Chủ Tịch Giám "
    "Đốc Chí Ông Bà Văn Bản Nghị Thông Tư Báo Cáo Sơ Kết Tổng Kết Lãnh Đạo Đảng Ủy Đoàn Thanh Niên Chế Xuất "
    "Nghiệp Các Và Của Theo Năm Ngày Tháng Quý Lần Thứ Ai Gì Nào Đâu Bao Nhiêu Khi Tại Trong Với Cho Được Có Là "
    "Những Hiện Nay Hãy Xin Vui Lòng Cảm Ơn Chào KCN KKT KCX BQL UBND HĐND TP CBCC CBCCVC PCCC TW NĐ CP QĐ HN CV DN XD NĐT XTĐT GPMB CCHC TTHC BVMT XNK SXKD CSHT SX KD Trưởng Thủ Tướng Hàng Giai Đoạn Sau Trước Ngoài Từ Đến Để Về Vì Tại Nếu"
)

# Lowercase words that belong inside a unit's name ("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng").
UNIT_NAME_WORDS = (  # space-separated
    "các và quản lý khu công nghiệp chế xuất tỉnh thành phố nhân dân phát triển hạ tầng kinh tế cổ phần thường vụ "
    "ủy hoạch xây dựng đầu tư giới thiệu việc làm lao động thương binh xã hội - – tổng hợp kế ty trách nhiệm hữu "
    "hạn đoàn văn phòng sở ban tâm"
)

# Departments named after their kind: "Sở Tài chính", "Bộ Kế hoạch và Đầu tư", "Sở Công Thương" (a partner the
# documents may not mention: the name is matched with its kind).
NAMED_UNIT_LEADS = ("Sở", "Bộ", "Cục", "Tổng cục", "Phòng")

# A region by its direction: "Vùng kinh tế trọng điểm phía Nam" is not "… phía Bắc".
REGION_MARKERS = ("phía", "miền")
DIRECTIONS = ("Bắc", "Nam", "Trung", "Tây", "Đông")

# Abbreviations that stand for a unit's or zone's words ("KCN" = khu công nghiệp), folded.
UNIT_ABBREVIATIONS = "kcn kkt kcx bql"  # space-separated

# Ordinals as words, with their number: "lần thứ hai" == "lần thứ 2" == "lần 2".
ORDINALS = {
    "nhất": 1, "nhứt": 1, "hai": 2, "nhì": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10,
}

# Who issues a document, and the code its number carries: "Quyết định ... của Thủ tướng" is a .../QĐ-TTg.
ISSUER_CODES = {
    "thủ tướng": "ttg", "chính phủ": "cp", "ủy ban nhân dân": "ubnd", "tỉnh ủy": "tu", "quốc hội": "qh",
    "ban quản lý": "bql",
}

# Where a thing is published rather than held: "giới thiệu … ở đâu?" -> "trên trang website". As written, "|"-separated.
ONLINE_PLACES = ("trang web|trang website|website|cổng thông tin điện tử|cổng thông tin|trang thông tin điện tử"
                 "|trang tin|phương tiện thông tin đại chúng|mạng xã hội|phần mềm|hệ thống thông tin")

# Syllables that make "tại" part of a word, not "at": "tồn tại" (exist), "hiện tại" (now). As lookbehinds.
NOT_AT = "".join(f"(?<![{w[0].upper()}{w[0]}]{w[1:]} )" for w in ("tồn", "hiện"))
