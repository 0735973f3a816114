"""A new PC joins the clinic: `sync.enroll.join` with its checks first and nothing left behind.

What the first-run page's "Join your clinic" runs (the command line's `pixiodoc sync join`
runs `join` itself). Before the network is asked, the form is checked: the bucket's
details, both keys, the code's check group, and the folder (a vault or other files in it
are refused). Then the bucket is tried with a listing before the code is claimed, so an
unreachable endpoint, refused keys or a wrong bucket name are named as such. A join that
fails after it made the vault folder removes what it made (the folder, or what it put in
an empty folder that was there); the code is released by `join`, so the same code can be
tried again while it is valid.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.sync.crypto import parse_enrollment_code
from pixiodoc_desktop.sync.enroll import ENROLLED_PHASE, join
from pixiodoc_desktop.sync.settings import SyncTarget, check_target
from pixiodoc_desktop.sync.store import ObjectStore, StoreSettings
from pixiodoc_desktop.vault.founding import check_vault_folder
from pixiodoc_desktop.vault.vault import Vault

log = logging.getLogger(__name__)

# The stages a joining PC goes through, in order (each reported once, when it starts).
CONNECT, CHECK_CODE, RECEIVE = "connect", "code", "records"

Stage = Callable[[str], None]
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class JoinRequest:
    """What the clinic's Admin hands over, and where this PC keeps its vault."""

    folder: Path
    target: SyncTarget
    access_key: str
    secret_key: str
    code: str
    # Photos stay in the bucket until first shown (thumbnails too): a PC joining a clinic
    # of millions of photos is usable at once. False: every image is downloaded now.
    on_demand: bool = True


def check_request(request: JoinRequest) -> JoinRequest:
    """The form's mistakes, named before any network call (InvalidInput, EnrollmentInvalid,
    VaultExists); returns the request with the folder resolved and the target checked."""
    target = check_target(request.target)
    if not request.access_key.strip() or not request.secret_key:
        raise InvalidInput("Both the access key and the secret are needed")
    parse_enrollment_code(request.code)
    folder = request.folder.expanduser().resolve()
    check_vault_folder(folder)
    return replace(request, folder=folder, target=target, access_key=request.access_key.strip())


def join_workstation(
    request: JoinRequest,
    *,
    stage: Stage | None = None,
    progress: Progress | None = None,
    store: ObjectStore | None = None,
) -> Vault:
    """Make this PC a workstation of the clinic; the vault is returned locked.

    `stage` hears CONNECT, CHECK_CODE and RECEIVE as each begins; `progress` the
    rounds' (phase, done, total) while the clinic's records arrive."""
    request = check_request(request)
    told = stage or (lambda _name: None)
    told(CONNECT)
    target = request.target
    store = store or ObjectStore(
        StoreSettings(
            target.endpoint,
            target.region,
            target.bucket,
            target.prefix,
            request.access_key,
            request.secret_key,
        )
    )
    store.check_bucket()  # unreachable, keys refused, no such bucket: before the code is used
    told(CHECK_CODE)

    def relayed(phase: str, done: int, total: int) -> None:
        if phase == ENROLLED_PHASE:
            told(RECEIVE)
        elif progress is not None:
            progress(phase, done, total)

    folder = request.folder
    existed = set(folder.iterdir()) if folder.is_dir() else None
    try:
        return join(
            folder,
            target,
            request.access_key,
            request.secret_key,
            code=request.code,
            store=store,
            on_demand=request.on_demand,
            progress=relayed,
        )
    except BaseException:
        _remove_what_was_made(folder, existed)
        raise


def _remove_what_was_made(folder: Path, existed: set[Path] | None) -> None:
    """After a failed join: the vault folder it made goes (or, in an empty folder that was
    there, what it put in). The bucket's credentials stay in the OS credential store under
    the clinic's vault id: another folder of the same clinic on this PC may sync with them,
    and the next try writes them again."""
    try:
        if existed is None:
            if folder.exists():
                shutil.rmtree(folder)
        else:
            for path in folder.iterdir():
                if path not in existed:
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
    except OSError as exc:  # the join's own error is the one to report
        log.warning("A failed join's folder could not be removed: %s", type(exc).__name__)


# The bucket's details as the Admin's enrollment dialog copies them and the join form reads
# them back (pasted): one "name: value" line each, the same names in every language. The
# secret key is never among them.
DETAIL_NAMES = ("endpoint", "region", "bucket", "prefix", "access key")


def bucket_details(target: SyncTarget, access_key: str) -> str:
    """The text "Copy bucket details" puts on the clipboard (no secret key in it)."""
    values = (target.endpoint or "", target.region, target.bucket, target.prefix, access_key)
    lines = [f"{name}: {value}" for name, value in zip(DETAIL_NAMES, values, strict=True)]
    return "\n".join(["PixioDoc clinic bucket", *lines])


def read_bucket_details(text: str) -> dict[str, str]:
    """The details found in pasted text ({} when it holds none); unknown lines are ignored."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        name, colon, value = line.partition(":")
        key = name.strip().lower()
        if colon and key in DETAIL_NAMES and key not in found:
            found[key] = value.strip()
    return found
