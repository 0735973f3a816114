"""Photos from the paired phone into the vault, through the one ingest path.

Every upload is checked before anything is decoded (size, rate, envelope),
opened with the pairing's key, and handed to `Photos.ingest` with source
"phone" and the phone's browser and OS in the audit event. An upload id the
page chose identifies a photo across retries: a retry after a lost answer
returns the photo already committed instead of storing it twice.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize, Photos
from pixiodoc_desktop.clinic.records.visits import Lesions
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import (
    ImageTooLarge,
    IngestError,
    InvalidInput,
    PermissionDenied,
    RecordNotFound,
    UploadRefused,
)
from pixiodoc_desktop.phone.pairing import Pairing
from pixiodoc_desktop.phone.sealing import GHOST_AAD, INFO_AAD, open_photo, seal
from pixiodoc_desktop.phone.words import modality_names, site_names

MAX_UPLOAD_BYTES = 40 * 1024 * 1024  # a 50 MP JPEG or HEIC fits; more is refused unread
UPLOADS_PER_MINUTE = 30
_UPLOAD_ID = re.compile(r"[A-Za-z0-9-]{8,64}")


@dataclass(frozen=True, slots=True)
class Arrival:
    """A photo the workstation committed (what the GUI's strip and the CLI show)."""

    photo_id: str
    upload_id: str
    body_site: str | None
    modality: str
    at: dt.datetime


def patient_label(family: str, given: str, birth: dt.date | None, *, full: bool) -> str:
    """Initials and year of birth (the full name only when the clinician allows it)."""
    year = f" · {birth.year}" if birth else ""
    if full:
        return f"{given} {family}".strip() + year
    initials = " ".join(f"{part[0].upper()}." for part in (given, family) if part.strip())
    return (initials or "?") + year


class PhoneIntake:
    """What the phone server does with a paired phone's requests (no HTTP here)."""

    def __init__(
        self,
        ws: Workstation,
        actor: Actor,
        pairing: Pairing,
        *,
        on_arrival: Callable[[Arrival], None] | None = None,
        max_bytes: int = MAX_UPLOAD_BYTES,
        per_minute: int = UPLOADS_PER_MINUTE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ws = ws
        self.actor = actor
        self.pairing = pairing
        self.photos = Photos(ws)
        self.max_bytes = max_bytes
        self.per_minute = per_minute
        self._on_arrival = on_arrival
        self._clock = clock
        self._lock = threading.Lock()  # one ingest at a time, and retries wait for it
        self.route = "lan"  # or "bucket": the way the photos come, named in the audit
        self._committed: dict[str, Arrival] = {}
        self._recent: deque[float] = deque()

    @property
    def arrivals(self) -> list[Arrival]:
        with self._lock:
            return list(self._committed.values())

    # --- checks before the body is read ------------------------------------------------

    def admit(self, upload_id: str | None, length: int | None) -> None:
        """Refuse an upload by its headers alone: id, size and rate."""
        if not upload_id or not _UPLOAD_ID.fullmatch(upload_id):
            raise UploadRefused("The upload has no valid upload id", reason="damaged", status=400)
        if length is None:
            raise UploadRefused("The upload does not say its size", reason="damaged", status=411)
        if length > self.max_bytes:
            raise UploadRefused(
                f"The photo is too large: {length // (1024 * 1024)} MB "
                f"(limit {self.max_bytes // (1024 * 1024)} MB)",
                reason="too-large",
                status=413,
            )
        with self._lock:
            if upload_id in self._committed:
                return  # a retry of a committed photo is always answered
            now = self._clock()
            while self._recent and now - self._recent[0] >= 60.0:
                self._recent.popleft()
            if len(self._recent) >= self.per_minute:
                raise UploadRefused(
                    f"Too many photos in one minute (limit {self.per_minute}); "
                    "wait a moment and they are sent again",
                    reason="too-many",
                    status=429,
                )
            self._recent.append(now)

    # --- the photo -------------------------------------------------------------------

    def take(self, upload_id: str, sealed: bytes) -> Arrival:
        """Open, check and commit one photo; the same upload id never commits twice."""
        with self._lock:
            done = self._committed.get(upload_id)
            if done is not None:
                return done
            meta, image = open_photo(self.pairing.key, upload_id, sealed)
            context = self._context(meta)
            phone = self.pairing.phone
            name = str(meta.get("name") or "phone photo")[:120]
            try:
                result = self.photos.ingest(
                    self.actor,
                    image,
                    context,
                    source_name=name,
                    source=PhotoSource.PHONE,
                    audit_details=(
                        {"browser": phone.browser, "os": phone.system, "route": self.route}
                        if phone
                        else {"route": self.route}
                    ),
                )
            except ImageTooLarge as exc:
                raise UploadRefused(exc.message, reason="too-large", status=413) from None
            except IngestError as exc:
                raise UploadRefused(exc.message, reason="not-image", status=415) from None
            except PermissionDenied as exc:
                raise UploadRefused(exc.message, reason="denied", status=403) from None
            except (InvalidInput, RecordNotFound) as exc:
                raise UploadRefused(exc.message, reason="refused", status=422) from None
            arrival = Arrival(
                result.photo.id,
                upload_id,
                result.photo.body_site,
                result.photo.modality,
                dt.datetime.now(dt.UTC),
            )
            self._committed[upload_id] = arrival
        self.pairing.touch()
        if self._on_arrival is not None:
            self._on_arrival(arrival)
        return arrival

    def _context(self, meta: dict[str, Any]) -> CaptureContext:
        target = self.pairing.target

        def text(key: str, fallback: str | None) -> str | None:
            value = meta.get(key, fallback)
            return str(value)[:64] if value else None

        return CaptureContext(
            patient_id=target.patient_id,
            visit_id=target.visit_id,
            body_site=text("site", target.body_site),
            lesion_id=text("lesion", target.lesion_id),
            modality=text("modality", target.modality) or target.modality,
        )

    # --- what the phone shows ---------------------------------------------------------

    def sealed_info(self) -> bytes:
        """The patient's label and the record's lists, encrypted under the pairing's key."""
        target = self.pairing.target
        patient = Patients(self.ws).get(self.actor, target.patient_id)
        lesions = Lesions(self.ws).list(self.actor, target.patient_id)
        info = {
            "patient": patient_label(
                patient.family_name,
                patient.given_name,
                patient.birth_date,
                full=target.show_full_name,
            ),
            "site": target.body_site,
            "lesion": target.lesion_id,
            "modality": target.modality,
            # Each name in English and German: the page speaks the phone's language.
            "sites": [[code, site_names(code)] for code in BODY_SITES],
            "lesions": [[les.id, les.label, les.body_site] for les in lesions],
            "modalities": [[str(m), modality_names(m)] for m in Modality],
            "maxBytes": self.max_bytes,
        }
        return seal(self.pairing.key, json.dumps(info).encode(), INFO_AAD)

    def sealed_ghost(self, site: str | None, lesion: str | None) -> bytes | None:
        """The newest earlier photo of this lesion (or site), encrypted; None if there is none."""
        if not site and not lesion:
            return None
        target = self.pairing.target
        with self._lock:
            mine = {a.photo_id for a in self._committed.values()}
        for photo in self.photos.list(self.actor, target.patient_id):
            if photo.id in mine:
                continue
            if (lesion and photo.lesion_id == lesion) or (
                not lesion and site and photo.body_site == site
            ):
                image = self.photos.image(self.actor, photo.id, ImageSize.SCREEN)
                return seal(self.pairing.key, image, GHOST_AAD)
        return None
