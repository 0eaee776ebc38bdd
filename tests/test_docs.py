"""Documentation stays true: every command and option has help, and the README's commands exist."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import click
import pytest

from compare.cli import main

REPO = Path(__file__).parents[1]
README = REPO / "README.md"


def commands(group: click.Group = main, prefix: str = "storydiff") -> dict[str, click.Command]:
    """Every command, by its full name ("storydiff compare"), the group itself included."""
    ctx = click.Context(group)
    found: dict[str, click.Command] = {prefix: group}
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        assert cmd is not None
        if isinstance(cmd, click.Group):
            found.update(commands(cmd, f"{prefix} {name}"))
        else:
            found[f"{prefix} {name}"] = cmd
    return found


def option_names(cmd: click.Command) -> set[str]:
    return {opt for p in cmd.params if isinstance(p, click.Option) for opt in (*p.opts, *p.secondary_opts)}


ALL_COMMANDS = commands()


@pytest.mark.parametrize("name", sorted(ALL_COMMANDS))
def test_command_has_help(name: str) -> None:
    cmd = ALL_COMMANDS[name]
    assert (cmd.help or "").strip(), f"{name} has no help text"
    assert cmd.get_short_help_str().strip()


@pytest.mark.parametrize("name", sorted(ALL_COMMANDS))
def test_every_option_has_help(name: str) -> None:
    for param in ALL_COMMANDS[name].params:
        if isinstance(param, click.Option) and not param.hidden:
            assert (param.help or "").strip(), f"{name} {param.opts[0]} has no help text"


def test_expected_commands_exist() -> None:
    assert {"storydiff compare", "storydiff batch"} <= set(ALL_COMMANDS)


def readme_command_lines() -> list[str]:
    """Lines of the README's code blocks, and inline code spans, that run storydiff."""
    text = README.read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S):
        lines.extend(block.splitlines())
    lines.extend(re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S)))
    out = []
    for line in lines:
        line = line.split("#", 1)[0] if " #" in line else line
        for part in re.split(r"&&|;|\|\|", line):
            m = re.search(r"(?:^|\s|/)(storydiff|python -m compare)\s+(\S.*)", part)
            if m:
                out.append(m.group(2).strip())
    return out


def _used_options(args: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])\b", args))


def test_readme_commands_use_existing_options() -> None:
    lines = readme_command_lines()
    assert any(line.startswith("compare") for line in lines), "the README shows a compare command"
    for line in lines:
        words = line.split()
        name = f"storydiff {words[0]}" if words and f"storydiff {words[0]}" in ALL_COMMANDS else "storydiff"
        known = option_names(ALL_COMMANDS[name]) | {"-h", "--help", "--version"}
        missing = _used_options(line) - known
        assert not missing, f"README: `{line}` uses {sorted(missing)}, which {name} does not have"


def test_readme_mentions_of_options_exist() -> None:
    """Options named in prose (`--encoding`) belong to some storydiff command."""
    text = README.read_text(encoding="utf-8")
    every = set().union(*(option_names(c) for c in ALL_COMMANDS.values())) | {"--help", "--version"}
    other_tools = ("pip", "pytest", "venv", "playwright", "apt", "bench/", "quality_gate.py")
    for span in re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S)):
        if any(tool in span for tool in other_tools):
            continue
        for opt in re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", span):
            assert opt in every, f"README mentions {opt}, which no storydiff command has"


def test_readme_example_paths_exist() -> None:
    """Globs in the README's runnable commands (not placeholders like FILE...) match files."""
    for line in readme_command_lines():
        for word in shlex.split(line):
            if "/" in word and not word.startswith(("-", "../")):
                assert glob.glob(str(REPO / word)), f"README: `{line}` names {word}, which matches nothing"
