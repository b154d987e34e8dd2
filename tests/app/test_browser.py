"""The web app in headless Chromium: chat with citations, document view, search, uploads.

The session fixtures in ``conftest.py`` start ``python app.py --port <free> --home <tmp>`` (a fresh index,
so the start-up indexing of ``corpus/`` runs for real) and one Chromium, shared with
``test_browser_chat.py``. Every step saves a screenshot under ``tests/screenshots/``.

Needs Debian's Chromium at /usr/bin/chromium (``apt-get install -y chromium``; scripts/test.sh does it)
and the embedding model (provisioned on first use).
"""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import pytest
from browser_app import ANSWER_TIMEOUT_MS, SHOTS, ask, shot

from assistant.app.feedback import FeedbackStore

pytestmark = [pytest.mark.slow, pytest.mark.browser]

from playwright import sync_api as playwright_sync  # noqa: E402 - a test dependency: missing means failing

expect = playwright_sync.expect

NO_ANSWER = "Không tìm thấy thông tin này trong tài liệu."
UNIQUE_WORD = "Quokkavia"


def documents_in_banner(page) -> int:
    text = page.locator("#status-banner").inner_text()
    match = re.search(r"(\d+) tài liệu", text)
    assert match, f"no document count in the banner: {text!r}"
    return int(match.group(1))


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    page.goto(app_url)
    page.wait_for_selector("#status-banner [data-state=ready]", timeout=60_000)
    yield page
    context.close()


