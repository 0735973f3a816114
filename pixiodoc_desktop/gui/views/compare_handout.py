"""What the compare view keeps and hands out: the saved comparison and the PNG/PDF handout.

A `ComparisonDraft` is what is on screen (the pair, the alignment in use,
the marks); `store` and `write_handout` turn it into vault work for the DB
worker, where the service checks the clinician's rights and writes the
audit event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from pixiodoc_desktop.clinic.records.comparison_handouts import ComparisonHandouts
from pixiodoc_desktop.clinic.records.comparisons import Annotation, Comparisons, MeasurementTrace
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.folder_names import documents_folder
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.session import ClinicSession
from pixiodoc_desktop.imaging.alignment import Alignment
from pixiodoc_desktop.imaging.handout import HandoutFormat, HandoutText
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export, patient_of_photo

# Strings are translated in the compare view's context: this is part of it.


@dataclass(frozen=True, slots=True)
class ComparisonDraft:
    before_id: str
    after_id: str
    comparison_id: str | None
    alignment: Alignment | None  # found or fixed by hand; used only when `aligned`
    aligned: bool
    normalised: bool
    annotations: tuple[Annotation, ...]
    measurements: tuple[MeasurementTrace, ...]


def store(session: ClinicSession, draft: ComparisonDraft) -> Callable[[], str]:
    """The DB job that saves the comparison (a new one, or `draft.comparison_id` again)."""

    def job() -> str:
        services, actor = session.require()
        record = Comparisons(services.workstation).save(
            actor,
            draft.before_id,
            draft.after_id,
            comparison_id=draft.comparison_id,
            alignment=draft.alignment,
            aligned=draft.aligned,
            normalised=draft.normalised,
            annotations=draft.annotations,
            measurements=draft.measurements,
        )
        return record.id

    return job


def write_handout(
    session: ClinicSession,
    draft: ComparisonDraft,
    path: Path,
    text: HandoutText,
    fmt: HandoutFormat,
) -> Callable[[], Path]:
    """The DB job that writes the handout (audited as an export)."""

    def job() -> Path:
        services, actor = session.require()
        ws = services.workstation
        patient_id = patient_of_photo(ws, draft.before_id)
        if patient_id is not None:  # images left in the clinic's bucket first
            photo_ids = [draft.before_id, draft.after_id]
            fetch_for_export(ws, actor, patient_id, Export.HANDOUT, photo_ids=photo_ids)
        return ComparisonHandouts(services.workstation).export(
            actor,
            draft.before_id,
            draft.after_id,
            path,
            text,
            fmt=fmt,
            alignment=draft.alignment if draft.aligned else None,
            normalised=draft.normalised,
            comparison_id=draft.comparison_id,
        )

    return job


def handout_text(
    before: PhotoSummary,
    after: PhotoSummary,
    lines: Sequence[str],
    photo_label: Callable[[PhotoSummary], str],
) -> HandoutText:
    site = QCoreApplication.translate("CompareView", "Comparison · {site}").format(
        site=labels.body_site(before.body_site)
    )
    footer = QCoreApplication.translate("CompareView", "Exported on {date}").format(
        date=date_text(dt.date.today())
    )
    return HandoutText(
        title=site,
        before_label=photo_label(before),
        after_label=photo_label(after),
        lines=tuple(lines),
        footer=footer,
    )


def ask_handout_path(parent: QWidget) -> tuple[Path, HandoutFormat] | None:
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CompareView", "Export comparison"),
        str(documents_folder()),
        QCoreApplication.translate("CompareView", "PNG image (*.png);;PDF handout (*.pdf)"),
    )
    if not path:
        return None
    fmt = (
        HandoutFormat.PDF if path.lower().endswith(".pdf") or "pdf" in chosen else HandoutFormat.PNG
    )
    return Path(path), fmt
