"""Evaluation items: our JSONL schema, and SQuAD v1.1 JSON converted to it.

An item is a plain dict ``{"id", "question", "answers", "source", "evidence"}``; an item with no
answers is unanswerable (``source`` and ``evidence`` are then ``None``). The question type is the
id without its last ``-`` part (``who-003`` -> ``who``, ``which-doc-002`` -> ``which-doc``).

Example:
    >>> question_type("which-doc-002")
    'which-doc'
    >>> items = load_squad(["train_reg.json"], Path("eval/out/squad-corpus"))   # doctest: +SKIP
    >>> items[0]["source"]                                                        # doctest: +SKIP
    'train_reg/a000-p00.txt'
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

from assistant.preprocessors.sentences import split_sentences
from assistant.text.normalize import fold

log = logging.getLogger(__name__)

KEYS = ("id", "question", "answers", "source", "evidence")


def typed_plain(question: str) -> str:
    """The question as many staff type it on a phone: no diacritics, no capitals, no closing "?"
    ("Ai chủ trì buổi làm việc?" -> "ai chu tri buoi lam viec"). Names then lose what marks them."""
    return fold(question).rstrip(" ?").strip()


def question_type(item_id: str) -> str:
    """The id prefix before the last ``-`` (the whole id when there is none)."""
    head, sep, _ = item_id.rpartition("-")
    return head if sep else item_id


def validate_item(item: dict) -> list[str]:
    """Problems with one item (empty list when it is valid)."""
    problems = []
    if set(item) != set(KEYS):
        problems.append(f"keys {sorted(item)} != {sorted(KEYS)}")
    if not isinstance(item.get("id"), str) or not item["id"].strip():
        problems.append("id must be a non-empty string")
    if not isinstance(item.get("question"), str) or not item["question"].strip():
        problems.append("question must be a non-empty string")
    answers = item.get("answers")
    if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
        problems.append("answers must be a list of non-empty strings")
    elif answers:
        if not isinstance(item.get("source"), str) or not item["source"]:
            problems.append("an answerable item needs a source")
        if not isinstance(item.get("evidence"), str) or not item["evidence"].strip():
            problems.append("an answerable item needs evidence")
    elif item.get("source") is not None or item.get("evidence") is not None:
        problems.append("an unanswerable item has source and evidence null")
    return problems


def load_jsonl(path: str | Path) -> list[dict]:
    """Items of a JSONL file in our schema; raise ``ValueError`` on a bad line or a repeated id."""
    items: list[dict] = []
    seen: set[str] = set()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} line {n}: {exc}") from exc
        problems = validate_item(item) if isinstance(item, dict) else ["not an object"]
        if problems:
            raise ValueError(f"{path} line {n}: {'; '.join(problems)}")
        if item["id"] in seen:
            raise ValueError(f"{path} line {n}: repeated id {item['id']!r}")
        seen.add(item["id"])
        items.append(item)
    return items


def write_jsonl(items: list[dict], path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")


def _nearest(context: str, text: str, hint: int) -> int:
    """Start of the occurrence of ``text`` in ``context`` nearest ``hint`` (-1 when absent)."""
    starts = [m.start() for m in re.finditer(re.escape(text), context)]
    return min(starts, key=lambda s: abs(s - hint)) if starts else -1


def squad_evidence(context: str, answer: str, answer_start: int = 0) -> str:
    """The sentence(s) of ``context`` holding ``answer`` (matched by text, near ``answer_start``).

    Falls back to the answer text itself when the sentences would cross a line break, and to
    ``""`` when the answer is not in the context at all.
    """
    start = _nearest(context, answer, answer_start)
    if start < 0:
        return ""
    end = start + len(answer)
    spans = [(s, e) for s, e in split_sentences(context) if s < end and start < e]
    if not spans:
        return answer.strip()
    evidence = context[spans[0][0] : spans[-1][1]]
    return answer.strip() if "\n" in evidence else evidence


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_") or "squad"


def squad_corpus_dir(files: list[str | Path], base: str | Path) -> Path:
    """Where the paragraphs of ``files`` are written: one folder per set of input files."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(Path(file).name.encode() + b"\0" + Path(file).read_bytes())
    return Path(base) / f"squad-corpus-{digest.hexdigest()[:12]}"


def load_squad(files: list[str | Path], corpus_dir: str | Path) -> list[dict]:
    """Convert SQuAD v1.1 files to items, writing each paragraph as ``<file>/aNNN-pNN.txt``.

    Answers are matched by text (some offsets in the data are wrong); ids get the file stem as
    prefix and a running number, so repeated SQuAD ids stay unique. A paragraph repeated across
    files is written once.
    """
    corpus = Path(corpus_dir)
    items: list[dict] = []
    by_context: dict[str, str] = {}
    for file in files:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
        stem = _slug(Path(file).stem)
        n = 0
        for a, article in enumerate(data["data"]):
            for p, paragraph in enumerate(article["paragraphs"]):
                context = paragraph["context"]
                source = by_context.get(context)
                if source is None:
                    source = f"{stem}/a{a:03d}-p{p:02d}.txt"
                    path = corpus / source
                    path.parent.mkdir(parents=True, exist_ok=True)
                    if not path.exists() or path.read_text(encoding="utf-8") != context:
                        path.write_text(context, encoding="utf-8")
                    by_context[context] = source
                for qa in paragraph["qas"]:
                    n += 1
                    answers = []
                    for ans in qa.get("answers", []):
                        text = ans["text"].strip()
                        if text and text in context and text not in answers:
                            answers.append(text)
                    if not answers:
                        log.warning("%s: question %s has no answer found in its paragraph; skipped", file, qa.get("id"))
                        continue
                    first = next(x for x in qa["answers"] if x["text"].strip() == answers[0])
                    hint = int(first.get("answer_start", 0)) + len(first["text"]) - len(first["text"].lstrip())
                    items.append({
                        "id": f"{stem}-{n:04d}", "question": qa["question"].strip(), "answers": answers,
                        "source": source, "evidence": squad_evidence(context, answers[0], hint),
                    })
    return items

