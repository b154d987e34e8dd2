"""Start the web app: ``python app.py [--host H] [--port P] [--home DIR]``.

The same as ``assistant serve`` (see :mod:`assistant.cli.serve`): settings come from the
environment (``ASSISTANT_*``) and the options override host, port and index home.
"""

from __future__ import annotations

import sys

from assistant.cli import main as cli_main


def main(argv: list[str] | None = None) -> int:
    """Run ``assistant serve`` with this script's arguments."""
    return cli_main(["serve", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
