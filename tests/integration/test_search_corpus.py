"""Search over the five corpus documents with the real embedding model (slow).

A session fixture ingests ``corpus/`` into a temporary home once; the model loads from
``~/.cache/assistant`` and the embeddings come from the persistent cache after the first run.
Each query is written from one document (half typed without diacritics or with abbreviations) and
must find that document at rank 1 in hybrid mode.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.converters import convert
from assistant.preprocessors.cleaner import clean_text
from assistant.schema import PASSAGE_KEYS as JSON_KEYS

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
CLI = Path(sys.executable).with_name("assistant")
SOURCE = {p.name[:3]: p.name for p in sorted(CORPUS.glob("*.txt"))}
DATES = {"000": "2019-04-26", "001": "2017-12-26", "002": "2012-11-06", "003": "2017-09-25", "004": "2019-12-27"}

# (query, expected document). About half are typed without diacritics and/or with abbreviations.
QUERIES = [
    # 000: sơ kết hợp tác lần thứ nhất năm 2019, Đà Lạt, 26/04/2019
    ("Hội nghị sơ kết chương trình hợp tác lần thứ nhất năm 2019 tại Đà Lạt", "000"),
    ("hop tac giua BQL KKT Binh Phuoc, Dong Nai va Lam Dong thang 4 nam 2019", "000"),
    ("Chương trình hợp tác chưa đạt kỳ vọng, hỗ trợ xúc tiến đầu tư còn hạn chế", "000"),
    ("co che mot cua lien thong kinh nghiem cai cach hanh chinh giua cac ban quan ly", "000"),
    # 001: sơ kết năm 2017, cung ứng lao động, phương hướng 2018
    ("Vì sao hỗ trợ cung ứng lao động giữa 03 địa phương khó thực hiện?", "001"),
    ("cung ung lao dong giua cac KCN khac nhau ve muc luong va nha o", "001"),
    ("Hội nghị sơ kết năm 2017 của chương trình hợp tác giữa ba Ban quản lý", "001"),
    ("phuong huong hop tac nam 2018 giua BQL KKT Binh Phuoc va BQL cac KCN Dong Nai", "001"),
    ("tổng kết giai đoạn 2015-2018 vào cuối năm 2018", "001"),
    # 002: hợp tác với BQL các KCX và CN TP.HCM, 06/11/2012
    ("hop tac voi Ban Quan ly cac Khu che xuat va cong nghiep TP.HCM", "002"),
    ("Nghi dinh 29/2008/ND-CP ve khu cong nghiep, khu che xuat, khu kinh te", "002"),
    ("Ai chủ trì buổi làm việc sơ kết hợp tác ngày 06/11/2012?", "002"),
    ("áp dụng hệ thống quản lý chất lượng ISO 9001:2008", "002"),
    ("gioi thieu vung nguyen lieu cho doanh nghiep KCX - KCN TPHCM", "002"),
    ("Hội nghị xúc tiến đầu tư tại Thành phố Hồ Chí Minh", "002"),
    # 003: sơ kết 9 tháng đầu năm 2017, quý IV, KCN Lộc Sơn và Phú Hội
    ("so ket nhiem vu 9 thang dau nam 2017 va trien khai quy IV", "003"),
    ("Hạn chế trong bồi thường giải phóng mặt bằng và giải ngân xây dựng hạ tầng KCN", "003"),
    ("thu hut dau tu vao KCN Phu Hoi va Loc Son", "003"),
    ("Công ty PTHT KCN Lộc Sơn", "003"),
    ("hội nghị tại Trung tâm hành chính tỉnh Lâm Đồng tháng 9 năm 2017", "003"),
    # 004: tổng kết công tác năm 2019, KCN Tân Đức, Sơn Mỹ, UBND tỉnh
    ("hoi nghi tong ket cong tac nam 2019 trien khai nhiem vu nam 2020", "004"),
    ("hoi nghi tong ket nam 2019", "004"),
    ("lua chon nha dau tu KCN Tan Duc", "004"),
    ("Phó Chủ tịch Thường trực UBND tỉnh Lương Văn Hải phát biểu chỉ đạo", "004"),
    ("quy hoach phan khu xay dung 1/2.000 KCN Son My", "004"),
    ("tỷ lệ hồ sơ hành chính trả kết quả đúng và sớm hẹn", "004"),
    ("Cong van 4622/UBND-KT ve lua chon nha dau tu ha tang", "004"),
    ("vi pham quy dinh ve PCCC va moi truong o doanh nghiep KCN", "004"),
    ("Tổng Công ty Becamex – VSIP xúc tiến đầu tư Khu công nghiệp – Đô thị - Dịch vụ Hàm Tân", "004"),
    ("ubnd tinh giao nhiem vu cho BQL cac KCN nam 2020", "004"),
    ("KCN Tân Đức", "004"),
]


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("assistant-home")


@pytest.fixture(scope="session")
def bot(home: Path) -> Assistant:
    assistant = Assistant(home=home)
    report = assistant.ingest([str(CORPUS)])
    assert sorted(report.added) == sorted(SOURCE.values())
    assert report.failed == []
    assistant.first_report = report  # type: ignore[attr-defined]
    return assistant


@pytest.fixture(scope="session")
def cleaned() -> dict[str, str]:
    return {name: clean_text(convert(CORPUS / name).text) for name in SOURCE.values()}


def cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    return subprocess.run([str(CLI), "--home", str(home), *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=600, check=False)


def test_query_set_is_balanced() -> None:
    from assistant.text.normalize import has_diacritics

    assert len(QUERIES) >= 24
    plain_or_abbrev = [q for q, _ in QUERIES if not has_diacritics(q) or re.search(r"\b(KCN|BQL|UBND|TP\.?HCM|ND-CP)\b", q)]
    assert len(plain_or_abbrev) >= len(QUERIES) / 2
    assert {doc for _, doc in QUERIES} == set(SOURCE)


@pytest.mark.parametrize(("query", "doc"), QUERIES, ids=[f"{d}-{i:02d}" for i, (_, d) in enumerate(QUERIES)])
def test_expected_document_at_rank_1(bot: Assistant, query: str, doc: str) -> None:
    results = bot.search(query, k=5, mode="hybrid")
    ranking = [r.source[:3] for r in results]
    assert results[0].source == SOURCE[doc], f"{query!r}: hybrid ranking {ranking}"


def test_results_point_at_the_cleaned_text(bot: Assistant, cleaned: dict[str, str]) -> None:
    for mode in ("hybrid", "dense", "keyword"):
        results = bot.search("Ban Quản lý các KCN Lâm Đồng hợp tác xúc tiến đầu tư", k=8, mode=mode)
        assert len(results) == 8
        assert [r.rank for r in results] == list(range(1, 9))
        assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)
        for r in results:
            assert cleaned[r.source][r.start:r.end] == r.text
            assert r.date == DATES[r.source[:3]]
            assert mode == "hybrid" or set(r.scores) == {mode}


def test_year_filters(bot: Assistant) -> None:
    query = "hội nghị sơ kết chương trình hợp tác"
    assert {r.source[:3] for r in bot.search(query, k=40, since=2019)} == {"000", "004"}
    assert {r.source[:3] for r in bot.search(query, k=40, until=2012)} == {"002"}
    assert {r.source[:3] for r in bot.search(query, k=40, since=2017, until=2017)} == {"001", "003"}
    assert bot.search(query, k=5, since=2021) == []
    assert {r.source for r in bot.search(query, k=40, sources=[SOURCE["003"]])} == {SOURCE["003"]}


def test_search_json_output(bot: Assistant, home: Path, cleaned: dict[str, str]) -> None:
    proc = cli(home, "search", "hoi nghi tong ket nam 2019", "--k", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"query", "results"}
    assert data["query"] == "hoi nghi tong ket nam 2019"
    assert len(data["results"]) == 3
    assert data["results"][0]["source"] == SOURCE["004"]
    for i, result in enumerate(data["results"], 1):
        assert set(result) == set(JSON_KEYS) == {"rank", "score", "chunk_id", "doc_id", "source", "title", "date",
                                                 "page", "start", "end", "text"}
        assert result["rank"] == i
        assert re.fullmatch(r"00[0-4]_[0-9a-f]{16}\.txt", result["source"])
        assert result["text"] == cleaned[result["source"]][result["start"]:result["end"]]
        assert result["chunk_id"].startswith(result["doc_id"])
        assert result["page"] is None
        assert result["date"] == DATES[result["source"][:3]]
        assert isinstance(result["score"], float)
    # Same answer as the Python API.
    api = [r.to_dict() for r in bot.search("hoi nghi tong ket nam 2019", k=3)]
    assert [r["chunk_id"] for r in api] == [r["chunk_id"] for r in data["results"]]


def test_search_cli_since_until(bot: Assistant, home: Path) -> None:
    proc = cli(home, "search", "hội nghị sơ kết", "--k", "20", "--since", "2017", "--until", "2017", "--json")
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)["results"]
    assert results and {r["date"][:4] for r in results} == {"2017"}
    assert {r["source"][:3] for r in results} == {"001", "003"}
    proc = cli(home, "search", "KCN", "--mode", "keyword", "--k", "50", "--since", "2019", "--json")
    assert proc.returncode == 0, proc.stderr
    assert {r["source"][:3] for r in json.loads(proc.stdout)["results"]} == {"000", "004"}
    proc = cli(home, "search", "hội nghị", "--mode", "keyword", "--until", "2012")
    assert proc.returncode == 0, proc.stderr
    assert SOURCE["002"] in proc.stdout and SOURCE["004"] not in proc.stdout


def test_info(bot: Assistant, home: Path) -> None:
    proc = cli(home, "info", "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["documents"] == 5
    assert info["chunks"] == bot.first_report.chunks  # type: ignore[attr-defined]
    assert info["model"] == "google/embeddinggemma-300m"
    assert info["dimension"] == 768
    assert info["faiss_index"] == "Flat"
    assert {"manifest.json", "store.sqlite", "vectors.npy", "dense.faiss"} <= set(info["sizes"])
    assert info["total_bytes"] == sum(info["sizes"].values())
    assert info["home"] == str(home.resolve())
    text = cli(home, "info")
    assert text.returncode == 0
    assert "Tài liệu: 5" in text.stdout and f"Đoạn: {info['chunks']}" in text.stdout


def test_ingest_twice_second_unchanged(bot: Assistant, home: Path) -> None:
    generation = (home / "CURRENT").read_text(encoding="utf-8")
    report = bot.ingest([str(CORPUS)])
    assert sorted(report.unchanged) == sorted(SOURCE.values())
    assert not report.changed and report.failed == [] and report.embedded == 0
    assert (home / "CURRENT").read_text(encoding="utf-8") == generation
    proc = cli(home, "ingest", str(CORPUS), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["unchanged"]) == 5
    assert data["added"] == data["updated"] == data["removed"] == data["failed"] == []
    assert (home / "CURRENT").read_text(encoding="utf-8") == generation
