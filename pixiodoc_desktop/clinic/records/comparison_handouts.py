"""A comparison's one-page handout for the patient: written straight to the chosen file.

The page (both photos, aligned and normalised as on screen, with the
labels and measurements the clinician chose) is made in memory and written
once with mode 0600: no plaintext temporary file, no metadata. Writing it
needs Admin on the record and is audited as DATA_EXPORTED.
"""

from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.clinic.access.permissions import Action, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.photos import ImageSize, Photos
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import DamagedImage, InvalidInput
from pixiodoc_desktop.imaging.alignment import Alignment, aligned_pair, rescale_homography
from pixiodoc_desktop.imaging.handout import (
    HandoutFormat,
    HandoutText,
    encode_handout,
    render_handout,
)
from pixiodoc_desktop.imaging.normalise import normalise_to


class ComparisonHandouts:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation
        self.photos = Photos(workstation)

    def check_can_export(self, actor: Actor, patient_id: str) -> None:
        """Fail fast (before rendering) when the actor may not export this record."""
        with self.ws.read_session() as session:
            require_audited(self.ws, session, actor, patient_id, Action.EXPORT)

    def export(
        self,
        actor: Actor,
        before_id: str,
        after_id: str,
        out: Path,
        text: HandoutText,
        *,
        fmt: HandoutFormat | str = HandoutFormat.PNG,
        alignment: Alignment | None = None,
        normalised: bool = False,
        comparison_id: str | None = None,
    ) -> Path:
        """Write a one-page handout (PNG or PDF) straight to `out`; audited as DATA_EXPORTED.

        The page is made in memory and written once to the chosen file: no
        plaintext temporary file, no metadata. Needs Admin on the record.
        """
        fmt = HandoutFormat(fmt)
        before = self.photos.get(actor, before_id)
        after = self.photos.get(actor, after_id)
        if before.patient_id != after.patient_id:
            raise InvalidInput("Both photos of a comparison must be of the same patient")
        self.check_can_export(actor, before.patient_id)
        target = out if out.suffix else out.with_suffix(f".{fmt}")
        if target.is_dir():
            raise InvalidInput(f"{target} is a folder; give a file name to export to")
        if not target.parent.is_dir():
            raise InvalidInput(f"The folder {target.parent} does not exist")
        before_img = _decode(self.photos.image(actor, before_id, ImageSize.SCREEN, audited=False))
        after_img = _decode(self.photos.image(actor, after_id, ImageSize.SCREEN, audited=False))
        homography = None
        if alignment is not None:
            homography = rescale_homography(
                alignment.homography,
                (after.width, after.height),
                (after_img.shape[1], after_img.shape[0]),
                (before.width, before.height),
                (before_img.shape[1], before_img.shape[0]),
            )
        shown_before, shown_after, mask = aligned_pair(before_img, after_img, homography)
        if normalised:
            shown_after = normalise_to(shown_before, shown_after, mask)
        data = encode_handout(render_handout(shown_before, shown_after, text), fmt)
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        self.record_export(
            actor,
            before.patient_id,
            (before_id, after_id),
            fmt=str(fmt),
            comparison_id=comparison_id,
        )
        return target

    def record_export(
        self,
        actor: Actor,
        patient_id: str,
        photo_ids: tuple[str, str],
        *,
        fmt: str,
        comparison_id: str | None = None,
    ) -> None:
        """Audit a written comparison export (DATA_EXPORTED)."""
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.DATA_EXPORTED,
                actor.user_id,
                patient_id=patient_id,
                object_type="comparison",
                object_id=comparison_id or photo_ids[0],
                details={
                    "format": fmt,
                    "what": "comparison handout",
                    "photos": list(photo_ids),
                },
            )
        )


def _decode(data: bytes) -> NDArray[np.uint8]:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise DamagedImage("A compared photo could not be decoded.")
    return np.asarray(image, dtype=np.uint8)
