"""The parts (chunks) of a snapshot a joiner takes, fetched and checked (snapshot_take.py).

A part is used only when its sealed bytes have the SHA-256 the manifest names and it
opens (AES-GCM under the ops key, its own name as associated data) as the part the
manifest says it is. Parts are fetched `AHEAD` at a time on threads while one is
applied. The spool (a folder in the vault) holds the sealed bytes of parts checked
before anything was applied (the directory stage, and the last part): nothing plain
reaches the disk.

The directory stage is what a PC needs to be used: clinicians (logging in), patients
(the list, and the search words their triggers write), patient keys, settings,
grants and emergency accesses (who sees which patient), and what the writer's order
puts between them (consents). The writer's order puts these first
(snapshot_write.record_order), so the stage ends with the first part whose last entry
comes after all of them in that order, or that holds no records at all.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Generator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json
from pixiodoc_desktop.sync.snapshot_write import record_order
from pixiodoc_desktop.sync.snapshots import Manifest, chunk_key
from pixiodoc_desktop.sync.store import NotFound, ObjectStore

SPOOL = "sync-snapshot"  # folder in the vault: sealed parts checked before they are applied
AHEAD = 4  # parts fetched ahead, on threads, while one is applied
DIRECTORY = frozenset(
    {"clinicians", "patients", "patient_keys", "settings", "grants", "emergency_accesses"}
)
KINDS = ("records", "conflicts", "audit")


class Refused(Exception):
    """A snapshot that is not used (the reason is audited); internal. `untouched`: found
    before anything of it was applied here."""

    untouched = True


def _directory_rank() -> int:
    order = record_order()
    return max(order[name] for name in DIRECTORY if name in order)


def ends_directory(document: dict[str, Any]) -> bool:
    """Whether every directory entry is in this part or before it."""
    items = document["items"]
    if document["kind"] != "records" or not items:
        return True
    order = record_order()
    return order.get(str(items[-1]["e"]), len(order)) > _directory_rank()


def spool_path(folder: Path, manifest: Manifest, n: int) -> Path:
    return folder / SPOOL / f"{manifest.sid}-{n:06d}"


def fetch(store: ObjectStore, keys: SyncKeys, manifest: Manifest, n: int) -> bytes:
    """Part `n` from the bucket, its bytes the ones the manifest names."""
    try:
        data = store.get(chunk_key(store, keys, manifest.sid, n))
    except NotFound:
        raise Refused(f"chunk {n} is missing") from None
    if hashlib.sha256(data).hexdigest() != manifest.chunks[n][0]:
        raise Refused(f"chunk {n} does not match the manifest")
    return data


def open_part(
    store: ObjectStore, keys: SyncKeys, manifest: Manifest, n: int, data: bytes
) -> dict[str, Any]:
    """The part's document, checked to be the part its manifest names."""
    if hashlib.sha256(data).hexdigest() != manifest.chunks[n][0]:
        raise Refused(f"chunk {n} changed on this disk")
    try:
        document = open_json(keys.ops, data, name=chunk_key(store, keys, manifest.sid, n))
    except SyncDataDamaged:
        raise Refused(f"chunk {n} does not open") from None
    last = n == len(manifest.chunks) - 1
    if last and not document.get("last"):
        raise Refused("its manifest leaves chunks out")
    if (
        document.get("snapshot") != manifest.sid
        or document.get("n") != n
        or bool(document.get("last")) != last
        or document.get("kind") not in KINDS
        or not isinstance(document.get("items"), list)
    ):
        raise Refused(f"chunk {n} is not the chunk its manifest names")
    return document


def spooled(folder: Path, manifest: Manifest, n: int) -> bytes | None:
    path = spool_path(folder, manifest, n)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == manifest.chunks[n][0] else None


def spool(folder: Path, manifest: Manifest, n: int, data: bytes) -> None:
    path = spool_path(folder, manifest, n)
    path.parent.mkdir(exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(path)


def fetched(
    store: ObjectStore, keys: SyncKeys, manifest: Manifest, folder: Path, numbers: range
) -> Generator[tuple[int, bytes], None, None]:
    """(n, sealed bytes) of these parts in order: from the spool, else the bucket,
    `AHEAD` fetched at once. A part that fails raises Refused when its turn comes.
    Parts fetched ahead but not taken (the caller stopped) go into the spool."""
    waiting: dict[int, Future[bytes]] = {}
    try:
        with ThreadPoolExecutor(AHEAD, thread_name_prefix="pixiodoc-snapshot") as pool:
            ahead = iter(numbers)

            def top_up() -> None:
                while len(waiting) < AHEAD:
                    n = next(ahead, None)
                    if n is None:
                        return
                    data = spooled(folder, manifest, n)
                    if data is not None:
                        done: Future[bytes] = Future()
                        done.set_result(data)
                        waiting[n] = done
                    else:
                        waiting[n] = pool.submit(fetch, store, keys, manifest, n)

            try:
                for n in numbers:
                    top_up()
                    yield n, waiting.pop(n).result()
            finally:
                for future in waiting.values():
                    future.cancel()
    finally:
        for n, future in waiting.items():  # the pool is shut down: each one ended
            if not future.cancelled() and future.exception() is None:
                with contextlib.suppress(OSError):
                    spool(folder, manifest, n, future.result())


def check_directory_stage(
    store: ObjectStore, keys: SyncKeys, manifest: Manifest, folder: Path
) -> int:
    """Before anything of a snapshot is applied: fetch and check every part of the
    directory stage and the last part, into the spool; returns how many parts the
    stage has. Raises Refused (untouched) for the first that fails."""
    total = len(manifest.chunks)
    stage = total
    with contextlib.closing(fetched(store, keys, manifest, folder, range(total))) as parts:
        for n, data in parts:
            document = open_part(store, keys, manifest, n, data)
            spool(folder, manifest, n, data)
            if ends_directory(document):
                stage = n + 1
                break
    if stage < total:  # the last says so: no part left out of the manifest
        n = total - 1
        data = spooled(folder, manifest, n) or fetch(store, keys, manifest, n)
        open_part(store, keys, manifest, n, data)
        spool(folder, manifest, n, data)
    return stage
