"""Regression floors: the hybrid retriever and the extractive answerer must not get worse.

Runs ``assistant eval`` (hybrid, extractive) on ``eval/questions.jsonl`` over ``corpus/`` and checks
the numbers against ``eval/floors.json`` (floor = measured - 0.03). The eval index lives in
``eval/out/`` (git-ignored) and is reused, so only the questions cost time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLOORS = REPO / "eval" / "floors.json"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    from assistant.evaluation.runner import EvalOptions, run_eval

    options = EvalOptions(dataset=REPO / "eval" / "questions.jsonl", corpus=REPO / "corpus", mode="hybrid",
                          answerer="extractive", k=10, out=tmp_path_factory.mktemp("eval"),
                          index_dir=REPO / "eval" / "out", progress=False)
    return run_eval(options)


@pytest.fixture(scope="module")
def floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def test_hybrid_hit_at_5(result, floors):
    measured = result.summary()["retrieval"]["hit@5"]
    floor = floors["hybrid_hit@5"]["floor"]
    assert measured >= floor, f"hybrid hit@5 {measured:.3f} fell below the floor {floor} (eval/floors.json)"


def test_answer_accuracy(result, floors):
    floor = floors["answer_accuracy"]["floor"]
    measured = result.summary()["answer"]["accuracy"]
    assert measured is not None, "answers were not measured: the regression gate must not switch itself off"
    assert measured >= floor, f"answer accuracy {measured:.3f} fell below the floor {floor} (eval/floors.json)"


def test_abstention_recall(result, floors):
    """Plausible questions the documents do not answer must keep being refused."""
    floor = floors["abstention_recall"]["floor"]
    measured = result.summary()["abstention"]["recall"]
    assert measured is not None, "abstention was not measured: the regression gate must not switch itself off"
    assert measured >= floor, f"abstention recall {measured:.3f} fell below the floor {floor} (eval/floors.json)"


def test_short_answer_containment(result, floors):
    """The short answer shown first must keep holding the gold answer."""
    floor = floors["short_containment"]["floor"]
    measured = result.summary()["answer"]["short_containment"]
    assert measured is not None, "short answers were not measured: the regression gate must not switch itself off"
    assert measured >= floor, f"short-answer containment {measured:.3f} fell below the floor {floor} (eval/floors.json)"
