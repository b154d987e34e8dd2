"""``assistant info`` names the search store in use: FAISS, or Milvus with its URI (never its credentials)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main


def test_info_names_faiss_by_default(indexed_home: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.delenv("ASSISTANT_STORE", raising=False)
    assert main(["--home", str(indexed_home), "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["store"] == "faiss" and info["documents"] == 2
    assert main(["--home", str(indexed_home), "info"]) == 0
    assert "Kho tìm kiếm: faiss" in capsys.readouterr().out


def test_info_names_milvus_and_its_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("ASSISTANT_STORE", "milvus")
    monkeypatch.delenv("ASSISTANT_MILVUS_URI", raising=False)
    home = tmp_path / "empty"
    assert main(["--home", str(home), "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["store"] == "milvus"
    assert info["milvus_uri"] == str(home.resolve() / "milvus.db")


def test_info_shows_a_milvus_server_without_its_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys) -> None:
    monkeypatch.setenv("ASSISTANT_STORE", "milvus")
    monkeypatch.setenv("ASSISTANT_MILVUS_URI", "http://root:secret@milvus.example:19530")
    assert main(["--home", str(tmp_path / "empty"), "info"]) == 0
    out = capsys.readouterr().out
    assert "Kho tìm kiếm: milvus (http://milvus.example:19530" in out and "secret" not in out
