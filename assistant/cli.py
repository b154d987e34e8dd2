"""Command line: ``assistant ingest | search | ask | info | eval``.

Example:
    $ assistant ingest corpus/
    $ assistant search "hoi nghi tong ket 2019" --k 3 --json
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from assistant.errors import AssistantError
from assistant.progress import TerminalProgress
from assistant.settings import Settings

log = logging.getLogger("assistant")


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _assistant(args: argparse.Namespace):
    from assistant.core import Assistant

    overrides = {}
    if getattr(args, "llm", None):
        overrides["llm"] = args.llm
    settings = Settings(**overrides)
    return Assistant(settings, home=args.home or os.environ.get("ASSISTANT_HOME") or settings.home)


def cmd_ingest(args: argparse.Namespace) -> int:
    bot = _assistant(args)
    paths = args.paths or [str(bot.settings.corpus)]
    report = bot.ingest(paths, rebuild=args.rebuild, progress=None if args.json else TerminalProgress())
    if args.json:
        _print_json(report.to_dict())
    else:
        print(f"Thêm mới: {len(report.added)}  Cập nhật: {len(report.updated)}  "
              f"Xóa: {len(report.removed)}  Không đổi: {len(report.unchanged)}  Lỗi: {len(report.failed)}")
        for label, items in (("+", report.added), ("~", report.updated), ("-", report.removed)):
            for source in items:
                print(f"  {label} {source}")
        for source, reason in report.failed:
            print(f"  ! {source}: {reason}")
        print(f"{report.chunks} đoạn trong chỉ mục; nhúng mới {report.embedded} đoạn trong {report.seconds:.1f} giây.")
    return 1 if report.failed and not (report.added or report.updated or report.unchanged or report.removed) else 0


def cmd_search(args: argparse.Namespace) -> int:
    bot = _assistant(args)
    results = bot.search(args.query, k=args.k, mode=args.mode, since=args.since, until=args.until,
                         sources=args.source or None)
    if args.json:
        _print_json({"query": args.query, "results": [r.to_dict() for r in results]})
        return 0
    if not results:
        print("Không tìm thấy đoạn văn phù hợp.")
    for r in results:
        where = f"{r.source}" + (f", trang {r.page}" if r.page else "") + (f", {r.date}" if r.date else "")
        print(f"[{r.rank}] {r.score:.4f}  {r.title[:90]}\n    ({where}; ký tự {r.start}-{r.end})")
        snippet = " ".join(r.text.split())
        print("    " + (snippet[:400] + ("…" if len(snippet) > 400 else "")) + "\n")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    info = _assistant(args).info()
    if args.json:
        _print_json(info)
        return 0
    print(f"Chỉ mục: {info['home']}")
    print(f"Tài liệu: {info['documents']}   Đoạn: {info['chunks']}")
    print(f"Mô hình: {info['model']}" + (f" ({info['dimension']} chiều)" if "dimension" in info else ""))
    if "total_bytes" in info:
        print(f"FAISS: {info['faiss_index']}   Chia đoạn: {info['chunker']}")
        print(f"Dung lượng trên đĩa: {info['total_bytes'] / 1024:.0f} KiB")
        for name, size in sorted(info["sizes"].items()):
            print(f"  {name}: {size / 1024:.1f} KiB")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Trợ lý hỏi đáp tài liệu của Ban Quản lý các KCN.")
    parser.add_argument("--home", help="thư mục chỉ mục (mặc định .assistant/ hoặc biến ASSISTANT_HOME)")
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    p = sub.add_parser("ingest", help="đưa tài liệu vào chỉ mục (mặc định corpus/)")
    p.add_argument("paths", nargs="*", metavar="ĐƯỜNG_DẪN", help="tệp hoặc thư mục (txt, md, pdf, docx, html)")
    p.add_argument("--rebuild", action="store_true", help="xây dựng lại toàn bộ chỉ mục")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("search", help="tìm đoạn văn theo nghĩa và theo từ khóa")
    p.add_argument("query", metavar="CÂU_TRUY_VẤN")
    p.add_argument("--k", type=int, default=5, help="số kết quả (mặc định 5)")
    p.add_argument("--mode", choices=["hybrid", "dense", "keyword"], default="hybrid",
                   help="hybrid: kết hợp; dense: theo nghĩa; keyword: theo từ khóa")
    p.add_argument("--since", type=int, metavar="NĂM", help="chỉ tài liệu từ năm này")
    p.add_argument("--until", type=int, metavar="NĂM", help="chỉ tài liệu đến năm này")
    p.add_argument("--source", action="append", metavar="TỆP", help="chỉ tìm trong tài liệu này (lặp lại được)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("info", help="thông tin chỉ mục: tài liệu, đoạn, mô hình, dung lượng")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_info)

    for extra in ("ask", "eval"):
        try:
            module = __import__(f"assistant.cli_{extra}", fromlist=["register"])
        except ImportError:
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("faiss", "sentence_transformers", "bm25s", "httpx", "transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING if not args.verbose else logging.INFO)
    try:
        return args.func(args)
    except AssistantError as exc:
        log.error("%s", exc.log_message)
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
