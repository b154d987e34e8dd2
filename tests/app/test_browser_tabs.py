"""The "Tra cứu" and "Tài liệu" tabs and the original-file viewer in headless Chromium, at 1366×900 and 390×844.

One app (``python app.py`` over a fresh home, the five board documents and a two-page PDF) serves the
module; each test drives its own Chromium in a thread of its own (another module's Playwright may hold
the main thread). Every step saves a screenshot under ``tests/screenshots/``; both tabs are checked for
English UI words with :mod:`english`.
"""

from __future__ import annotations

import re
import shutil
import threading
import time
import unicodedata
from pathlib import Path

import pytest
from browser_app import CHROMIUM, CHROMIUM_ARGS, running_app
from converters.test_converters import make_pdf
from english import english_words
from playwright import sync_api

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "tests" / "screenshots"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
WAIT_MS = 180_000
PDF_PAGES = ["Bao cao kiem tra kho lanh.\nKhu cong nghiep Phu Hoi.",
             "Trang hai.\nDoan kiem tra xac nhan he thong Zebrafrost\nvan hanh on dinh tai kho so 3."]
PDF_TITLE = "Bao cao kiem tra kho lanh."


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """(url, folder) of the app over a copy of the corpus plus a PDF, once the start-up indexing is done."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install -y chromium (scripts/test.sh)")
    root = tmp_path_factory.mktemp("tabs_app")
    shutil.copytree(REPO / "corpus", root / "corpus")
    (root / "corpus" / "kho-lanh.pdf").write_bytes(make_pdf(PDF_PAGES))
    with running_app(root / "home", {"ASSISTANT_CORPUS": str(root / "corpus")}) as served:
        # Pages open once the start-up is done (the app prints it): a page left waiting for minutes on a loaded
        # machine is the renderer the kernel kills first when memory runs short.
        deadline = time.monotonic() + 1200
        while "Sẵn sàng sau" not in served.log():
            if served.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("app.py did not become ready:\n" + served.log()[-3000:])
            time.sleep(1)
        yield served.url, root


def in_browser(url: str, steps) -> None:
    """Run ``steps(browser, expect)`` with Chromium in a thread of its own, once ``url`` serves a ready app."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            with sync_api.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                try:
                    steps(browser, sync_api.expect)
                finally:
                    browser.close()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            failure.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]


