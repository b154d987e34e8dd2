"""The parser: every command is registered, explicitly, and each one's help works."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import COMMANDS, build_parser, main

EXPECTED = ["ingest", "search", "ask", "chat", "info", "documents", "delete", "restore", "eval", "serve"]
CLI_DIR = Path(__file__).resolve().parents[2] / "assistant" / "cli"


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_exactly_the_ten_commands_are_registered():
    assert _commands(build_parser()) == EXPECTED
    assert len(COMMANDS) == len(EXPECTED)


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: assistant")
    for name in EXPECTED:
        assert name in out


@pytest.mark.parametrize("name", EXPECTED)
def test_each_command_has_help(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    assert f"usage: assistant {name}" in capsys.readouterr().out


def test_a_command_is_required(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2


def test_no_dynamic_imports_in_the_cli():
    for path in CLI_DIR.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "__import__" not in source and "import_module" not in source, path.name


def test_a_broken_command_module_fails_loudly():
    """A command module that cannot be imported must break the CLI, not quietly remove its command."""
    code = ("import sys; sys.modules['assistant.cli.ask'] = None\n"
            "try:\n    import assistant.cli\nexcept ImportError:\n    sys.exit(0)\nsys.exit(1)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_help_does_not_import_heavy_libraries():
    code = ("import sys\nfrom assistant.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('gradio', 'torch', 'sentence_transformers', 'assistant.evaluation', 'assistant.app')"
            " if m in sys.modules]\nprint('heavy:' + ','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip().splitlines()[-1] == "heavy:"


def test_global_home_and_search_options():
    args = build_parser().parse_args(["--home", "/x", "search", "q", "--mode", "keyword", "--k", "3",
                                      "--source", "a.txt", "--source", "b.txt", "--since", "2018", "--json"])
    assert (args.home, args.command, args.query, args.mode, args.k) == ("/x", "search", "q", "keyword", 3)
    assert args.source == ["a.txt", "b.txt"] and args.since == 2018 and args.json


def test_ask_options():
    args = build_parser().parse_args(["ask", "Ai?", "--k", "4", "--llm", "ollama:qwen", "--json"])
    assert (args.question, args.k, args.llm, args.json) == ("Ai?", 4, "ollama:qwen", True)
