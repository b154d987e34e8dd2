"""The commands end to end over a tiny index, with the fake embedder (no model, a few seconds)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cli import main

DOCUMENT = "004_6d3412d8dd45478c.txt"  # the indexed_home document about KCN Tân Đức


def test_search_keyword_json(indexed_home: Path, capsys):
    code = main(["--home", str(indexed_home), "search", "KCN Tân Đức", "--mode", "keyword", "--k", "3", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "KCN Tân Đức"
    results = data["results"]
    assert 1 <= len(results) <= 3
    assert results[0]["source"] == DOCUMENT
    assert {"rank", "score", "source", "start", "end", "text"} <= set(results[0])


def test_search_keyword_text(indexed_home: Path, capsys):
    assert main(["--home", str(indexed_home), "search", "KCN Tân Đức", "--mode", "keyword"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[1] ") and DOCUMENT in out and "ký tự" in out


def test_info_json(indexed_home: Path, capsys):
    assert main(["--home", str(indexed_home), "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["documents"] == 2 and info["chunks"] > 0 and info["total_bytes"] > 0


def test_info_without_index(tmp_path: Path, capsys):
    assert main(["--home", str(tmp_path / "empty"), "info"]) == 0
    out = capsys.readouterr().out
    assert "Tài liệu: 0" in out


def test_search_without_index_is_an_error(tmp_path: Path, capsys):
    code = main(["--home", str(tmp_path / "empty"), "search", "KCN", "--mode", "keyword"])
    assert code == 2
    assert capsys.readouterr().err.startswith("Lỗi: ")


def test_ingest_json_and_text(tmp_path: Path, corpus_dir: Path, cli_fake_model, capsys):
    home = str(tmp_path / "home")
    assert main(["--home", home, "ingest", str(corpus_dir / DOCUMENT), "--json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["added"] == [DOCUMENT]
    assert captured.err == ""  # --json: no progress bars

    assert main(["--home", home, "ingest", str(corpus_dir / DOCUMENT), str(corpus_dir / "000_3d55e78805e88411.txt")]) == 0
    captured = capsys.readouterr()
    assert "Thêm mới: 1" in captured.out and "Không đổi: 1" in captured.out
    assert "+ 000_3d55e78805e88411.txt" in captured.out


def test_ingest_passes_terminal_progress_unless_json(tmp_path: Path, corpus_dir: Path, cli_fake_model,
                                                    monkeypatch, capsys):
    from assistant.core import Assistant
    from assistant.progress import TerminalProgress

    seen = []
    real = Assistant.ingest

    def spy(self, paths, rebuild=False, progress=None):
        seen.append(progress)
        return real(self, paths, rebuild=rebuild, progress=progress)

    monkeypatch.setattr(Assistant, "ingest", spy)
    home = str(tmp_path / "home")
    main(["--home", home, "ingest", str(corpus_dir / DOCUMENT)])
    main(["--home", home, "ingest", str(corpus_dir / DOCUMENT), "--json"])
    assert isinstance(seen[0], TerminalProgress) and seen[1] is None


def test_ask_json(indexed_home: Path, cli_fake_model, capsys):
    assert main(["--home", str(indexed_home), "ask", "KCN Tân Đức ở đâu?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["question"] == "KCN Tân Đức ở đâu?"
    assert {"answer", "answerable", "citations", "mode"} <= set(data)
    assert data["mode"] == "extractive"


def test_ask_text(indexed_home: Path, cli_fake_model, capsys):
    assert main(["--home", str(indexed_home), "ask", "KCN Tân Đức ở đâu?"]) == 0
    out = capsys.readouterr().out
    # The answer (streamed), then its sources, or for an abstention the passages that might help.
    assert "\nNguồn:\n  [1] " in out or "\nCác đoạn có thể liên quan:\n" in out
