"""Joining another workstation to the clinic: an enrollment code, or the recovery key.

An Admin asks for a code. It names an enrollment object in the bucket (the
first 8 characters) and holds a secret (the rest) whose Argon2id key wraps
the workspace key and the clinicians' wrapped keys; the object expires after
the minutes chosen and is deleted when used. The new PC downloads it, opens
it with the code, creates its own vault folder (same clinic, new device id)
and pulls the whole clinic. With the printed recovery key instead, the new PC
finds the clinic's object in the bucket and unwraps the workspace key the way
an unlock with the recovery key does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import secrets
from pathlib import Path
from typing import Any

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import EnrollmentInvalid, PermissionDenied, SyncError
from pixiodoc_desktop.sync.crypto import (
    SyncKeys,
    enrollment_key,
    new_enrollment_code,
    open_json,
    open_sealed,
    parse_enrollment_code,
    seal,
)
from pixiodoc_desktop.sync.engine import Progress, sync_keys, sync_once
from pixiodoc_desktop.sync.pull import FULL_IMAGES_SETTING, PREVIEWS_SETTING
from pixiodoc_desktop.sync.settings import SyncTarget, save_credentials, save_target, set_setting
from pixiodoc_desktop.sync.snapshot_take import Pace
from pixiodoc_desktop.sync.store import NotFound, ObjectExists, ObjectStore
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.credentials import CARRIED_BLOB_ID_KEY
from pixiodoc_desktop.vault.founding import removed_on_failure
from pixiodoc_desktop.vault.header import FORMAT_VERSION, Credential, VaultHeader, WrappedKey
from pixiodoc_desktop.vault.keys import KdfParams
from pixiodoc_desktop.vault.schema import utcnow
from pixiodoc_desktop.vault.vault import Vault

# The code's secret holds 120 random bits; Argon2id on top makes each guess at a
# leaked enrollment object cost real time without keeping the Admin waiting.
ENROLL_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1)
ENROLL_DIR = "enroll"
ENROLLED_PHASE = "enrolled"  # join's progress: the code (or recovery key) was accepted


def _enroll_name(store: ObjectStore, enrollment_id: str) -> str:
    return store.key(ENROLL_DIR, enrollment_id)


def create_enrollment(
    ws: Workstation,
    store: ObjectStore,
    actor: Actor,
    *,
    valid_for: dt.timedelta = dt.timedelta(minutes=30),
    kdf: KdfParams = ENROLL_KDF,
) -> tuple[str, dt.datetime]:
    """A one-time code for a new workstation (Admins only); (code, expires at, UTC)."""
    if not actor.is_workspace_admin:
        draft = audit.EventDraft(
            audit.EventType.SECURITY_ALERT,
            actor.user_id,
            outcome=audit.Outcome.DENIED,
            details={"action": "create an enrollment code"},
        )
        ws.audit_alone(draft)
        raise PermissionDenied("Only a practice Admin may enroll a new workstation.")
    minutes = valid_for.total_seconds() / 60
    if not 1 <= minutes <= 24 * 60:
        raise EnrollmentInvalid("An enrollment code is valid for 1 minute to 24 hours.")
    purge_expired_enrollments(store)
    code, enrollment_id, secret = new_enrollment_code()
    expires = utcnow() + valid_for
    header = ws.vault.header
    payload = {
        "vault_id": header.vault_id,
        "workspace_key": keys.b64(ws.vault.keys.workspace),
        "clinic_name": ws.vault.setting("clinic_name") or "",
        "header": json.loads(header.signed_body()),
        "expires_at": expires.isoformat(),
    }
    salt = secrets.token_bytes(keys.SALT_BYTES)
    name = _enroll_name(store, enrollment_id)
    sealed = seal(enrollment_key(secret, salt, kdf), json.dumps(payload).encode(), name=name)
    document = {
        "format": 1,
        "kdf": kdf.to_json(),
        "salt": keys.b64(salt),
        "expires_at": expires.isoformat(),
        "sealed": sealed.hex(),
    }
    store.put(name, json.dumps(document).encode(), if_absent=True)
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.SECURITY_SETTING_CHANGED,
            actor.user_id,
            details={"setting": "workstation enrollment code", "valid_minutes": int(minutes)},
        )
    )
    return code, expires


def purge_expired_enrollments(store: ObjectStore) -> int:
    """Delete enrollment objects past their time (the bucket may have no lifecycle rules)."""
    removed = 0
    now = utcnow()
    for name, _size in store.objects(store.key(ENROLL_DIR) + "/"):
        try:
            document = json.loads(store.get(name))
            expired = dt.datetime.fromisoformat(document["expires_at"]) < now
        except (NotFound, ValueError, KeyError, TypeError):
            continue
        if expired:
            store.delete(name)
            removed += 1
    return removed


def open_enrollment(store: ObjectStore, code: str) -> tuple[VaultHeader, bytes, str, str]:
    enrollment_id, secret = parse_enrollment_code(code)
    name = _enroll_name(store, enrollment_id)
    try:
        document = json.loads(store.get(name))
    except NotFound as exc:
        raise EnrollmentInvalid(
            "No enrollment waits under this code in the bucket (it was used, expired, or the "
            "bucket or prefix differs from the Admin's PC)."
        ) from exc
    if dt.datetime.fromisoformat(document["expires_at"]) < utcnow():
        store.delete(name)
        raise EnrollmentInvalid("This enrollment code has expired; ask an Admin for a new one.")
    if "used_at" in document:  # what is left of a used code: said so, not "not found"
        when = dt.datetime.fromisoformat(document["used_at"]).strftime("%Y-%m-%d %H:%M")
        raise EnrollmentInvalid(
            f"This enrollment code was already used to join a PC ({when} UTC); it works "
            "once. Ask an Admin for a new one."
        )
    kek = enrollment_key(
        secret, keys.unb64(document["salt"], "salt"), KdfParams.from_json(document["kdf"])
    )
    claim = json.dumps({"expires_at": document["expires_at"], "claimed": True}).encode()
    try:
        payload = json.loads(open_sealed(kek, bytes.fromhex(document["sealed"]), name=name))
    except Exception as exc:
        raise EnrollmentInvalid("This enrollment code does not open the enrollment.") from exc
    body = payload["header"]
    credentials = tuple(
        Credential(
            str(c["user_id"]),
            str(c["login"]),
            str(c["display_name"]),
            WrappedKey.from_json(c, with_kdf=True),
        )
        for c in body["clinicians"]
    )
    known = {"format", "format_version", "vault_id", "clinicians", "recovery"}
    header = VaultHeader(
        vault_id=str(payload["vault_id"]),
        format_version=FORMAT_VERSION,
        credentials=credentials,
        recovery=WrappedKey.from_json(body["recovery"], with_kdf=False),
        extra={k: v for k, v in body.items() if k not in known},
    )
    wk = keys.unb64(payload["workspace_key"], "workspace key")
    # One PC per code, also when two PCs type it at the same moment: the first to write
    # the claim (a conditional write) joins; the other is told so before it creates anything.
    try:
        store.put(_claim_name(name), claim, if_absent=True)
    except ObjectExists as exc:
        raise EnrollmentInvalid(
            "Another PC is joining with this enrollment code right now; "
            "ask an Admin for a new code."
        ) from exc
    return header, wk, str(payload.get("clinic_name") or ""), name


def _claim_name(enrollment_name: str) -> str:
    return f"{enrollment_name}.claimed"


def _from_recovery_key(store: ObjectStore, recovery_key: str) -> tuple[VaultHeader, bytes, str]:
    keys.normalise_recovery_key(recovery_key)  # a typo is named before any download
    for workspace in store.folders(store.key() + "/" if store.key() else ""):
        try:
            document: dict[str, Any] = json.loads(store.get(store.key(workspace, "clinic")))
        except (NotFound, ValueError):
            continue
        recovery = WrappedKey.from_json(document["recovery"], with_kdf=False)
        vault_id = str(document["vault_id"])
        kek = keys.recovery_wrapping_key(recovery_key, recovery.salt)
        aad = f"pixiodoc-vault:{vault_id}".encode() + b":recovery"
        wk = keys.unwrap(kek, recovery.wrapped, aad=aad)
        if wk is None:
            continue
        sync = SyncKeys.derive(wk, vault_id)
        name = store.key(workspace, "clinic")
        clinic = open_json(sync.ops, bytes.fromhex(document["sealed"]), name=name)
        carried = document.get(CARRIED_BLOB_ID_KEY)
        extra = {CARRIED_BLOB_ID_KEY: carried} if isinstance(carried, str) else {}
        header = VaultHeader(vault_id, FORMAT_VERSION, (), recovery, extra=extra)
        return header, wk, str(clinic.get("clinic_name") or "")
    raise EnrollmentInvalid("No clinic in this bucket and prefix opens with that recovery key.")


def join(
    folder: Path,
    target: SyncTarget,
    access_key: str,
    secret_key: str,
    *,
    code: str | None = None,
    recovery_key: str | None = None,
    store: ObjectStore | None = None,
    on_demand: bool = False,
    wait_for_everything: bool = False,
    progress: Progress | None = None,
) -> Vault:
    """Create this PC's vault folder for the clinic and pull its records; returned locked.

    From a snapshot (snapshot_take.py), it returns once the directory stage is in:
    clinicians, patients and their keys, so one can log in, list and search patients;
    the snapshot's other parts arrive with the next sync rounds (`catching_up.py`
    says how many are left). `wait_for_everything`: return once every part is in and
    the batches after the snapshot are applied. Without a snapshot, every batch is
    replayed before it returns.

    `on_demand`: every image object (thumbnails and screen images too) stays in the
    bucket until first shown (`sync.full_images` and `sync.previews` on demand): what a
    PC joining a clinic group's millions of photos needs to be usable at once.
    `progress`: ENROLLED_PHASE once the code is accepted, then the rounds' (phase, done,
    total) as `sync_once` reports them ("snapshot": a snapshot's parts applied, of all)."""
    from pixiodoc_desktop.sync.store import StoreSettings

    settings = StoreSettings(
        target.endpoint, target.region, target.bucket, target.prefix, access_key, secret_key
    )
    store = store or ObjectStore(settings)
    enrollment_name: str | None = None
    if code is not None:
        header, wk, clinic_name, enrollment_name = open_enrollment(store, code)
    elif recovery_key is not None:
        header, wk, clinic_name = _from_recovery_key(store, recovery_key)
    else:
        raise EnrollmentInvalid("Joining needs an enrollment code or the recovery key.")
    if progress:
        progress(ENROLLED_PHASE, 1, 1)  # the code opened the clinic's keys: records come next
    joined = False
    try:
        # A join that fails half-way (offline, a damaged batch, a full disk) leaves no
        # half-made vault behind: the folder it made goes, and the code can be tried again.
        with removed_on_failure(folder):
            vault = Vault.adopt(folder, header, wk, clinic_name=clinic_name)
            try:
                save_target(vault, target)
                save_credentials(vault.header.vault_id, access_key, secret_key)
                if on_demand:
                    set_setting(vault, FULL_IMAGES_SETTING, "on_demand")
                    set_setting(vault, PREVIEWS_SETTING, "on_demand")
                from pixiodoc_desktop.clinic.workstation import Workstation

                ws = Workstation(vault)
                sync_keys(ws)  # derive once: a wrong key would already have failed above
                pace = Pace.EVERYTHING if wait_for_everything else Pace.USABLE
                sync_once(ws, store, push_changes=False, catch_up=pace, progress=progress)
                sync_once(ws, store, catch_up=pace, progress=progress)
                joined = True
            finally:
                vault.lock()
    finally:
        if enrollment_name is not None:
            release_enrollment(store, enrollment_name, used=joined)
    return vault


def _mark_used(store: ObjectStore, enrollment_name: str) -> None:
    """The sealed keys go; a marker with the time of use stays until the code would have
    expired (purge_expired_enrollments removes it then), so that a second PC trying the
    code is told it was used, not that it was never there."""
    try:
        expires_at = json.loads(store.get(enrollment_name))["expires_at"]
    except (NotFound, ValueError, KeyError, TypeError):
        store.delete(enrollment_name)
        return
    marker = {"format": 1, "used_at": utcnow().isoformat(), "expires_at": expires_at}
    store.put(enrollment_name, json.dumps(marker).encode())


def release_enrollment(store: ObjectStore, enrollment_name: str, *, used: bool) -> None:
    """After `open_enrollment`: a used code opens nothing more (one PC per code). Used or failed
    (offline, folder taken), the claim goes, so that a failed join can be tried again
    with the same code while it is valid. Best effort: offline, the claim expires with
    the code."""
    if used:
        _mark_used(store, enrollment_name)
    with contextlib.suppress(SyncError):
        store.delete(_claim_name(enrollment_name))
