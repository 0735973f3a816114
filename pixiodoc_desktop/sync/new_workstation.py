"""A new PC joins the clinic: `sync.enroll.join` with its checks first and nothing left behind.

What the first-run page's "Join your clinic" runs (the command line's `pixiodoc sync join`
runs `join` itself). Before the network is asked, the form is checked: the bucket's
details, both keys, the code's check group, and the folder (a vault or other files in it
are refused). Then the bucket is tried with a listing before the code is claimed, so an
unreachable endpoint, refused keys or a wrong bucket name are named as such. A join that
fails after it made the vault folder removes what it made (`join` does, for the command
line too), and the code can be tried again while it is valid.
"""

from __future__ import annotations

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

    return join(
        request.folder,
        target,
        request.access_key,
        request.secret_key,
        code=request.code,
        store=store,
        on_demand=request.on_demand,
        progress=relayed,
    )


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
