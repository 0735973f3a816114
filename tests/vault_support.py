"""Helpers for the vault, clinic and end-to-end tests (the fixtures live in conftest.py).

A module of its own, not conftest, so that test files can import it by a
name no other conftest.py in the tree shadows. The benchmarks use its MemoryKeyring
(benchmarks/_keyring.py), so it depends on nothing from pytest.
"""

from __future__ import annotations

import atexit
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring.backend
import keyring.errors
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the package may be used from the source tree, not installed
    sys.path.insert(0, str(ROOT))

from pixiodoc_desktop.clinic.workstation import Actor, Workstation  # noqa: E402
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for  # noqa: E402
from pixiodoc_desktop.vault.keys import MINIMUM_KDF  # noqa: E402
from pixiodoc_desktop.vault.schema import Clinician  # noqa: E402
from pixiodoc_desktop.vault.vault import Vault  # noqa: E402

CLINIC = "Hautarztpraxis Teststraße"
LOGIN = "dr.weber"
ADMIN_NAME = "Dr. Anna Weber"
PASSWORD = "Lichtung-Ahorn-Kiesel-47"
SECOND_LOGIN = "dr.kaya"
SECOND_PASSWORD = "Brandung-Zeder-Mosaik-83"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(f"no entry for {service}/{username}")


@dataclass(frozen=True, slots=True)
class Folders:
    """This test's config, log and default vault folders (inside its tmp_path)."""

    config: Path
    logs: Path
    default_vault: Path


# --- vaults and clinicians -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MadeVault:
    """A freshly created (and locked again) vault and how to open it."""

    folder: Path
    recovery_key: str
    login: str = LOGIN
    password: str = PASSWORD


def new_vault(folder: Path) -> MadeVault:
    """A brand-new vault with the fast KDF (its own ids and keys), locked again."""
    vault, recovery_key = Vault.create(
        folder,
        clinic_name=CLINIC,
        admin_login=LOGIN,
        admin_name=ADMIN_NAME,
        password=PASSWORD,
        kdf=MINIMUM_KDF,
    )
    vault.lock()
    return MadeVault(vault.folder, recovery_key)


_template: MadeVault | None = None


def create_vault(folder: Path) -> MadeVault:
    """A new, empty vault at `folder`: a copy of one made once per test run.

    Creating a vault runs every schema migration; copying a locked one is
    far quicker. Copies share keys and ids, which no test here minds (tests
    that need a second, foreign vault call `new_vault`).
    """
    global _template
    if _template is None:
        base = Path(tempfile.mkdtemp(prefix="pixiodoc-vault-template-"))
        atexit.register(shutil.rmtree, base, True)
        _template = new_vault(base / "vault")
    shutil.copytree(_template.folder, folder)
    return MadeVault(folder.resolve(), _template.recovery_key)


def add_clinician(ws: Workstation, login: str, password: str, *, role: str = "clinician") -> Actor:
    """Another clinician with a password of their own (test setup, not a service)."""
    user_id = str(uuid.uuid4())
    display = f"Dr. {login.split('.')[-1].title()}"
    with ws.vault.write_session() as session, session.begin():
        session.add(Clinician(id=user_id, login=login, display_name=display, role=role))
    ws.vault.set_password(user_id, login, display, password, kdf=MINIMUM_KDF)
    return Actor(user_id, login, display, role)


# --- images ------------------------------------------------------------------------------


