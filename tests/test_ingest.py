"""Ingest without the real model (a fake embedder): incremental updates, broken files, atomic writes,
and the manifest check."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from index_helpers import live, run, search

import assistant.index.faiss_store as faiss_store_module
import assistant.index.snapshot as snapshot_module
from assistant.core import Assistant
from assistant.errors import IndexMismatchError, IndexMissingError
from assistant.index.snapshot import IndexSnapshot, current_generation
from assistant.ingest import ingest, locked
from assistant.ingest.pipeline import WAIT_STAGE
from assistant.schema import PASSAGE_KEYS as JSON_KEYS
from assistant.settings import Settings

CORPUS_FILES = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))
NAMES = [p.name for p in CORPUS_FILES]
S000, S001, S002, S003, S004 = NAMES


def generations(home: Path) -> list[str]:
    return sorted(p.name for p in home.glob("gen-*"))


def test_first_ingest(home: Path, docs: Path, fake_embedder: Any) -> None:
    report = run(home, [docs], fake_embedder)
    assert sorted(report.added) == NAMES
    assert report.updated == report.removed == report.unchanged == report.failed == []
    assert report.chunks > 20
    assert report.embedded == report.chunks == fake_embedder.documents_encoded
    assert live(home) == "gen-000001"
    snap = IndexSnapshot.open(home)
    assert snap.manifest["documents"] == 5 and snap.manifest["chunks"] == report.chunks
    documents = {d.source: d for d in snap.store.documents()}
    assert sorted(documents) == NAMES
    assert documents[S000].date == "2019-04-26" and documents[S000].unit == "Phòng Quy hoạch Xây dựng"
    assert sum(d.n_chunks for d in documents.values()) == report.chunks
    for chunk in snap.store.all_chunks():
        doc = snap.store.document(chunk.path)
        assert doc.text[chunk.start:chunk.end] == chunk.text
        assert chunk.chunk_id.startswith(chunk.doc_id)


def test_search_results_after_ingest(home: Path, docs: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    results = search(home, "KCN Tân Đức", fake_embedder)
    assert results[0].source == S004
    assert list(results[0].to_dict()) == list(JSON_KEYS)
    assert [r.rank for r in results] == list(range(1, len(results) + 1))
    assert search(home, "Hội nghị tổng kết năm 2019", fake_embedder)[0].source == S004
    assert search(home, "29/2008/ND-CP", fake_embedder)[0].source == S002
    # Hybrid and dense work with the fake embedder too.
    hybrid = search(home, "Tân Đức Sơn Mỹ Becamex", fake_embedder, mode="hybrid")
    assert hybrid[0].source == S004 and set(hybrid[0].scores) <= {"dense", "keyword"}
    assert fake_embedder.queries_encoded == 1
    assert search(home, "Tân Đức", fake_embedder, mode="dense")
    # Year filters use the documents' event dates.
    years = {r.source for r in search(home, "hội nghị sơ kết", fake_embedder, k=20, since=2018)}
    assert years == {S000, S004}
    years = {r.source for r in search(home, "hội nghị sơ kết", fake_embedder, k=20, until=2017)}
    assert years == {S001, S002, S003}
    only = search(home, "hội nghị", fake_embedder, k=20, sources=[S003])
    assert only and {r.source for r in only} == {S003}


def test_second_run_unchanged_writes_nothing(home: Path, docs: Path, fake_embedder: Any) -> None:
    first = run(home, [docs], fake_embedder)
    before = (live(home), generations(home), (home / live(home) / "manifest.json").read_bytes())
    encoded = fake_embedder.documents_encoded
    second = run(home, [docs], fake_embedder)
    assert sorted(second.unchanged) == NAMES
    assert second.added == second.updated == second.removed == second.failed == []
    assert not second.changed
    assert second.embedded == 0 and second.chunks == first.chunks
    assert fake_embedder.documents_encoded == encoded
    assert (live(home), generations(home), (home / live(home) / "manifest.json").read_bytes()) == before


def test_changed_file_is_updated(home: Path, docs: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    path = docs / S003
    path.write_text(path.read_text(encoding="utf-8") + "\nHội nghị thống nhất trồng thêm cây xanh tại KCN Lộc Sơn.\n",
                    encoding="utf-8")
    report = run(home, [docs], fake_embedder)
    assert report.updated == [S003]
    assert sorted(report.unchanged) == sorted(set(NAMES) - {S003})
    assert report.added == report.removed == report.failed == []
    assert live(home) == "gen-000002"
    snap = IndexSnapshot.open(home)
    doc = snap.store.document(S003)
    # Only the changed document's chunks were embedded again.
    assert report.embedded == doc.n_chunks
    assert "trồng thêm cây xanh" in doc.text
    assert search(home, "trồng cây xanh", fake_embedder)[0].source == S003
    assert len(snap.store.documents()) == 5


def test_deleted_file_is_removed(home: Path, docs: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    (docs / S004).unlink()
    report = run(home, [docs], fake_embedder)
    assert report.removed == [S004]
    assert len(report.unchanged) == 4
    snap = IndexSnapshot.open(home)
    assert sorted(d.source for d in snap.store.documents()) == sorted(set(NAMES) - {S004})
    assert all(r.source != S004 for r in search(home, "KCN Tân Đức Sơn Mỹ", fake_embedder, k=20))
    assert report.embedded == 0


def test_renamed_file_stays_indexed(home: Path, docs: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    (docs / S004).rename(docs / "tong-ket-2019.txt")
    report = run(home, [docs], fake_embedder)
    assert report.removed == [S004]
    assert report.added == ["tong-ket-2019.txt"]
    assert report.failed == []
    assert report.embedded == 0  # same content, same chunk ids: vectors reused
    assert search(home, "KCN Tân Đức", fake_embedder)[0].source == "tong-ket-2019.txt"


def test_duplicate_content_is_reported(home: Path, docs: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    shutil.copy(docs / S000, docs / "ban-sao.txt")
    report = run(home, [docs], fake_embedder)
    assert report.failed == [("ban-sao.txt", f"Trùng nội dung với tài liệu đã có: {S000}.")]
    assert not report.changed


def test_same_name_and_content_in_two_folders(home: Path, docs: Path, tmp_path: Path, fake_embedder: Any) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(docs / S001, copy / S001)
    report = run(home, [docs, copy], fake_embedder)  # used to fail writing: two documents, one chunk id
    assert sorted(report.added) == NAMES
    assert report.failed == [(S001, f"Trùng nội dung với tài liệu đã có: {S001}.")]
    assert len(IndexSnapshot.open(home).store.documents()) == 5


def test_updated_content_no_longer_counts_as_indexed(home: Path, docs: Path, tmp_path: Path,
                                                     fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    original = (docs / S003).read_bytes()
    (docs / S003).write_bytes(original + "\nBổ sung một câu.\n".encode())
    (docs / "ban-cu.txt").write_bytes(original)  # the old version of 003, under another name
    report = run(home, [docs], fake_embedder)
    assert report.updated == [S003]
    assert report.added == ["ban-cu.txt"]
    assert report.failed == []


def test_broken_files_reported_others_indexed(home: Path, docs: Path, fake_embedder: Any) -> None:
    (docs / "rong.txt").write_bytes(b"")
    (docs / "bang-tinh.ods").write_bytes(b"PK\x03\x04 spreadsheet")
    (docs / "hong.xlsx").write_bytes(b"PK\x03\x04 spreadsheet")
    (docs / "hong.pdf").write_bytes(b"%PDF-1.4\nrac rac rac")
    (docs / ".an.txt").write_text("tệp ẩn không được đọc", encoding="utf-8")
    report = run(home, [docs], fake_embedder)
    assert sorted(report.added) == NAMES
    failed = dict(report.failed)
    assert sorted(failed) == ["bang-tinh.ods", "hong.pdf", "hong.xlsx", "rong.txt"]
    assert failed["rong.txt"] == "Tệp rỗng."
    assert failed["bang-tinh.ods"].startswith("Loại tệp không được hỗ trợ (.ods)")
    assert failed["hong.xlsx"] == "Tệp bị hỏng hoặc không đúng định dạng."
    assert failed["hong.pdf"] == "Tệp bị hỏng hoặc không đúng định dạng."
    assert report.to_dict()["failed"][0].keys() == {"source", "reason"}
    assert len(IndexSnapshot.open(home).store.documents()) == 5


def test_missing_path_reported(home: Path, docs: Path, fake_embedder: Any) -> None:
    report = run(home, [docs, docs.parent / "khong-co"], fake_embedder)
    assert len(report.added) == 5
    assert report.failed == [(str(docs.parent / "khong-co"), "Không tìm thấy tệp hoặc thư mục.")]


def test_later_bad_files_lose_nothing(home: Path, docs: Path, fake_embedder: Any) -> None:
    first = run(home, [docs], fake_embedder)
    generation = live(home)
    old_text = IndexSnapshot.open(home).store.document(S000).text
    # New broken files only: nothing changes, nothing is written.
    (docs / "rong.md").write_bytes(b"  \n")
    (docs / "hong.pdf").write_bytes(b"not a pdf")
    report = run(home, [docs], fake_embedder)
    assert sorted(report.unchanged) == NAMES
    assert sorted(s for s, _ in report.failed) == ["hong.pdf", "rong.md"]
    assert live(home) == generation
    # An indexed file turns bad while another changes: the bad one keeps its indexed version.
    (docs / S000).write_bytes(b"")
    (docs / S001).write_text((docs / S001).read_text(encoding="utf-8") + "\nCâu mới về KCN Đồng Nai.\n",
                             encoding="utf-8")
    report = run(home, [docs], fake_embedder)
    assert report.updated == [S001]
    assert (S000, "Tệp rỗng.") in report.failed
    assert S000 not in report.removed
    snap = IndexSnapshot.open(home)
    assert live(home) != generation
    assert len(snap.store.documents()) == 5
    assert snap.store.document(S000).text == old_text
    assert snap.manifest["chunks"] == report.chunks >= first.chunks
    assert search(home, "Phòng Quy hoạch Xây dựng Đà Lạt", fake_embedder)[0].source == S000


def test_single_files_and_folders_together(home: Path, docs: Path, tmp_path: Path, fake_embedder: Any) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    note = extra / "ghi-chu.md"
    note.write_text("# Ghi chú\n\nKCN Phú Hội cần thêm nhà máy xử lý nước thải.\n", encoding="utf-8")
    report = run(home, [docs, note], fake_embedder)
    assert "ghi-chu.md" in report.added and len(report.added) == 6
    # A file given alone is not removed when a later ingest does not mention it.
    report = run(home, [docs], fake_embedder)
    assert report.removed == [] and len(report.unchanged) == 5
    assert len(IndexSnapshot.open(home).store.documents()) == 6


def test_failed_write_keeps_previous_generation(home: Path, docs: Path, fake_embedder: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    run(home, [docs], fake_embedder)
    generation = live(home)
    (docs / S004).unlink()

    def broken_save(index, path):  # the store and vectors are already written when this runs
        assert (path.parent / "store.sqlite").is_file() and (path.parent / "vectors.npy").is_file()
        raise OSError("disk full")

    monkeypatch.setattr(faiss_store_module, "save_dense", broken_save)
    with pytest.raises(OSError, match="disk full"):
        run(home, [docs], fake_embedder)
    assert live(home) == generation
    assert generations(home) == [generation]
    assert list(home.glob(".tmp-gen-*")) == []
    assert not (home / "CURRENT.tmp").exists()
    assert search(home, "KCN Tân Đức", fake_embedder)[0].source == S004  # old generation still searchable

    monkeypatch.undo()
    report = run(home, [docs], fake_embedder)
    assert report.removed == [S004]
    assert live(home) != generation


def test_crash_before_pointer_swap_and_stray_temp_dirs(home: Path, docs: Path, fake_embedder: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    run(home, [docs], fake_embedder)
    generation = live(home)
    # A crashed writer's leftovers: a half-written temp folder, and a complete generation never made live.
    stray = home / ".tmp-gen-crashed"
    stray.mkdir()
    (stray / "manifest.json").write_text("{not json", encoding="utf-8")
    (docs / S002).unlink()
    real_replace = snapshot_module.os.replace

    def no_pointer_swap(src, dst):
        if Path(dst).name == "CURRENT":
            raise KeyboardInterrupt  # killed between the folder rename and the pointer swap
        return real_replace(src, dst)

    monkeypatch.setattr(snapshot_module.os, "replace", no_pointer_swap)
    with pytest.raises(KeyboardInterrupt):
        run(home, [docs], fake_embedder)
    monkeypatch.undo()
    assert live(home) == generation
    assert current_generation(home) == home / generation
    assert len(generations(home)) == 2  # the orphan exists but is not live
    snap = IndexSnapshot.open(home)
    assert snap.folder == home / generation
    assert S002 in {d.source for d in snap.store.documents()}
    # The next ingest builds a fresh generation, makes it live and sweeps the leftovers.
    report = run(home, [docs], fake_embedder)
    assert report.removed == [S002]
    assert live(home) == "gen-000003"
    assert not stray.exists() and list(home.glob(".tmp-gen-*")) == []
    assert generations(home) == ["gen-000002", "gen-000003"]
    assert S002 not in {d.source for d in IndexSnapshot.open(home).store.documents()}


def test_old_generations_pruned(home: Path, docs: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    for i in range(3):
        (docs / f"tin-{i}.txt").write_text(f"Tin số {i}\nKCN Lộc Sơn có thêm nhà đầu tư thứ {i}.\n", encoding="utf-8")
        run(home, [docs], fake_embedder)
    assert generations(home) == ["gen-000003", "gen-000004"]
    assert live(home) == "gen-000004"


def test_manifest_mismatch(home: Path, docs: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder, Settings(chunk_size=800))
    bot = Assistant(Settings(chunk_size=500), home=home)
    with pytest.raises(IndexMismatchError) as info:
        bot.search("KCN Tân Đức", mode="keyword")
    assert "assistant ingest --rebuild" in str(info.value)
    assert "chunker" in str(info.value)
    # The same settings open fine (keyword search never loads the model).
    assert Assistant(Settings(chunk_size=800), home=home).search("KCN Tân Đức", mode="keyword")[0].source == S004
    # An ingest with other settings refuses too, unless asked to rebuild.
    with pytest.raises(IndexMismatchError, match="assistant ingest --rebuild"):
        run(home, [docs], fake_embedder, Settings(chunk_size=500))
    report = run(home, [docs], fake_embedder, Settings(chunk_size=500), rebuild=True)
    assert sorted(report.added) == NAMES
    assert bot.search("KCN Tân Đức", mode="keyword")[0].source == S004


def test_model_mismatch(home: Path, docs: Path, fake_embedder: Any, make_fake_embedder: type) -> None:
    run(home, [docs], fake_embedder)
    other = make_fake_embedder(dimension=32)
    with pytest.raises(IndexMismatchError, match="dimension"):
        run(home, [docs], other)


def test_no_index_yet(home: Path) -> None:
    with pytest.raises(IndexMissingError, match="assistant ingest"):
        Assistant(home=home).search("KCN", mode="keyword")
    assert Assistant(home=home).info()["documents"] == 0


# -- a waiting ingest ---------------------------------------------------------------------------------------

def test_a_waiting_ingest_says_so(home: Path, docs: Path, fake_embedder: Any, caplog) -> None:
    run(home, [docs / S000], fake_embedder)
    heard: list[tuple[str, int, int]] = []
    with locked(home):  # another ingest (here: this test) holds the index
        worker = threading.Thread(target=lambda: ingest(home, Settings(), fake_embedder, [docs],
                                                        progress=lambda *e: heard.append(e)))
        worker.start()
        time.sleep(0.5)
        assert heard == [(WAIT_STAGE, 0, 1)]
    worker.join(30)
    assert heard[1] == (WAIT_STAGE, 1, 1) and ("read", 5, 5) in heard
    assert "waiting for it to finish" in caplog.text


def test_generations_written_before_ids_still_open(home: Path, docs: Path, fake_embedder: Any) -> None:
    run(home, [docs], fake_embedder)
    ids = {d.source: d.uid for d in IndexSnapshot.open(home).store.documents()}
    db = sqlite3.connect(str(current_generation(home) / "store.sqlite"))  # make it an older generation's store
    with db:
        db.execute("DROP INDEX documents_uid")
        for column in ("uid", "version", "ocr_pages", "notes"):
            db.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    db.close()
    store = IndexSnapshot.open(home).store
    assert {d.source: d.uid for d in store.documents()} == ids and store.document(ids[S002]).source == S002
    bot = Assistant(Settings(), embedder=fake_embedder, home=home)
    assert bot.delete(ids[S002]).removed == [S002] and bot.restore(ids[S002]).added == [S002]
    assert {d.source: d.uid for d in bot.documents()} == ids
