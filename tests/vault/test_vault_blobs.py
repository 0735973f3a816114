"""The encrypted, content-addressed blob store (DESIGN.md §2)."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pixiodoc_desktop.errors import BlobDamaged, RecordNotFound
from pixiodoc_desktop.vault import blobs, keys
from pixiodoc_desktop.vault.blobs import CHUNK_SIZE, BlobStore, blob_id_for, decrypt_blob

ID_KEY = keys.random_key()
OWNER_KEY = keys.random_key()
HEADER_SIZE = 25
TAG = 16


def _store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


def _put(store: BlobStore, data: bytes, owner: str = "patient-1") -> str:
    blob_id = blob_id_for(ID_KEY, owner, data)
    store.put(blob_id, data, OWNER_KEY)
    return blob_id


@pytest.mark.parametrize(
    "size",
    [0, 1, 4096, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 17],
)
def test_round_trip_at_chunk_boundaries(tmp_path: Path, size: int) -> None:
    store = _store(tmp_path)
    data = os.urandom(size)
    blob_id = _put(store, data)
    raw = store.read_raw(blob_id)
    chunks = max(1, -(-size // CHUNK_SIZE))
    assert len(raw) == HEADER_SIZE + size + chunks * TAG
    assert store.get(blob_id, OWNER_KEY) == data
    assert list(store.ids()) == [blob_id]
    assert store.path_for(blob_id).parent.name == blob_id[:2]


def test_content_address_is_keyed_and_per_owner() -> None:
    data = b"the same picture"
    one = blob_id_for(ID_KEY, "patient-1", data)
    assert one == blob_id_for(ID_KEY, "patient-1", data)
    assert one != blob_id_for(ID_KEY, "patient-2", data)
    assert one != blob_id_for(keys.random_key(), "patient-1", data)
    import hashlib

    assert one != hashlib.sha256(data).hexdigest()  # no plain content hash on disk


def test_put_is_idempotent(tmp_path: Path) -> None:
    store = _store(tmp_path)
    blob_id = _put(store, b"x" * 100)
    before = store.read_raw(blob_id)
    _put(store, b"x" * 100)
    assert store.read_raw(blob_id) == before


def test_plaintext_never_on_disk(tmp_path: Path) -> None:
    store = _store(tmp_path)
    marker = b"PLAINTEXT-MARKER-" * 64
    blob_id = _put(store, marker)
    assert b"PLAINTEXT-MARKER" not in store.read_raw(blob_id)


def _two_chunk_blob(tmp_path: Path, chunks: int = 3) -> tuple[BlobStore, str, bytes]:
    store = _store(tmp_path)
    data = os.urandom(CHUNK_SIZE * (chunks - 1) + 1000)
    return store, _put(store, data), data


def _expect_damaged(blob_id: str, raw: bytes, key: bytes = OWNER_KEY) -> None:
    with pytest.raises(BlobDamaged) as caught:
        decrypt_blob(blob_id, raw, key)
    assert blob_id[:12] in caught.value.message


def test_truncated_files_fail(tmp_path: Path) -> None:
    store, blob_id, _data = _two_chunk_blob(tmp_path)
    raw = store.read_raw(blob_id)
    step = CHUNK_SIZE + TAG
    for cut in (
        HEADER_SIZE + step,  # exactly at a chunk boundary: the last chunk is gone
        HEADER_SIZE + 2 * step,
        len(raw) - 1,
        HEADER_SIZE + 5,
        HEADER_SIZE,
        10,
        0,
    ):
        _expect_damaged(blob_id, raw[:cut])


def test_extended_files_fail(tmp_path: Path) -> None:
    store, blob_id, _data = _two_chunk_blob(tmp_path)
    raw = store.read_raw(blob_id)
    _expect_damaged(blob_id, raw + b"\x00")
    _expect_damaged(blob_id, raw + raw[HEADER_SIZE : HEADER_SIZE + CHUNK_SIZE + TAG])


def test_reordered_chunks_fail(tmp_path: Path) -> None:
    store, blob_id, _data = _two_chunk_blob(tmp_path)
    raw = store.read_raw(blob_id)
    step = CHUNK_SIZE + TAG
    head, body = raw[:HEADER_SIZE], raw[HEADER_SIZE:]
    first, second, rest = body[:step], body[step : 2 * step], body[2 * step :]
    _expect_damaged(blob_id, head + second + first + rest)


def test_swapped_ids_fail(tmp_path: Path) -> None:
    store = _store(tmp_path)
    one = _put(store, b"picture one" * 100)
    two = _put(store, b"picture two" * 100)
    os.replace(store.path_for(one), store.path_for(two))  # file of one under the name of two
    with pytest.raises(BlobDamaged):
        store.get(two, OWNER_KEY)


def test_wrong_owner_key_fails(tmp_path: Path) -> None:
    store = _store(tmp_path)
    blob_id = _put(store, b"picture" * 100)
    with pytest.raises(BlobDamaged, match="fails authentication"):
        store.get(blob_id, keys.random_key())


def test_flipped_bytes_anywhere_fail(tmp_path: Path) -> None:
    store = _store(tmp_path)
    blob_id = _put(store, os.urandom(3000))
    raw = store.read_raw(blob_id)
    for position in (0, 4, 5, 9, 12, HEADER_SIZE, HEADER_SIZE + 100, len(raw) - 1):
        flipped = bytearray(raw)
        flipped[position] ^= 0x40
        _expect_damaged(blob_id, bytes(flipped))


def test_missing_blob_is_named(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with pytest.raises(BlobDamaged, match="missing"):
        store.get("ab" * 32, OWNER_KEY)


def test_ids_must_look_like_ids(tmp_path: Path) -> None:
    store = _store(tmp_path)
    for bad in ("../../etc/passwd", "AB" * 32, "ab" * 31, ""):
        with pytest.raises(RecordNotFound):
            store.path_for(bad)


def test_listing_ignores_temp_files_and_strangers(tmp_path: Path) -> None:
    store = _store(tmp_path)
    blob_id = _put(store, b"keep")
    shard = store.path_for(blob_id).parent
    (shard / f".{blob_id}.abcdef.tmp").write_bytes(b"half")
    (shard / "notes.txt").write_bytes(b"?")
    assert list(store.ids()) == [blob_id]
    assert [p.name for p in store.temp_files()] == [f".{blob_id}.abcdef.tmp"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=300),
    chunk_size=st.integers(min_value=1, max_value=64),
    owner=st.text(min_size=1, max_size=8),
    damage=st.integers(min_value=0, max_value=10_000),
)
def test_round_trip_property(data: bytes, chunk_size: int, owner: str, damage: int) -> None:
    """Any content and chunking round-trips; any flipped byte or cut tail is caught."""
    with mock.patch.object(blobs, "CHUNK_SIZE", chunk_size):
        blob_id = blob_id_for(ID_KEY, owner, data)
        raw = b"".join(blobs.encrypt_blob(blob_id, data, OWNER_KEY))
    assert decrypt_blob(blob_id, raw, OWNER_KEY) == data
    flipped = bytearray(raw)
    flipped[damage % len(raw)] ^= 0x01
    with pytest.raises(BlobDamaged):
        decrypt_blob(blob_id, bytes(flipped), OWNER_KEY)
    with pytest.raises(BlobDamaged):
        decrypt_blob(blob_id, raw[: damage % len(raw)], OWNER_KEY)
