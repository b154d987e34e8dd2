"""``assistant eval``: measure retrieval, answers, citations, abstention and latency.

Example:
    $ assistant eval --limit 20
    $ assistant eval --compare --json
    $ assistant eval --squad train_reg.json --squad test_reg.json --compare
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path


def register(subparsers) -> None:
    """Add the ``eval`` subcommand."""
    p = subparsers.add_parser("eval", help="đánh giá truy xuất, câu trả lời, trích dẫn, từ chối trả lời, độ trễ")
    p.add_argument("--dataset", type=Path, default=Path("eval/questions.jsonl"),
                   help="bộ câu hỏi JSONL (mặc định eval/questions.jsonl)")
    p.add_argument("--corpus", type=Path, default=Path("corpus"), help="thư mục tài liệu (mặc định corpus/)")
    p.add_argument("--squad", type=Path, action="append", default=[], metavar="FILE",
                   help="tệp SQuAD v1.1 JSON (lặp lại được); thay cho --dataset/--corpus")
    p.add_argument("--mode", choices=["hybrid", "dense", "keyword"], default="hybrid", help="cách truy xuất chính")
    p.add_argument("--answerer", choices=["extractive", "llm"], default="extractive",
                   help="extractive: trích câu; llm: mô hình ngôn ngữ của ASSISTANT_LLM")
    p.add_argument("--k", type=int, default=10, help="số đoạn truy xuất cho mỗi câu hỏi (mặc định 10)")
    p.add_argument("--out", type=Path, default=Path("eval/out"), help="thư mục báo cáo (mặc định eval/out/)")
    p.add_argument("--index-dir", type=Path, help="thư mục chứa chỉ mục đánh giá (mặc định như --out)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--compare", action="store_true",
                   help="so sánh keyword, dense, hybrid và RAG mẫu (LangChain + FAISS) trên cùng câu hỏi")
    p.add_argument("--limit", type=int, metavar="N", help="chỉ đánh giá N câu hỏi (rải đều)")
    p.add_argument("--retrieval-only", action="store_true", help="không gọi ask(): chỉ đo truy xuất")
    p.set_defaults(func=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    from assistant.evaluation.report import comparison_table, write_report
    from assistant.evaluation.runner import EvalOptions, run_eval

    if args.k < 1:
        print("Lỗi: --k phải lớn hơn 0.", file=sys.stderr)
        return 2
    options = EvalOptions(dataset=args.dataset, corpus=args.corpus, squad=list(args.squad), mode=args.mode,
                          answerer=args.answerer, k=args.k, out=args.out, index_dir=args.index_dir,
                          compare=args.compare, limit=args.limit, answers=not args.retrieval_only)
    try:
        result = run_eval(options)
    except (ValueError, FileNotFoundError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    command = "assistant " + " ".join(shlex.quote(a) for a in sys.argv[1:]) if sys.argv[1:] else ""
    paths = write_report(result, args.out, command)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    s = result.setup
    print(f"{s['questions']} câu hỏi ({s['answerable']} có câu trả lời), {s['documents']} tài liệu, {s['chunks']} đoạn.")
    print(comparison_table(result))
    if s["answerer"] is None:
        print("(Chưa có Assistant.ask: chỉ đo truy xuất.)")
    print(f"Báo cáo: {paths[0]}")
    return 0
