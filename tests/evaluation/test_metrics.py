"""Metric functions on tiny hand-made values."""

from __future__ import annotations

import pytest

from assistant.evaluation import metrics as m


def test_normalize_answer():
    assert m.normalize_answer("  Hoà   Bình, TP.HCM! ") == "hòa bình tp hcm"
    assert m.normalize_answer("Đà Lạt", nodiac=True) == "da lat"
    assert m.normalize_answer("Becamex – VSIP") == m.normalize_answer("Becamex-VSIP")


def test_answer_correct_on_word_boundaries():
    assert m.answer_correct("Có 34 doanh nghiệp thứ cấp.", ["34"])
    assert not m.answer_correct("Có 340 doanh nghiệp.", ["34"])
    assert m.answer_correct("hội nghị ở thành phố Đà Lạt", ["Lâm Đồng", "đà lạt"])
    assert not m.answer_correct(None, ["Đà Lạt"])
    assert not m.answer_correct("", ["Đà Lạt"])


def test_answer_correct_nodiac_variant():
    assert not m.answer_correct("hoi nghi o Da Lat", ["Đà Lạt"])
    assert m.answer_correct("hoi nghi o Da Lat", ["Đà Lạt"], nodiac=True)


def test_token_f1():
    assert m.token_f1("Đà Lạt", ["Đà Lạt"]) == 1.0
    assert m.token_f1("thành phố Đà Lạt", ["Đà Lạt"]) == pytest.approx(2 / 3)
    assert m.token_f1("Hà Nội", ["Đà Lạt"]) == 0.0
    assert m.token_f1(None, ["Đà Lạt"]) == 0.0
    assert m.token_f1("Lâm Đồng", ["Đà Lạt", "Lâm Đồng"]) == 1.0


def test_locate_evidence_exact_whitespace_and_folded():
    text = "Tin A\nNgày 26/04/2019 tại thành phố Đà Lạt, hội nghị họp.\nKết thúc."
    start = text.index("thành phố")
    assert m.locate_evidence("thành phố Đà Lạt", text) == [(start, start + len("thành phố Đà Lạt"))]
    assert m.locate_evidence("thành  phố\u00a0Đà Lạt", text) == [(start, start + len("thành phố Đà Lạt"))]
    assert m.locate_evidence("thànhphố Đà Lạt", text) == [(start, start + len("thành phố Đà Lạt"))]
    assert m.locate_evidence("THANH PHO DA LAT", text) == [(start, start + len("thành phố Đà Lạt"))]
    assert m.locate_evidence("hoà bình", "Vì hòa bình.") == [(3, 11)]
    assert m.locate_evidence("không có", text) == []
    assert m.locate_evidence(None, text) == []


def test_locate_evidence_every_occurrence():
    assert m.locate_evidence("ab", "ab cd ab") == [(0, 2), (6, 8)]


def test_overlaps_is_half_open():
    assert m.overlaps(0, 10, [(9, 12)])
    assert not m.overlaps(0, 10, [(10, 12)])
    assert not m.overlaps(5, 8, [])


def test_ranks():
    results = [{"source": "a.txt", "start": 0, "end": 10}, {"source": "b.txt", "start": 0, "end": 50},
               {"source": "b.txt", "start": 40, "end": 90}]
    assert m.first_relevant_rank(results, "b.txt", [(60, 70)]) == 3
    assert m.first_relevant_rank(results, "a.txt", [(60, 70)]) is None
    assert m.first_relevant_rank(results, "c.txt", [(0, 5)]) is None
    assert m.first_document_rank(results, "b.txt") == 2
    assert m.first_document_rank(results, None) is None


def test_hit_and_mrr():
    ranks = [1, 3, None, 12]
    assert m.hit_at_k(ranks, 1) == 0.25
    assert m.hit_at_k(ranks, 3) == 0.5
    assert m.hit_at_k(ranks, 10) == 0.5
    assert m.mrr(ranks, 10) == pytest.approx((1 + 1 / 3) / 4)
    assert m.hit_at_k([], 5) is None and m.mrr([]) is None
    out = m.retrieval_metrics(ranks, retrieved=5)
    assert out["hit@5"] == 0.5 and out["hit@10"] is None and out["mrr@10"] == pytest.approx(1 / 3)


