"""Command line: ``assistant ingest | search | ask | chat | info | documents | delete | restore | eval | serve``.

Every command module is imported explicitly here: a module that fails to import stops the program
with its traceback instead of silently dropping its command. Heavy libraries (torch, gradio, the
evaluation package) are imported inside the command functions, so ``--help`` starts fast.

Example:
    $ assistant ingest corpus/
    $ assistant search "hoi nghi tong ket 2019" --k 3 --json
    $ assistant serve --port 7861
"""

from __future__ import annotations

import argparse
import logging
import sys

from assistant.cli import ask, chat, delete, documents, info, ingest, restore, search, serve
from assistant.cli import eval as evaluate
from assistant.cli.common import configure_logging, make_assistant, print_json
from assistant.errors import AssistantError

log = logging.getLogger("assistant")

# In the order `assistant --help` lists them.
COMMANDS = (ingest, search, ask, chat, info, documents, delete, restore, evaluate, serve)


def build_parser() -> argparse.ArgumentParser:
    """The ``assistant`` parser with the global options and one subcommand per module in COMMANDS."""
    parser = argparse.ArgumentParser(prog="assistant", description="Trợ lý hỏi đáp tài liệu của Ban Quản lý các KCN.")
    parser.add_argument("--home", help="thư mục chỉ mục (mặc định .assistant/ hoặc biến ASSISTANT_HOME)")
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; library errors become a Vietnamese message on stderr and exit status 2."""
    args = build_parser().parse_args(argv)
    if not getattr(args, "configures_logging", False):
        configure_logging(args.verbose)
    try:
        return args.func(args)
    except AssistantError as exc:
        log.error("%s", exc.log_message)
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


__all__ = ["COMMANDS", "build_parser", "main", "make_assistant", "print_json"]
