"""``assistant serve``: the web app (``python app.py`` runs this same command).

Settings come from :class:`~assistant.settings.Settings` (environment variables ``ASSISTANT_*``);
``--host``, ``--port`` and ``--home`` override them. The page is served at once; the model and the
corpus index are prepared in the background while a banner shows the progress; with
``ASSISTANT_LLM=local`` the local model server starts in the background too, and stops on exit.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
import threading
import time
from pathlib import Path

from assistant.cli.common import LOG_FORMAT
from assistant.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``serve`` subcommand; it sets up logging itself, at the level of the settings."""
    p = subparsers.add_parser("serve", help="mở ứng dụng web (giống python app.py)")
    p.add_argument("--host", help="địa chỉ lắng nghe (mặc định 127.0.0.1)")
    p.add_argument("--port", type=int, help="cổng (mặc định 7860)")
    p.add_argument("--allow-no-auth", action="store_true", default=None,
                   help="cho phép mở trên địa chỉ mạng mà không cần đăng nhập (không khuyến nghị)")
    # SUPPRESS: without it the subcommand's default None would overwrite `assistant --home DIR serve`.
    p.add_argument("--home", default=argparse.SUPPRESS,
                   help="thư mục chỉ mục (mặc định .assistant hoặc ASSISTANT_HOME)")
    p.set_defaults(func=cmd_serve, configures_logging=True)


def serve_settings(args: argparse.Namespace) -> Settings:
    """The environment's settings with the command-line host, port and home laid over them."""
    home = getattr(args, "home", None)
    overrides = {"host": args.host, "port": args.port, "home": Path(home) if home else None,
                 "allow_no_auth": getattr(args, "allow_no_auth", None)}
    return Settings().model_copy(update={k: v for k, v in overrides.items() if v is not None})


def is_local(host: str) -> bool:
    """Whether only this machine can reach ``host`` (localhost, 127.x.x.x, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


NO_AUTH_VI = ("CẢNH BÁO: ứng dụng sắp mở trên địa chỉ {host}, mọi máy trong mạng đều truy cập được, nhưng chưa "
              "đặt đăng nhập (ASSISTANT_AUTH=\"tên:mật_khẩu\"). Ai vào được cũng xem, tải lên và xóa được tài liệu.")


def check_exposure(settings: Settings) -> bool:
    """Warn, in Vietnamese on stderr and in English in the log, when a non-local address is served without
    login; True when serving may go on (login set, local address, or ``allow_no_auth``)."""
    if settings.auth or is_local(settings.host):
        return True
    print(NO_AUTH_VI.format(host=settings.host), file=sys.stderr, flush=True)
    logging.getLogger(__name__).warning("serving on %s without ASSISTANT_AUTH: anyone on the network can use "
                                        "and change the index", settings.host)
    if settings.allow_no_auth:
        print("Vẫn mở vì có --allow-no-auth (ASSISTANT_ALLOW_NO_AUTH).", file=sys.stderr, flush=True)
        return True
    print("Đã dừng. Hãy đặt ASSISTANT_AUTH, hoặc chạy với --host 127.0.0.1, hoặc thêm --allow-no-auth nếu thật "
          "sự muốn mở không cần đăng nhập.", file=sys.stderr, flush=True)
    return False


def cmd_serve(args: argparse.Namespace) -> int:
    """Build the page, start the background runtime and serve until interrupted.

    Gradio and the app package are imported here, not at the top, so the other commands start fast.
    """
    started = time.monotonic()
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline machines: no phoning home
    settings = serve_settings(args)
    level = logging.DEBUG if getattr(args, "verbose", False) else settings.log_level.upper()
    logging.basicConfig(level=level, format=LOG_FORMAT)
    if not check_exposure(settings):
        return 2

    from assistant.app import create_app
    from assistant.app.ui import launch_options

    demo, runtime = create_app(settings)
    runtime.start()
    start_local_llm(settings)
    demo.queue(default_concurrency_limit=settings.concurrency_limit)
    auth = settings.auth_pairs() or None
    print(f"Giao diện sau {time.monotonic() - started:.1f} giây: http://{settings.host}:{settings.port}", flush=True)
    try:
        demo.launch(server_name=settings.host, server_port=settings.port, auth=auth, share=settings.share,
                    auth_message="Đăng nhập để dùng trợ lý tài liệu." if auth else None, **launch_options())
    finally:
        if settings.llm == "local":
            from assistant.models.llm import stop_local_server

            stop_local_server()
    return 0


def start_local_llm(settings: Settings) -> threading.Thread | None:
    """With ``ASSISTANT_LLM=local``, provision and start the local model server in the background,
    so the page opens at once and the first question does not wait ~10 s for the model to load.
    A failure is logged; the answer then falls back to the extractive one with a notice."""
    if settings.llm != "local":
        return None
    from assistant.models.llm import local_server

    def run() -> None:
        try:
            local_server(settings)
        except Exception as exc:  # noqa: BLE001 - the app must serve extractive answers anyway
            logging.getLogger(__name__).warning("local language model server not started: %s", exc)

    thread = threading.Thread(target=run, name="local-llm-start", daemon=True)
    thread.start()
    return thread
