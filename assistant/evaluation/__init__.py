"""Evaluation suite: datasets, pure metric functions, the runner, the tutorial-RAG baseline, reports.

Example:
    >>> from assistant.evaluation.metrics import answer_correct
    >>> answer_correct("Hội nghị diễn ra tại Đà Lạt.", ["Đà Lạt"])
    True
"""
