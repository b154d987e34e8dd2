"""Benchmark the web app: start-up time, then simultaneous chat users through gradio_client.

1. Start-up: runs ``python app.py --port P --home HOME`` and measures the time until the page is
   served and until the status API reports the corpus indexed (the model and embedding caches of
   ``~/.cache/assistant`` are used as they are). With a fresh ``--home`` this is done twice: a first
   start that builds the index, then a restart over the existing index.
2. Chat: ``--users`` clients (5 by default), each with its own session, ask ``--rounds`` questions
   one after another, all users at the same time; for each answer the time to the first streamed
   text and to the complete answer are recorded; p50/p95 are printed.

    .venv/bin/python scripts/bench_app.py                      # start the app itself, 5 users x 4 questions
    .venv/bin/python scripts/bench_app.py --url http://127.0.0.1:7860 --users 5   # an app already running
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Hội nghị sơ kết năm 2017 được tổ chức ở đâu?",
    "Ai chủ trì buổi làm việc ngày 06/11/2012?",
    "KCN Tân Đức",
    "Hội nghị tổng kết công tác năm 2019 của Ban Quản lý diễn ra vào ngày nào?",
    "Hội nghị sơ kết chương trình hợp tác lần thứ nhất năm 2019 được tổ chức ở đâu?",
    "Lãnh đạo UBND tỉnh nào đến dự Hội nghị tổng kết công tác năm 2019?",
    "Chương trình hợp tác giữa Ban Quản lý Lâm Đồng và TP.HCM đạt được những kết quả gì?",
    "Giá vàng hôm nay là bao nhiêu?",
]
PENDING = {"", "…", "_Đang tìm trong tài liệu…_"}  # the chat's placeholder before the first text


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- start-up ----------------------------------------------------------------------------------------
def start_app(port: int, home: Path, log_path: Path, timeout: float) -> tuple[subprocess.Popen, dict]:
    """Start app.py; return the process and {ui_s, ready_s} measured from the launch."""
    from gradio_client import Client

    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", PYTHONUNBUFFERED="1")
    started = time.perf_counter()
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port), "--home", str(home)], cwd=REPO,
                                stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    ui_s = None
    client = None
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"app.py exited with {proc.returncode}; see {log_path}")
        try:
            if ui_s is None:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        ui_s = time.perf_counter() - started
                        client = Client(url, verbose=False)
            if client is not None:
                status = client.predict(api_name="/status")
                if status.get("ready"):
                    return proc, {"ui_s": round(ui_s, 2), "ready_s": round(time.perf_counter() - started, 2),
                                  "app_ready_s": round(status.get("ready_seconds") or 0, 2),
                                  "documents": status.get("documents"), "chunks": status.get("chunks")}
                if status.get("state") == "error":
                    raise SystemExit(f"start-up failed: {status.get('message')}")
        except OSError:
            pass
        time.sleep(0.25)
    proc.terminate()
    raise SystemExit(f"app not ready after {timeout:.0f} s; see {log_path}")


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# -- chat --------------------------------------------------------------------------------------------
def _last_answer_text(chat: list) -> str:
    if not chat:
        return ""
    message = chat[-1]
    if message.get("role") != "assistant":
        return ""
    content = message.get("content")
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content or "")


def one_user(url: str, user: int, questions: list[str], barrier: threading.Barrier, out: list[dict]) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    barrier.wait()
    for question in questions:
        started = time.perf_counter()
        first = None
        job = client.submit(question, api_name="/chat")
        for update in job:
            text = _last_answer_text(update[1]).strip()
            if first is None and text not in PENDING:
                first = time.perf_counter() - started
        result = job.result()
        total = time.perf_counter() - started
        text = _last_answer_text(result[1])
        out.append({"user": user, "question": question, "first_s": round(first if first is not None else total, 3),
                    "total_s": round(total, 3), "chars": len(text), "cited": "#cite-" in text})


def bench_chat(url: str, users: int, rounds: int) -> dict:
    barrier = threading.Barrier(users)
    results: list[dict] = []
    threads = []
    for u in range(users):
        questions = [QUESTIONS[(u + r) % len(QUESTIONS)] for r in range(rounds)]
        threads.append(threading.Thread(target=one_user, args=(url, u, questions, barrier, results)))
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    firsts = [r["first_s"] for r in results]
    totals = [r["total_s"] for r in results]
    return {
        "users": users, "rounds": rounds, "answers": len(results), "wall_s": round(wall, 2),
        "first_token_s": {"p50": round(statistics.median(firsts), 3), "p95": round(percentile(firsts, 95), 3),
                          "max": round(max(firsts), 3)},
        "full_answer_s": {"p50": round(statistics.median(totals), 3), "p95": round(percentile(totals, 95), 3),
                          "max": round(max(totals), 3)},
        "answers_with_citations": sum(r["cited"] for r in results),
        "throughput_answers_per_s": round(len(results) / wall, 3),
        "samples": results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="benchmark an app already running here (no start-up measurement)")
    parser.add_argument("--home", help="index home for the started app (default: a fresh temporary folder)")
    parser.add_argument("--port", type=int, default=0, help="port for the started app (default: a free one)")
    parser.add_argument("--users", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=4, help="questions per user")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to wait for the app to be ready")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()

    report: dict = {}
    proc = None
    scratch = None
    done = False
    try:
        if args.url:
            url = args.url
        else:
            port = args.port or free_port()
            scratch = Path(tempfile.mkdtemp(prefix="bench_app_"))
            home = Path(args.home) if args.home else scratch / "home"
            fresh = not (home / "CURRENT").exists()
            proc, first = start_app(port, home, scratch / "app-1.log", args.timeout)
            report["startup"] = {"fresh_index" if fresh else "existing_index": first}
            print(f"start-up ({'fresh index' if fresh else 'existing index'}): {json.dumps(first)}", flush=True)
            if fresh:  # the usual case: a restart over the index built above
                stop_app(proc)
                proc, second = start_app(port, home, scratch / "app-2.log", args.timeout)
                report["startup"]["existing_index"] = second
                print(f"start-up (existing index): {json.dumps(second)}", flush=True)
            url = f"http://127.0.0.1:{port}/"
        print(f"chat: {args.users} users x {args.rounds} questions on {url}", flush=True)
        chat = bench_chat(url, args.users, args.rounds)
        report["chat"] = chat
        summary = {k: v for k, v in chat.items() if k != "samples"}
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        if args.json:
            Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        done = True
    finally:
        if proc is not None:
            stop_app(proc)
        if scratch is not None and done:  # logs stay for a failed run
            shutil.rmtree(scratch, ignore_errors=True)
        elif scratch is not None:
            print(f"logs and index kept in {scratch}", file=sys.stderr)


if __name__ == "__main__":
    main()
