"""`pixiodoc gdt open FILE`: hand a request to the workstation already running.

Many practice programs start the imaging program with the request file's
path. A second PixioDoc window must not open: while a workstation watches
its GDT in-folder, it notes that folder (and its process id) in a small file
in this PC's config folder; `gdt open` copies the request into that folder
(the temp-name-then-rename way), where the running workstation takes it.
When no workstation runs, the caller starts one and hands it the file.
The note holds a folder path and a process id, never patient data.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from pixiodoc_desktop.config import config_dir
from pixiodoc_desktop.errors import GdtRefused
from pixiodoc_desktop.practice.exchange import is_request_name
from pixiodoc_desktop.practice.gdt import MAX_FILE_BYTES
from pixiodoc_desktop.vault.durable import fsync_folder, temp_name_for

NOTE = "gdt-workstation.json"


@dataclass(frozen=True, slots=True)
class RunningWorkstation:
    pid: int
    in_folder: Path


def _note() -> Path:
    return config_dir() / NOTE


def announce(in_folder: Path) -> None:
    """This process watches `in_folder` (called by the GUI once its in-folder runs)."""
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    note = _note()
    temp = temp_name_for(note)
    temp.write_text(json.dumps({"pid": os.getpid(), "in_folder": str(in_folder)}), "utf-8")
    temp.replace(note)


def withdraw() -> None:
    """This process stopped watching (lock, quit)."""
    try:
        data = json.loads(_note().read_text("utf-8"))
    except (OSError, ValueError):
        return
    if data.get("pid") == os.getpid():
        _note().unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # no harmless probe without extra packages: trust the note
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running() -> RunningWorkstation | None:
    """The workstation watching an in-folder on this PC, if one runs."""
    try:
        data = json.loads(_note().read_text("utf-8"))
        found = RunningWorkstation(int(data["pid"]), Path(str(data["in_folder"])))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not _alive(found.pid) or not found.in_folder.is_dir():
        return None
    return found


def hand_over(request: Path, in_folder: Path) -> Path:
    """Put the request into the in-folder (unless it is there already); its path there."""
    try:
        size = request.stat().st_size
    except OSError as exc:
        raise GdtRefused(f"{request.name} cannot be read: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise GdtRefused(
            f"{request.name} is too large for a GDT file ({size:,} bytes; at most "
            f"{MAX_FILE_BYTES:,})"
        )
    if request.resolve().parent == in_folder.resolve():
        return request
    name = request.name if is_request_name(request.name) else f"{request.name}.gdt"
    target = in_folder / name
    temp = temp_name_for(target)
    shutil.copyfile(request, temp)
    temp.replace(target)
    fsync_folder(in_folder)
    return target