def test_answer_cites_and_highlights_the_source(page, app_server):
    ask(page, "Ai chủ trì buổi làm việc ngày 06/11/2012?")
    page.wait_for_selector("#chatbot a.cite", timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#chatbot")).to_contain_text("Lâm Văn Tiếp")  # not in the question
    card = page.locator("#sources .src-card").first
    expect(card).to_contain_text("002_c703fc18134db130.txt")
    expect(card).to_contain_text("06/11/2012")  # the document's date, Vietnamese style
    expect(card.locator("mark.quote").first).to_contain_text("Lâm Văn Tiếp đã chủ trì buổi làm việc")
    shot(page, "02_chat_answer_with_citation")

    # A thumbs-up with a comment is stored; the CSV export offers a file.
    page.locator("#feedback-comment textarea").fill("Đúng người chủ trì")
    page.locator("#thumbs-up").click()
    expect(page.locator("#feedback-note")).to_contain_text("Đã ghi nhận", timeout=30_000)
    # The chat's own thumbs-down on the answer is stored too.
    page.locator('#chatbot button[title="Chưa đúng"], #chatbot button[title="Dislike"]').last.click()
    expect(page.locator("#feedback-note")).to_contain_text("✘", timeout=30_000)
    rows = FeedbackStore(app_server.home / "feedback.sqlite").rows()
    assert [r["rating"] for r in rows[-2:]] == ["up", "down"]
    assert rows[-2]["question"] == "Ai chủ trì buổi làm việc ngày 06/11/2012?"
    assert rows[-2]["comment"] == "Đúng người chủ trì" and "Lâm Văn Tiếp" in rows[-2]["answer"]
    assert rows[-2]["citations"][0]["source"] == "002_c703fc18134db130.txt"

    page.locator("#export-csv").click()
    link = page.locator("#export-file a").first
    expect(link).to_be_visible(timeout=30_000)
    with urllib.request.urlopen(link.get_attribute("href"), timeout=30) as response:
        csv_text = response.read().decode("utf-8-sig")
    assert csv_text.startswith("Mã,Thời gian (UTC),Đánh giá,Câu hỏi") and "Đúng người chủ trì" in csv_text
    assert "Hữu ích" in csv_text and "Chưa đúng" in csv_text
    shot(page, "03_chat_feedback_export")


def test_citation_opens_the_document_at_the_quote(page):
    ask(page, "Hội nghị sơ kết chương trình hợp tác lần thứ nhất năm 2019 được tổ chức ở đâu?")
    page.wait_for_selector("#chatbot a.cite", timeout=ANSWER_TIMEOUT_MS)
    page.locator("#chatbot a.cite").first.click()
    mark = page.locator("#chat-doc mark#hl")
    expect(mark).to_contain_text("Ngày 26/04/2019 tại thành phố Đà Lạt", timeout=30_000)
    expect(page.locator("#chat-doc .doc-title")).to_contain_text("Hội nghị sơ kết chương trình hợp tác")
    expect(page.locator("#sources .src-card.active")).to_be_visible()  # the passage, beside the chat
    box = page.locator("#chat-doc .doc-body").bounding_box()
    spot = mark.bounding_box()
    assert box["y"] <= spot["y"] <= box["y"] + box["height"], (box, spot)  # its box scrolled to the span
    page.screenshot(path=str(SHOTS / "04_chat_document_view.png"))  # the viewport, to show the scroll

    # The "Xem tài liệu [n]" button does the same; a new conversation clears everything.
    page.locator("#sources button[data-open]").first.click()
    expect(page.locator("#chat-doc mark#hl")).to_be_visible()
    page.locator("#new-chat").click()
    expect(page.locator("#chatbot a.cite")).to_have_count(0, timeout=30_000)
    expect(page.locator("#sources .src-card")).to_have_count(0)


def test_follow_up_and_abstention(page):
    ask(page, "Ai chủ trì buổi làm việc ngày 06/11/2012?")
    page.wait_for_selector("#chatbot a.cite", timeout=ANSWER_TIMEOUT_MS)
    ask(page, "Giá vàng hôm nay là bao nhiêu?")
    expect(page.locator("#sources .abstain")).to_contain_text(NO_ANSWER, timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#chatbot")).to_contain_text(NO_ANSWER)
    expect(page.locator("#chatbot")).to_contain_text("Các đoạn có thể liên quan")
    assert page.locator("#sources .src-card.related").count() >= 1
    shot(page, "05_chat_abstention")


def test_search_without_diacritics(page):
    page.get_by_role("tab", name="Tra cứu").click()
    page.locator("#search-query textarea").fill("hoi nghi tong ket nam 2019")
    page.locator("#search-btn").click()
    first = page.locator("#results .hit").first
    expect(first).to_have_attribute("data-source", "004_6d3412d8dd45478c.txt", timeout=ANSWER_TIMEOUT_MS)
    marks = first.locator("mark.kw").all_inner_texts()
    assert {"Hội", "nghị", "tổng", "kết"} <= set(marks), marks
    first.locator("button.open-doc").click()
    expect(page.locator("#search-doc mark#hl")).to_be_visible(timeout=30_000)
    expect(page.locator("#search-doc .doc-title")).to_contain_text("Hội nghị tổng kết công tác năm 2019")
    shot(page, "06_search_no_diacritics")

    page.locator("#search-query textarea").fill("tan duc")
    page.locator("#search-btn").click()
    expect(page.locator("#results .hit").first).to_contain_text("Tân Đức", timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#results .hit").first).to_have_attribute("data-source", "004_6d3412d8dd45478c.txt")
    expect(page.locator("#results .hit").first.locator("mark.kw").first).to_be_visible()

    # Year filter: only the 2012 document.
    page.locator("#search-query textarea").fill("hop tac")
    page.locator("#since textarea, #since input").first.fill("2012")
    page.locator("#until textarea, #until input").first.fill("2012")
    page.locator("#search-btn").click()
    expect(page.locator("#results .hit").first).to_have_attribute("data-source", "002_c703fc18134db130.txt",
                                                                timeout=ANSWER_TIMEOUT_MS)
    sources = {page.locator("#results .hit").nth(i).get_attribute("data-source")
               for i in range(page.locator("#results .hit").count())}
    assert sources == {"002_c703fc18134db130.txt"}
    shot(page, "07_search_year_filter")


def upload(page, paths: list[Path]) -> None:
    page.get_by_role("tab", name="Tài liệu").click()
    page.locator("#upload-files input[type=file]").set_input_files([str(p) for p in paths])
    for path in paths:  # the file list shows each name once the upload to the server is done
        expect(page.locator("#upload-files")).to_contain_text(path.stem, timeout=30_000)
    page.locator("#upload-btn").click()
    expect(page.locator("#job-summary")).to_contain_text("Kết quả", timeout=ANSWER_TIMEOUT_MS)


def test_upload_text_file_then_find_it(page, tmp_path):
    before = documents_in_banner(page)
    note = tmp_path / "bien_ban_kiem_tra_kho_lanh.txt"
    note.write_text(f"Biên bản kiểm tra kho lạnh {UNIQUE_WORD} tại KCN Phú Hội ngày 12/03/2021\n\n"
                    f"Đoàn kiểm tra xác nhận hệ thống làm lạnh {UNIQUE_WORD} vận hành ổn định, "
                    "đạt yêu cầu về phòng cháy chữa cháy.\n", encoding="utf-8")
    upload(page, [note])
    expect(page.locator("#job-table")).to_contain_text("Đã thêm")
    expect(page.locator("#docs-table")).to_contain_text(note.name)
    assert documents_in_banner(page) == before + 1
    shot(page, "08_upload_txt")

    page.get_by_role("tab", name="Tra cứu").click()
    page.locator("#search-query textarea").fill(UNIQUE_WORD.lower())
    page.locator("#search-btn").click()
    first = page.locator("#results .hit").first
    expect(first).to_have_attribute("data-source", note.name, timeout=ANSWER_TIMEOUT_MS)
    expect(first.locator("mark.kw").first).to_have_text(UNIQUE_WORD)
    shot(page, "09_search_uploaded")


def test_upload_broken_pdf_reports_vietnamese_error(page, tmp_path):
    before = documents_in_banner(page)
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4\n\x00\x01 garbage, not a PDF at all \xff\xfe")
    empty = tmp_path / "rong.pdf"
    empty.write_bytes(b"")
    upload(page, [broken, empty])
    table = page.locator("#job-table")
    expect(table).to_contain_text("hong.pdf")
    expect(table).to_contain_text("rong.pdf")
    expect(table).to_contain_text("Lỗi")
    expect(page.locator("#job-summary")).to_contain_text("không lập chỉ mục được")
    details = table.inner_text()
    assert re.search(r"Tệp|tệp|PDF", details), details  # a Vietnamese reason, not a traceback
    assert "Traceback" not in details and "Error" not in details
    assert documents_in_banner(page) == before
    expect(page.locator("#docs-table")).not_to_contain_text("hong.pdf")
    shot(page, "10_upload_broken_pdf")
