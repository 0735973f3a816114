"""Making, listing and revoking secure links to a patient record.

A link is a presigned HTTPS GET URL of a viewer page in the clinic's bucket,
with the package key in the URL fragment (browsers never send it). The
package (an encrypted index naming every image by its own presigned URL, and
the images re-encrypted under the link's key) lies under an unguessable
folder; nothing in a name or in the page tells who the patient is. See
envelope.py for the cryptography, ledger.py for what the clinic remembers.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import (
    InvalidInput,
    RecordNotFound,
    ShareLinkNeedsSync,
    SyncNotConfigured,
)
from pixiodoc_desktop.sharing import envelope, ledger
from pixiodoc_desktop.sharing.contents import Contents, gather
from pixiodoc_desktop.sharing.ledger import LIVE, REVOKED, LinkRecord
from pixiodoc_desktop.sharing.page import viewer_page
from pixiodoc_desktop.sync.settings import store_settings
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import Clinician, Setting

MIN_LIFETIME = dt.timedelta(hours=1)
MAX_LIFETIME = dt.timedelta(days=7)  # a presigned URL (SigV4) lives a week at most
DEFAULT_LIFETIME = dt.timedelta(days=3)
MIN_PASSCODE = 6
REPLY_KEY_SETTING = "share_link_reply_x25519"
FOLDER = "links"


@dataclass(frozen=True, slots=True)
class MadeLink:
    id: str
    url: str
    expires_at: dt.datetime
    visits: int
    photos: int
    level: str
    passcode: bool


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def parse_lifetime(text: str) -> dt.timedelta:
    """'3d', '12h', '90m' as a lifetime between an hour and a week."""
    value = text.strip().lower()
    units = {"d": "days", "h": "hours", "m": "minutes"}
    if len(value) < 2 or value[-1] not in units or not value[:-1].isdigit():
        raise InvalidInput(f"{text!r} is not a link lifetime; write e.g. 3d, 12h or 90m")
    lifetime = dt.timedelta(**{units[value[-1]]: int(value[:-1])})
    check_lifetime(lifetime)
    return lifetime


def check_lifetime(lifetime: dt.timedelta) -> None:
    if not MIN_LIFETIME <= lifetime <= MAX_LIFETIME:
        raise InvalidInput("A link lives between 1 hour and 7 days")


def sync_ready(ws: Workstation) -> bool:
    """Whether this workstation has the clinic's sync bucket set up (links need it)."""
    try:
        store_settings(ws.vault)
    except SyncNotConfigured:
        return False
    return True


def open_store(ws: Workstation) -> ObjectStore:
    try:
        return ObjectStore(store_settings(ws.vault))
    except SyncNotConfigured:
        raise ShareLinkNeedsSync(
            "A secure link needs the clinic's sync bucket, and sync is not set up on this "
            "workstation; send a case bundle instead (pixiodoc case export), or set up sync."
        ) from None


