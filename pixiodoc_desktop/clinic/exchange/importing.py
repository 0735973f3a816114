"""Importing many files: folders expanded, decoding in parallel, one bad file never stops the rest.

Preparing an image (decode, previews) and encrypting its objects is CPU work
that releases the GIL, so it runs on a small pool; the rows are committed
serially, in file order, a batch of photos per transaction (group commit).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from pixiodoc_desktop.clinic.records.photo_objects import StoredObjects, discard, prestore
from pixiodoc_desktop.clinic.records.photos import (
    CaptureContext,
    IngestResult,
    Photos,
    PhotoSummary,
)
from pixiodoc_desktop.clinic.records.vocabulary import PhotoSource
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.imaging.source_file import read_source_file
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.durable import FolderSync

if TYPE_CHECKING:
    from pixiodoc_desktop.imaging.prepare import PreparedImage

log = logging.getLogger(__name__)

_SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
# Photos committed per transaction (group commit): one WAL fsync and one round of
# folder fsyncs per batch instead of per photo; progress moves in these steps.
BATCH_PHOTOS = 8


@dataclass(frozen=True, slots=True)
class Refusal:
    path: Path
    reason: str


@dataclass(slots=True)
class ImportReport:
    imported: list[PhotoSummary] = field(default_factory=list)
    duplicates: list[PhotoSummary] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    cancelled: bool = False

    @property
    def summary(self) -> str:
        text = (
            f"{len(self.imported)} imported, {len(self.duplicates)} duplicates, "
            f"{len(self.refused)} refused"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, folders walked in name order (hidden and system files skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and not child.name.startswith(".")
                    and child.name not in _SKIPPED_NAMES
                ):
                    yield child
        else:
            yield path


def default_workers() -> int:
    """Decode threads: one more than the cores (at most 4), so that a thread waiting for
    its fsyncs leaves no core idle; decoding and encryption release the GIL."""
    return max(2, min(4, (os.cpu_count() or 1) + 1))


def _read_and_prepare(path: Path) -> tuple[bytes, PreparedImage]:
    # OpenCV and Pillow load with the first import, not with the workstation.
    from pixiodoc_desktop.imaging.prepare import DEFAULT_MAX_BYTES, prepare_image

    data = read_source_file(path, limit=DEFAULT_MAX_BYTES)
    return data, prepare_image(data, source_name=path.name)


def import_files(
    photos: Photos,
    actor: Actor,
    context: CaptureContext,
    paths: Iterable[Path],
    *,
    on_progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    workers: int | None = None,
    batch_size: int = BATCH_PHOTOS,
    on_stored: Callable[[PhotoSummary], None] | None = None,
) -> ImportReport:
    """Import every file; returns what was imported, what was a duplicate, what was refused and why.

    Worker threads read, decode and encrypt each file and write its objects
    (`photo_objects.prestore`); this thread commits the rows in file order, a
    batch at a time: one folder fsync round and one transaction per batch (group
    commit). A photo counts as stored, and `on_stored` hears of it, only once its
    batch has committed. The shared writers' lock is held for the whole import,
    so no orphan sweep can remove an object between its write and its row's commit.
    """
    photos.check_can_add(actor, context.patient_id)
    workers = workers or default_workers()
    files = list(expand(paths))
    report = ImportReport()
    vault = photos.ws.vault
    folders = FolderSync()

    def work(path: Path) -> _Prestored:
        _data, prepared = _read_and_prepare(path)
        return prepared, prestore(vault, context.patient_id, prepared, folders)

    def abandon(future: Future[_Prestored]) -> None:
        if future.cancel():
            return
        # A job that failed wrote nothing: prestore cleans up after itself.
        with contextlib.suppress(PixioDocError, MemoryError):
            discard(vault.blobs, future.result()[1].created)

    with (
        locking.writing(vault.folder),
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="import-decode") as pool,
    ):
        pending: deque[tuple[Path, Future[_Prestored]]] = deque()
        ahead = batch_size + max(2, workers * 2)  # the workers go on while a batch commits
        submitted = finished = 0
        while finished < len(files) and not report.cancelled:
            batch: list[tuple[Path, Future[_Prestored]]] = []
            while len(batch) < batch_size and finished + len(batch) < len(files):
                while submitted < len(files) and len(pending) < ahead:
                    pending.append((files[submitted], pool.submit(work, files[submitted])))
                    submitted += 1
                batch.append(pending.popleft())
                if cancelled():
                    report.cancelled = True
                    for _path, future in [*batch, *pending]:
                        abandon(future)
                    break
            if report.cancelled:
                break
            imported = _commit(photos, actor, context, batch, folders, report)
            for path, _future in batch:
                finished += 1
                if on_progress is not None:
                    on_progress(finished, len(files), path)
            if on_stored is not None:
                for photo in imported:
                    on_stored(photo)
    return report


_Prestored: TypeAlias = "tuple[PreparedImage, StoredObjects]"


def _commit(
    photos: Photos,
    actor: Actor,
    context: CaptureContext,
    batch: list[tuple[Path, Future[_Prestored]]],
    folders: FolderSync,
    report: ImportReport,
) -> list[PhotoSummary]:
    """Wait for the batch's files in order and commit the ready ones in one transaction;
    adds each file's outcome to `report` and returns the photos newly imported."""
    blobs = photos.ws.vault.blobs
    ready: list[tuple[Path, PreparedImage, StoredObjects]] = []
    outcome: dict[Path, Refusal] = {}
    for path, future in batch:
        try:
            prepared, objects = future.result()
        except PixioDocError as exc:
            outcome[path] = Refusal(path, exc.message)
        except MemoryError:
            outcome[path] = Refusal(path, f"{path.name} is too large to decode")
        else:
            ready.append((path, prepared, objects))
    results = photos.ingest_batch(
        actor,
        context,
        [(path.name, image, objects) for path, image, objects in ready],
        folders=folders,
        source=PhotoSource.IMPORT,
    )
    stored: dict[Path, IngestResult] = {}
    for (path, _image, objects), result in zip(ready, results, strict=True):
        if isinstance(result, PixioDocError):
            discard(blobs, objects.created)
            outcome[path] = Refusal(path, result.message)
        else:
            stored[path] = result
    imported: list[PhotoSummary] = []
    for path, _future in batch:  # the report keeps file order
        if path in outcome:
            report.refused.append(outcome[path])
        elif stored[path].duplicate:
            report.duplicates.append(stored[path].photo)
        else:
            imported.append(stored[path].photo)
    report.imported.extend(imported)
    return imported
