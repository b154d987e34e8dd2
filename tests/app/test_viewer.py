"""The original-file viewer: files only from the index home or corpus, a PDF page rendered by poppler with
the passage boxed, other formats as text with the passage marked, and a download named after the title.

Runs a real :class:`Assistant` (fake embedder) over a real PDF and a text file, and the real ``pdftoppm`` /
``pdftotext``."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from converters.test_converters import make_pdf

from assistant.app import viewer
from assistant.app.runtime import AppRuntime
from assistant.core import Assistant
from assistant.index.store import DocumentRecord
from assistant.settings import Settings

PAGES = ["Bao cao quy mot.\nKhu cong nghiep Loc Son.",
         "Trang hai cua bao cao.\nHoi nghi tong ket cong tac nam 2019\nduoc to chuc tai Da Lat ngay 26/04/2019.\nHet."]


@pytest.fixture
def live(tmp_path, fake_embedder) -> AppRuntime:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bao-cao.pdf").write_bytes(make_pdf(PAGES))
    (corpus / "tin.txt").write_text("Tin ngắn.\n\nHội nghị tổng kết KCN Tân Đức năm 2019; phong trào thi đua.\n",
                                    encoding="utf-8")
    settings = Settings(home=tmp_path / "home", corpus=corpus)
    runtime = AppRuntime(settings)
    runtime.bot = Assistant(settings, embedder=fake_embedder, home=settings.home)
    runtime.bot.ingest([corpus])
    return runtime


def make_viewer(runtime: AppRuntime, tmp_path: Path) -> viewer.OriginalViewer:
    return viewer.OriginalViewer(runtime.bot, [runtime.home, runtime.settings.corpus], tmp_path / "work")


def test_files_only_from_inside_the_roots(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("x")
    secret = tmp_path / "secret.txt"
    secret.write_text("mật")
    os.symlink(secret, root / "link.txt")
    assert viewer.inside(root / "sub" / "a.txt", [root]) == (root / "sub" / "a.txt").resolve()
    assert viewer.inside(root / "sub" / ".." / ".." / "secret.txt", [root]) is None  # traversal
    assert viewer.inside(root / "link.txt", [root]) is None  # a symlink out of the corpus
    assert viewer.inside(Path("/etc/passwd"), [root]) is None
    assert viewer.inside(root / "missing.txt", [root]) is None and viewer.inside(root / "sub", [root]) is None


def test_a_record_pointing_outside_is_refused(live, tmp_path):
    view = make_viewer(live, tmp_path)
    doc = live.bot.document("tin.txt")
    outside = DocumentRecord(**{**doc.__dict__, "path": "/etc/passwd"})
    assert view.original(outside) is None and view.download(outside) is None
    dotted = DocumentRecord(**{**doc.__dict__, "path": str(live.settings.corpus / ".." / ".." / "x.txt")})
    assert view.original(dotted) is None


def test_pdf_page_rendered_with_the_passage_boxed(live, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.fail("poppler-utils missing: scripts/setup.sh installs it")
    doc = live.bot.document("bao-cao.pdf")
    start = doc.text.index("Hoi nghi tong ket")
    end = doc.text.index("26/04/2019") + len("26/04/2019")
    shown = make_viewer(live, tmp_path).view(doc.uid, span=(start, end))
    assert shown.kind == "pdf" and shown.page == 2  # the span's page, found from the page starts
    assert 'data-kind="pdf"' in shown.html and "Trang 2/2" in shown.html and "đoạn được tô vàng" in shown.html
    assert shown.html.count('class="pdf-hl"') >= 10 and 'id="pdf-hl"' in shown.html
    tops = [float(t) for t in re.findall(r"top:([\d.]+)%", shown.html)]
    assert all(5 < t < 30 for t in tops)  # the boxes sit on the passage's lines, near the top of the page
    assert re.search(r'src="data:image/png;base64,[A-Za-z0-9+/]{1000,}', shown.html)
    assert shown.download.name == "bao-cao-quy-mot.pdf" and shown.download.read_bytes() == make_pdf(PAGES)
    # An explicit page wins; an unknown passage still opens the page, saying the passage was not placed.
    # A passage over both pages opens where it meets the query.
    assert make_viewer(live, tmp_path).view(doc.uid, span=(0, len(doc.text)), query="da lat").page == 2
    assert make_viewer(live, tmp_path).view(doc.uid, span=(0, len(doc.text)), query="loc son").page == 1
    other = make_viewer(live, tmp_path).view(doc.uid, page=1)
    assert other.page == 1 and "pdf-hl" not in other.html and "Trang 1/2" in other.html


def test_text_document_view_marks_the_passage_and_respects_accents(live, tmp_path):
    doc = live.bot.document("tin.txt")
    start = doc.text.index("Hội nghị")
    shown = make_viewer(live, tmp_path).view(doc.uid, span=(start, start + 20), query="phòng cháy hội nghị")
    assert shown.kind == "text" and '<mark class="hl" id="hl">' in shown.html
    assert '<mark class="kw">nghị</mark>' in shown.html and "phong</mark>" not in shown.html
    assert shown.download.suffix == ".txt" and shown.download.read_text(encoding="utf-8") == (
        live.settings.corpus / "tin.txt").read_text(encoding="utf-8")
    gone = make_viewer(live, tmp_path).view("khong-co")
    assert "không còn trong chỉ mục" in gone.html and gone.download is None


def test_download_names_and_pages():
    doc = DocumentRecord(path="/c/004_6d34.txt", doc_id="x", source="004_6d34.TXT", root="/c",
                         title="Hội nghị tổng kết công tác năm 2019", date=None, dates=[], unit=None, text="abc",
                         page_starts=[0, 100, 250])
    assert viewer.download_name(doc) == "hoi-nghi-tong-ket-cong-tac-nam-2019.txt"
    assert [viewer.page_of(doc, o) for o in (0, 99, 100, 400, None)] == [1, 1, 2, 3, None]
    assert viewer.download_name(DocumentRecord(**{**doc.__dict__, "title": ""})) == "004_6d34.txt"
