"""Real files the converter and ingest tests make: legacy-encoded text (glibc ``iconv``), encrypted PDFs
(pypdf with ``cryptography``), a scanned letter with a stamp (Pillow, a font with Vietnamese glyphs),
Word .doc (LibreOffice headless) and .xlsx (openpyxl).

Import as ``from converters.samples import ...`` (``tests/`` is on the path of every test).
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

from converters.test_converters import make_pdf

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
LETTER = [
    (True, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
    (True, "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"),
    (False, "Số: 125/BQL-DN"),
    (False, "Kính gửi: Công ty TNHH Hải Đăng"),
    (False, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng thông báo"),
    (False, "gia hạn tiến độ dự án tại khu công nghiệp Lộc Sơn đến ngày 30/6/2021."),
]
# Real sentences of a board's letters, as their legacy files hold them.
SENTENCES = ("Công ty TNHH Hải Đăng được cấp giấy chứng nhận đầu tư tại khu công nghiệp Lộc Sơn.\n"
             "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng đề nghị công ty hoàn thành thủ tục môi trường "
             "trước ngày 30 tháng 6 năm 2021.\n")
# VNI-Windows as the VNI fonts store it (the bytes are Windows-1252): the national motto of every letter.
VNI_MOTTO = "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\nÑoäc laäp - Töï do - Haïnh phuùc\n"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
VNI_SENTENCE = "Coâng ty TNHH Haûi Ñaêng ñöôïc caáp giaáy chöùng nhaän ñaàu tö taïi khu coâng nghieäp Loäc Sôn.\n"


def iconv(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding`` (``TCVN5712-1``, ``VISCII``) by glibc's iconv, independent of our tables."""
    if shutil.which("iconv") is None:
        pytest.skip("iconv (libc-bin) is not installed")
    return subprocess.run(["iconv", "-f", "utf-8", "-t", encoding], input=text.encode("utf-8"),
                          capture_output=True, check=True).stdout


def letter_image() -> Image.Image:
    """A scanned official letter: black text, a red round stamp, slightly rotated, with specks."""
    width, height = 1654, 1169  # A5 landscape at 200 dpi
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    y = 120
    for bold, line in LETTER:
        draw.text((140, y), line, font=ImageFont.truetype(BOLD if bold else FONT, 38 if bold else 36), fill="black")
        y += 95
    x, y, r = 1250, 880, 150
    draw.ellipse((x - r, y - r, x + r, y + r), outline=(205, 30, 30), width=9)
    draw.ellipse((x - r + 28, y - r + 28, x + r - 28, y + r - 28), outline=(205, 30, 30), width=4)
    draw.text((x - 110, y - 22), "BAN QUẢN LÝ", font=ImageFont.truetype(BOLD, 34), fill=(205, 30, 30))
    page = page.rotate(0.7, fillcolor="white", resample=Image.Resampling.BICUBIC)
    pixels, rnd = page.load(), random.Random(7)
    for _ in range(6000):
        pixels[rnd.randrange(width), rnd.randrange(height)] = (120, 120, 120)
    return page


def image_bytes(fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    letter_image().save(buffer, fmt)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """An image-only PDF page, as a scanner writes it (JPEG inside)."""
    buffer = io.BytesIO()
    letter_image().save(buffer, "PDF", resolution=200)
    return buffer.getvalue()


def text_then_scan_pdf() -> bytes:
    """Page 1 with a text layer, page 2 a scan."""
    writer = PdfWriter()
    for data in (make_pdf(["Trang một có lớp chữ: Hội nghị tổng kết năm 2020."]), scanned_pdf()):
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf(text: str, user: str = "", owner: str = "chủ-sở-hữu", algorithm: str = "AES-256") -> bytes:
    """``text`` in a PDF encrypted with pypdf (AES needs ``cryptography``); ``user=""`` opens without a password."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([text]))))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def word_doc(tmp_path: Path, text: str) -> bytes:
    """A real Word 97 .doc of ``text``, written by LibreOffice headless."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (scripts/test.sh installs libreoffice-writer-nogui)")
    source = tmp_path / "nguon.txt"
    source.write_text(text, encoding="utf-8")
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(source)],
                   capture_output=True, check=True, timeout=180)
    return (tmp_path / "doc" / "nguon.doc").read_bytes()


def needs(*programs: str) -> None:
    """Skip unless every program is installed (scripts/test.sh installs them)."""
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (scripts/test.sh installs them)")
