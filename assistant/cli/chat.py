"""``assistant chat``: an interactive conversation in the terminal, follow-ups understood from history.

Each question is answered like ``assistant ask`` (streamed, then checked, with sources); the previous
(question, answer) pairs go with it, so "hội nghị đó do ai chủ trì?" is made standalone first. The
answer chain (and with ``--llm local`` the local model server) is built once for the whole session.
"/moi" starts a new conversation, "/thoat" or Ctrl-D ends it.

Example:
    $ assistant chat --llm local
    Bạn: Hội nghị sơ kết lần thứ nhất năm 2019 tổ chức ở đâu?
    ...
    Bạn: hội nghị đó do ai tổ chức?
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.cli.ask import LLM_HELP, load_history, print_sources, stream_answer
from assistant.cli.common import make_assistant

NEW, QUIT = {"/moi", "/mới", "/new"}, {"/thoat", "/thoát", "/quit", "/exit"}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``chat`` subcommand."""
    p = subparsers.add_parser("chat", help="hội thoại nhiều lượt trong cửa sổ lệnh (hiểu câu hỏi tiếp theo)")
    p.add_argument("--k", type=int, default=None, help="số đoạn tài liệu đưa cho bộ trả lời (mặc định 5)")
    p.add_argument("--llm", default=None, metavar="SPEC", help=LLM_HELP)
    p.add_argument("--history", type=Path, metavar="FILE", help="bắt đầu từ lịch sử hội thoại này (JSON)")
    p.set_defaults(func=cmd_chat)


def cmd_chat(args: argparse.Namespace) -> int:
    """Read questions until "/thoat" or end of input; answer each with the turns before it."""
    history = load_history(args.history)
    bot = make_assistant(args)
    chain = bot.answer_chain(args.llm, args.k)
    turns = bot.settings.history_turns
    print("Hỏi đáp tài liệu. Gõ câu hỏi; /moi: cuộc hội thoại mới; /thoat: kết thúc.")
    while True:
        try:
            question = input("\nBạn: ").strip()
        except EOFError:
            print()
            return 0
        if not question:
            continue
        if question.lower() in QUIT:
            return 0
        if question.lower() in NEW:
            history = []
            print("(Đã bắt đầu cuộc hội thoại mới.)")
            continue
        print("Trợ lý: ", end="", flush=True)
        answer = stream_answer(chain.stream(question, history[-turns:] if turns else None), chain.llm is not None)
        print_sources(answer)
        history.append((question, answer.answer))
        sys.stdout.flush()
