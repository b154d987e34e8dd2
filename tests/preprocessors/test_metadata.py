"""Metadata read from the cleaned text: title, event date, dates, issuing unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.preprocessors.cleaner import clean_text
from assistant.preprocessors.metadata import extract_metadata, find_dates

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _meta(prefix: str) -> dict:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return extract_metadata(clean_text(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("prefix", "title", "event"),
    [
        ("000", "Hội nghị sơ kết chương trình hợp tác giữa Ban Quản lý KKT, KCN Bình Phước, Đồng Nai và Lâm Đồng "
                "lần thứ nhất năm 2019", "2019-04-26"),
        ("001", "Hội nghị sơ kết chương trình hợp tác giữa Ban quản lý KKT Bình Phước, Ban quản lý các KCN Đồng Nai "
                "và Ban quản lý các KCN Lâm Đồng", "2017-12-26"),
        ("002", "Sơ kết thực hiện Chương trình hợp tác giữa Ban Quản lý các khu công nghiệp Lâm Đồng và Ban Quản lý "
                "các Khu chế xuất và công nghiệp TP", "2012-11-06"),
        ("003", "Hội nghị sơ kết thực hiện nhiệm vụ 09 tháng đầu năm và triển khai nhiệm vụ Quý IV năm 2017",
         "2017-09-25"),
        ("004", "Ban Quản lý các khu công nghiệp tỉnh đã tổ chức Hội nghị tổng kết công tác năm 2019", "2019-12-27"),
    ],
)
def test_title_and_event_date_of_corpus(prefix: str, title: str, event: str) -> None:
    meta = _meta(prefix)
    assert meta["title"] == title
    assert meta["date"] == event
    assert event in meta["dates"]
    assert meta["dates"] == sorted(meta["dates"])


def test_publication_stamp_is_not_the_event_date() -> None:
    meta = _meta("002")  # "06:11 10/05/2023" is the web page's stamp, "Ngày 06/11/2012" the event
    assert meta["date"] == "2012-11-06"
    assert "2023-05-10" in meta["dates"]
    assert {"2008-03-14", "2006-08-09"} <= set(meta["dates"])


def test_dates_written_in_words() -> None:
    assert _meta("003")["date"] == "2017-09-25"  # "Ngày 25 tháng 9 năm 2017"
    assert _meta("004")["date"] == "2019-12-27"  # "Chiều ngày 27 tháng 12 năm 2019"
    assert "2012-10-01" in _meta("004")["dates"]  # "ngày 01 tháng 10 năm 2012"


def test_unit() -> None:
    assert _meta("000")["unit"] == "Phòng Quy hoạch Xây dựng"
    assert _meta("001")["unit"] == "PHÒNG KẾ HOẠCH TỔNG HỢP"
    assert _meta("004")["unit"] == "Văn Phòng BQL các KCN"
    assert _meta("003")["unit"] is None


def test_find_dates_rejects_invalid_and_parts_of_numbers() -> None:
    text = "Ngày 31/02/2019 không có; số 29/2008/NĐ-CP không phải ngày; ngày 14/3/2008 có; 1/2.000 tỷ lệ."
    assert find_dates(text) == [(text.index("14/3/2008"), "2008-03-14")]


def test_first_date_is_used_when_no_event_marker() -> None:
    meta = extract_metadata("Thông báo\nCông văn 01/02/2020 và 05/06/2021.")
    assert meta["date"] == "2020-02-01"
    assert meta["dates"] == ["2020-02-01", "2021-06-05"]


def test_no_date_no_unit() -> None:
    meta = extract_metadata("Chỉ có tiêu đề\nVà một câu nội dung.")
    assert meta == {"title": "Chỉ có tiêu đề", "date": None, "dates": [], "unit": None}
    assert extract_metadata("")["title"] == ""


def test_byline_and_publication_stamp_are_located():
    from assistant.preprocessors.metadata import byline_span, posted_span

    def text_of(found, text):
        return None if found is None else text[found[0]:found[1]]

    for text, byline in [("... pháp luật./.\nTheo Yến Lệ - Văn Phòng BQL các KCN", "Theo Yến Lệ - Văn Phòng BQL các KCN"),
                         ("... 3 năm tiếp theo.\n\n   PHÒNG KẾ HOẠCH TỔNG HỢP\n", "PHÒNG KẾ HOẠCH TỔNG HỢP"),
                         ("... hàng năm.", None), ("...\nTheo báo cáo Tổng kết", None)]:
        assert text_of(byline_span(text), text) == byline
    text = "Sơ kết thực hiện Chương trình hợp tác\n06:11 10/05/2023\n\nNgày 06/11/2012, ..."
    assert text_of(posted_span(text), text) == "06:11 10/05/2023"
    assert posted_span("Hội nghị\nNgày 26/04/2019 tại Đà Lạt") is None
