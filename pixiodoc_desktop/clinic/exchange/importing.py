"""Importing many files: folders expanded, decoding in parallel, one bad file never stops the rest.

Preparing an image (decode, previews) is CPU work that releases the GIL, so
it runs on a small pool while the vault writes stay serial, in order.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos, PhotoSummary
from pixiodoc_desktop.clinic.records.vocabulary import PhotoSource
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.imaging.prepare import DEFAULT_MAX_BYTES, PreparedImage, prepare_image
from pixiodoc_desktop.imaging.source_file import read_source_file
from pixiodoc_desktop.vault import locking

log = logging.getLogger(__name__)

_SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


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


def _read_and_prepare(path: Path) -> tuple[bytes, PreparedImage]:
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
    workers: int = 2,
) -> ImportReport:
    """Import every file; returns what was imported, what was a duplicate, what was refused and why.

    Worker threads read, decode and encrypt each file and make its objects
    durable (`Photos.prestore`); this thread commits the rows in file order.
    The shared writers' lock is held for the whole batch, so no orphan sweep
    can remove an object between its write and its row's commit.
    """
    photos.check_can_add(actor, context.patient_id)
    files = list(expand(paths))
    report = ImportReport()

    def work(path: Path) -> tuple[bytes, PreparedImage, list[str]]:
        data, prepared = _read_and_prepare(path)
        return data, prepared, photos.prestore(context.patient_id, prepared)

    def abandon(future: Future[tuple[bytes, PreparedImage, list[str]]]) -> None:
        if future.cancel():
            return
        # A job that failed wrote nothing: prestore cleans up after itself.
        with contextlib.suppress(PixioDocError, MemoryError):
            photos.discard_objects(future.result()[2])

    with (
        locking.writing(photos.ws.vault.folder),
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="import-decode") as pool,
    ):
        pending: list[tuple[Path, Future[tuple[bytes, PreparedImage, list[str]]]]] = []
        ahead = max(2, workers * 2)
        index = 0
        for done in range(len(files)):
            while index < len(files) and len(pending) < ahead:
                pending.append((files[index], pool.submit(work, files[index])))
                index += 1
            path, future = pending.pop(0)
            if cancelled():
                report.cancelled = True
                for _path, other in [(path, future), *pending]:
                    abandon(other)
                break
            created: list[str] = []
            try:
                data, prepared, created = future.result()
                result = photos.ingest(
                    actor,
                    data,
                    context,
                    source_name=path.name,
                    source=PhotoSource.IMPORT,
                    prepared=prepared,
                )
            except PixioDocError as exc:
                photos.discard_objects(created)
                report.refused.append(Refusal(path, exc.message))
            except MemoryError:
                photos.discard_objects(created)
                report.refused.append(Refusal(path, f"{path.name} is too large to decode"))
            else:
                (report.duplicates if result.duplicate else report.imported).append(result.photo)
            if on_progress is not None:
                on_progress(done + 1, len(files), path)
    return report
