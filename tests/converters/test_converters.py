"""Converters: round trips of every supported type, and readable Vietnamese errors for bad files."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfWriter

from assistant.converters import SUPPORTED, convert
from assistant.errors import DocumentError

CONTENT = "Hội nghị tổng kết công tác năm 2019 của Ban Quản lý các KCN tỉnh."
SECOND = "Ngày 27/12/2019, UBND tỉnh chỉ đạo triển khai nhiệm vụ năm 2020."


def make_pdf(pages: list[str]) -> bytes:
    """A minimal text PDF written by hand: Helvetica with a ToUnicode map, so any characters round-trip.

    Each distinct character gets a one-byte code; the ``/ToUnicode`` CMap maps the codes back to
    Unicode, which is what text extraction reads.
    """
    chars = sorted({ch for page in pages for ch in page if ch != "\n"})
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    assert len(code) < 255, "too many distinct characters for a one-byte font"
    bfchar = "\n".join(f"<{code[ch]:02X}> <{ord(ch):04X}>" for ch in chars)
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            f"{len(chars)} beginbfchar\n{bfchar}\nendbfchar\n"
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>",
        3: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 255 "
           f"/Widths [{' '.join(['500'] * 255)}] /ToUnicode 4 0 R >>",
        4: f"<< /Length {len(cmap)} >>\nstream\n{cmap}endstream",
    }
    for i, page in enumerate(pages):
        ops = ["BT", "/F1 10 Tf", "14 TL", "50 750 Td"]
        ops += [f"<{''.join(f'{code[ch]:02X}' for ch in line)}> Tj T*" for line in page.split("\n")]
        content = "\n".join([*ops, "ET"]) + "\n"
        objects[5 + 2 * i] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                              f"/Resources << /Font << /F1 3 0 R >> >> /Contents {6 + 2 * i} 0 R >>")
        objects[6 + 2 * i] = f"<< /Length {len(content)} >>\nstream\n{content}endstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n{objects[number]}\nendobj\n".encode("ascii")
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offsets[n]:010d} 00000 n \n" for n in range(1, size)).encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def blank_pdf(pages: int = 1, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="chủ-sở-hữu")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _bad(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        convert(path)
    err = info.value
    assert err.message_vi == str(err)
    assert err.log_message and err.log_message != ""
    return err


# -- round trips ---------------------------------------------------------------------------------------

def test_supported_types() -> None:
    assert SUPPORTED == (".doc", ".docx", ".htm", ".html", ".jpeg", ".jpg", ".md", ".pdf", ".png", ".tif", ".tiff",
                         ".txt", ".xlsx")


@pytest.mark.parametrize("name", ["tin.txt", "tin.md", "TIN.TXT"])
def test_text_round_trip(tmp_path: Path, name: str) -> None:
    text = f"# {CONTENT}\n\n{SECOND}\n"
    doc = convert(write(tmp_path, name, text))
    assert doc.text == text
    assert doc.page_starts == []


def test_text_encodings(tmp_path: Path) -> None:
    text = f"{CONTENT}\n{SECOND}"
    assert convert(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))).text == text
    assert convert(write(tmp_path, "u16.txt", text.encode("utf-16"))).text == text

    def cp1258(value: str) -> bytes:  # Windows-1258: precomposed base letters plus combining tone marks
        out = b""
        for ch in value:
            try:
                out += ch.encode("cp1258")
            except UnicodeEncodeError:
                decomposed = unicodedata.normalize("NFD", ch)
                tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
                base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
                out += base.encode("cp1258") + tones.encode("cp1258")
        return out

    data = cp1258(text)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    legacy = convert(write(tmp_path, "cp1258.txt", data))
    assert unicodedata.normalize("NFC", legacy.text) == text


def test_html_round_trip(tmp_path: Path) -> None:
    html = f"""<!doctype html><html><head><meta charset="utf-8"><title>Tin tức</title>
    <style>p {{ color: red }}</style><script>var luotXem = 1573;</script></head>
    <body><nav>Trang chủ | Giới thiệu | Liên hệ</nav><header>Cổng thông tin</header>
    <article><h1>Hội nghị tổng kết</h1><p>{CONTENT}</p><p>{SECOND.replace("UBND", "<b>UBND</b>")}</p>
    <ul><li>Mục một</li><li>Mục hai</li></ul><table><tr><td>KCN Tân Đức</td></tr></table></article>
    <aside>Tin liên quan</aside><footer>Bản quyền © 2019</footer></body></html>"""
    doc = convert(write(tmp_path, "tin.html", html))
    lines = doc.text.split("\n")
    assert lines == ["Tin tức", "Hội nghị tổng kết", CONTENT, SECOND, "Mục một", "Mục hai", "KCN Tân Đức"]
    for chrome in ("Trang chủ", "luotXem", "color", "Bản quyền", "Tin liên quan", "Cổng thông tin"):
        assert chrome not in doc.text
    assert doc.page_starts == []
    assert convert(write(tmp_path, "tin.htm", html)).text == doc.text


def test_html_without_article(tmp_path: Path) -> None:
    doc = convert(write(tmp_path, "p.html", f"<html><body><div>{CONTENT}<br>{SECOND}</div></body></html>"))
    assert doc.text == f"{CONTENT}\n{SECOND}"


def test_docx_round_trip_keeps_document_order(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Hội nghị sơ kết", level=1)
    document.add_paragraph(CONTENT)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Khu công nghiệp"
    table.cell(0, 1).text = "Lộc Sơn"
    table.cell(1, 0).text = "Năm"
    table.cell(1, 1).text = "2017"
    document.add_paragraph("")  # empty paragraphs are dropped
    document.add_paragraph(SECOND)
    buffer = io.BytesIO()
    document.save(buffer)
    doc = convert(write(tmp_path, "bao-cao.docx", buffer.getvalue()))
    assert doc.text.split("\n\n") == ["Hội nghị sơ kết", CONTENT, "Khu công nghiệp | Lộc Sơn", "Năm | 2017", SECOND]
    assert doc.page_starts == []


def test_pdf_round_trip_with_pages(tmp_path: Path) -> None:
    pages = [f"{CONTENT}\nTrang một.", f"{SECOND}\nĐiều 5. Trang hai, hoà bình."]
    doc = convert(write(tmp_path, "bao-cao.pdf", make_pdf(pages)))
    assert len(doc.page_starts) == 2
    assert doc.page_starts[0] == 0
    first = doc.text[doc.page_starts[0]:doc.page_starts[1]]
    second = doc.text[doc.page_starts[1]:]
    assert first.split() == pages[0].split()
    assert second.split() == pages[1].split()


def test_pdf_pages_survive_ingest_cleaning(tmp_path: Path) -> None:
    from assistant.ingest import make_chunks, read_document
    from assistant.settings import Settings

    pages = [" ".join([CONTENT] * 6), " ".join([SECOND] * 6), " ".join(["Trang ba. Hoà bình và thuỷ lợi."] * 12)]
    path = write(tmp_path, "ba-trang.pdf", make_pdf(pages))
    record = read_document(path, tmp_path)
    assert len(record.page_starts) == 3
    assert record.text[record.page_starts[2]:].startswith("Trang ba. Hòa bình và thủy lợi.")
    chunks = make_chunks(record, Settings(chunk_size=300))
    assert {c.page for c in chunks} == {1, 2, 3}
    for chunk in chunks:
        assert record.text[chunk.start:chunk.end] == chunk.text
        assert record.page_starts[chunk.page - 1] <= chunk.start


# -- errors --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["rong.txt", "rong.pdf", "rong.docx", "rong.html"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    err = _bad(write(tmp_path, name, b""))
    assert str(err) == "Tệp rỗng."
    assert _bad(write(tmp_path, "spaces.txt", b"  \n\t\n ")).message_vi == "Tệp rỗng."


@pytest.mark.parametrize("name", ["bang-tinh.ods", "anh.bmp", "README", "ban-cu.wpd"])
def test_unknown_type(tmp_path: Path, name: str) -> None:
    err = _bad(write(tmp_path, name, b"some bytes"))
    assert str(err).startswith("Loại tệp không được hỗ trợ")
    assert ".pdf" in str(err) and ".docx" in str(err)
    if "." not in name:
        assert "không có đuôi" in str(err)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nrac rac rac", b"day khong phai PDF", None],
    ids=["garbage-after-header", "no-header", "truncated"],
)
def test_corrupt_pdf(tmp_path: Path, data: bytes | None) -> None:
    if data is None:
        full = make_pdf([CONTENT])
        data = full[: len(full) // 2]
    err = _bad(write(tmp_path, "hong.pdf", data))
    assert str(err) == "Tệp bị hỏng hoặc không đúng định dạng."
    assert "corrupt" in err.log_message


def test_corrupt_docx(tmp_path: Path) -> None:
    err = _bad(write(tmp_path, "hong.docx", b"PK\x03\x04 not really a zip"))
    assert str(err) == "Tệp bị hỏng hoặc không đúng định dạng."


def test_encrypted_pdf(tmp_path: Path) -> None:
    err = _bad(write(tmp_path, "mat-khau.pdf", blank_pdf(password="bí-mật")))
    assert str(err).startswith("Tệp PDF được mã hóa bằng mật khẩu.") and "không có mật khẩu" in str(err)
    assert "encrypted" in err.log_message


def test_pdf_without_text(tmp_path: Path) -> None:
    err = _bad(write(tmp_path, "anh-quet.pdf", blank_pdf(pages=2)))
    assert str(err) == "Tệp không có nội dung văn bản."  # blank pages: no text, no image to OCR
    # Encrypted with an empty user password opens, and is then judged on its text.
    err = _bad(write(tmp_path, "mo-san.pdf", blank_pdf(password="")))
    assert "không có nội dung văn bản" in str(err)


def test_binary_data_in_text_file(tmp_path: Path) -> None:
    err = _bad(write(tmp_path, "nhi-phan.txt", b"\x00\x01\x02\xff\xfe\x00\xc3\x28"))
    assert str(err) == "Tệp nhị phân, không phải văn bản."


def test_missing_file(tmp_path: Path) -> None:
    err = _bad(tmp_path / "khong-co.txt")
    assert str(err) == "Không đọc được tệp."


def test_html_with_only_chrome(tmp_path: Path) -> None:
    err = _bad(write(tmp_path, "menu.html", "<html><body><nav>Trang chủ</nav><script>x()</script></body></html>"))
    assert "không có nội dung văn bản" in str(err)
