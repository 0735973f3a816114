"""Fixtures shared by the vault, clinic and end-to-end tests.

Every test gets an in-memory keyring and config/log/vault folders inside its
own tmp_path, so that nothing ever reaches the home folder or a real
credential store; a test that leaves a thread running fails. Vaults use the
minimum KDF to keep the suite fast. Helpers live in `vault_support.py`. The
GUI stays out of here: tests/gui has its own conftest.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from vault_support import (
    LOGIN,
    PASSWORD,
    SECOND_LOGIN,
    SECOND_PASSWORD,
    CliResult,
    CliRunner,
    Folders,
    MadeVault,
    MemoryKeyring,
    add_clinician,
    cli_env,
    create_vault,
    synthetic_jpeg,
)

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.vault import Vault

# --- isolation ------------------------------------------------------------------


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Nothing touches the OS credential store or a plaintext keyring file."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def pixiodoc_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folders:
    """Config, log and default vault folders of this test, all inside tmp_path."""
    folders = Folders(tmp_path / "config", tmp_path / "logs", tmp_path / "default-vault")
    monkeypatch.setenv("PIXIODOC_CONFIG_DIR", str(folders.config))
    monkeypatch.setenv("PIXIODOC_LOG_DIR", str(folders.logs))
    monkeypatch.setenv("PIXIODOC_VAULT", str(folders.default_vault))
    monkeypatch.delenv("PIXIODOC_DEBUG", raising=False)
    return folders


@pytest.fixture(autouse=True)
def no_thread_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a Python thread it started still running."""
    if "gui" in request.node.path.parts:  # Qt threads are the GUI conftest's business
        yield
        return
    before = set(threading.enumerate())
    yield
    leftover = [
        t
        for t in threading.enumerate()
        # threads of foreign (C-level) origin show up as dummies that never end
        if t not in before and t.is_alive() and not isinstance(t, threading._DummyThread)
    ]
    for thread in leftover:
        thread.join(timeout=2.0)
    still = [t.name for t in leftover if t.is_alive()]
    if still:
        pytest.fail(f"threads left running after the test: {', '.join(still)}")


@pytest.fixture(autouse=True)
def remembered_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id runs once per (password, salt, settings) in this process, not at every
    unlock: the vaults copied from one template share their salt, and the same password
    opens each (~30 ms of CPU each time, ~300 times in tests/clinic and tests/vault alone).
    The first call computes the real key and later ones return those same bytes, so every
    unlock, refusal and re-wrap behaves as before; a wrong password or a new salt is a new
    computation. Tests of the KDF itself are marked `real_kdf` and compute every call."""
    if request.node.get_closest_marker("real_kdf"):
        return
    real = keys.password_key

    def remembered(password: str, salt: bytes, params: keys.KdfParams) -> bytes:
        entry = (password, bytes(salt), params)
        if entry not in _KDF_RESULTS:
            _KDF_RESULTS[entry] = real(password, salt, params)
        return _KDF_RESULTS[entry]

    monkeypatch.setattr(keys, "password_key", remembered)


_KDF_RESULTS: dict[tuple[str, bytes, keys.KdfParams], bytes] = {}


# --- vaults and clinicians ---------------------------------------------------------


@pytest.fixture
def made_vault(tmp_path: Path) -> MadeVault:
    """A new vault (fast KDF), locked again."""
    return create_vault(tmp_path / "vault")


@pytest.fixture
def vault(made_vault: MadeVault) -> Iterator[Vault]:
    """The vault opened, still locked."""
    opened = Vault.open(made_vault.folder)
    yield opened
    opened.lock()


@pytest.fixture
def logged_in(vault: Vault) -> Iterator[tuple[Workstation, Actor]]:
    """The first Admin logged in on this workstation; logged out afterwards."""
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    yield ws, actor
    lock(ws, actor, logged_out=True)


@pytest.fixture
def workstation(logged_in: tuple[Workstation, Actor]) -> Workstation:
    return logged_in[0]


@pytest.fixture
def actor(logged_in: tuple[Workstation, Actor]) -> Actor:
    return logged_in[1]


@pytest.fixture
def services(workstation: Workstation) -> ClinicServices:
    return ClinicServices.for_workstation(workstation)


@pytest.fixture
def second_clinician(workstation: Workstation) -> Actor:
    """A clinician (not a workspace Admin) with no grant on anything yet."""
    return add_clinician(workstation, SECOND_LOGIN, SECOND_PASSWORD)


# --- the clinic's bucket ------------------------------------------------------------------


@pytest.fixture(scope="session")
def weed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One SeaweedFS on loopback for the whole run: the sync tests and every GUI test that
    syncs, shares a link or relays a phone through the bucket (each keeps to a bucket
    prefix of its own). Started on first use, once: each start takes 4-9 s."""
    from tests.sync.sync_support import Weed  # boto3 and the sync machinery: when used

    server = Weed(tmp_path_factory.mktemp("weed") / "data")
    server.start(new_ports_on_clash=True)
    try:
        yield server
    finally:
        server.kill()


# --- images ----------------------------------------------------------------------------


@pytest.fixture
def make_jpeg() -> Callable[..., bytes]:
    return synthetic_jpeg


@pytest.fixture
def jpeg_bytes() -> bytes:
    """A small synthetic skin photo taken on 14 March 2025."""
    return synthetic_jpeg(1, captured_at=dt.datetime(2025, 3, 14, 9, 30))


# --- the command line as a subprocess ----------------------------------------------------


@pytest.fixture
def cli(tmp_path: Path, pixiodoc_dirs: Folders) -> CliRunner:
    """Run `pixiodoc ARGS...` as a subprocess; `stdin` is the text fed to it."""

    def run(*args: str | Path, stdin: str = "", env: dict[str, str] | None = None) -> CliResult:
        done = subprocess.run(
            [sys.executable, "-m", "pixiodoc_desktop", *map(str, args)],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=cli_env(env),
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """`pixiodoc ARGS...` in this process (the parser, handlers and error paths of
    `cli.main`, without a subprocess's start-up; `cli` runs the real thing)."""
    from pixiodoc_desktop.cli import main  # the command line, only for tests that run it

    def run(*args: str | Path, stdin: str = "", env: dict[str, str] | None = None) -> CliResult:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)

    return run
