"""``assistant ask``: answer a question from the documents, with citations.

``--history FILE`` gives the previous turns (a JSON list of ``[question, answer]`` pairs or of
``{"question": ..., "answer": ...}`` objects), so a follow-up such as "hội nghị đó do ai chủ trì?" is
made standalone first; ``assistant chat`` keeps that history itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.cli.common import make_assistant, print_json
from assistant.errors import AssistantError
from assistant.schema import Answer

LLM_HELP = ("dùng mô hình ngôn ngữ: local (mô hình cục bộ, tự khởi động), openai:TÊN (kèm ASSISTANT_LLM_BASE_URL) "
            "hoặc ollama:TÊN")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``ask`` subcommand."""
    p = subparsers.add_parser("ask", help="hỏi đáp: trả lời từ tài liệu, kèm trích dẫn")
    p.add_argument("question", metavar="CÂU_HỎI")
    p.add_argument("--k", type=int, default=None, help="số đoạn tài liệu đưa cho bộ trả lời (mặc định 5)")
    p.add_argument("--llm", default=None, metavar="SPEC", help=LLM_HELP)
    p.add_argument("--history", type=Path, metavar="FILE",
                   help='lịch sử hội thoại (JSON: [["câu hỏi", "câu trả lời"], ...]) để hiểu câu hỏi tiếp theo')
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_ask)


def load_history(path: Path | None) -> list[tuple[str, str]]:
    """(question, answer) pairs from a JSON file; :class:`AssistantError` with the reason when malformed."""
    if path is None:
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pairs = [(t["question"], t["answer"]) if isinstance(t, dict) else (t[0], t[1]) for t in data]
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise AssistantError(
            f"Không đọc được lịch sử hội thoại {path}: cần JSON dạng [[\"câu hỏi\", \"câu trả lời\"], ...].",
            f"bad --history file {path}: {exc}") from exc
    if not all(isinstance(q, str) and isinstance(a, str) for q, a in pairs):
        raise AssistantError(f"Lịch sử hội thoại {path} phải gồm các cặp chuỗi.", f"bad --history pairs in {path}")
    return pairs


def cmd_ask(args: argparse.Namespace) -> int:
    """Stream the answer as it is written, then the verified citations (or the related passages)."""
    history = load_history(args.history)
    bot = make_assistant(args)
    if args.json:
        print_json(bot.ask(args.question, history=history or None, k=args.k, llm=args.llm).to_dict())
        return 0
    live = bool(args.llm or bot.settings.llm)  # an LLM streams tokens; the extractive answer comes whole
    answer = stream_answer(bot.ask_stream(args.question, history=history or None, k=args.k, llm=args.llm), live)
    print_sources(answer)
    return 0


def stream_answer(items, live: bool = True) -> Answer:
    """Print the deltas as they come (``live``) and, for an LLM, then the checked answer (the draft may
    lose sentences); an extractive answer is printed whole, its short answer first."""
    answer = None
    for item in items:
        if isinstance(item, Answer):
            answer = item
        elif item and live:
            print(item, end="", flush=True)
    assert answer is not None
    if not live:
        if answer.short_answer:
            print(f"Trả lời: {answer.short_answer}\n")
        print(answer.answer, end="")
    print()
    if answer.notice:
        print(f"Lưu ý: {answer.notice}", file=sys.stderr)
    if answer.mode == "llm" and not answer.notice:
        if answer.standalone_question and answer.standalone_question != answer.question:
            print(f"\nCâu hỏi đã hiểu là: {answer.standalone_question}")
        print(f"\nĐã kiểm chứng: {answer.answer}")
        if answer.short_answer:
            print(f"Trả lời ngắn: {answer.short_answer}")
        for d in answer.dropped:
            print(f"  (đã bỏ: «{d['sentence'][:120]}» — {d['reason']})")
    return answer


def print_sources(answer: Answer) -> None:
    """The citations of an answer, or for an abstention the passages that might still help."""
    if answer.answerable:
        print("\nNguồn:")
        for c in answer.citations:
            where = c.source + (f", trang {c.page}" if c.page else "") + (f", {c.date}" if c.date else "")
            print(f"  [{c.n}] {c.title[:90]} ({where}; ký tự {c.start}-{c.end})")
            print(f"      «{c.quote[:300]}»")
    elif answer.related:
        print("\nCác đoạn có thể liên quan:")
        for r in answer.related:
            print(f"  - {r.title[:90]} ({r.source}): {' '.join(r.text.split())[:200]}…")
