"""Every encoding a board's text files come in: TCVN3 (ABC), VNI, VISCII as bytes and as mojibake pasted
into Unicode, UTF-16/32 without a BOM; bytes that are no language are refused with a Vietnamese message."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest
from docx import Document

from assistant.converters import convert
from assistant.converters.encoding import decode, repair_mojibake
from assistant.errors import DocumentError
from assistant.text.legacy import TCVN3, VISCII, decode_table, is_syllable, vietnamese_score, vni_to_unicode
from converters.samples import MOTTO, SENTENCES, VNI_MOTTO, VNI_SENTENCE, iconv


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("encoding", "table"), [("TCVN5712-1", TCVN3), ("VISCII", VISCII)])
def test_tables_agree_with_glibc_iconv(encoding, table):
    """Each of the 128 high bytes decodes as glibc's iconv decodes it."""
    for byte in range(0x80, 0x100):
        done = subprocess.run(["iconv", "-f", encoding, "-t", "utf-8"], input=bytes([byte]), capture_output=True)
        assert done.returncode == 0, hex(byte)
        assert table[byte] == done.stdout.decode("utf-8"), hex(byte)


@pytest.mark.parametrize(("encoding", "label"), [("TCVN5712-1", "TCVN3 (ABC)"), ("VISCII", "VISCII"),
                                                 ("CP1258", "Windows-1258")])
def test_legacy_bytes_become_unicode(tmp_path, encoding, label):
    data = iconv(SENTENCES, encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = convert(write(tmp_path, "cong-van.txt", data))
    assert doc.text == SENTENCES
    assert doc.notes == [f"Đã chuyển từ bảng mã {label} sang Unicode."]


def test_tcvn3_as_the_issue_saw_it():
    data = iconv("Công ty TNHH Hải Đăng", "TCVN5712-1")
    assert data.decode("cp1252") == "C«ng ty TNHH H¶i §¨ng"  # what the index held before
    assert decode(data) == ("Công ty TNHH Hải Đăng", "TCVN3")


def test_vni_bytes_become_unicode(tmp_path):
    doc = convert(write(tmp_path, "vni.txt", (VNI_MOTTO + VNI_SENTENCE).encode("cp1252")))
    assert doc.text == MOTTO + SENTENCES.splitlines(keepends=True)[0]
    assert doc.notes == ["Đã chuyển từ bảng mã VNI sang Unicode."]


def test_mojibake_pasted_into_unicode_is_repaired_line_by_line(tmp_path):
    tcvn3 = iconv(SENTENCES, "TCVN5712-1").decode("cp1252")
    text = "Văn bản gốc bằng Unicode: Hội nghị tổng kết.\n" + tcvn3 + VNI_MOTTO + "café au lait, naïve\n"
    doc = convert(write(tmp_path, "dan.md", text.encode("utf-8")))
    assert doc.text == "Văn bản gốc bằng Unicode: Hội nghị tổng kết.\n" + SENTENCES + MOTTO + "café au lait, naïve\n"
    assert doc.notes == ["Đã chuyển từ bảng mã TCVN3 (ABC) sang Unicode."]  # the encoding of most lines
    assert repair_mojibake("Công ty thật, ưu tiên đầu tư.") == ("Công ty thật, ưu tiên đầu tư.", None)


def test_tcvn3_in_a_word_document(tmp_path):
    document = Document()
    document.add_paragraph(iconv("Công ty TNHH Hải Đăng", "TCVN5712-1").decode("cp1252"))  # a .VnTime paragraph
    buffer = io.BytesIO()
    document.save(buffer)
    assert convert(write(tmp_path, "vntime.docx", buffer.getvalue())).text == "Công ty TNHH Hải Đăng"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_without_bom(tmp_path, codec):
    doc = convert(write(tmp_path, "u.txt", SENTENCES.encode(codec)))
    assert doc.text == SENTENCES and doc.notes == []


def test_random_bytes_are_refused(tmp_path):
    noise = bytes(b for b in os.urandom(20_000) if b)  # no NUL: looks like a one-byte encoding
    err = _refused(write(tmp_path, "rac.txt", noise))
    assert str(err) == "Nội dung tệp không phải văn bản đọc được (có thể là dữ liệu nhị phân hoặc sai bảng mã)."
    assert "not language" in err.log_message
    assert str(_refused(write(tmp_path, "rac.html", noise))).startswith("Nội dung tệp không phải văn bản")
    assert str(_refused(write(tmp_path, "nhi-phan.txt", os.urandom(5000) + b"\x00"))) == "Tệp nhị phân, không phải văn bản."
    base64 = write(tmp_path, "b64.txt", (b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk" * 200))
    assert str(_refused(base64)).startswith("Nội dung tệp không phải văn bản")


def _refused(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        convert(path)
    return info.value


def test_syllables_and_scores():
    assert all(is_syllable(w) for w in ["nghiêng", "thuở", "khuya", "quyết", "Nguyễn", "Đăng", "gì", "giữa"])
    assert not any(is_syllable(w) for w in ["C«ng", "H¶i", "strength", "hóà"])
    assert vietnamese_score("Công ty TNHH Hải Đăng") > 0.5 > vietnamese_score("C«ng ty TNHH H¶i §¨ng")
    assert decode_table(b"\xa7\xa8ng", TCVN3) == "Đăng" and vni_to_unicode("Ñaêng") == "Đăng"
