"""Reciprocal-rank fusion against hand computations."""

from __future__ import annotations

import pytest

from assistant.index.fusion import fuse


def test_docstring_example_by_hand() -> None:
    fused = dict(fuse([["a", "b", "c"], ["c", "a"]], k=60))
    assert fused["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert fused["b"] == pytest.approx(1 / 62)
    assert fused["c"] == pytest.approx(1 / 63 + 1 / 61)
    assert [item for item, _ in fuse([["a", "b", "c"], ["c", "a"]], k=60)] == ["a", "c", "b"]


def test_small_k_by_hand() -> None:
    # k=1: a = 1/2 + 1/4 = 0.75, b = 1/3 + 1/2 = 0.8333, c = 1/4, d = 1/3.
    fused = fuse([["a", "b", "c"], ["b", "d", "a"]], k=1)
    assert [item for item, _ in fused] == ["b", "a", "d", "c"]
    assert [score for _, score in fused] == pytest.approx([1 / 3 + 1 / 2, 1 / 2 + 1 / 4, 1 / 3, 1 / 4])


def test_weights_by_hand() -> None:
    dense, keyword = ["x", "y"], ["y", "x"]
    assert fuse([dense, keyword], k=60)[0][1] == pytest.approx(1 / 61 + 1 / 62)
    fused = fuse([dense, keyword], k=60, weights=[2.0, 1.0])
    assert fused == [("x", pytest.approx(2 / 61 + 1 / 62)), ("y", pytest.approx(2 / 62 + 1 / 61))]
    fused = fuse([dense, keyword], k=60, weights=[1.0, 3.0])
    assert [item for item, _ in fused] == ["y", "x"]
    # A zero weight switches a ranking off (but its items still appear, with score 0).
    fused = fuse([dense, ["z"]], k=60, weights=[1.0, 0.0])
    assert fused[:2] == [("x", pytest.approx(1 / 61)), ("y", pytest.approx(1 / 62))]
    assert fused[2] == ("z", 0.0)


def test_ties_keep_order_of_first_appearance() -> None:
    # "p" and "q" both score 1/61 + 1/62; "p" appears first.
    fused = fuse([["p", "q"], ["q", "p"]], k=60)
    assert [item for item, _ in fused] == ["p", "q"]
    assert fused[0][1] == fused[1][1]
    fused = fuse([["q", "p"], ["p", "q"]], k=60)
    assert [item for item, _ in fused] == ["q", "p"]
    # Items only in the second list, tied with each other, follow their order there.
    fused = fuse([["a"], ["b"], ["c"]], k=60)
    assert [item for item, _ in fused] == ["a", "b", "c"]


def test_larger_k_flattens_the_head() -> None:
    sharp = dict(fuse([["a", "b"]], k=1))
    flat = dict(fuse([["a", "b"]], k=1000))
    assert sharp["a"] / sharp["b"] > flat["a"] / flat["b"]


def test_edge_cases() -> None:
    assert fuse([]) == []
    assert fuse([[], []]) == []
    assert fuse([[3, 1, 2]], k=60) == [(3, pytest.approx(1 / 61)), (1, pytest.approx(1 / 62)), (2, pytest.approx(1 / 63))]
    with pytest.raises(ValueError):
        fuse([["a"], ["b"]], weights=[1.0])