def synthetic_jpeg(
    seed: int = 1,
    *,
    size: tuple[int, int] = (320, 240),
    captured_at: dt.datetime | None = None,
    camera_model: str | None = "Test Camera 1",
    condition: str = "acne",
) -> bytes:
    """A small skin-like JPEG from the demo renderer; different seeds, different pictures."""
    pixels = render_photo(scene_for(seed, condition), 0, 1, size=size)
    pixels[:2, :2] = [seed % 256, (seed // 256) % 256, 7]  # distinct even if scenes coincide
    return encode_jpeg(
        pixels,
        captured_at=captured_at,
        camera_make="TestMake" if camera_model else None,
        camera_model=camera_model,
    )


def synthetic_png(seed: int = 1, size: tuple[int, int] = (64, 48)) -> bytes:
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 255, size=(size[1], size[0], 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()


def decodes(data: bytes) -> tuple[int, int]:
    """The size of a whole, decodable image (raises if it is not one)."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.size


# --- the command line as a subprocess ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CliResult:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


CliRunner = Callable[..., CliResult]
"""`cli(*args, stdin="", env=None)` runs `pixiodoc ARGS...` as a subprocess (a conftest fixture)."""


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a `pixiodoc` subprocess: this test's folders, no real keyring."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PIXIODOC_DEBUG", None)
    env.update(extra or {})
    return env


def start_cli(args: list[str], *, cwd: Path, password: str = PASSWORD) -> subprocess.Popen[str]:
    """A long-running `pixiodoc ARGS` (watch, phone pair) started as a clinician starts it,
    the password typed on stdin (`--password-stdin`); the caller reads its stdout and ends it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "pixiodoc_desktop", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=cwd,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(password + "\n")
    process.stdin.flush()
    return process


# --- scanning for plaintext ----------------------------------------------------------------

# A bare FF D8 FF turns up by chance about once in 16 MiB of ciphertext, so a
# JPEG counts as leaked when that signature is followed by a real first
# segment (JFIF, Exif, a quantisation table or a comment), or when a file
# starts with the bare signature. PNG's 8-byte signature is specific enough.
_JPEG_ANYWHERE = re.compile(
    rb"\xff\xd8\xff(?:\xe0..JFIF\x00|\xe1..Exif\x00\x00|\xdb\x00[\x43\x84]|\xfe)", re.DOTALL
)
_PNG_ANYWHERE = re.compile(rb"\x89PNG\r\n\x1a\n")


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def plaintext_findings(folders: Iterable[Path], words: Iterable[str]) -> list[str]:
    """Every file under `folders` that holds an image signature or one of `words`."""
    needles: list[tuple[str, bytes]] = []
    for word in words:
        for form in {word, _fold(word)}:
            needles.append((word, form.encode("utf-8")))
            needles.append((word, form.encode("utf-16-le")))
            needles.append((word, form.encode("utf-16-be")))
    findings: list[str] = []
    for folder in folders:
        if not folder.exists():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            if data[:3] == b"\xff\xd8\xff" or data[:4] == b"\x89PNG":
                findings.append(f"{path}: starts with an image signature")
            if _JPEG_ANYWHERE.search(data):
                findings.append(f"{path}: holds a JPEG")
            if _PNG_ANYWHERE.search(data):
                findings.append(f"{path}: holds a PNG")
            lowered = data.lower()
            for word, needle in needles:
                if needle in data or needle.lower() in lowered:
                    findings.append(f"{path}: holds {word!r}")
                    break
    return findings


def search_words_of(key: str) -> set[str]:
    """The words migration 0015 indexes for a search key, worked out here independently:
    each space-separated token and each piece of it after a '-' or an apostrophe, cut
    at 32 characters."""
    out: set[str] = set()
    for token in key.split(" "):
        pieces = re.split(r"[-']", token)
        out.update(word[:32] for word in [token, *pieces[1:]] if word)
    return out


def assert_search_words_in_step(session: Any) -> None:
    """The word index (patient_words) holds exactly the words of every patient's key."""
    from sqlalchemy import text

    indexed = set(
        session.execute(text("SELECT word, search_key, patient_rowid FROM patient_words"))
    )
    keys = session.execute(text("SELECT rowid, search_key FROM patients")).all()
    expected = {(word, key, rowid) for rowid, key in keys for word in search_words_of(key)}
    assert {tuple(row) for row in indexed} == expected
