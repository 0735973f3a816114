"""The vault's tables as typed SQLAlchemy 2.0 classes (DESIGN.md §3).

Every clinical record carries who and when it was created and changed and a
version that sync increments; ids are UUID strings so that records made on
different workstations never collide. Schema changes go through Alembic
(`vault/migrations`), never through `create_all` on a live vault. The base and the
`Record` columns are in `orm_base`, the sync tables in `sync_tables`; every name is
importable from here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from pixiodoc_desktop.vault.orm_base import (
    NAMING,
    SEARCH_INDEX,
    SEARCH_WORDS,
    Base,
    Record,
    managed_by_orm,
    utcnow,
)
from pixiodoc_desktop.vault.sync_tables import (
    OutboxOperation,
    SyncBlob,
    SyncClock,
    SyncConflict,
    SyncCursor,
    SyncDirectoryEntry,
    SyncSentBatch,
    SyncState,
)

__all__ = [
    "NAMING",
    "SEARCH_INDEX",
    "SEARCH_WORDS",
    "AuditEvent",
    "Base",
    "Clinician",
    "Comparison",
    "Consent",
    "EmergencyAccess",
    "Grant",
    "Lesion",
    "LesionMeasurement",
    "OutboxOperation",
    "Patient",
    "PatientKey",
    "Photo",
    "Record",
    "SecondOpinion",
    "Setting",
    "ShareLink",
    "SyncBlob",
    "SyncClock",
    "SyncConflict",
    "SyncCursor",
    "SyncDirectoryEntry",
    "SyncSentBatch",
    "SyncState",
    "Visit",
    "managed_by_orm",
    "utcnow",
]


class Setting(Base):
    """Clinic-wide values that belong to the vault (clinic name, plan), not to one PC."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Clinician(Base):
    __tablename__ = "clinicians"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # "admin" | "clinician"
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Patient(Record, Base):
    __tablename__ = "patients"
    family_name: Mapped[str] = mapped_column(String(200))
    given_name: Mapped[str] = mapped_column(String(200), default="")
    # Accent- and case-folded "family given external-id" for search as you type.
    search_key: Mapped[str] = mapped_column(Text, index=True)
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    sex: Mapped[str] = mapped_column(String(16), default="unknown")
    external_id: Mapped[str | None] = mapped_column(String(64), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Where an imported record came from (e.g. a case bundle from another clinic);
    # None for records made here. Such records are View Only copies.
    origin: Mapped[str | None] = mapped_column(String(300))
    # GDPR art. 17(3): a reason the record must be kept (e.g. a pending claim);
    # while set, erasure is refused with it. Set and released by an Admin, audited.
    retention_hold: Mapped[str | None] = mapped_column(Text)


class PatientKey(Base):
    """A patient's data key wrapped by WK. Deleting the row shreds the images."""

    __tablename__ = "patient_keys"
    patient_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)


class Visit(Record, Base):
    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_patient_id_deleted_visit_date", "patient_id", "deleted", "visit_date"),
    )
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[list[str]] = mapped_column(default=list)
    treatment: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The DICOM worklist order the visit was taken from (migration 0009), else NULL.
    accession_number: Mapped[str | None] = mapped_column(String(16), default=None)
    study_instance_uid: Mapped[str | None] = mapped_column(String(64), default=None)
    requested_procedure: Mapped[str | None] = mapped_column(String(64), default=None)
    referring_physician: Mapped[str | None] = mapped_column(String(200), default=None)
    scheduled_step_id: Mapped[str | None] = mapped_column(String(16), default=None)


class Lesion(Record, Base):
    """A spot the clinic follows over time; its photos form its own timeline."""

    __tablename__ = "lesions"
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    tracking_uid: Mapped[str] = mapped_column(String(64), unique=True)
    body_site: Mapped[str] = mapped_column(String(48))
    label: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Where it sits on the body map: the view ("front" | "back") and the point as
    # fractions of that view's width and height (None until it is placed).
    map_view: Mapped[str | None] = mapped_column(String(8))
    map_x: Mapped[float | None] = mapped_column(Float)
    map_y: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="new")
    # Biopsies and excisions: [{"kind", "date", "histology", "by"}], oldest first.
    history: Mapped[list[Any]] = mapped_column(default=list)


