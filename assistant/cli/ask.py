"""``assistant ask``: answer a question from the documents, with citations."""

from __future__ import annotations

import argparse

from assistant.cli.common import make_assistant, print_json
from assistant.schema import Answer


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``ask`` subcommand."""
    p = subparsers.add_parser("ask", help="hỏi đáp: trả lời từ tài liệu, kèm trích dẫn")
    p.add_argument("question", metavar="CÂU_HỎI")
    p.add_argument("--k", type=int, default=None, help="số đoạn tài liệu đưa cho bộ trả lời (mặc định 5)")
    p.add_argument("--llm", default=None, metavar="SPEC",
                   help="dùng mô hình ngôn ngữ: openai:TÊN (kèm ASSISTANT_LLM_BASE_URL) hoặc ollama:TÊN")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_ask)


def cmd_ask(args: argparse.Namespace) -> int:
    """Stream the answer as it is written, then the verified citations (or the related passages)."""
    bot = make_assistant(args)
    if args.json:
        print_json(bot.ask(args.question, k=args.k, llm=args.llm).to_dict())
        return 0
    answer = None
    streamed = False
    for item in bot.ask_stream(args.question, k=args.k, llm=args.llm):
        if isinstance(item, Answer):
            answer = item
        elif item:
            print(item, end="", flush=True)
            streamed = True
    assert answer is not None
    # An LLM's streamed draft may lose unsupported citations on verification: show the checked text.
    if streamed and answer.answer != answer.answer.strip() or answer.mode == "llm":
        print()
        print(f"\nĐã kiểm chứng trích dẫn: {answer.answer}")
    else:
        print()
    print_sources(answer)
    return 0


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
