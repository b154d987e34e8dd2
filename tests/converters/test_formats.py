"""The formats a board keeps, made for real in the test: AES-encrypted PDFs (owner password only, and with a
user password), a scanned letter with a stamp (PDF and PNG, read by Tesseract with its Vietnamese data),
a legacy Word .doc written by LibreOffice, and .xlsx. Missing tools give a Vietnamese message."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from assistant.converters import ConvertOptions, convert
from assistant.converters import doc as doc_module
from assistant.converters import ocr as ocr_module
from assistant.errors import DocumentError
from assistant.text.normalize import fold
from converters.samples import (
    LETTER,
    encrypted_pdf,
    image_bytes,
    needs,
    scanned_pdf,
    text_then_scan_pdf,
    word_doc,
)

TEXT = "Công ty TNHH Hải Đăng được cấp giấy chứng nhận đầu tư tại KCN Lộc Sơn."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, options: ConvertOptions | None = None) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        convert(path, options)
    return info.value


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_pdf_with_only_an_owner_password_is_read(tmp_path, algorithm):
    doc = convert(write(tmp_path, "chu-so-huu.pdf", encrypted_pdf(TEXT, algorithm=algorithm)))
    assert doc.text.split() == TEXT.split()


def test_pdf_needing_a_password_to_open_says_so(tmp_path):
    err = refused(write(tmp_path, "mat-khau.pdf", encrypted_pdf(TEXT, user="bí-mật")))
    assert str(err).startswith("Tệp PDF được mã hóa bằng mật khẩu.")
    assert "user password" in err.log_message


def test_scanned_letter_with_a_stamp_is_read_by_ocr(tmp_path):
    needs("tesseract")
    heard: list[tuple[str, int, int]] = []
    options = ConvertOptions(progress=lambda stage, done, total: heard.append((stage, done, total)), label="cv.pdf")
    doc = convert(write(tmp_path, "text-va-scan.pdf", text_then_scan_pdf()), options)
    assert len(doc.page_starts) == 2 and doc.ocr_pages == [2]
    assert doc.text[:doc.page_starts[1]].startswith("Trang một có lớp chữ")
    scan = fold(doc.text[doc.page_starts[1]:])
    for _, line in LETTER:
        assert fold(line) in scan, line
    assert doc.notes == ["Trang 2 là ảnh quét, đã nhận dạng chữ (OCR); có thể có lỗi nhận dạng."]
    assert heard[-1] == ("Nhận dạng chữ (OCR) — cv.pdf", 1, 1)


def test_photographed_page_png_is_read_by_ocr(tmp_path):
    needs("tesseract")
    doc = convert(write(tmp_path, "anh-chup.png", image_bytes("PNG")))
    assert "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng" in doc.text and doc.ocr_pages == [1]


def test_ocr_without_tesseract_or_its_vietnamese_data(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    err = refused(write(tmp_path, "scan.pdf", scanned_pdf()))
    assert str(err).startswith("Tệp là ảnh quét nhưng máy chưa cài phần mềm nhận dạng chữ Tesseract")
    assert "tesseract-ocr-vie" in str(err)
    monkeypatch.undo()
    needs("tesseract")
    err = refused(write(tmp_path, "anh.png", image_bytes()), ConvertOptions(ocr_languages="vie+khongco"))
    assert "khongco" in str(err) and "tesseract-ocr-vie" in str(err)


def test_too_many_scanned_pages(tmp_path):
    err = refused(write(tmp_path, "scan.pdf", scanned_pdf()), ConvertOptions(ocr_max_pages=0))
    assert "vượt giới hạn 0 trang" in str(err)


def test_legacy_word_doc(tmp_path, monkeypatch):
    needs("catdoc")
    body = TEXT + "\nĐiều 2. Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng theo dõi, đôn đốc.\n"
    data = word_doc(tmp_path, body)
    assert data.startswith(doc_module.OLE)
    doc = convert(write(tmp_path, "cong-van.doc", data))
    assert doc.text.split() == body.split()
    # Without catdoc the next converter (antiword, else LibreOffice) reads it the same.
    real_which = shutil.which
    monkeypatch.setattr(doc_module.shutil, "which", lambda name: None if name == "catdoc" else real_which(name))
    assert convert(write(tmp_path, "cong-van-2.doc", data)).text.split() == body.split()
    monkeypatch.setattr(doc_module.shutil, "which", lambda name: None)
    err = refused(write(tmp_path, "cong-van-3.doc", data))
    assert str(err) == "Máy chưa cài công cụ đọc tệp Word .doc (apt-get install catdoc antiword)."


def test_doc_that_is_really_docx_or_html_or_garbage(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph(TEXT)
    buffer = io.BytesIO()
    document.save(buffer)
    assert convert(write(tmp_path, "that-ra-docx.doc", buffer.getvalue())).text == TEXT
    html = f"<html><body><p>{TEXT}</p></body></html>".encode()
    assert convert(write(tmp_path, "trang-web.doc", html)).text == TEXT
    assert str(refused(write(tmp_path, "hong.doc", b"not a word file"))) == ("Tệp .doc bị hỏng hoặc không phải "
                                                                              "tài liệu Word.")


def test_xlsx(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Dự án"
    sheet.append(["Khu công nghiệp", "Doanh nghiệp", "Vốn (tỷ đồng)"])
    sheet.append(["Lộc Sơn", "Công ty TNHH Hải Đăng", 120.0])
    sheet.append([None, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    doc = convert(write(tmp_path, "du-an.xlsx", buffer.getvalue()))
    assert doc.text == "Dự án\nKhu công nghiệp | Doanh nghiệp | Vốn (tỷ đồng)\nLộc Sơn | Công ty TNHH Hải Đăng | 120"
