"""Legacy Word documents (.doc, Word 97-2003 and older) through Debian's converters.

``catdoc`` first (fast, reads the Unicode text of Word 97+ files), then ``antiword``, then LibreOffice
headless (``soffice --convert-to txt``) for what both miss. A ".doc" that is really a DOCX, an HTML
page or RTF (Word saves all three under that name) goes to the right reader.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from assistant.converters.base import ConvertOptions, RawDocument
from assistant.converters.docx import convert_docx
from assistant.converters.html import convert_html
from assistant.errors import DocumentError

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TIMEOUT_S = 180
INSTALL_HINT = "apt-get install catdoc antiword"


def _catdoc(exe: str, path: Path, tmp: Path) -> list[str]:
    return [exe, "-w", "-d", "utf-8", str(path)]


def _antiword(exe: str, path: Path, tmp: Path) -> list[str]:
    return [exe, "-w", "0", "-m", "UTF-8.txt", str(path)]


def _soffice(exe: str, path: Path, tmp: Path) -> list[str]:
    return [exe, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
            "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp / "out"), str(path)]


TOOLS = (("catdoc", _catdoc), ("antiword", _antiword), ("soffice", _soffice))


def _run(name: str, command: list[str], tmp: Path, path: Path) -> str:
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return ""
    if name == "soffice":
        out = tmp / "out" / (path.stem + ".txt")
        return out.read_text(encoding="utf-8-sig", errors="replace") if out.is_file() else ""
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


def _word_text(data: bytes, ole: bool) -> str:
    tools = [(name, shutil.which(name), make) for name, make in TOOLS]
    tools = [(name, exe, make) for name, exe, make in tools if exe and (ole or name == "soffice")]
    if not tools:
        raise DocumentError(f"Máy chưa cài công cụ đọc tệp Word .doc ({INSTALL_HINT}).", "no .doc converter installed")
    with tempfile.TemporaryDirectory(prefix="assistant-doc-") as folder:
        tmp = Path(folder)
        path = tmp / "document.doc"
        path.write_bytes(data)
        for name, exe, make in tools:
            text = _run(name, make(exe, path, tmp), tmp, path)
            if text.strip():
                return text
    return ""


def convert_doc(data: bytes, options: ConvertOptions | None = None) -> RawDocument:
    if data.startswith(b"PK\x03\x04"):
        return convert_docx(data, options)
    head = data[:512].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in head:
        return convert_html(data, options)
    ole = data.startswith(OLE)
    if not ole and not head.startswith(b"{\\rtf"):
        raise DocumentError("Tệp .doc bị hỏng hoặc không phải tài liệu Word.", "not an OLE2 or RTF .doc file")
    text = _word_text(data, ole)
    if not text.strip():
        raise DocumentError("Không đọc được nội dung tệp Word .doc (tệp hỏng hoặc có mật khẩu).",
                            "catdoc/antiword/soffice found no text")
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\f", "\n").split("\n")]
    return RawDocument("\n".join(lines).strip() + "\n")
