"""``assistant restore ID [--version N]``: bring back a deleted document, or an older version of one.

Example:
    $ assistant restore 3fa9c2d1e0                # undo a delete
    $ assistant restore 3fa9c2d1e0 --version 1    # make version 1 the live one again (version 2 is kept)
"""

from __future__ import annotations

import argparse

from assistant.cli.common import make_assistant, print_json
from assistant.progress import TerminalProgress


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``restore`` subcommand."""
    p = subparsers.add_parser("restore", help="khôi phục tài liệu đã xóa hoặc một phiên bản cũ")
    p.add_argument("id", metavar="MÃ", help="mã tài liệu (xem: assistant documents)")
    p.add_argument("--version", type=int, metavar="N", help="số phiên bản cần khôi phục")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_restore)


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore; 1 when nothing was restored, with the reason."""
    bot = make_assistant(args)
    report = bot.restore(args.id, args.version, progress=None if args.json else TerminalProgress())
    if args.json:
        print_json(report.to_dict())
    elif report.failed:
        print(f"Không khôi phục được: {report.failed[0][1]}")
    else:
        for source, note in report.notes:
            print(f"{source} (mã {report.ids.get(source, args.id)}): {note}")
        print(f"{report.chunks} đoạn trong chỉ mục.")
    return 1 if report.failed else 0
