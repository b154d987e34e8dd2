"""Kinds of events and of figures, as data: what a sentence must not swap for what a question asks.

A question about the *tổng kết* (year-end review) is not answered by a sentence about a *sơ kết*
(interim review); an actual result ("thực tế", "đã đạt") is not answered by a target ("phấn đấu",
"chỉ tiêu"). Words are folded (lowercase, no diacritics), as :func:`assistant.text.normalize.fold` writes them.
"""

from __future__ import annotations

# Meetings and reviews a board holds: a question naming one is not answered by a sentence about another.
EVENT_KINDS = ("tong ket", "so ket", "giao ban", "hoi thao", "tap huan", "ky ket", "khanh thanh",
               "khoi cong")

# Words that make a figure a target or a plan, and words that make it what actually happened.
TARGET_WORDS = ("phan dau", "chi tieu", "muc tieu", "ke hoach", "du kien", "du dinh", "se dat", "huong toi")
ACTUAL_WORDS = ("thuc te", "da dat", "dat duoc", "thuc hien duoc", "ket qua dat", "tinh den")
