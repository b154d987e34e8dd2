"""Calibrate the extractive answerer's abstention threshold on questions it must and must not answer.

Usage:
    .venv/bin/python scripts/calibrate_abstention.py [--dataset eval/calibration.jsonl] [--home DIR]

Prints, for a sweep of thresholds, abstention precision / recall (positive = abstained, relevant =
gold unanswerable) and the share of answerable questions still answered, and the threshold with the
best balanced accuracy: the mean of abstention recall (unanswerable questions refused) and of the
share of answerable questions answered (ties: the lowest threshold, which keeps most answers).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from tqdm import tqdm

from assistant import Assistant
from assistant.chains.extractive import ExtractiveAnswerer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", default="eval/calibration.jsonl")
    parser.add_argument("--home", default=".assistant-calibration")
    parser.add_argument("--corpus", default="corpus")
    args = parser.parse_args()
    bot = Assistant(home=args.home)
    bot.ingest([args.corpus])
    items = [json.loads(line) for line in Path(args.dataset).read_text(encoding="utf-8").splitlines() if line.strip()]
    answerer = ExtractiveAnswerer(bot.embedder, threshold=-1.0)
    conf, unanswerable = [], []
    for item in tqdm(items, desc="calibrating"):
        passages = bot.search(item["question"], k=bot.settings.answer_k)
        ranked = answerer.score(item["question"], passages)
        conf.append(answerer.confidence(item["question"], passages, ranked))
        unanswerable.append(not item["answers"])
    conf_arr, gold = np.array(conf), np.array(unanswerable)
    print(f"{'threshold':>9} {'abst.P':>7} {'abst.R':>7} {'F1':>6} {'answered':>9} {'balanced':>9}")
    best = (-1.0, 0.0)
    for t in np.arange(0.30, 1.0, 0.02):
        abstain = conf_arr < t
        tp = int((abstain & gold).sum())
        precision = tp / abstain.sum() if abstain.sum() else 1.0
        recall = tp / gold.sum() if gold.sum() else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        answered = float((~abstain & ~gold).sum() / max(1, (~gold).sum()))
        balanced = (recall + answered) / 2
        print(f"{t:9.2f} {precision:7.2f} {recall:7.2f} {f1:6.2f} {answered:9.2f} {balanced:9.2f}")
        if balanced > best[0] + 1e-9:
            best = (balanced, float(t))
    print(f"best threshold: {best[1]:.2f} (balanced accuracy {best[0]:.2f})")
    print("answerable conf:", np.round(np.sort(conf_arr[~gold]), 3).tolist())
    print("unanswerable conf:", np.round(np.sort(conf_arr[gold]), 3).tolist())


if __name__ == "__main__":
    main()
