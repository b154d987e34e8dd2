"""The "Hỏi đáp" tab in headless Chromium at 1366x900 and 390x844 (issue 14, chat side).

Desktop: the short answer in bold before the proof; ``[n]`` shows its quote on hover and opens the
passage in the panel beside the chat without moving the chat; year and document filters; a reload keeps the
conversation, past conversations switch, export as Markdown and DOCX; an upload's progress on the
banner (never "Sẵn sàng" meanwhile) and a question asked during it answered from the current index
with a notice. Phone: the sources follow the answer; a tap on ``[n]`` shows the quote. A second app
(a copy of the index, a large upload to index at start-up, an unreachable LLM server): a question
asked before the model is loaded waits in the chat, is answered from the existing index while the
start-up indexing runs, with the indexing and LLM notices apart from the answer. No English UI words
anywhere (:mod:`english`). Screenshots go to ``tests/screenshots/chat_*.png``.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
import urllib.request

import pytest
from browser_app import ANSWER_TIMEOUT_MS, DESKTOP, PHONE, ask, running_app, shot
from english import english_words

pytestmark = [pytest.mark.slow, pytest.mark.browser]

from playwright import sync_api  # noqa: E402 - a test dependency: missing means failing

expect = sync_api.expect

Q_2012 = "Ai chủ trì buổi làm việc ngày 06/11/2012?"
SHORT_2012 = "Lâm Văn Tiếp"
DOC_2012 = "002_c703fc18134db130.txt"
Q_2017 = "Hội nghị sơ kết năm 2017 được tổ chức ở đâu?"


def big_note(words: int = 60, paragraphs: int = 40) -> str:
    """A long Vietnamese note whose every paragraph is new (a fresh token), so its embedding takes a while."""
    token = secrets.token_hex(4)
    lines = [f"Báo cáo tổng hợp kho dữ liệu thử nghiệm {token}\n"]
    for i in range(paragraphs):
        lines.append(f"Mục {i + 1} ({token}-{i}): " + " ".join(
            ["Ban Quản lý kiểm tra tình hình hoạt động của doanh nghiệp trong khu công nghiệp"] * (words // 12))
            + ".\n")
    return "\n".join(lines)


def no_english(page, where: str) -> None:
    found = english_words(page)
    assert not found, f"English on {where}: " + "; ".join(map(str, found))


def open_page(browser, url: str, viewport: dict, **options):
    context = browser.new_context(viewport=viewport, locale="vi-VN", **options)
    page = context.new_page()
    page.goto(url)  # ready, or busy with an upload an earlier test started
    page.wait_for_selector("#status-banner [data-state=ready], #status-banner [data-state=busy]", timeout=120_000)
    return context, page


def answer_and_cite(page) -> None:
    """Short answer first, in bold; hover shows the quote; a click opens the passage beside the chat, which
    does not move."""
    ask(page, Q_2012)
    page.wait_for_selector("#chatbot a.cite", timeout=ANSWER_TIMEOUT_MS)
    bot = page.locator("#chatbot .message-content").last
    expect(bot.locator("strong").first).to_contain_text(SHORT_2012)
    html = bot.inner_html()
    assert html.index("<strong>") < html.index('class="cite"'), "the short answer comes before the proof"
    cite = bot.locator("a.cite").first
    assert "Lâm Văn Tiếp đã chủ trì" in (cite.get_attribute("title") or cite.get_attribute("data-quote") or "")
    cite.hover()
    expect(page.locator("#cite-pop")).to_be_visible()
    expect(page.locator("#cite-pop")).to_contain_text("Lâm Văn Tiếp đã chủ trì")
    shot(page, "chat_01_desktop_hover_preview", full_page=False)
    before = (page.evaluate("window.scrollY"), page.locator("#chatbot").bounding_box())
    cite.click()
    card = page.locator("#sources .src-card.active")
    expect(card).to_contain_text(DOC_2012, timeout=30_000)
    expect(card).to_be_in_viewport()  # beside the chat, in view
    expect(page.locator("#chat-doc mark#hl")).to_contain_text("Lâm Văn Tiếp")
    time.sleep(0.3)  # any scroll the click would cause has happened by now
    assert (page.evaluate("window.scrollY"), page.locator("#chatbot").bounding_box()) == before
    side, chat = page.locator("#side-col").bounding_box(), page.locator("#chatbot").bounding_box()
    assert side["x"] >= chat["x"] + chat["width"] - 1, "the sources are beside the chat on a desktop"
    shot(page, "chat_02_desktop_citation_opened", full_page=False)


def year_filter(page) -> None:
    """Only 2019: the 2012 record is not used, and the answer says what was searched."""
    page.locator("#chat-filters").get_by_text("Phạm vi hỏi đáp").click()
    page.locator("#chat-since input").fill("2019")
    page.locator("#chat-until input").fill("2019")
    count = page.locator("#chatbot .message-content").count()
    ask(page, Q_2012)
    expect(page.locator("#chatbot .message-content")).to_have_count(count + 2, timeout=30_000)
    last = page.locator("#chatbot .message-content").last
    expect(last.locator(".turn-notice")).to_contain_text("năm 2019–2019", timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#sources")).not_to_contain_text("Đang tìm", timeout=ANSWER_TIMEOUT_MS)
    assert DOC_2012 not in page.locator("#sources").inner_text()
    shot(page, "chat_03_desktop_year_filter")
    page.locator("#chat-since input").fill("")
    page.locator("#chat-until input").fill("")
    # One document: a 2017 question can only be answered from (or abstain over) the 2012 record.
    page.locator("#chat-sources input").click()
    page.get_by_role("option").filter(has_text=DOC_2012).first.click()
    page.keyboard.press("Escape")
    count = page.locator("#chatbot .message-content").count()
    ask(page, Q_2017)
    expect(page.locator("#chatbot .message-content")).to_have_count(count + 2, timeout=30_000)
    last = page.locator("#chatbot .message-content").last
    expect(last.locator(".turn-notice")).to_contain_text("1 tài liệu đã chọn", timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#sources")).not_to_contain_text("Đang tìm", timeout=ANSWER_TIMEOUT_MS)
    shown = set(re.findall(r"\d{3}_[0-9a-f]{16}\.txt", page.locator("#sources").inner_text()))
    assert shown <= {DOC_2012}, shown
    shot(page, "chat_03b_desktop_document_filter")


def conversations(page) -> None:
    """A reload keeps the conversation; a new one starts empty; the list switches back; exports."""
    asked = page.locator("#chatbot .message-content").count()
    page.reload()
    page.wait_for_selector("#status-banner [data-state=ready], #status-banner [data-state=busy]", timeout=60_000)
    expect(page.locator("#chatbot .message-content")).to_have_count(asked, timeout=30_000)
    expect(page.locator("#chatbot")).to_contain_text(Q_2012)
    expect(page.locator("#sources .src-card, #sources .panel-empty").first).to_be_visible()
    page.locator("#new-chat").click()
    expect(page.locator("#chatbot .message-content")).to_have_count(0, timeout=30_000)
    page.locator("#conv-list input").click()
    page.get_by_role("option").filter(has_text=Q_2012[:30]).first.click()
    expect(page.locator("#chatbot .message-content")).to_have_count(asked, timeout=30_000)
    shot(page, "chat_04_desktop_conversation_restored")
    for button, suffix in (("#export-md", ".md"), ("#export-docx", ".docx")):
        page.locator(button).click()
        link = page.locator("#conv-file a").first
        expect(link).to_have_attribute("href", re.compile(re.escape(suffix) + "$"), timeout=30_000)
        with urllib.request.urlopen(link.get_attribute("href"), timeout=30) as response:
            body = response.read()
        if suffix == ".md":
            text = body.decode("utf-8")
            assert re.search(r"\*\*[^*\n]*" + SHORT_2012 + r"[^*\n]*\*\*", text), text[:500]  # short answer, bold
            assert DOC_2012 in text
        else:
            assert body[:2] == b"PK"  # a Word document is a zip


def upload_while_asking(page, tmp_path) -> None:
    """An upload's progress shows on the banner (not "Sẵn sàng"); a question meanwhile is answered from the
    current index with a notice that the new file is not searchable yet."""
    note = tmp_path / "bao_cao_kho_du_lieu.txt"
    note.write_text(big_note(), encoding="utf-8")
    page.get_by_role("tab", name="Tài liệu").click()
    page.locator("#upload-files input[type=file]").set_input_files(str(note))
    expect(page.locator("#upload-files")).to_contain_text(note.stem, timeout=30_000)
    page.locator("#upload-btn").click()
    banner = page.locator("#status-banner .status")
    expect(banner).to_have_attribute("data-state", "busy", timeout=30_000)
    expect(banner).to_contain_text(re.compile(r"Đọc tài liệu|Nhúng đoạn văn|Chỉ mục từ khóa"), timeout=30_000)
    assert "Sẵn sàng" not in banner.inner_text()
    shot(page, "chat_05a_documents_tab_during_upload", full_page=False)
    page.get_by_role("tab", name="Hỏi đáp").click()
    shot(page, "chat_05_desktop_upload_progress", full_page=False)
    ask(page, Q_2017)
    last = page.locator("#chatbot .message-content").last
    expect(last.locator(".turn-notice")).to_contain_text("chưa tra cứu được", timeout=ANSWER_TIMEOUT_MS)
    expect(last.locator("a.cite").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    shot(page, "chat_06_desktop_answer_during_indexing")


def test_chat_on_a_desktop(browser, app_url, tmp_path):
    context, page = open_page(browser, app_url, DESKTOP)
    try:
        no_english(page, "the empty chat page")
        answer_and_cite(page)
        no_english(page, "the chat with an answer and its popover")
        year_filter(page)
        conversations(page)
        upload_while_asking(page, tmp_path)
        no_english(page, "the chat after an upload")
    finally:
        context.close()


def test_chat_on_a_phone(browser, app_url):
    context, page = open_page(browser, app_url, PHONE, is_mobile=True, has_touch=True)
    try:
        ask(page, Q_2017)
        page.wait_for_selector("#chatbot a.cite", timeout=ANSWER_TIMEOUT_MS)
        expect(page.locator("#sources .src-card").first).to_be_visible()
        question, sources = page.locator("#question").bounding_box(), page.locator("#sources").bounding_box()
        gap = sources["y"] - (question["y"] + question["height"])
        assert 0 <= gap < 200, f"the sources should follow the answer, not start {gap:.0f} px below it"
        shot(page, "chat_07_phone_answer_then_sources")
        page.locator("#chatbot a.cite").first.tap()
        expect(page.locator("#cite-pop")).to_be_visible()
        shot(page, "chat_08_phone_tap_preview", full_page=False)
        expect(page.locator("#sources .src-card.active")).to_be_visible(timeout=30_000)
        no_english(page, "the phone chat")
    finally:
        context.close()


def test_start_up_queues_then_answers_from_the_existing_index(browser, app_server, tmp_path):
    """A copy of the index, a large upload the start-up must index, and an LLM server that is not there."""
    home = tmp_path / "home"
    shutil.copytree(app_server.home, home, ignore=shutil.ignore_patterns(".lock", "app_*.log"))
    (home / "uploads").mkdir(exist_ok=True)
    (home / "uploads" / "bao_cao_khoi_dong.txt").write_text(big_note(paragraphs=60), encoding="utf-8")
    env = {"ASSISTANT_LLM": "openai:khong-co", "ASSISTANT_LLM_BASE_URL": "http://127.0.0.1:9/v1"}
    with running_app(home, env) as app:
        context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
        page = context.new_page()
        try:
            page.goto(app.url)
            expect(page.locator("#status-banner [data-state=starting]")).to_be_visible(timeout=60_000)
            ask(page, Q_2012)
            expect(page.locator("#chatbot")).to_contain_text("xếp hàng", timeout=30_000)  # not dropped
            shot(page, "chat_09_question_queued_at_start_up", full_page=False)
            page.wait_for_selector("#chatbot a.cite", timeout=ANSWER_TIMEOUT_MS)
            banner = page.locator("#status-banner .status")
            assert banner.get_attribute("data-state") == "starting", "answered while the start-up still indexes"
            expect(banner).to_contain_text("Hỏi đáp đã dùng được với chỉ mục hiện có")
            last = page.locator("#chatbot .message-content").last
            notices = last.locator(".turn-notice")
            expect(notices.filter(has_text="chưa tra cứu được")).to_have_count(1)
            expect(notices.filter(has_text="Không kết nối được mô hình ngôn ngữ")).to_have_count(1)
            expect(last.locator("strong").first).to_contain_text(SHORT_2012)
            assert "mô hình ngôn ngữ" not in last.locator("p").first.inner_text()  # the notice is not the answer
            shot(page, "chat_10_answer_during_start_up_with_notices")
            no_english(page, "the start-up page")
        finally:
            context.close()
