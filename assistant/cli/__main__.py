"""``python -m assistant.cli``: the same as the ``assistant`` console command."""

import sys

from assistant.cli import main

sys.exit(main())
