"""Sanity checks for the evaluation data: ``eval/questions.jsonl``, ``eval/calibration.jsonl``, ``eval/heldout.jsonl``
and every other set in ``eval/`` (the unanswerable sets, the tuning sets).

Standard library only: every line parses with exactly the expected keys and types, ids are unique,
answerable items point at a corpus file whose text contains the evidence (after Unicode NFC) and every
answer is found in the evidence or the file, and unanswerable items carry no answer, source or evidence.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO / "eval"
QUESTIONS = EVAL_DIR / "questions.jsonl"
CALIBRATION = EVAL_DIR / "calibration.jsonl"
HELDOUT = EVAL_DIR / "heldout.jsonl"  # written blind to the other sets and to the answerer's cues
SETS = sorted(EVAL_DIR.glob("*.jsonl"))  # every set, in the same schema
KEYS = {"id", "question", "answers", "source", "evidence"}


def _corpus_dir() -> Path:
    local = REPO / "corpus"
    if local.is_dir():
        return local
    return REPO.parent / "shared" / "corpus"


CORPUS = _corpus_dir()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _load(path: Path) -> list[tuple[int, str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if line.strip()]


def _items(path: Path) -> list[dict]:
    items = []
    for _, line in _load(path):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            items.append(obj)
    return items


def _params(path: Path):
    """One pytest param per line, named by the item's id (or the line number if it does not parse)."""
    params = []
    for n, line in _load(path):
        try:
            obj = json.loads(line)
            name = obj.get("id") if isinstance(obj, dict) else None
        except json.JSONDecodeError:
            name = None
        params.append(pytest.param(line, id=f"{path.stem}:{name if isinstance(name, str) else f'line{n}'}"))
    return params


_TEXT_CACHE: dict[str, str] = {}


def _file_text(name: str) -> str:
    if name not in _TEXT_CACHE:
        _TEXT_CACHE[name] = nfc((CORPUS / name).read_text(encoding="utf-8"))
    return _TEXT_CACHE[name]


def test_files_exist():
    assert QUESTIONS.exists(), QUESTIONS
    assert CALIBRATION.exists(), CALIBRATION
    assert HELDOUT.exists(), HELDOUT
    assert CORPUS.is_dir(), f"corpus directory not found: {CORPUS}"


ALL_PARAMS = [param for path in SETS for param in _params(path)]


@pytest.mark.parametrize("line", ALL_PARAMS)
def test_item(line: str):
    obj = json.loads(line)
    assert isinstance(obj, dict)
    assert set(obj) == KEYS, f"keys {sorted(obj)}"
    assert isinstance(obj["id"], str) and obj["id"].strip()
    assert isinstance(obj["question"], str) and obj["question"].strip()
    assert isinstance(obj["answers"], list)
    assert all(isinstance(a, str) and a.strip() for a in obj["answers"])
    assert obj["source"] is None or isinstance(obj["source"], str)
    assert obj["evidence"] is None or isinstance(obj["evidence"], str)

    answerable = bool(obj["answers"])
    if not answerable:
        assert obj["source"] is None, "unanswerable item must have source null"
        assert obj["evidence"] is None, "unanswerable item must have evidence null"
        return

    assert isinstance(obj["source"], str), "answerable item needs a source"
    assert isinstance(obj["evidence"], str) and obj["evidence"].strip(), "answerable item needs evidence"
    path = CORPUS / obj["source"]
    assert path.is_file(), f"source file missing: {path}"
    text = _file_text(obj["source"])
    evidence = nfc(obj["evidence"])
    assert evidence in text, "evidence is not a verbatim substring of the source file"
    assert "\n" not in evidence, "evidence must stay within one line"
    for answer in obj["answers"]:  # up to case, as the metrics read it ("PHÒNG KẾ HOẠCH TỔNG HỢP" in a byline)
        a = nfc(answer).casefold()
        assert a in evidence.casefold() or a in text.casefold(), f"answer {answer!r} not found in evidence or source file"


@pytest.mark.parametrize("path", SETS, ids=[path.stem for path in SETS])
def test_all_lines_parse(path: Path):
    for n, line in _load(path):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path.name} line {n}: {exc}")
        assert isinstance(obj, dict), f"{path.name} line {n}: not an object"


def test_ids_unique():
    ids = [it.get("id") for path in SETS for it in _items(path)]
    dups = sorted({i for i in ids if ids.count(i) > 1}, key=str)
    assert not dups, f"duplicate ids: {dups}"


def test_questions_size():
    items = _items(QUESTIONS)
    unans = [it for it in items if not it.get("answers")]
    assert len(items) >= 150, len(items)
    assert len(unans) >= 25, len(unans)


def test_calibration_size():
    items = _items(CALIBRATION)
    unans = [it for it in items if not it.get("answers")]
    assert len(unans) >= 15, len(unans)


def test_calibration_questions_differ_from_test_questions():
    test_qs = {nfc(it.get("question", "")).strip().lower() for it in _items(QUESTIONS)}
    overlap = [
        it["id"] for it in _items(CALIBRATION) if nfc(it.get("question", "")).strip().lower() in test_qs
    ]
    assert not overlap, f"calibration questions duplicated in questions.jsonl: {overlap}"
    overlap = [it["id"] for it in _items(HELDOUT) if nfc(it.get("question", "")).strip().lower() in test_qs]
    assert not overlap, f"held-out questions duplicated in questions.jsonl: {overlap}"
