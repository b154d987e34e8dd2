"""``assistant info``: what the index holds and what it costs on disk."""

from __future__ import annotations

import argparse

from assistant.cli.common import make_assistant, print_json
from assistant.index.search_store import describe_store


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``info`` subcommand."""
    p = subparsers.add_parser("info", help="thông tin chỉ mục: tài liệu, đoạn, mô hình, dung lượng")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_info)


def cmd_info(args: argparse.Namespace) -> int:
    """Print the search store, documents, chunks, model and sizes; the size lines appear only once an index exists."""
    bot = make_assistant(args)
    info = {**bot.info(), **describe_store(bot.settings, bot.home)}
    if args.json:
        print_json(info)
        return 0
    print(f"Chỉ mục: {info['home']}")
    if info["store"] == "milvus":
        print(f"Kho tìm kiếm: milvus ({info['milvus_uri']}, bộ sưu tập {info['milvus_collection']}_*, "
              f"chỉ mục {info['milvus_index']})")
    else:
        print(f"Kho tìm kiếm: faiss (ASSISTANT_FAISS_INDEX={info['faiss_setting']})")
    print(f"Tài liệu: {info['documents']}   Đoạn: {info['chunks']}")
    print(f"Mô hình: {info['model']}" + (f" ({info['dimension']} chiều)" if "dimension" in info else ""))
    if "total_bytes" in info:
        print(f"FAISS: {info['faiss_index']}   Chia đoạn: {info['chunker']}")
        print(f"Dung lượng trên đĩa: {info['total_bytes'] / 1024:.0f} KiB")
        for name, size in sorted(info["sizes"].items()):
            print(f"  {name}: {size / 1024:.1f} KiB")
    return 0
