"""``assistant search``: the passages that match a query, by meaning, by keyword or both."""

from __future__ import annotations

import argparse

from assistant.cli.common import make_assistant, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``search`` subcommand."""
    p = subparsers.add_parser("search", help="tìm đoạn văn theo nghĩa và theo từ khóa")
    p.add_argument("query", metavar="CÂU_TRUY_VẤN")
    p.add_argument("--k", type=int, default=5, help="số kết quả (mặc định 5)")
    p.add_argument("--mode", choices=["hybrid", "dense", "keyword"], default="hybrid",
                   help="hybrid: kết hợp; dense: theo nghĩa; keyword: theo từ khóa")
    p.add_argument("--since", type=int, metavar="NĂM", help="chỉ tài liệu từ năm này")
    p.add_argument("--until", type=int, metavar="NĂM", help="chỉ tài liệu đến năm này")
    p.add_argument("--source", action="append", metavar="TỆP", help="chỉ tìm trong tài liệu này (lặp lại được)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    """Print the ranked passages with where they come from, so a reader can open the exact span."""
    bot = make_assistant(args)
    results = bot.search(args.query, k=args.k, mode=args.mode, since=args.since, until=args.until,
                         sources=args.source or None)
    if args.json:
        print_json({"query": args.query, "results": [r.to_dict() for r in results]})
        return 0
    if not results:
        print("Không tìm thấy đoạn văn phù hợp.")
    for r in results:
        where = f"{r.source}" + (f", trang {r.page}" if r.page else "") + (f", {r.date}" if r.date else "")
        print(f"[{r.rank}] {r.score:.4f}  {r.title[:90]}\n    ({where}; ký tự {r.start}-{r.end})")
        snippet = " ".join(r.text.split())
        print("    " + (snippet[:400] + ("…" if len(snippet) > 400 else "")) + "\n")
    return 0
