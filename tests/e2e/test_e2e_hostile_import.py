"""Hostile files through `pixiodoc import`: each gets one clear refusal, nothing half-written."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

from vault_support import LOGIN, PASSWORD, CliRunner, create_vault, synthetic_jpeg

PW = PASSWORD + "\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 60000, height: int = 60000) -> bytes:
    """A tiny, well-formed PNG that declares 3.6 gigapixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def jpeg_bomb() -> bytes:
    """A real small JPEG whose frame header claims 65000 x 65000 pixels."""
    data = bytearray(synthetic_jpeg(901))
    sof = data.find(b"\xff\xc0")
    assert sof > 0
    struct.pack_into(">HH", data, sof + 5, 65000, 65000)
    return bytes(data)


def test_png_bomb_is_well_formed() -> None:
    data = png_bomb()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < 200
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    assert struct.unpack(">II", data[16:24]) == (60000, 60000)
    assert struct.unpack(">I", data[29:33])[0] == zlib.crc32(data[12:29])


def test_hostile_corpus(cli: CliRunner, tmp_path: Path) -> None:
    made = create_vault(tmp_path / "vault")
    base = ("--vault", made.folder, "--user", LOGIN, "--password-stdin")
    added = cli("patient", "add", *base, "--name", "Müller, Erika", stdin=PW)
    assert added.code == 0, added.output
    patient = added.stdout.strip()

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good_jpeg = synthetic_jpeg(900)
    hostile = {
        "leer.jpg": (b"", "empty (0 bytes)"),
        "abgeschnitten.jpg": (good_jpeg[: len(good_jpeg) // 2], "damaged"),
        "befund.jpg": ("Befund: Ödem am Unterschenkel\n".encode(), "not an image"),
        "bombe.png": (png_bomb(), "too large"),
        "riesig.jpg": (jpeg_bomb(), "too large"),
        "rauschen.jpg": (bytes(range(7, 256)) * 17 + os.urandom(1000), "not an image"),
    }
    paths = []
    for name, (content, _reason) in hostile.items():
        path = corpus / name
        path.write_bytes(content)
        paths.append(path)
    odd_folder = corpus / "Patientin Müller"
    odd_folder.mkdir()
    good = odd_folder / "Ödem Foto 1.jpg"
    good.write_bytes(good_jpeg)

    result = cli("import", *base, "--patient", patient, *paths, good, stdin=PW)
    assert result.code == 0, result.output
    assert "Traceback" not in result.output
    assert (
        result.stdout.strip().splitlines()[-1]
        == f"1 imported, 0 duplicates, {len(hostile)} refused"
    )
    refusals = [line for line in result.stderr.splitlines() if line.startswith("refused:")]
    assert len(refusals) == len(hostile), result.stderr
    for name, (_content, reason) in hostile.items():
        lines = [line for line in refusals if name in line]
        assert len(lines) == 1, (name, refusals)
        assert reason in lines[0], (name, lines[0])
    assert not any("Ödem Foto 1.jpg" in line for line in refusals)

    photos = cli("photo", "list", *base, "--patient", patient, stdin=PW)
    assert len(photos.stdout.strip().splitlines()) == 1
    verified = cli("vault", "verify", *base, stdin=PW)
    assert verified.code == 0, verified.output
    assert verified.stdout.startswith("OK: 1 photo, 3 image objects")
    blobs = [p for p in (made.folder / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == 3, "refused files must leave no object behind"


def test_a_folder_with_unicode_and_spaces_imports(cli: CliRunner, tmp_path: Path) -> None:
    made = create_vault(tmp_path / "vault")
    base = ("--vault", made.folder, "--user", LOGIN, "--password-stdin")
    patient = cli("patient", "add", *base, "--name", "Müller, Erika", stdin=PW).stdout.strip()
    folder = tmp_path / "Patientin Müller"
    folder.mkdir()
    (folder / "Ödem Foto 1.jpg").write_bytes(synthetic_jpeg(910))
    (folder / "Ödem Foto 2.JPG").write_bytes(synthetic_jpeg(911))
    (folder / "leer.jpg").write_bytes(b"")
    result = cli("import", *base, "--patient", patient, folder, stdin=PW)
    assert result.code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "2 imported, 0 duplicates, 1 refused"
    assert "leer.jpg" in result.stderr and "empty" in result.stderr
