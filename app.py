"""Start the web app: ``python app.py [--host H] [--port P] [--home DIR]``.

Settings come from ``assistant.settings.Settings`` (environment variables ``ASSISTANT_*``); the
command-line options override host, port and index home. The page is served at once; the model
and the corpus index are prepared in the background while a banner shows the progress.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline machines: no phoning home


def main(argv: list[str] | None = None) -> None:
    started = time.monotonic()
    parser = argparse.ArgumentParser(description="Trợ lý tài liệu — ứng dụng web")
    parser.add_argument("--host", help="địa chỉ lắng nghe (mặc định 127.0.0.1)")
    parser.add_argument("--port", type=int, help="cổng (mặc định 7860)")
    parser.add_argument("--home", help="thư mục chỉ mục (mặc định .assistant hoặc ASSISTANT_HOME)")
    args = parser.parse_args(argv)

    from assistant.settings import Settings

    settings = Settings()
    overrides = {"host": args.host, "port": args.port, "home": Path(args.home) if args.home else None}
    settings = settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    from assistant.app import create_app
    from assistant.app.ui import launch_options

    demo, runtime = create_app(settings)
    runtime.start()
    demo.queue(default_concurrency_limit=settings.concurrency_limit)
    auth = settings.auth_pairs() or None
    print(f"Giao diện sau {time.monotonic() - started:.1f} giây: http://{settings.host}:{settings.port}", flush=True)
    demo.launch(server_name=settings.host, server_port=settings.port, auth=auth, share=settings.share,
                auth_message="Đăng nhập để dùng trợ lý tài liệu." if auth else None, **launch_options())


if __name__ == "__main__":
    sys.exit(main())
