"""``assistant documents | delete | restore`` over a fake-embedder index; ``serve`` on a network address without
login; the feedback CSV export escapes cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from cli.conftest import DOCUMENT

from assistant.app.feedback import FeedbackStore
from assistant.cli import main
from assistant.cli.serve import check_exposure, is_local
from assistant.core import Assistant
from assistant.settings import Settings


@pytest.fixture
def own_home(tmp_path: Path, corpus_dir: Path, fake_embedder) -> Path:
    """An index of copies of two corpus documents (deleting moves files: never the repository's own)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (DOCUMENT, "000_3d55e78805e88411.txt"):
        shutil.copy(corpus_dir / name, folder / name)
    home = tmp_path / "home"
    assert len(Assistant(embedder=fake_embedder, home=home).ingest([folder]).added) == 2
    return home


def _ids(home: Path, capsys) -> dict[str, str]:
    assert main(["--home", str(home), "documents", "--json"]) == 0
    return {d["source"]: d["id"] for d in json.loads(capsys.readouterr().out)["documents"]}


def test_documents_lists_ids_versions_and_sources(indexed_home: Path, capsys):
    ids = _ids(indexed_home, capsys)
    assert sorted(ids) == ["000_3d55e78805e88411.txt", DOCUMENT] and all(len(i) == 10 for i in ids.values())
    assert main(["--home", str(indexed_home), "documents"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:4] == ["MÃ", "PB", "ĐOẠN", "NGÀY"]
    assert ids[DOCUMENT] in out and f"corpus/{DOCUMENT}" in out and "2 tài liệu." in out
    assert main(["--home", str(indexed_home), "documents", ids[DOCUMENT]]) == 0
    detail = capsys.readouterr().out
    assert f"Mã: {ids[DOCUMENT]}   Phiên bản: 1" in detail and "Lịch sử phiên bản:" in detail
    assert main(["--home", str(indexed_home), "documents", "khong-co"]) == 1
    assert main(["--home", str(tmp_empty := indexed_home.parent / "rong"), "documents"]) == 0
    assert "Chưa có tài liệu nào" in capsys.readouterr().out and not (tmp_empty / "CURRENT").exists()


def test_delete_then_restore_by_id(own_home: Path, cli_fake_model, capsys):
    indexed_home = own_home
    uid = _ids(indexed_home, capsys)[DOCUMENT]
    assert main(["--home", str(indexed_home), "delete", uid]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Đã xóa «") and f"(mã {uid}, {DOCUMENT}) khỏi chỉ mục." in out
    assert "thùng rác (trash/" in out and f"Hoàn tác: assistant restore {uid}" in out
    assert DOCUMENT not in _ids(indexed_home, capsys)
    assert main(["--home", str(indexed_home), "documents"]) == 0
    assert "Đã xóa (trong thùng rác)" in (listing := capsys.readouterr().out) and f"assistant restore {uid}" in listing
    assert main(["--home", str(indexed_home), "restore", uid]) == 0
    assert f"{DOCUMENT} (mã {uid}): Đã khôi phục phiên bản 1." in capsys.readouterr().out
    assert _ids(indexed_home, capsys)[DOCUMENT] == uid
    assert main(["--home", str(indexed_home), "restore", uid, "--version", "7"]) == 1
    assert f"Không khôi phục được: Tài liệu {uid} không có phiên bản 7." in capsys.readouterr().out
    assert main(["--home", str(indexed_home), "delete", "khong-co", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["failed"][0]["source"] == "khong-co"


def test_a_file_outside_the_home_is_moved_back_where_it_was(own_home: Path, cli_fake_model, capsys):
    uid = _ids(own_home, capsys)["000_3d55e78805e88411.txt"]
    assert main(["--home", str(own_home), "documents", uid, "--json"]) == 0
    path = Path(json.loads(capsys.readouterr().out)["document"]["path"])
    content = path.read_bytes()
    assert main(["--home", str(own_home), "delete", uid]) == 0 and not path.exists()
    assert main(["--home", str(own_home), "restore", uid]) == 0 and path.read_bytes() == content
    capsys.readouterr()


@pytest.mark.parametrize(("host", "local"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                             ("127.0.1.1", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                             ("may-chu.local", False), ("", False)])
def test_is_local(host, local):
    assert is_local(host) is local


def test_network_host_without_login_warns_and_refuses(capsys, monkeypatch):
    monkeypatch.delenv("ASSISTANT_AUTH", raising=False)
    assert check_exposure(Settings(host="0.0.0.0")) is False
    err = capsys.readouterr().err
    assert err.startswith("CẢNH BÁO: ứng dụng sắp mở trên địa chỉ 0.0.0.0") and "--allow-no-auth" in err
    assert main(["serve", "--host", "0.0.0.0", "--port", "7999"]) == 2  # refused before Gradio is imported
    assert check_exposure(Settings(host="0.0.0.0", allow_no_auth=True)) is True
    assert "Vẫn mở vì có --allow-no-auth" in capsys.readouterr().err
    assert check_exposure(Settings(host="0.0.0.0", auth="a:b")) is True
    assert check_exposure(Settings(host="127.0.0.1")) is True and capsys.readouterr().err == ""


def test_feedback_csv_escapes_formula_cells(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    store.add("down", "=HYPERLINK(\"http://x\",\"bấm\")", "+1 câu trả lời", [], "@SUM(A1:A9)")
    store.add("up", "-2 là gì?", "\tthụt đầu dòng", [], "Bình thường")
    with open(store.export_csv(tmp_path / "out.csv"), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][3:5] == ["'=HYPERLINK(\"http://x\",\"bấm\")", "'+1 câu trả lời"] and rows[1][6] == "'@SUM(A1:A9)"
    assert rows[2][3:5] == ["'-2 là gì?", "'\tthụt đầu dòng"] and rows[2][6] == "Bình thường"
    assert rows[1][0] == "1" and rows[1][5] == "[]"  # numbers and JSON untouched