class ShareLinks:
    """The clinic's links, made from and tended by this workstation."""

    def __init__(self, workstation: Workstation, store: ObjectStore | None = None) -> None:
        self.ws = workstation
        self._store = store

    @property
    def store(self) -> ObjectStore:
        if self._store is None:
            self._store = open_store(self.ws)
        return self._store

    # --- the clinic's reply key ------------------------------------------------------

    def reply_key(self) -> X25519PrivateKey:
        """The key replies are sealed to (made on first use, kept in the encrypted database)."""
        stored = self.ws.vault.setting(REPLY_KEY_SETTING)
        if stored is None:
            raw = X25519PrivateKey.generate().private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            )
            with self.ws.vault.write_session() as session, session.begin():
                if session.get(Setting, REPLY_KEY_SETTING) is None:
                    session.add(Setting(key=REPLY_KEY_SETTING, value=raw.hex()))
            stored = self.ws.vault.setting(REPLY_KEY_SETTING)
            assert stored is not None
        return X25519PrivateKey.from_private_bytes(bytes.fromhex(stored))

    # --- making a link ---------------------------------------------------------------

    def create(
        self,
        actor: Actor,
        patient_id: str,
        *,
        visit_ids: list[str] | None = None,
        lesion_id: str | None = None,
        reply: bool = False,
        lifetime: dt.timedelta = DEFAULT_LIFETIME,
        passcode: str | None = None,
        now: dt.datetime | None = None,
    ) -> MadeLink:
        check_lifetime(lifetime)
        if passcode is not None and len(passcode) < MIN_PASSCODE:
            raise InvalidInput(f"Use a passcode of at least {MIN_PASSCODE} characters")
        store = self.store
        now = now or utcnow()
        contents = gather(
            self.ws,
            actor,
            patient_id,
            visit_ids=list(visit_ids or []),
            lesion_id=lesion_id,
            today=now.date(),
        )
        seconds = int(lifetime.total_seconds())
        page_seconds = int(MAX_LIFETIME.total_seconds())
        folder = store.key(FOLDER, secrets.token_hex(16))
        link_key = secrets.token_bytes(32)
        fragment = link_key if passcode is None else secrets.token_bytes(32)
        record = LinkRecord(
            id=secrets.token_hex(4),
            patient_id=patient_id,
            created_by=actor.user_id,
            created_at=now.isoformat(),
            expires_at=(now + lifetime).isoformat(),
            page_until=(now + MAX_LIFETIME).isoformat(),
            level="reply" if reply else "view",
            visits=contents.visits,
            photos=contents.photos,
            passcode=passcode is not None,
            folder=folder,
            page=f"{folder}/{secrets.token_hex(16)}",
            visit_ids=[v["id"] for v in contents.record["visits"]],
            device_id=self.ws.device_id,
        )
        ledger.save(self.ws, actor, record)  # first: whatever is written can be revoked
        try:
            index = self._upload_images(record, contents, link_key, seconds)
            if reply:
                record.reply = f"{folder}/{secrets.token_hex(16)}"
                index["reply"] = {
                    "url": store.presign(record.reply, seconds, method="put"),
                    "aad": envelope.REPLY_AAD + record.reply.rsplit("/", 1)[1],
                    "clinic_key": envelope.b64url(
                        envelope.raw_public(self.reply_key().public_key())
                    ),
                }
            index["expires_at"] = record.expires_at
            index_name = secrets.token_hex(16)
            index_key = f"{folder}/{index_name}"
            sealed_index = envelope.seal(
                link_key, json.dumps(index).encode(), envelope.INDEX_AAD + index_name
            )
            store.put(index_key, sealed_index)
            record.package.append(index_key)
            ledger.save(self.ws, actor, record)
            config: dict[str, object] = {
                "state": LIVE,
                "index": store.presign(index_key, seconds),
                "index_name": index_name,
                "expires_at": record.expires_at,
            }
            if passcode is not None:
                salt = secrets.token_bytes(16)
                wrapping = envelope.passcode_wrapping_key(
                    fragment, passcode, salt, envelope.PASSCODE_ITERATIONS
                )
                config["passcode"] = {
                    "salt": envelope.b64url(salt),
                    "iterations": envelope.PASSCODE_ITERATIONS,
                    "wrapped": envelope.b64url(envelope.seal(wrapping, link_key, envelope.KEY_AAD)),
                }
            store.put(record.page, viewer_page(config), content_type="text/html; charset=utf-8")
            url = store.presign(record.page, page_seconds) + "#k=" + envelope.b64url(fragment)
        except BaseException:
            self._remove_objects(record, page_too=True)
            ledger.forget(self.ws, actor, record.id)
            raise
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.DATA_EXPORTED,
                actor.user_id,
                patient_id=patient_id,
                object_type="patient",
                object_id=patient_id,
                details={
                    "format": "secure link",
                    "link": record.id,
                    "visits": record.visits,
                    "photos": record.photos,
                    "lesion": lesion_id or "",
                    "level": record.level,
                    "passcode": record.passcode,
                    "expires": record.expires_at,
                },
            )
        )
        return MadeLink(
            record.id,
            url,
            record.expires,
            record.visits,
            record.photos,
            record.level,
            record.passcode,
        )

    def _upload_images(
        self, record: LinkRecord, contents: Contents, link_key: bytes, seconds: int
    ) -> dict[str, object]:
        by_photo = {p["id"]: p for p in contents.record["photos"]}
        blobs = self.ws.vault.blobs
        for photo_id, kind, blob in contents.images:
            name = secrets.token_hex(16)
            key = f"{record.folder}/{name}"
            image = blobs.get(blob, contents.patient_key)
            self.store.put(key, envelope.seal(link_key, image, envelope.IMAGE_AAD + name))
            del image
            record.package.append(key)
            by_photo[photo_id][kind] = {"url": self.store.presign(key, seconds), "name": name}
        return dict(contents.record)

    # --- listing and revoking --------------------------------------------------------

    def links(self, actor: Actor, patient_id: str | None = None) -> list[LinkRecord]:
        """The clinic's links (made on any of its PCs) that the actor may manage (Admin of the
        record)."""
        shown = []
        with self.ws.read_session() as session:
            for record in ledger.all_links(self.ws.vault):
                if patient_id is not None and record.patient_id != patient_id:
                    continue
                try:
                    require(session, actor, record.patient_id, Action.EXPORT)
                except (AccessDenied, RecordNotFound):
                    continue
                shown.append(record)
        return shown

    def makers(self, records: list[LinkRecord]) -> dict[str, str]:
        """The display names of the clinicians who shared `records` (by user id)."""
        wanted = {record.created_by for record in records}
        with self.ws.read_session() as session:
            rows = session.execute(
                select(Clinician.id, Clinician.display_name).where(Clinician.id.in_(wanted))
            ).all()
        return {str(user_id): str(name) for user_id, name in rows}

    def revoke(self, actor: Actor, link_id: str) -> LinkRecord:
        record = ledger.load(self.ws.vault, link_id.strip())
        if record is None:
            raise RecordNotFound(f"There is no secure link {link_id} in this clinic")
        with self.ws.read_session() as session:
            require_audited(self.ws, session, actor, record.patient_id, Action.EXPORT)
        if record.state != LIVE:
            raise InvalidInput(f"The secure link {link_id} is {record.state} already")
        self.close(actor, record, REVOKED, reason="revoked")
        return record

    def close(self, actor: Actor, record: LinkRecord, state: str, *, reason: str) -> None:
        """Delete the package and leave a page that says why (until the page's URL runs out);
        the trail records the access ended, and why: revoked, expired, patient erased."""
        self._remove_objects(record, page_too=False)
        self.store.put(
            record.page,
            viewer_page({"state": state}),
            content_type="text/html; charset=utf-8",
        )
        record.state = state
        ledger.save(self.ws, actor, record)
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.ACCESS_REVOKED,
                actor.user_id,
                patient_id=record.patient_id,
                object_type="secure link",
                object_id=record.id,
                details={"what": "secure link", "reason": reason},
            )
        )

    def _remove_objects(self, record: LinkRecord, *, page_too: bool) -> None:
        for key in [*record.package, *([record.reply] if record.reply else [])]:
            self.store.delete(key)
        if page_too:
            self.store.delete(record.page)
