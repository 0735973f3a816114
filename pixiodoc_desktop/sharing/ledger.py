"""This workstation's links: what each one shared, where its objects lie, its state.

Kept as rows of the vault's encrypted settings table (`share_link.<id>`), one
JSON document each: the bucket keys are needed to revoke and to expire, and
they never leave this PC. The link key itself is not kept.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from pixiodoc_desktop.vault.schema import Setting
from pixiodoc_desktop.vault.vault import Vault

PREFIX = "share_link."
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

    @property
    def expires(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.expires_at)

    @property
    def page_expires(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.page_until)


def save(vault: Vault, record: LinkRecord) -> None:
    value = json.dumps(asdict(record))
    with vault.write_session() as session, session.begin():
        row = session.get(Setting, PREFIX + record.id)
        if row is None:
            session.add(Setting(key=PREFIX + record.id, value=value))
        else:
            row.value = value


def forget(vault: Vault, link_id: str) -> None:
    with vault.write_session() as session, session.begin():
        row = session.get(Setting, PREFIX + link_id)
        if row is not None:
            session.delete(row)


def load(vault: Vault, link_id: str) -> LinkRecord | None:
    value = vault.setting(PREFIX + link_id)
    return LinkRecord(**json.loads(value)) if value else None


def all_links(vault: Vault) -> list[LinkRecord]:
    with vault.read_session() as session:
        rows = session.scalars(select(Setting).where(Setting.key.startswith(PREFIX))).all()
        records = [LinkRecord(**json.loads(row.value)) for row in rows]
    return sorted(records, key=lambda r: r.created_at)
