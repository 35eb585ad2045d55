"""docs/help.md is what `gamemusic --help` prints today (regenerate: python docs/make_help.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

DOCS = Path(__file__).resolve().parent.parent / "docs"


def load_make_help() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_help", DOCS / "make_help.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_help_md_matches_the_cli_help() -> None:
    fresh = load_make_help().render()
    current = (DOCS / "help.md").read_text(encoding="utf-8")
    assert current == fresh, "docs/help.md is out of date: run python docs/make_help.py"


def test_docs_help_md_covers_every_subcommand() -> None:
    text = (DOCS / "help.md").read_text(encoding="utf-8")
    for name in ("add", "demo", "styles", "music", "mcp"):
        assert f"## gamemusic {name}\n" in text
        assert f"Usage: gamemusic {name} [OPTIONS]" in text
