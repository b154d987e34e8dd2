"""``assistant ingest``: add, update and remove documents in the index, incrementally."""

from __future__ import annotations

import argparse

from assistant.cli.common import make_assistant, print_json
from assistant.progress import TerminalProgress


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``ingest`` subcommand."""
    p = subparsers.add_parser("ingest", help="đưa tài liệu vào chỉ mục (mặc định corpus/)")
    p.add_argument("paths", nargs="*", metavar="ĐƯỜNG_DẪN", help="tệp hoặc thư mục (txt, md, pdf, docx, html)")
    p.add_argument("--rebuild", action="store_true", help="xây dựng lại toàn bộ chỉ mục")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_ingest)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Ingest the paths (default the corpus folder); progress bars only when a human reads the output.

    Fails (1) only when every file failed: a partly failed batch still leaves a usable index.
    """
    bot = make_assistant(args)
    paths = args.paths or [str(bot.settings.corpus)]
    report = bot.ingest(paths, rebuild=args.rebuild, progress=None if args.json else TerminalProgress())
    if args.json:
        print_json(report.to_dict())
    else:
        print(f"Thêm mới: {len(report.added)}  Cập nhật: {len(report.updated)}  "
              f"Xóa: {len(report.removed)}  Không đổi: {len(report.unchanged)}  Lỗi: {len(report.failed)}")
        for label, items in (("+", report.added), ("~", report.updated), ("-", report.removed)):
            for source in items:
                print(f"  {label} {source}")
        for source, reason in report.failed:
            print(f"  ! {source}: {reason}")
        if report.retokenized:
            print("Đã lập lại chỉ mục từ khóa cho bộ tách từ mới (giữ nguyên các vectơ, không nhúng lại).")
        print(f"{report.chunks} đoạn trong chỉ mục; nhúng mới {report.embedded} đoạn trong {report.seconds:.1f} giây.")
    return 1 if report.failed and not (report.added or report.updated or report.unchanged or report.removed) else 0
