"""``assistant eval``: measure retrieval, answers, citations, abstention and latency.

Example:
    $ assistant eval --limit 20
    $ assistant eval --compare --json
    $ assistant eval --squad train_reg.json --squad test_reg.json --compare
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.cli.common import print_json

if TYPE_CHECKING:
    from assistant.evaluation.runner import EvalOptions


def register(subparsers: argparse._SubParsersAction) -> None:
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
    p.add_argument("--plain", action="store_true",
                   help="gõ mọi câu hỏi không dấu, chữ thường, bỏ dấu hỏi (như gõ trên điện thoại)")
    p.add_argument("--sweep-fusion", action="store_true",
                   help="dò k của RRF và trọng số dense/keyword (chỉ truy xuất); ghi fusion_sweep.csv")
    p.set_defaults(func=cmd_eval)


def cmd_sweep(options: EvalOptions, out: Path, as_json: bool) -> int:
    """Measure every fusion setting of the grid on the options' questions; print the best first."""
    import csv

    from assistant.evaluation.runner import open_eval
    from assistant.evaluation.sweep import collect, ranked, score_grid

    bot, items, spans, _corpus, label = open_eval(options)
    rows = score_grid(collect(bot, items, spans, progress=options.progress))
    s = bot.settings
    current = next((r for r in rows if (r["rrf_k"], r["dense_weight"]) == (s.rrf_k, s.dense_weight / s.keyword_weight)),
                   None)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "fusion_sweep.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    order = ranked(rows)
    top = order[0]
    if as_json:
        print_json({"dataset": label, "best": top, "current": current, "grid": rows})
        return 0
    cols = ["rrf_k", "dense_weight", "hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "doc_hit@1"]
    print(f"{label}: {sum(1 for it in items if it['answers'])} câu hỏi có câu trả lời, {len(rows)} cấu hình.")
    print(" | ".join(cols))
    for r in order[:10] + ([current] if current and current not in order[:10] else []):
        mark = "  ← hiện tại" if r is current else ""
        print(" | ".join(f"{r[c]:.3f}" if isinstance(r[c], float) else str(r[c]) for c in cols) + mark)
    print(f"Tốt nhất theo MRR@10: rrf_k={top['rrf_k']}, dense_weight={top['dense_weight']}. Bảng đầy đủ: {path}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Run the evaluation and write its report; the evaluation package (and torch) loads only here."""
    from assistant.evaluation.report import comparison_table, write_report
    from assistant.evaluation.runner import EvalOptions, run_eval

    if args.k < 1:
        print("Lỗi: --k phải lớn hơn 0.", file=sys.stderr)
        return 2
    options = EvalOptions(dataset=args.dataset, corpus=args.corpus, squad=list(args.squad), mode=args.mode,
                          answerer=args.answerer, k=args.k, out=args.out, index_dir=args.index_dir,
                          compare=args.compare, limit=args.limit, answers=not args.retrieval_only, plain=args.plain)
    try:
        if args.sweep_fusion:
            return cmd_sweep(options, args.out, args.json)
        result = run_eval(options)
    except (ValueError, FileNotFoundError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    command = "assistant " + " ".join(shlex.quote(a) for a in sys.argv[1:]) if sys.argv[1:] else ""
    paths = write_report(result, args.out, command)
    if args.json:
        print_json(result.to_dict())
        return 0
    s = result.setup
    print(f"{s['questions']} câu hỏi ({s['answerable']} có câu trả lời), {s['documents']} tài liệu, {s['chunks']} đoạn.")
    print(comparison_table(result))
    if s["answerer"] is None:
        print("(Chưa có Assistant.ask: chỉ đo truy xuất.)")
    print(f"Báo cáo: {paths[0]}")
    return 0
