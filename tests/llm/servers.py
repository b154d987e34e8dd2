"""The local model server processes on this machine, read from /proc, for tests that check none is left."""

from __future__ import annotations

from pathlib import Path


def model_servers(parent: int) -> list[int]:
    """Pids of ``python -m assistant.models.llm serve`` processes whose parent is ``parent`` (1: orphans)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if b"assistant.models.llm" in cmd and b"serve" in cmd and ppid == parent:
            found.append(int(proc.name))
    return found
