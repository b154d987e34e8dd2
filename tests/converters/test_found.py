"""Documents in legacy encodings and scans are found by search: a TCVN3 file naming "Công ty TNHH Hải Đăng"
by "Hải Đăng", a VNI motto typed without diacritics, a scanned letter by "ban quan ly lam dong"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from index_helpers import run, search

from assistant.index.snapshot import IndexSnapshot
from converters.samples import SENTENCES, VNI_MOTTO, iconv, needs, scanned_pdf


def test_tcvn3_file_is_found_by_its_unicode_name(home: Path, tmp_path: Path, fake_embedder: Any) -> None:
    folder = tmp_path / "cu"
    folder.mkdir()
    (folder / "cong-van-1998.txt").write_bytes(iconv(SENTENCES, "TCVN5712-1"))
    (folder / "vni.txt").write_bytes(VNI_MOTTO.encode("cp1252") + b"Kinh gui cac doanh nghiep.\n")
    report = run(home, [folder], fake_embedder)
    assert ("cong-van-1998.txt", "Đã chuyển từ bảng mã TCVN3 (ABC) sang Unicode.") in report.notes
    hit = search(home, "Hải Đăng", fake_embedder)[0]
    assert hit.source == "cong-van-1998.txt" and "Công ty TNHH Hải Đăng" in hit.text
    assert search(home, "doc lap tu do hanh phuc", fake_embedder)[0].source == "vni.txt"


def test_scanned_letter_is_found_without_diacritics(home: Path, tmp_path: Path, fake_embedder: Any) -> None:
    needs("tesseract")
    folder = tmp_path / "scan"
    folder.mkdir()
    (folder / "cong-van-quet.pdf").write_bytes(scanned_pdf())
    report = run(home, [folder], fake_embedder)
    assert report.added == ["cong-van-quet.pdf"] and "OCR" in report.notes[0][1]
    assert IndexSnapshot.open(home).store.document("cong-van-quet.pdf").ocr_pages == [1]
    hit = search(home, "ban quan ly lam dong", fake_embedder)[0]
    assert hit.source == "cong-van-quet.pdf" and "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng" in hit.text
    assert hit.page == 1
