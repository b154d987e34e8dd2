"""Documents by stable id: ids survive new versions and rebuilds, delete removes exactly one document into the
trash and restore undoes it, older versions are kept and restorable (the Python API, then ``assistant documents
| delete | restore``); ``serve`` on a network address without login; the feedback CSV export escapes cells
a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from cli.conftest import DOCUMENT
from index_helpers import live, run

from assistant.app.feedback import FeedbackStore
from assistant.cli import main
from assistant.cli.serve import check_exposure, is_local
from assistant.core import Assistant
from assistant.index.snapshot import IndexSnapshot
from assistant.index.store import Catalog, VersionRecord
from assistant.ingest import ingest
from assistant.ingest import restore as restore_version
from assistant.settings import Settings

CORPUS_FILES = sorted((Path(__file__).resolve().parents[2] / "corpus").glob("*.txt"))
S000, S001, S002, S003, S004 = [p.name for p in CORPUS_FILES]


# -- the Python API ---------------------------------------------------------------------------------------

def test_ids_are_stable_and_versions_numbered(home: Path, docs: Path, fake_embedder) -> None:
    run(home, [docs], fake_embedder)
    ids = {d.source: d.uid for d in IndexSnapshot.open(home).store.documents()}
    assert len(set(ids.values())) == 5 and all(len(uid) == 10 for uid in ids.values())
    (docs / S001).write_text((docs / S001).read_text(encoding="utf-8") + "\nCâu mới.\n", encoding="utf-8")
    run(home, [docs], fake_embedder)
    run(home, [docs], fake_embedder, rebuild=True)
    store = IndexSnapshot.open(home).store
    assert {d.source: d.uid for d in store.documents()} == ids
    assert store.document(ids[S001]).version == 2 and store.document(ids[S000]).version == 1
    assert [(v.n, v.state) for v in Catalog(home).rows(ids[S001])] == [(1, "gone"), (2, "current")]
    assert store.document(ids[S001][:6]).source == S001  # the start of an id is enough


def test_delete_removes_exactly_one_document_and_undo_brings_it_back(home: Path, docs: Path, tmp_path: Path,
                                                                    fake_embedder) -> None:
    other = tmp_path / "uploads"
    other.mkdir()
    (other / S004).write_text("Một tài liệu khác trùng tên, về KCN Phú Hội.\n", encoding="utf-8")
    run(home, [docs, other], fake_embedder)
    bot = Assistant(Settings(), embedder=fake_embedder, home=home)
    twins = [d.uid for d in bot.documents() if d.source == S004]
    assert len(twins) == 2 and bot.document(S004) is None  # a shared name names no single document
    report = bot.delete(S004)
    assert report.failed[0][1].startswith(f"Có 2 tài liệu ứng với «{S004}» (mã ")
    report = bot.delete(twins[0])
    assert report.removed == [S004] and report.ids == {S004: twins[0]}
    assert [d.uid for d in bot.documents() if d.source == S004] == [twins[1]]
    trash = list((home / "trash").iterdir())
    assert len(trash) == 1 and twins[0] in trash[0].name and "trash/" in report.notes[0][1]
    assert run(home, [docs, other], fake_embedder).added == []  # the trashed file does not come back
    undo = bot.restore(twins[0])
    assert undo.failed == [] and undo.added == [S004] and list((home / "trash").iterdir()) == []
    assert sorted(d.uid for d in bot.documents() if d.source == S004) == sorted(twins)
    assert bot.search("Tân Đức", mode="keyword")[0].source == S004
    assert bot.delete("khong-co").failed == [("khong-co", "Không có tài liệu nào có mã hoặc tên «khong-co» trong chỉ mục.")]


def test_a_delete_that_cannot_move_the_file_changes_nothing(home: Path, docs: Path, fake_embedder,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    run(home, [docs], fake_embedder)
    generation = live(home)
    bot = Assistant(Settings(), embedder=fake_embedder, home=home)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("assistant.index.store.shutil.move", refuse)
    report = bot.delete(bot.document(S000).uid)
    assert report.failed[0][1].startswith("Không chuyển được tệp") and "Chưa có gì thay đổi." in report.failed[0][1]
    assert live(home) == generation and (docs / S000).is_file()


def test_older_versions_are_kept_and_restorable(home: Path, tmp_path: Path, fake_embedder) -> None:
    uploads = home / "uploads"
    uploads.mkdir(parents=True)
    bot = Assistant(Settings(), embedder=fake_embedder, home=home)
    path = uploads / "bao-cao.txt"
    path.write_text("Báo cáo quý một: KCN Phú Hội có 12 doanh nghiệp.\n", encoding="utf-8")
    uid = bot.ingest([uploads]).ids["bao-cao.txt"]
    catalog = Catalog(home)
    kept = catalog.make_room(VersionRecord(uid, 0, "", str(path), str(uploads), path.name))  # what an upload does
    assert kept.n == 1 and not path.exists() and (home / kept.file).is_file()
    path.write_text("Báo cáo quý hai: KCN Phú Hội có 15 doanh nghiệp.\n", encoding="utf-8")
    assert bot.ingest([uploads]).updated == ["bao-cao.txt"] and bot.document(uid).version == 2
    report = bot.restore(uid, 1)
    assert report.updated == ["bao-cao.txt"] and "quý một" in bot.document(uid).text
    assert report.notes[0][1].startswith("Đã khôi phục phiên bản 1. Phiên bản 2 được lưu lại (versions/")
    assert sorted((v.n, v.state) for v in bot.versions(uid)) == [(1, "current"), (2, "kept")]
    assert bot.restore(uid).failed[0][1].startswith(f"Tài liệu {uid} đang có trong chỉ mục; hãy chọn phiên bản")
    assert bot.restore(uid, 1).failed[0][1] == "Phiên bản 1 đang được dùng."
    # A version that no longer passes the limits is refused, and every file goes back where it was.
    report = ingest(home, Settings(), fake_embedder, [uploads])
    report = restore_version(home, Settings(max_file_mb=0.00001), fake_embedder, uid, 2)
    assert report.failed[0][1].startswith("Tệp quá lớn")
    assert "quý một" in path.read_text(encoding="utf-8") and "quý một" in bot.document(uid).text
    assert sorted((v.n, v.state) for v in bot.versions(uid)) == [(1, "current"), (2, "kept")]


# -- the command line --------------------------------------------------------------------------------------

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