def open_page(browser, url: str, viewport: dict, tab: str):
    """A fresh page at ``viewport`` on ``tab`` of the ready app."""
    context = browser.new_context(viewport=viewport, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    deadline = time.monotonic() + 120
    while True:
        try:
            page.goto(url, timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - the server is still starting
            if time.monotonic() > deadline:
                raise
            time.sleep(1)
    page.wait_for_selector("#status-banner [data-state=ready]", timeout=120_000)
    page.get_by_role("tab", name=tab).click()
    return page


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def no_english(pages: list) -> None:
    """Checked at the end of a test, so a stray English word does not hide what else fails."""
    found = {str(f) for page in pages for f in page}
    assert not found, "\n".join(sorted(found))


def fits_width(page, width: int) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width + 1, f"the page is {overflow}px wide on a {width}px screen"


def search(page, expect, query: str) -> None:
    before = page.locator("#results").inner_html()
    page.locator("#search-query textarea").fill(query)
    page.locator("#search-btn").click()
    page.wait_for_function("(b) => document.querySelector('#results').innerHTML !== b", arg=before, timeout=WAIT_MS)
    expect(page.locator("#results .hit, #results .no-results").first).to_be_visible(timeout=WAIT_MS)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


# -- Tra cứu ---------------------------------------------------------------------------------------------------------
def test_search_tab_desktop_and_phone(app):
    url, root = app
    in_browser(url, lambda browser, expect: _search_steps(browser, expect, url))


def _search_steps(browser, expect, url: str) -> None:
    page = open_page(browser, url, DESKTOP, "Tra cứu")
    english = []
    # Typed with diacritics: only those words are marked, one card per document, labels a person reads.
    search(page, expect, "phòng cháy chữa cháy")
    marks = {_nfc(m) for m in page.locator("#results mark.kw").all_inner_texts()}
    assert marks and marks <= {"phòng", "cháy", "chữa"}, marks
    sources = page.locator("#results .hit").evaluate_all("els => els.map(e => e.dataset.source)")
    assert len(sources) == len(set(sources)) >= 2, sources
    labels = set(page.locator("#results .rel").all_inner_texts())
    assert labels and labels <= {"Rất phù hợp", "Phù hợp", "Ít liên quan"}, labels
    expect(page.locator("#results")).not_to_contain_text("điểm")
    english.append(english_words(page))
    shot(page, "20_search_grouped_diacritics")

    # Nonsense: an honest "no results".
    search(page, expect, "xyzqw")
    expect(page.locator("#results .no-results")).to_contain_text("Không có kết quả phù hợp")
    expect(page.locator("#results .hit")).to_have_count(0)
    shot(page, "21_search_no_results")

    # A hit opens its original beside the results, scrolled to the passage, with a download of the file.
    search(page, expect, "hoi nghi tong ket nam 2019")
    first = page.locator("#results .hit").first
    expect(first).to_have_attribute("data-source", "004_6d3412d8dd45478c.txt")
    expect(first.locator(".rel").first).to_have_text("Rất phù hợp")
    assert first.locator(".hit-passage").count() >= 2  # its best passages, in one card
    first.locator("button.open-doc").click()
    expect(page.locator("#search-doc mark#hl")).to_be_visible(timeout=30_000)
    expect(page.locator("#search-doc .doc-title")).to_contain_text("Hội nghị tổng kết công tác năm 2019")
    with page.expect_download(timeout=30_000) as info:
        page.locator("#search-download").click()
    assert info.value.suggested_filename.endswith(".txt")
    assert Path(info.value.path()).read_bytes() == (REPO / "corpus" / "004_6d3412d8dd45478c.txt").read_bytes()
    shot(page, "22_search_open_original")

    # A PDF hit: the page itself, the passage boxed.
    search(page, expect, "zebrafrost")
    page.locator("#results .hit").first.locator("button.open-doc").click()
    expect(page.locator("#search-doc .pdf-page img")).to_be_visible(timeout=30_000)
    assert page.locator("#search-doc .pdf-hl").count() >= 3
    expect(page.locator("#search-doc")).to_contain_text("Trang 2/2")
    page.locator("#search-doc .pdf-hl").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "23_search_pdf_page_highlight.png"))
    english.append(english_words(page))
    page.context.close()

    phone = open_page(browser, url, PHONE, "Tra cứu")
    search(phone, expect, "tan duc")
    expect(phone.locator("#results .hit").first).to_contain_text("Tân Đức")
    fits_width(phone, PHONE["width"])
    english.append(english_words(phone))
    shot(phone, "24_search_phone")
    phone.context.close()
    no_english(english)


# -- Tài liệu --------------------------------------------------------------------------------------------------------
def test_documents_tab_desktop_and_phone(app, tmp_path):
    url, root = app
    in_browser(url, lambda browser, expect: _documents_steps(browser, expect, url, root, tmp_path))


