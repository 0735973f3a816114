"""One PixioDoc window per vault: a second window, and commands that write, are refused.

Process A is the real workstation (`python -m pixiodoc_desktop --vault V`,
offscreen), sitting on its unlock screen. A `pixiodoc patient add` on the
same vault fails with one line naming the folder; a second window (this
test process) shows the same sentence on its unlock screen, with nothing
to type into, and leaves the vault alone. Killed with SIGKILL (a crash), A
leaves no stale lock: the next window opens the vault, and the command
writes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from vault_support import LOGIN, PASSWORD, cli_env, create_vault

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.vault.in_use import LOCK_NAME, in_use_message
from pixiodoc_desktop.vault.locking import lock_handle, unlock_handle


def _held_by_another_process(folder: Path) -> bool:
    handle = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        free = lock_handle(handle, exclusive=False, wait=False)
        if free:
            unlock_handle(handle)
        return not free
    finally:
        os.close(handle)


@pytest.fixture
def window_a(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[bytes]]]:
    folder = create_vault(tmp_path / "vault").folder
    env = cli_env(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "PIXIODOC_CONFIG_DIR": str(tmp_path / "config-a"),
            "PIXIODOC_LOG_DIR": str(tmp_path / "logs-a"),
        }
    )
    output = tmp_path / "window-a.txt"
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "pixiodoc_desktop", "--vault", str(folder)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
    try:
        deadline = time.monotonic() + 60
        while not _held_by_another_process(folder):
            assert process.poll() is None, output.read_text("utf-8", "replace")
            assert time.monotonic() < deadline, "window A did not open the vault"
            time.sleep(0.05)
        yield folder, process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=20)


def _patient_add(folder: Path, tmp_path: Path, name: str) -> subprocess.CompletedProcess[str]:
    command = ["patient", "add", "--vault", str(folder), "--user", LOGIN, "--password-stdin"]
    return subprocess.run(
        [sys.executable, "-m", "pixiodoc_desktop", *command, "--name", name],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=cli_env(
            {"PIXIODOC_CONFIG_DIR": str(tmp_path / "cfg"), "PIXIODOC_LOG_DIR": str(tmp_path / "l")}
        ),
        timeout=120,
        check=False,
    )


def test_a_second_window_and_a_writing_command_are_refused_until_the_first_is_gone(
    qtbot: QtBot,
    tmp_path: Path,
    window_a: tuple[Path, subprocess.Popen[bytes]],
    make_window: Callable[..., MainWindow],
) -> None:
    folder, process = window_a
    message = in_use_message(folder)
    # A command that writes: one line naming the folder, exit 1, nothing written.
    refused = _patient_add(folder, tmp_path, "Erika Refused")
    assert refused.returncode == 1, refused.stderr
    assert refused.stderr.strip() == f"pixiodoc: {message}"
    assert str(folder) in refused.stderr
    # A second window: the same sentence on its unlock screen, nothing to type into.
    second = make_window(folder)
    page = second.unlock_page
    qtbot.waitUntil(lambda: page.message.text() == message, timeout=20000)
    second.show()
    assert str(folder) in page.vault_label.text()
    assert not page.password.isEnabled() and not page.unlock_button.isEnabled()
    assert page.clinician.count() == 0
    second.shutdown()
    # Window A dies without a word (a crash): its lock dies with it.
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=20)
    third = make_window(folder)
    third_page = third.unlock_page
    qtbot.waitUntil(lambda: third_page.clinician.count() > 0, timeout=20000)
    assert third_page.message.text() == "" and third_page.unlock_button.isEnabled()
    third.shutdown()  # lets the vault go
    written = _patient_add(folder, tmp_path, "Erika Written")
    assert written.returncode == 0, written.stderr
