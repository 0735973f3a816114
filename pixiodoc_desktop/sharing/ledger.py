"""The clinic's links: what each one shared, where its objects lie, its state.

Kept as synced records (`ShareLink`, migration 0014), so that every PC of the
clinic lists the links and can revoke any; the bucket keys are needed to
revoke and to expire, and they travel only inside the encrypted op log. The
link key itself is not kept anywhere. The PC that made a link (`device_id`)
holds the private key its replies are sealed to: it collects them and tends
the link's expiry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.vault.schema import OutboxOperation, ShareLink, SyncClock
from pixiodoc_desktop.vault.vault import Vault

LIVE, REVOKED, EXPIRED = "live", "revoked", "expired"


@dataclass(slots=True)
class LinkRecord:
    id: str
    patient_id: str
    created_by: str
    created_at: str  # ISO, UTC
    expires_at: str  # ISO, UTC: the package's URLs run out then
    page_until: str  # ISO, UTC: the page's own URL runs out then (the provider's limit)
    level: str  # "view" or "reply"
    visits: int
    photos: int
    passcode: bool
    folder: str  # the bucket folder of all its objects
    page: str  # the page's key
    package: list[str] = field(default_factory=list)  # index and images
    reply: str = ""  # the reply slot's key
    state: str = LIVE
    replies: int = 0
    visit_ids: list[str] = field(default_factory=list)  # the shared visits, oldest first
    device_id: str = ""  # the PC that made it (and holds its reply key)

    @property
    def expires(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.expires_at)

    @property
    def page_expires(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.page_until)


def _stored(moment: str) -> dt.datetime:
    return dt.datetime.fromisoformat(moment).astimezone(dt.UTC).replace(tzinfo=None)


def _shown(moment: dt.datetime) -> str:
    return moment.replace(tzinfo=dt.UTC, microsecond=0).isoformat()


def _record(row: ShareLink) -> LinkRecord:
    return LinkRecord(
        id=row.id,
        patient_id=row.patient_id,
        created_by=row.created_by,
        created_at=_shown(row.created_at),
        expires_at=_shown(row.expires_at),
        page_until=_shown(row.page_until),
        level=row.level,
        visits=row.visits,
        photos=row.photos,
        passcode=row.passcode,
        folder=row.folder,
        page=row.page,
        package=list(row.package),
        reply=row.reply,
        state=row.state,
        replies=row.replies,
        visit_ids=list(row.visit_ids),
        device_id=row.device_id,
    )


def save(ws: Workstation, actor: Actor, record: LinkRecord) -> None:
    """Write the link as it is now (a synced change, like any edit of the record)."""
    with ws.unit_of_work(actor) as uow:
        row = uow.session.get(ShareLink, record.id)
        if row is None:
            row = ShareLink(
                id=record.id,
                patient_id=record.patient_id,
                created_by=record.created_by,
                created_at=_stored(record.created_at),
                device_id=record.device_id or ws.device_id,
            )
            uow.session.add(row)
        row.expires_at = _stored(record.expires_at)
        row.page_until = _stored(record.page_until)
        row.level = record.level
        row.visits = record.visits
        row.photos = record.photos
        row.passcode = record.passcode
        row.folder = record.folder
        row.page = record.page
        if list(row.package or []) != record.package:
            row.package = list(record.package)
        row.reply = record.reply
        row.state = record.state
        row.replies = record.replies
        if list(row.visit_ids or []) != record.visit_ids:
            row.visit_ids = list(record.visit_ids)
        record.device_id = row.device_id


def forget(ws: Workstation, actor: Actor, link_id: str) -> None:
    with ws.unit_of_work(actor) as uow:
        row = uow.session.get(ShareLink, link_id)
        if row is not None:
            uow.session.delete(row)


def load(vault: Vault, link_id: str) -> LinkRecord | None:
    with vault.read_session() as session:
        row = session.get(ShareLink, link_id)
        return _record(row) if row is not None else None


def all_links(vault: Vault) -> list[LinkRecord]:
    with vault.read_session() as session:
        rows = session.scalars(select(ShareLink).order_by(ShareLink.created_at, ShareLink.id))
        return [_record(row) for row in rows]


def queue_unsent(ws: Workstation, actor: Actor) -> list[str]:
    """Queue for sync the links the sync never carried: those migration 0014 moved from this
    PC's settings into the table (written without a unit of work, so neither queued nor
    stamped). Run before each sync round; returns the links queued (none, after once)."""
    entity = ShareLink.__tablename__
    stamped = select(SyncClock.entity_id).where(SyncClock.entity == entity)
    queued = select(OutboxOperation.entity_id).where(OutboxOperation.entity == entity)
    unsent = select(ShareLink.id).where(ShareLink.id.not_in(stamped), ShareLink.id.not_in(queued))
    with ws.vault.read_session() as session:
        if not session.scalars(unsent).first():
            return []
    with ws.unit_of_work(actor) as uow:
        rows = list(uow.session.scalars(select(ShareLink).where(ShareLink.id.in_(unsent))))
        for row in rows:
            uow.send_whole(row)
        return [row.id for row in rows]
