"""Durable writes: temp file, fsync, rename, fsync the folder; nothing left on failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pixiodoc_desktop.vault import blobs, durable, keys
from pixiodoc_desktop.vault.blobs import BlobStore, blob_id_for

OWNER_KEY = keys.random_key()


class Recorder:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: object) -> None:
        self.calls: list[str] = []
        real_fsync, real_replace = os.fsync, Path.replace

        def fsync(fd: int) -> None:
            self.calls.append("fsync file")
            real_fsync(fd)

        def replace(path: Path, target: Path) -> Path:
            self.calls.append("rename")
            return real_replace(path, target)

        def fsync_folder(folder: Path) -> None:
            self.calls.append("fsync folder")

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(Path, "replace", replace)
        monkeypatch.setattr(module, "fsync_folder", fsync_folder)


def test_write_order_of_atomic_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder(monkeypatch, durable)
    target = tmp_path / "file.bin"
    durable.write_atomically(target, [b"one", b"two"])
    assert recorder.calls == ["fsync file", "rename", "fsync folder"]
    assert target.read_bytes() == b"onetwo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.bin"]


def test_write_order_of_blobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder(monkeypatch, blobs)
    store = BlobStore(tmp_path / "blobs")
    data = b"picture" * 1000
    store.put(blob_id_for(OWNER_KEY, "p", data), data, OWNER_KEY)
    assert recorder.calls == ["fsync file", "rename", "fsync folder"]


def _failing_fsync(fd: int) -> None:
    raise OSError(5, "Input/output error")


def test_failed_atomic_write_leaves_no_temp_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "vault.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "fsync", _failing_fsync)
    with pytest.raises(OSError):
        durable.write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.json"]


def test_failed_blob_write_leaves_no_temp_and_no_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "blobs")
    data = b"picture" * 1000
    blob_id = blob_id_for(OWNER_KEY, "p", data)
    monkeypatch.setattr(os, "fsync", _failing_fsync)
    with pytest.raises(OSError):
        store.put(blob_id, data, OWNER_KEY)
    assert not store.exists(blob_id)
    assert list(store.temp_files()) == []
    assert list(store.ids()) == []


def test_interrupted_blob_write_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "blobs")
    data = b"picture" * 1000
    blob_id = blob_id_for(OWNER_KEY, "p", data)

    def interrupted(path: Path, target: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.put(blob_id, data, OWNER_KEY)
    assert list(store.temp_files()) == [] and not store.exists(blob_id)


def test_temp_names_are_hidden_unique_and_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "x" / "name"
    one, two = durable.temp_name_for(target), durable.temp_name_for(target)
    assert one != two
    assert one.parent == target.parent
    assert one.name.startswith(".name.") and one.name.endswith(durable.TEMP_SUFFIX)
