"""Hostile case bundles: validly encrypted, but built to exhaust memory or break the import.

A sender (careless or malicious) holds the passphrase, so encryption proves
nothing about the contents. A 1.5 GB entry of zeros deflates to 1.6 MB;
opening it used to take 3.3 GB of memory and import it. Each hostile bundle
here is refused with a clear message, within bounded memory (measured in a
child process), and leaves nothing behind.
"""

from __future__ import annotations

import json
import secrets
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from vault_support import ROOT, cli_env, create_vault, synthetic_jpeg

from pixiodoc_desktop.clinic.exchange.case_bundle.container import (
    FORMAT,
    VERSION,
    check_value,
    pack,
)
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.keys import MINIMUM_KDF

PASSPHRASE = "Walnuss-Brücke-Mondlicht-2026"
MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    stream: bytes  # as stored in the zip (raw deflate when `size` differs)
    size: int
    crc: int
    deflated: bool


def stored(name: str, data: bytes) -> Entry:
    return Entry(name, data, len(data), zlib.crc32(data), deflated=False)


def zeros(name: str, mib: int, *, declared_mib: int | None = None) -> Entry:
    """`mib` MiB of zeros as raw deflate, built from one repeated full-flush block (fast)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(MiB)
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    steady = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    stream = first + steady * (mib - 1) + packer.flush()
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(block, crc)
    return Entry(name, stream, (declared_mib or mib) * MiB, crc, deflated=True)


def zip_of(entries: list[Entry]) -> bytes:
    """A minimal zip (no zip64: every size here is below 4 GiB) with sizes as declared."""
    local, central = bytearray(), bytearray()
    for entry in entries:
        name = entry.name.encode()
        method = 8 if entry.deflated else 0
        fields = (method, 0, 0x21, entry.crc, len(entry.stream), entry.size, len(name))
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, *fields, 0, 0, 0, 0, 0, len(local)
        )
        central += name
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, *fields, 0) + name + entry.stream
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(local), 0
    )
    return bytes(local + central + end)  # fmt: skip


def manifest(photos: int = 1) -> bytes:
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "created": "2026-01-02",
            "expires": "2099-01-01",
            "from_clinic": "Praxis Unbekannt",
            "patient": {"family_name": "Bombe", "given_name": "Berta", "birth_date": None},
            "consents": [],
            "visits": [{"id": "v1", "visit_date": "2026-01-02"}],
            "photos": [
                {"id": f"p{n}", "visit_id": "v1", "original": f"photos/p{n}/original"}
                for n in range(photos)
            ],
        }
    ).encode()


def sealed(payload: bytes) -> bytes:
    """A validly encrypted passphrase bundle around `payload` (as a sender would make it)."""
    salt = secrets.token_bytes(16)
    key = keys.password_key(PASSPHRASE, salt, MINIMUM_KDF)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "expires": "2099-01-01",
        "created": "2026-01-02",
        "protection": {
            "type": "passphrase",
            "kdf": "argon2id",
            "salt": keys.b64(salt),
            "memory_kib": MINIMUM_KDF.memory_kib,
            "iterations": MINIMUM_KDF.iterations,
            "lanes": MINIMUM_KDF.lanes,
        },
        "check": check_value(key),
    }
    return pack(header, payload, key)


# Runs in a child so that its peak memory (ru_maxrss) is this import's alone; the
# address-space cap keeps a regression from taking the machine down with it.
_CHILD = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
from pixiodoc_desktop.clinic.access.login import log_in
from pixiodoc_desktop.clinic.exchange.case_bundle import CaseBundles
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.vault.vault import Vault
folder, login, password, passphrase, *bundles = sys.argv[1:]
ws, actor = log_in(Vault.open(Path(folder)), login, password)
outcomes = []
for bundle in bundles:
    try:
        CaseBundles(ws).import_file(actor, Path(bundle), passphrase=passphrase)
        outcomes.append("imported")
    except (PixioDocError, MemoryError) as error:
        outcomes.append(f"{type(error).__name__}: {error}")
# VmHWM is this program's own peak: ru_maxrss would carry over the forking pytest's
# resident size across exec, which is larger than the limit in a whole-suite run.
status = Path("/proc/self/status").read_text().splitlines()
peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"outcomes": outcomes, "peak_mib": peak_kib // 1024}))
"""


def test_bombs_and_misshapen_bundles_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    made = create_vault(tmp_path / "vault")
    photo = synthetic_jpeg(990)
    bundles = {
        # 1.5 GB of zeros in 1.6 MB, its size declared honestly.
        "zero-bomb": [stored("manifest.json", manifest()), zeros("photos/p0/original", 1536)],
        # Under the per-entry limit, but a ratio no photo has.
        "ratio-bomb": [stored("manifest.json", manifest()), zeros("photos/p0/original", 200)],
        # Declares 1 MiB and inflates to 64: zipfile stops at the declared size.
        "liar": [stored("manifest.json", manifest()), zeros("photos/p0/original", 64, declared_mib=1)],
        # A manifest whose parts are not lists of objects.
        "misshapen": [
            stored("manifest.json", manifest().replace(b'"visits": [{', b'"visits": ["x", {')),
            stored("photos/p0/original", photo),
        ],
    }  # fmt: skip
    paths = []
    for name, entries in bundles.items():
        path = tmp_path / f"{name}.pxcase"
        path.write_bytes(sealed(zip_of(entries)))
        assert path.stat().st_size < 2 * MiB
        paths.append(str(path))
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, made.folder, made.login, made.password, PASSPHRASE, *paths],
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    zero, ratio, liar, misshapen = result["outcomes"]
    assert zero == (
        "BundleRefused: The case bundle was refused: its entry photos/p0/original unpacks "
        "to 1536 MB (limit 300 MB)"
    )
    assert ratio.startswith(
        "BundleRefused: The case bundle was refused: its entry photos/p0/original would "
        "unpack from "
    ) and ratio.endswith("to 200 MB (a decompression bomb)")
    assert liar == "BundleRefused: The case bundle's contents are damaged"
    assert misshapen == "BundleRefused: The case bundle's contents are damaged (its visits part)"
    # The child's whole life (Python, OpenCV, SQLCipher, the refusals) stays small.
    print(f"peak memory of the importing child: {result['peak_mib']} MiB")
    assert result["peak_mib"] < 400, result
    # Nothing was written: no patient, no image object.
    assert not [p for p in (made.folder / "blobs").rglob("*") if p.is_file()]


def test_the_zero_block_builder_makes_what_it_declares() -> None:
    entry = zeros("x", 3)
    inflated = zlib.decompressobj(-15).decompress(entry.stream)
    assert len(inflated) == entry.size and not any(inflated)
    assert zlib.crc32(inflated) == entry.crc
