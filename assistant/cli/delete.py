"""``assistant delete ID``: remove exactly one document from the index; its file goes to the trash.

Example:
    $ assistant delete 3fa9c2d1e0
    Đã xóa «Báo cáo quý hai» (mã 3fa9c2d1e0, uploads/bao-cao.txt) khỏi chỉ mục.
    Tệp đã được chuyển vào thùng rác (trash/20250101-120000-3fa9c2d1e0-bao-cao.txt); có thể khôi phục.
    Hoàn tác: assistant restore 3fa9c2d1e0
"""

from __future__ import annotations

import argparse

from assistant.cli.common import make_assistant, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``delete`` subcommand."""
    p = subparsers.add_parser("delete", help="xóa một tài liệu khỏi chỉ mục (tệp vào thùng rác, hoàn tác được)")
    p.add_argument("id", metavar="MÃ", help="mã tài liệu (xem: assistant documents)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_delete)


def cmd_delete(args: argparse.Namespace) -> int:
    """Delete by id (or a name only one document has); 1 when nothing was deleted, with the reason."""
    bot = make_assistant(args)
    doc = bot.document(args.id)
    report = bot.delete(args.id)
    if args.json:
        print_json(report.to_dict())
    elif report.failed:
        print(f"Không xóa được: {report.failed[0][1]}")
    else:
        source = report.removed[0]
        uid = report.ids.get(source, args.id)
        title = f"«{doc.title}» " if doc else ""
        print(f"Đã xóa {title}(mã {uid}, {source}) khỏi chỉ mục.")
        for _, note in report.notes:
            print(note)
        if any("thùng rác" in note for _, note in report.notes):
            print(f"Hoàn tác: assistant restore {uid}")
    return 1 if report.failed else 0