def test_citation_counts():
    cites = [{"source": "a.txt", "start": 5, "end": 15}, {"source": "a.txt", "start": 50, "end": 60},
             {"source": "b.txt", "start": 5, "end": 15}]
    assert m.citation_counts(cites, "a.txt", [(10, 20)]) == (1, 3)
    assert m.citation_counts([], "a.txt", [(10, 20)]) == (0, 0)


def test_abstention_metrics():
    unanswerable = [True, True, False, False]
    abstained = [True, False, True, False]
    assert m.abstention_metrics(unanswerable, abstained) == {"precision": 0.5, "recall": 0.5}
    assert m.abstention_metrics([False], [False]) == {"precision": None, "recall": None}


def test_percentile():
    assert m.percentile([10, 20, 30, 40], 50) == 25
    assert m.percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)
    assert m.percentile([7], 95) == 7
    assert m.percentile([], 50) is None


def _rec(id_, answerable, rank, doc_rank, abstained=None, correct=None, f1=None, cites=(None, None), ms=10.0, **kw):
    return {"id": id_, "type": id_.rsplit("-", 1)[0], "answerable": answerable, "rank": rank, "doc_rank": doc_rank,
            "abstained": abstained, "correct": correct, "correct_nodiac": kw.get("nodiac", correct), "f1": f1,
            "citations_correct": cites[0], "citations_total": cites[1], "latency_ms": ms, "search_ms": ms / 2,
            "evidence_found": True}


def test_summarize_with_answers():
    records = [
        _rec("who-001", True, 1, 1, abstained=False, correct=True, f1=1.0, cites=(1, 1), ms=10),
        _rec("who-002", True, 4, 2, abstained=False, correct=False, f1=0.5, cites=(0, 2), ms=20, nodiac=True),
        _rec("when-001", True, None, None, abstained=True, correct=False, f1=0.0, cites=(0, 0), ms=30),
        _rec("unans-001", False, None, None, abstained=True, cites=(0, 0), ms=40),
        _rec("unans-002", False, None, None, abstained=False, cites=(0, 1), ms=50),
    ]
    s = m.summarize(records, retrieved=10)
    assert s["n"] == 5 and s["n_answerable"] == 3
    assert s["retrieval"]["hit@1"] == pytest.approx(1 / 3)
    assert s["retrieval"]["hit@5"] == pytest.approx(2 / 3)
    assert s["retrieval"]["mrr@10"] == pytest.approx((1 + 0.25) / 3)
    assert s["retrieval_doc"]["hit@3"] == pytest.approx(2 / 3)
    assert s["answer"]["accuracy"] == pytest.approx(1 / 3)
    assert s["answer"]["accuracy_nodiac"] == pytest.approx(2 / 3)
    assert s["answer"]["f1"] == pytest.approx(0.5)
    assert s["answer"]["overall_accuracy"] == pytest.approx(2 / 5)
    assert s["answer"]["short_exact"] == 0.0 and s["answer"]["short_containment"] == 0.0
    assert m.short_exact("Ngày 26/04/2019", ["ngày 26/04/2019"]) and not m.short_exact("26/04", ["26/04/2019"])
    assert s["citation"] == {"precision": pytest.approx(1 / 3), "recall": pytest.approx(1 / 3)}
    assert s["abstention"] == {"precision": 0.5, "recall": 0.5}
    assert s["latency_ms"]["p50"] == 30 and s["search_latency_ms"]["p50"] == 15
    types = m.by_type(records)
    assert types["who"] == {"n": 2, "hit@5": 1.0, "accuracy": 0.5, "short_containment": 0.0}
    assert types["unans"] == {"n": 2, "hit@5": None, "accuracy": 0.5, "short_containment": None}


def test_summarize_retrieval_only():
    records = [_rec("who-001", True, 2, 1), _rec("unans-001", False, None, None)]
    s = m.summarize(records)
    assert s["retrieval"]["hit@1"] == 0.0 and s["retrieval"]["hit@3"] == 1.0
    assert s["answer"] == {"accuracy": None, "accuracy_nodiac": None, "f1": None, "overall_accuracy": None,
                           "short_exact": None, "short_containment": None}
    assert s["citation"] == {"precision": None, "recall": None}
    assert s["abstention"] == {"precision": None, "recall": None}
    assert m.by_type(records)["who"]["accuracy"] is None
