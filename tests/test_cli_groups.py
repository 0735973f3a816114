"""The command line loads only the group of the command given (cli/main.py).

`COMMAND_GROUPS` names, for each command, the module whose `add_parsers` adds it;
a command parsed with its group alone must parse exactly as with every group, and
the word that picks the group is found wherever the top-level options stand.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

# The module, not the `main` function that pixiodoc_desktop.cli exports under its name.
cli_main = importlib.import_module("pixiodoc_desktop.cli.main")
ROOT = Path(__file__).resolve().parents[1]


def _commands_of(group: str) -> set[str]:
    sub = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(f"pixiodoc_desktop.cli.{group}").add_parsers(sub)
    return set(sub.choices)


def test_every_command_is_mapped_to_the_group_that_adds_it() -> None:
    found = {command: group for group in cli_main.GROUPS for command in _commands_of(group)}
    assert found == cli_main.COMMAND_GROUPS
    modules = {p.stem for p in (ROOT / "pixiodoc_desktop" / "cli").glob("*.py")}
    assert set(cli_main.GROUPS) == modules - {"__init__", "main", "common"}


@pytest.mark.parametrize(
    "argv",
    [
        ["patient", "list", "--vault", "v", "--user", "a", "--json"],
        ["--vault", "v", "patient", "add", "--user", "a", "--name", "Müller, Jürgen"],
        ["import", "--vault", "v", "--user", "a", "--patient", "p", "x.jpg"],
        ["audit", "verify", "--vault", "v", "--user", "a"],
        ["share", "list", "--vault", "v", "--user", "a", "--patient", "p"],
        ["--vault", "v"],
    ],
)
def test_a_command_parses_alike_with_its_group_alone(argv: list[str]) -> None:
    every = vars(cli_main.build_parser().parse_args(argv))
    assert vars(cli_main._parse(argv)) == every


def test_patient_list_loads_neither_boto3_nor_pydicom_nor_reportlab() -> None:
    code = (
        "import sys\n"
        "from pixiodoc_desktop.cli.main import _parse\n"
        "_parse(['patient', 'list', '--vault', 'v', '--user', 'a'])\n"
        "heavy = [m for m in ('boto3', 'pydicom', 'reportlab') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
