"""``assistant serve``: the web app (``python app.py`` runs this same command).

Settings come from :class:`~assistant.settings.Settings` (environment variables ``ASSISTANT_*``);
``--host``, ``--port`` and ``--home`` override them. The page is served at once; the model and the
corpus index are prepared in the background while a banner shows the progress.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path

from assistant.cli.common import LOG_FORMAT
from assistant.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``serve`` subcommand; it sets up logging itself, at the level of the settings."""
    p = subparsers.add_parser("serve", help="mở ứng dụng web (giống python app.py)")
    p.add_argument("--host", help="địa chỉ lắng nghe (mặc định 127.0.0.1)")
    p.add_argument("--port", type=int, help="cổng (mặc định 7860)")
    # SUPPRESS: without it the subcommand's default None would overwrite `assistant --home DIR serve`.
    p.add_argument("--home", default=argparse.SUPPRESS,
                   help="thư mục chỉ mục (mặc định .assistant hoặc ASSISTANT_HOME)")
    p.set_defaults(func=cmd_serve, configures_logging=True)


def serve_settings(args: argparse.Namespace) -> Settings:
    """The environment's settings with the command-line host, port and home laid over them."""
    home = getattr(args, "home", None)
    overrides = {"host": args.host, "port": args.port, "home": Path(home) if home else None}
    return Settings().model_copy(update={k: v for k, v in overrides.items() if v is not None})


def cmd_serve(args: argparse.Namespace) -> int:
    """Build the page, start the background runtime and serve until interrupted.

    Gradio and the app package are imported here, not at the top, so the other commands start fast.
    """
    started = time.monotonic()
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline machines: no phoning home
    settings = serve_settings(args)
    level = logging.DEBUG if getattr(args, "verbose", False) else settings.log_level.upper()
    logging.basicConfig(level=level, format=LOG_FORMAT)

    from assistant.app import create_app
    from assistant.app.ui import launch_options

    demo, runtime = create_app(settings)
    runtime.start()
    demo.queue(default_concurrency_limit=settings.concurrency_limit)
    auth = settings.auth_pairs() or None
    print(f"Giao diện sau {time.monotonic() - started:.1f} giây: http://{settings.host}:{settings.port}", flush=True)
    demo.launch(server_name=settings.host, server_port=settings.port, auth=auth, share=settings.share,
                auth_message="Đăng nhập để dùng trợ lý tài liệu." if auth else None, **launch_options())
    return 0