class LesionMeasurement(Record, Base):
    """One measurement of a followed lesion on one of its photos (the automatic outline,
    accepted or corrected, or a traced one): the lesion's size over visits is these rows."""

    __tablename__ = "lesion_measurements"
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    lesion_id: Mapped[str] = mapped_column(ForeignKey("lesions.id"), index=True)
    photo_id: Mapped[str] = mapped_column(ForeignKey("photos.id"))
    measured_on: Mapped[dt.date] = mapped_column(Date)  # the photo's visit date
    area_mm2: Mapped[float] = mapped_column(Float)
    diameter_mm: Mapped[float] = mapped_column(Float)
    perimeter_mm: Mapped[float | None] = mapped_column(Float)
    asymmetry: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(16))  # outline | corrected | traced
    # The outline in the photo's pixels, [[x, y], ...] (closed implicitly).
    points: Mapped[list[Any]] = mapped_column(default=list)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Photo(Record, Base):
    __tablename__ = "photos"
    __table_args__ = (
        UniqueConstraint("patient_id", "blob_id"),
        Index("ix_photos_patient_captured", "patient_id", "captured_at"),
        Index("ix_photos_patient_id_deleted", "patient_id", "deleted"),
    )
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    lesion_id: Mapped[str | None] = mapped_column(ForeignKey("lesions.id"), index=True)
    body_site: Mapped[str | None] = mapped_column(String(48))
    modality: Mapped[str] = mapped_column(String(32))
    contact: Mapped[bool | None] = mapped_column(Boolean)
    device: Mapped[str | None] = mapped_column(String(200))
    captured_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    bit_depth: Mapped[int] = mapped_column(Integer, default=8)
    media_type: Mapped[str] = mapped_column(String(32))
    size_bytes: Mapped[int] = mapped_column(Integer)
    blob_id: Mapped[str] = mapped_column(String(64))
    thumbnail_blob_id: Mapped[str] = mapped_column(String(64))
    screen_blob_id: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # "import" | "camera" | "hotfolder"
    source_name: Mapped[str] = mapped_column(String(260), default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    annotations: Mapped[list[Any]] = mapped_column(default=list)
    calibration_px_per_mm: Mapped[float | None] = mapped_column(Float)
    magnification: Mapped[float | None] = mapped_column(Float)  # optical, × (the scope's)
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Consent(Record, Base):
    """One consent decision by scope; the newest per scope is in force."""

    __tablename__ = "consents"
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    scope: Mapped[str] = mapped_column(String(32))
    granted: Mapped[bool] = mapped_column(Boolean)
    decided_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class Grant(Record, Base):
    """Per-patient access: "view" | "edit" | "admin" for a clinician or the practice ("*")."""

    __tablename__ = "grants"
    __table_args__ = (UniqueConstraint("patient_id", "grantee"),)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    grantee: Mapped[str] = mapped_column(String(36), index=True)
    level: Mapped[str] = mapped_column(String(8))


class EmergencyAccess(Record, Base):
    """A "break the glass" opening of a record without a grant: View Only, time-limited,
    audited, and shown to every workspace Admin until one acknowledges it."""

    __tablename__ = "emergency_accesses"
    __table_args__ = (
        Index("ix_emergency_accesses_clinician_patient", "clinician_id", "patient_id"),
    )
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"))
    clinician_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(36))
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AuditEvent(Base):
    """Append-only, hash-chained per device, MAC'd under a key derived from WK."""

    __tablename__ = "audit_events"
    __table_args__ = (
        UniqueConstraint("device_id", "seq"),
        Index("ix_audit_events_at", "at"),
        Index("ix_audit_events_patient", "patient_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    event_type: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[str | None] = mapped_column(String(36))
    patient_id: Mapped[str | None] = mapped_column(String(36))
    object_type: Mapped[str | None] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(8))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[bytes] = mapped_column(LargeBinary)
    hash: Mapped[bytes] = mapped_column(LargeBinary)
    mac: Mapped[bytes] = mapped_column(LargeBinary)


class Comparison(Record, Base):
    """Two photos of one patient compared: alignment, view options, vector annotations and
    measurements (in pixel coordinates of the photo each belongs to; never burned in)."""

    __tablename__ = "comparisons"
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    before_photo_id: Mapped[str] = mapped_column(ForeignKey("photos.id"))
    after_photo_id: Mapped[str] = mapped_column(ForeignKey("photos.id"))
    title: Mapped[str] = mapped_column(String(200), default="")
    # {"homography": 3x3 after->before pixels, "quality": {...}, "manual": bool, "refined": bool}
    alignment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    aligned: Mapped[bool] = mapped_column(Boolean, default=True)
    normalised: Mapped[bool] = mapped_column(Boolean, default=False)
    annotations: Mapped[list[Any]] = mapped_column(default=list)
    measurements: Mapped[list[Any]] = mapped_column(default=list)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class SecondOpinion(Record, Base):
    """A colleague's opinion on the record, sent back through a secure link: who (as they
    gave it), when, their text, suggested diagnosis and recommendation, and any marks they
    drew on a shared photo (arrows and circles in that photo's pixels)."""

    __tablename__ = "second_opinions"
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visits.id"))
    link_id: Mapped[str] = mapped_column(String(16))
    author_name: Mapped[str] = mapped_column(String(200))
    author_role: Mapped[str] = mapped_column(String(200), default="")
    written_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    opinion: Mapped[str] = mapped_column(Text)
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(Text, default="")
    # [{"photo": id, "kind": "arrow" | "circle", "points": [[x, y], [x, y]]}]
    marks: Mapped[list[Any]] = mapped_column(default=list)
    # The clinician who shared the link (told when it arrives) and when they first saw it.
    for_clinician: Mapped[str] = mapped_column(String(36))
    seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class ShareLink(Record, Base):
    """A secure link of the clinic (any PC lists and revokes it): what it shared, where its
    objects lie in the bucket, its state. The PC that made it (`device_id`) holds the key
    replies are sealed to, so it collects them and tends its expiry."""

    __tablename__ = "share_links"
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    page_until: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    level: Mapped[str] = mapped_column(String(8))  # "view" | "reply"
    visits: Mapped[int] = mapped_column(Integer)
    photos: Mapped[int] = mapped_column(Integer)
    passcode: Mapped[bool] = mapped_column(Boolean, default=False)
    folder: Mapped[str] = mapped_column(String(300))
    page: Mapped[str] = mapped_column(String(300))
    package: Mapped[list[str]] = mapped_column(default=list)
    reply: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(8), default="live")
    replies: Mapped[int] = mapped_column(Integer, default=0)
    visit_ids: Mapped[list[str]] = mapped_column(default=list)
