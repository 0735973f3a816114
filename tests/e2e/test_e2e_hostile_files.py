"""Files that are not files: a pipe or a device named like a photo is refused at once.

Reading a FIFO waits for a writer forever and /dev/zero never ends; both used
to hang `pixiodoc import` (or fill memory). They are refused before they are read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from vault_support import LOGIN, PASSWORD, CliRunner, create_vault, synthetic_jpeg

PW = PASSWORD + "\n"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes and devices")


def test_import_refuses_a_pipe_and_a_device_named_like_photos(
    cli: CliRunner, tmp_path: Path
) -> None:
    made = create_vault(tmp_path / "vault")
    base = ("--vault", made.folder, "--user", LOGIN, "--password-stdin")
    patient = cli("patient", "add", *base, "--name", "Pipe, Paula", stdin=PW).stdout.strip()
    pipe = tmp_path / "b.jpg"
    os.mkfifo(pipe)
    device = tmp_path / "c.jpg"
    device.symlink_to("/dev/zero")
    good = tmp_path / "a.jpg"
    good.write_bytes(synthetic_jpeg(920))

    result = cli("import", *base, "--patient", patient, good, pipe, device, stdin=PW)

    assert result.code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "1 imported, 0 duplicates, 2 refused"
    refusals = [line for line in result.stderr.splitlines() if line.startswith("refused:")]
    assert any(
        "b.jpg is not a picture file (a pipe); only regular files can be imported" in line
        for line in refusals
    ), refusals
    assert any("c.jpg is not a picture file (a device)" in line for line in refusals), refusals
    assert "Traceback" not in result.output


def test_case_import_refuses_a_pipe_named_like_a_bundle(cli: CliRunner, tmp_path: Path) -> None:
    made = create_vault(tmp_path / "vault")
    pipe = tmp_path / "fall.pxcase"
    os.mkfifo(pipe)
    base = ("--vault", made.folder, "--user", LOGIN, "--password-stdin")
    result = cli("case", "import", *base, pipe, stdin=PW)
    assert result.code == 1
    assert result.stderr.strip() == "pixiodoc: fall.pxcase is not a case bundle file"
