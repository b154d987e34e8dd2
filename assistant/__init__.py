"""Trợ lý tài liệu: retrieval-augmented Q&A over the documents of industrial-zone management boards."""

from assistant.core import Assistant
from assistant.settings import Settings

__all__ = ["Assistant", "Settings"]
__version__ = "0.1.0"
