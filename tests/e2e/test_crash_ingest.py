"""SIGKILL an ingesting process at random moments: nothing promised is lost, nothing leaks.

Even runs ingest photo by photo, odd runs import card folders in batches (group
commit: one transaction and one round of folder fsyncs per batch); both report a
photo only once the vault says it is stored.

At least 30 kills (more with $PIXIODOC_CRASH_KILLS); the moments come from a
seeded generator ($PIXIODOC_CRASH_SEED) so that a failure can be replayed.
"""

from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from vault_support import (
    LOGIN,
    PASSWORD,
    CliRunner,
    cli_env,
    create_vault,
    plaintext_findings,
)

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import ImageSize, Photos
from pixiodoc_desktop.vault.vault import Vault

WORKER = Path(__file__).with_name("crash_ingest_worker.py")
KILLS = max(30, int(os.environ.get("PIXIODOC_CRASH_KILLS", "30")))
PATIENTS = ("Knallmeyer, Wendelgard", "Ščerbakova, Ljudmila", "Brösel-Kaputtke, Theodor")


def _complete_lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = text.split("\n")
    return [line for line in lines[:-1] if line]  # a cut-off last line is no promise


def _ended(pid: int) -> bool:
    """The worker has ended (a zombie until its parent, the fork server, reaps it)."""
    stat = Path(f"/proc/{pid}/stat").read_text("ascii", errors="replace")
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def _wait_for_lines(path: Path, count: int, pid: int, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if len(_complete_lines(path)) >= count or _ended(pid):
            return
        time.sleep(0.01)


class ForkServer:
    """`crash_ingest_worker.py --fork-server`: starts workers with their imports done."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), "--fork-server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            cwd=cwd,
            text=True,
        )

    def _ask(self, line: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        assert answer, f"the fork server ended (exit {self.proc.wait(30)})"
        return answer.strip()

    def start(self, out: Path, err: Path, *args: str) -> int:
        out.touch()  # read while the worker may not have opened it yet
        err.touch()
        return int(self._ask(" ".join(["start", str(out), str(err), *args])))

    def reap(self, pid: int) -> int:
        return int(self._ask(f"reap {pid}"))

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(30)
        self.proc.stdout.close()


@pytest.mark.slow
@pytest.mark.timeout(max(300, 15 * KILLS))  # a loaded machine can take seconds per kill
def test_sigkill_during_ingest_loses_nothing_promised(cli: CliRunner, tmp_path: Path) -> None:
    kills = KILLS
    seed = int(os.environ.get("PIXIODOC_CRASH_SEED", "20261127"))
    rng = random.Random(seed)
    made = create_vault(tmp_path / "vault")
    vault = Vault.open(made.folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    patient_ids = []
    for name in PATIENTS:
        family, given = (part.strip() for part in name.split(","))
        patient_ids.append(Patients(ws).create(actor, family_name=family, given_name=given).id)
    lock(ws, actor)

    temp = tmp_path / "tmp"
    temp.mkdir()
    env = cli_env({"TMPDIR": str(temp), "PIXIODOC_CRASH_PASSWORD": PASSWORD})
    promised: list[str] = []
    promised_by_batches: list[str] = []
    killed_mid_ingest = 0
    workers = ForkServer(env, tmp_path)
    try:
        for run in range(kills):
            out, err = tmp_path / f"run-{run}.out", tmp_path / f"run-{run}.err"
            pid = workers.start(out, err, str(made.folder), str(run), *patient_ids)
            try:
                if rng.random() < 0.4:
                    time.sleep(rng.uniform(0.05, 1.5))  # counted from the start
                else:
                    _wait_for_lines(out, rng.randint(1, 4), pid, limit=30)  # "ready" + some ids
                    time.sleep(rng.uniform(0.05, 1.5))
            finally:
                os.kill(pid, signal.SIGKILL)
                returncode = workers.reap(pid)
            problem = err.read_text("utf-8", errors="replace")
            assert returncode == -signal.SIGKILL, (
                f"run {run} (seed {seed}) ended by itself:\n{problem}"
            )
            assert "Traceback" not in problem, f"run {run} (seed {seed}):\n{problem}"
            lines = _complete_lines(out)
            ids = [line for line in lines if line != "ready"]
            killed_mid_ingest += bool(lines and lines[0] == "ready")
            promised.extend(ids)
            if run % 2:
                promised_by_batches.extend(ids)
    finally:
        workers.close()
    assert killed_mid_ingest >= kills // 3, "too few kills landed while ingesting"
    assert len(set(promised)) >= kills // 2, "the workers ingested too little to prove anything"
    assert len(set(promised_by_batches)) >= 16, "too few batches committed to prove anything"

    verified = cli(
        "vault", "verify", "--vault", made.folder, "--user", LOGIN, "--password-stdin",
        stdin=PASSWORD + "\n", env={"TMPDIR": str(temp)},
    )  # fmt: skip
    assert verified.code == 0, f"seed {seed}: {verified.output}"

    vault = Vault.open(made.folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:
        photos = Photos(ws)
        stored = {p.id for pid in patient_ids for p in photos.list(actor, pid)}
        missing = set(promised) - stored
        assert not missing, f"seed {seed}: promised photos lost: {sorted(missing)[:5]}"
        for photo_id in sorted(set(promised)):
            data = photos.image(actor, photo_id, ImageSize.ORIGINAL, audited=False)
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                assert image.size == (192, 144)
    finally:
        lock(ws, actor)

    words = [part.strip() for name in PATIENTS for part in name.split(",")]
    assert plaintext_findings([made.folder, temp], words) == []
    assert not list((made.folder / "blobs").rglob("*.tmp"))
