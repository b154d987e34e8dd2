"""``assistant documents [ID]``: the indexed documents with their stable ids, versions and the trash.

Example:
    $ assistant documents
    MÃ          PB  ĐOẠN  NGÀY        NGUỒN                          TIÊU ĐỀ
    3fa9c2d1e0   2     4  26/04/2019  uploads/bao-cao.txt            Báo cáo quý hai
    $ assistant documents 3fa9c2d1e0          # one document and its version history
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli.common import make_assistant, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``documents`` subcommand."""
    p = subparsers.add_parser("documents", help="liệt kê tài liệu (mã, phiên bản, nguồn), phiên bản cũ và thùng rác")
    p.add_argument("id", nargs="?", metavar="MÃ", help="mã tài liệu: xem chi tiết và lịch sử phiên bản")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_documents)


def _date(value: str | None) -> str:
    return "/".join(reversed(value.split("-"))) if value else ""


def _place(root: str, source: str) -> str:
    return f"{Path(root).name}/{source}" if root else source


def _doc_dict(doc) -> dict:
    return {"id": doc.uid, "version": doc.version, "title": doc.title, "date": doc.date, "source": doc.source,
            "path": doc.path, "chunks": doc.n_chunks, "added_at": doc.added_at, "size": doc.size,
            "ocr_pages": doc.ocr_pages, "notes": doc.notes}


def _version_dict(row) -> dict:
    return {"id": row.uid, "version": row.n, "state": row.state, "state_vi": row.state_vi, "path": row.path,
            "kept_at": row.file, "changed_at": row.changed_at}


def _print_history(rows) -> None:
    for row in rows:
        where = f"  tệp: {row.file}" if row.file else ""
        hint = ""
        if row.state == "deleted":
            hint = f"   → assistant restore {row.uid}"
        elif row.restorable:
            hint = f"   → assistant restore {row.uid} --version {row.n}"
        print(f"  {row.uid}  v{row.n:<3} {row.state_vi:<28} {Path(row.path).name}{where}{hint}")


def _show_one(bot, key: str, as_json: bool) -> int:
    doc = bot.document(key)
    rows = bot.versions(doc.uid if doc else key)
    if doc is None and not rows:
        print(f"Không có tài liệu nào có mã «{key}».")
        return 1
    if as_json:
        print_json({"document": _doc_dict(doc) if doc else None, "versions": [_version_dict(r) for r in rows]})
        return 0
    if doc:
        print(f"{doc.title}\n  Mã: {doc.uid}   Phiên bản: {doc.version}   Đoạn: {doc.n_chunks}   Ngày: {_date(doc.date)}")
        print(f"  Nguồn: {_place(doc.root, doc.source)}   Tệp: {doc.path}")
        for note in doc.notes:
            print(f"  Ghi chú: {note}")
    else:
        print(f"Tài liệu {rows[0].uid} không còn trong chỉ mục.")
    if rows:
        print("Lịch sử phiên bản:")
        _print_history(rows)
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    """List documents (or show one) with ids; older versions and the trash with the command that restores them."""
    bot = make_assistant(args)
    if args.id:
        return _show_one(bot, args.id, args.json)
    docs = bot.documents()
    history = [r for r in bot.versions() if r.state in ("kept", "deleted")]
    if args.json:
        print_json({"documents": [_doc_dict(d) for d in docs], "versions": [_version_dict(r) for r in history]})
        return 0
    if not docs:
        print("Chưa có tài liệu nào trong chỉ mục. Hãy chạy: assistant ingest corpus/")
    else:
        width = min(max(len(_place(d.root, d.source)) for d in docs), 60)
        print(f"{'MÃ':<11} {'PB':>3} {'ĐOẠN':>5}  {'NGÀY':<10}  {'NGUỒN':<{width}}  TIÊU ĐỀ")
        for d in docs:
            print(f"{d.uid:<11} {d.version:>3} {d.n_chunks:>5}  {_date(d.date):<10}  "
                  f"{_place(d.root, d.source)[:width]:<{width}}  {d.title[:60]}")
        print(f"{len(docs)} tài liệu.")
    if history:
        print("\nPhiên bản cũ và thùng rác:")
        _print_history(history)
    return 0