def _documents_steps(browser, expect, url: str, root: Path, tmp_path: Path) -> None:
    page = open_page(browser, url, DESKTOP, "Tài liệu")
    english = []
    docs = page.locator("#docs-table")
    expect(docs).to_contain_text("Hội nghị tổng kết công tác năm 2019", timeout=60_000)
    expect(docs.locator("td[data-label='Ngày']").first).to_have_text(re.compile(r"\d{2}/\d{2}/\d{4}|không rõ"))
    titles = docs.locator(".doc-t").all_inner_texts()
    assert len(titles) == 6 and not any(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", t) for t in titles), titles
    english.append(english_words(page))
    shot(page, "25_documents_by_title")

    # The PDF's original: its first page drawn, and a download.
    docs.locator("tr", has_text=PDF_TITLE).locator("button[data-open]").click()
    expect(page.locator("#docs-view .pdf-page img")).to_be_visible(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        page.locator("#docs-download").click()
    assert info.value.suggested_filename.endswith(".pdf")
    assert Path(info.value.path()).read_bytes() == make_pdf(PDF_PAGES)
    shot(page, "26_documents_pdf_original")

    # Delete asks first; "Không xóa" keeps it; confirming deletes; undo brings it back.
    page.locator("#delete-choice input").click()
    page.get_by_role("option", name=re.compile("Bao cao kiem tra kho lanh")).first.click()
    page.locator("#delete-btn").click()
    expect(page.locator("#delete-question")).to_contain_text("Xóa tài liệu «Bao cao kiem tra kho lanh.»")
    expect(page.locator("#delete-question")).to_contain_text("có thể khôi phục")
    shot(page, "27_documents_delete_confirm")
    page.locator("#delete-keep").click()
    expect(page.locator("#delete-confirm")).to_be_hidden()
    expect(docs).to_contain_text(PDF_TITLE)
    page.locator("#delete-btn").click()
    page.locator("#delete-confirm").click()
    expect(page.locator("#job-summary")).to_contain_text("Đã xóa tài liệu «Bao cao kiem tra kho lanh.", timeout=WAIT_MS)
    expect(docs).not_to_contain_text(PDF_TITLE)
    assert list((root / "home" / "trash").iterdir())
    page.locator("#undo-btn").click()
    expect(page.locator("#job-table")).to_contain_text("Đã khôi phục", timeout=WAIT_MS)
    expect(docs).to_contain_text(PDF_TITLE)
    shot(page, "28_documents_deleted_then_undone")
    _versions(page, expect, root, tmp_path)
    page.context.close()

    phone = open_page(browser, url, PHONE, "Tài liệu")
    date_cell = phone.locator("#docs-table td[data-label='Ngày']").first
    expect(date_cell).to_be_visible(timeout=60_000)
    assert date_cell.bounding_box()["height"] < 40  # one line, not a character a line
    expect(phone.locator("#docs-table thead")).to_be_hidden()  # cards, not squeezed columns
    fits_width(phone, PHONE["width"])
    english.append(english_words(phone))
    shot(phone, "29_documents_phone")
    phone.context.close()
    no_english(english)


def _versions(page, expect, root: Path, tmp_path: Path) -> None:
    """Two uploads of one name keep both versions; the first comes back on restore."""
    table, docs, history = page.locator("#job-table"), page.locator("#docs-table"), page.locator("#history-table")
    for quarter, word in (("một", "Đã thêm"), ("hai", "Đã cập nhật")):
        folder = tmp_path / quarter
        folder.mkdir()
        path = folder / "bao-cao.txt"
        path.write_text(f"Báo cáo quý {quarter} của KCN Phú Hội.\n", encoding="utf-8")
        page.locator("#upload-files input[type=file]").set_input_files([str(path)])
        expect(page.locator("#upload-files")).to_contain_text("bao-cao", timeout=30_000)
        page.locator("#upload-btn").click()
        expect(table).to_contain_text(word, timeout=WAIT_MS)
    expect(table).to_contain_text("phiên bản 1 trước đó được lưu lại")
    expect(history).to_contain_text("Phiên bản cũ (đã lưu)")
    expect(docs).to_contain_text("Báo cáo quý hai")
    page.locator("#restore-choice input").click()
    page.get_by_role("option", name=re.compile("bao-cao.txt — phiên bản 1")).first.click()
    page.locator("#restore-btn").click()
    expect(page.locator("#job-summary")).to_contain_text("Đã khôi phục phiên bản 1. Phiên bản 2 được lưu lại",
                                                         timeout=WAIT_MS)
    expect(docs).to_contain_text("Báo cáo quý một")
    assert (root / "home" / "uploads" / "bao-cao.txt").read_text(encoding="utf-8").startswith("Báo cáo quý một")
    shot(page, "30_documents_versions_restored")
