"""Fixtures of the practice software tests: exchange folders set up in the vault, and
`pixiodoc` run in this process."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from practice_support import Exchange
from vault_support import CliResult, CliRunner

from pixiodoc_desktop.cli import main
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.practice.settings import GdtSettings, configure_gdt


@pytest.fixture
def exchange(tmp_path: Path, workstation: Workstation, actor: Actor) -> Exchange:
    """GDT between PVS1 and PIXO through two folders: 2.1, ISO 8859-15, fixed names."""
    inbox, outbox = tmp_path / "gdt-in", tmp_path / "gdt-out"
    inbox.mkdir()
    outbox.mkdir()
    settings = configure_gdt(workstation, actor, GdtSettings(str(inbox), str(outbox)))
    return Exchange(inbox, outbox, settings)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """`pixiodoc ARGS...` in this process (parser, handlers, error paths of `cli.main`)."""

    def run(*args: str | Path, stdin: str = "", env: dict[str, str] | None = None) -> CliResult:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)

    return run
