"""`pixiodoc sync ...` end to end (in-process, so that the in-memory keyring is shared)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from vault_support import MemoryKeyring, create_vault

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.settings import KEYRING_SERVICE
from pixiodoc_desktop.vault.vault import Vault
from tests.sync.sync_support import ACCESS_KEY, BUCKET, LOGIN, PASSWORD, SECRET_KEY, ClinicNet, Weed


def _run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str | Path,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _target(weed: Weed, prefix: str, region: str = "eu-central-1") -> list[str]:
    return [
        "--endpoint",
        weed.endpoint,
        "--region",
        region,
        "--bucket",
        BUCKET,
        "--prefix",
        prefix,
        "--access-key",
        ACCESS_KEY,
    ]


def test_configure_test_sync_enroll_and_join(
    clinic: ClinicNet,
    weed: Weed,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    made = create_vault(tmp_path / "front")
    user = ["--vault", made.folder, "--user", LOGIN, "--password-stdin"]
    code, out, err = _run(
        capsys,
        monkeypatch,
        "sync",
        "configure",
        *user,
        *_target(weed, clinic.prefix),
        stdin=f"{PASSWORD}\n{SECRET_KEY}\n",
    )
    assert code == 0, err
    assert "Sync set up" in out and "warning" not in err
    vault_id = Vault.open(made.folder).header.vault_id
    assert KEYRING_SERVICE in {s for s, _u in memory_keyring.entries}
    for path in tmp_path.rglob("*"):  # the secret is in the keyring only
        if path.is_file():
            assert SECRET_KEY.encode() not in path.read_bytes(), path

    code, out, err = _run(capsys, monkeypatch, "sync", "test", *user, stdin=f"{PASSWORD}\n")
    assert code == 0, err
    assert "Connection OK" in out

    code, out, err = _run(capsys, monkeypatch, "sync", *user, stdin=f"{PASSWORD}\n")
    assert code == 0, err
    assert re.search(r"pushed \d+ changes, 0 images; pulled 0 changes", out), out

    code, out, err = _run(
        capsys,
        monkeypatch,
        "sync",
        "enroll-code",
        *user,
        "--valid-minutes",
        "10",
        stdin=f"{PASSWORD}\n",
    )
    assert code == 0, err
    found = re.search(r"([0-9A-Z]{4}(?:-[0-9A-Z]{4}){8})", out)
    assert found, out
    new_pc = tmp_path / "exam-room"
    code, out, err = _run(
        capsys,
        monkeypatch,
        "sync",
        "join",
        "--vault",
        new_pc,
        *_target(weed, clinic.prefix),
        "--code",
        found.group(1),
        "--password-stdin",
        stdin=f"{SECRET_KEY}\n",
    )
    assert code == 0, err
    assert "Joined the clinic" in out
    # the same code works once only
    code, _out, err = _run(
        capsys,
        monkeypatch,
        "sync",
        "join",
        "--vault",
        tmp_path / "third",
        *_target(weed, clinic.prefix),
        "--code",
        found.group(1),
        "--password-stdin",
        stdin=f"{SECRET_KEY}\n",
    )
    assert code == 1 and err.count("\n") == 1 and "enrollment" in err

    room_user = ["--vault", new_pc, "--user", LOGIN, "--password-stdin"]
    code, out, err = _run(capsys, monkeypatch, "sync", "now", *room_user, stdin=f"{PASSWORD}\n")
    assert code == 0, err
    code, out, err = _run(capsys, monkeypatch, "sync", *user, stdin=f"{PASSWORD}\n")
    assert code == 0, err
    code, out, err = _run(
        capsys, monkeypatch, "sync", "status", *room_user, "--json", stdin=f"{PASSWORD}\n"
    )
    assert code == 0 and '"pending_changes"' in out
    stations = []
    for folder in (made.folder, new_pc):
        stations.append(log_in(Vault.open(folder), LOGIN, PASSWORD))
    try:
        assert (
            canonical_dump(stations[0][0])["clinicians"]
            == canonical_dump(stations[1][0])["clinicians"]
        )
        assert stations[1][0].vault.header.vault_id == vault_id
        assert stations[1][0].device_id != stations[0][0].device_id
    finally:
        for ws, actor in stations:
            lock(ws, actor, logged_out=True)


def test_region_warning_and_one_line_errors(
    clinic: ClinicNet,
    weed: Weed,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = create_vault(tmp_path / "pc")
    user = ["--vault", made.folder, "--user", LOGIN, "--password-stdin"]
    code, _out, err = _run(
        capsys,
        monkeypatch,
        "sync",
        "configure",
        *user,
        *_target(weed, clinic.prefix, region="us-east-1"),
        stdin=f"{PASSWORD}\nnot-the-secret\n",
    )
    assert code == 0
    assert "warning: The region 'us-east-1' is not in the EU" in err
    code, _out, err = _run(capsys, monkeypatch, "sync", "now", *user, stdin=f"{PASSWORD}\n")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("pixiodoc: The sync endpoint")
    assert "rejects the access key or secret" in err
    code, _out, err = _run(capsys, monkeypatch, "sync", stdin="")
    assert code == 2 and "--user" in err
