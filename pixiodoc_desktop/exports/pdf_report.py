"""The consultation report as a PDF (reportlab, no Qt).

A header with the clinic's name (and logo, when one is set), the patient,
then per visit its date, reason, findings, treatment and notes, and the
chosen photos with their body site, modality, lesion, scale and notes.
Images are decrypted into memory and handed to reportlab from there; the
PDF is written straight to its target through a temp name in the same
folder: no plaintext image ever lands in a temp file.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.exports.records import (
    PatientRecord,
    ReportFigure,
    audit_export,
    durable_file,
    load_record,
    report_logo,
    screen_image,
)
from pixiodoc_desktop.exports.report_comparisons import comparison_figures

_FONT_CANDIDATES = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
)
_MODALITY_LABELS = {
    "overview": "Clinical overview",
    "close-up": "Close-up",
    "dermoscopy-polarised": "Dermoscopy, polarised",
    "dermoscopy-non-polarised": "Dermoscopy, non-polarised",
}
_SEX_LABELS = {"female": "female", "male": "male", "other": "other", "unknown": "not recorded"}
_PHOTO_EDGE = 78 * mm


def _fonts() -> tuple[str, str]:
    """A Unicode TrueType font when the system has one (names beyond Latin-1), else Helvetica."""
    if "PixioSans" in pdfmetrics.getRegisteredFontNames():
        return "PixioSans", "PixioSans-Bold"
    for regular, bold in _FONT_CANDIDATES:
        if Path(regular).is_file() and Path(bold).is_file():
            pdfmetrics.registerFont(TTFont("PixioSans", regular))
            pdfmetrics.registerFont(TTFont("PixioSans-Bold", bold))
            return "PixioSans", "PixioSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=bold, fontSize=16),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=12),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=9.5),
        "small": ParagraphStyle(
            "small", parent=base["BodyText"], fontName=regular, fontSize=8, leading=10
        ),
        "clinic": ParagraphStyle("clinic", parent=base["Heading1"], fontName=bold, fontSize=14),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def photo_caption(record: PatientRecord, photo: PhotoSummary) -> tuple[str, ...]:
    site = BODY_SITES.get(photo.body_site or "")
    lines = [
        f"{photo.visit_date.isoformat()} · {_MODALITY_LABELS.get(photo.modality, photo.modality)}",
        f"Body site: {site.label if site else 'not recorded'}",
    ]
    lesion = record.lesion(photo.lesion_id)
    if lesion is not None:
        lines.append(f"Lesion: {lesion.label}")
    if photo.calibration_px_per_mm:
        lines.append(f"Scale: {photo.calibration_px_per_mm:.1f} px/mm")
    if photo.tags:
        lines.append("Tags: " + ", ".join(photo.tags))
    if photo.notes:
        lines.append(photo.notes)
    return tuple(lines)


def photo_figures(
    ws: Workstation, actor: Actor, record: PatientRecord, photo_ids: Sequence[str] | None
) -> list[ReportFigure]:
    """The chosen photos (all of the record's when `photo_ids` is None) as figures."""
    chosen = list(record.photos)
    if photo_ids is not None:
        known = {p.id: p for p in record.photos}
        missing = [pid for pid in photo_ids if pid not in known]
        if missing:
            raise InvalidInput(f"The photo {missing[0]} is not in the chosen visits")
        chosen = [known[pid] for pid in photo_ids]
    return [
        ReportFigure(screen_image(ws, actor, p.id), photo_caption(record, p), p.visit_id)
        for p in chosen
    ]


def _figure(figure: ReportFigure, styles: dict[str, ParagraphStyle]) -> list[Any]:
    reader = ImageReader(io.BytesIO(figure.image))
    width, height = reader.getSize()
    scale = min(_PHOTO_EDGE / width, _PHOTO_EDGE / height)
    picture = Image(io.BytesIO(figure.image), width=width * scale, height=height * scale)
    caption = [_p(line, styles["small"]) for line in figure.caption]
    return [picture, *caption]


def _figure_grid(figures: Sequence[ReportFigure], styles: dict[str, ParagraphStyle]) -> Table:
    cells = [_figure(f, styles) for f in figures]
    rows = [
        cells[i : i + 2] + ([[]] if len(cells[i : i + 2]) == 1 else [])
        for i in range(0, len(cells), 2)
    ]
    table = Table(rows, colWidths=[86 * mm, 86 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _header(
    record: PatientRecord, logo: bytes | None, title: str, styles: dict[str, ParagraphStyle]
) -> list[Any]:
    clinic = _p(record.clinic_name or "PixioDoc", styles["clinic"])
    if logo is not None:
        reader = ImageReader(io.BytesIO(logo))
        width, height = reader.getSize()
        scale = min(40 * mm / width, 18 * mm / height)
        head = Table(
            [[clinic, Image(io.BytesIO(logo), width=width * scale, height=height * scale)]],
            colWidths=[130 * mm, 42 * mm],
        )
        head.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
        )
    else:
        head = clinic
    patient = record.patient
    facts = [
        ["Patient", patient.display_name],
        ["Date of birth", patient.birth_date.isoformat() if patient.birth_date else "not recorded"],
        ["Sex", _SEX_LABELS.get(patient.sex, patient.sex)],
        ["Patient number", patient.external_id or patient.id],
        ["Visits", ", ".join(v.visit_date.isoformat() for v in record.visits) or "none"],
    ]
    table = Table(
        [[_p(k, styles["body"]), _p(v, styles["body"])] for k, v in facts],
        colWidths=[38 * mm, 134 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.grey),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [head, _p(title, styles["title"]), table, Spacer(1, 4 * mm)]


def write_report(
    handle: IO[bytes],
    record: PatientRecord,
    figures: Sequence[ReportFigure],
    *,
    logo: bytes | None = None,
    title: str = "Consultation report",
    extra: Callable[[dict[str, ParagraphStyle]], list[Any]] | None = None,
) -> None:
    """Render the report into `handle` (any binary file-like object)."""
    styles = _styles()
    created = dt.date.today().isoformat()

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(_fonts()[0], 7.5)
        canvas.drawString(18 * mm, 10 * mm, f"{record.clinic_name} · {title} · created {created}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    story: list[Any] = _header(record, logo, title, styles)
    for visit in record.visits:
        block: list[Any] = [_p(f"Visit of {visit.visit_date.isoformat()}", styles["h2"])]
        for label, value in (
            ("Reason", visit.reason),
            ("Findings", ", ".join(visit.conditions)),
            ("Treatment", visit.treatment),
            ("Notes", visit.notes),
        ):
            if value:
                block.append(_p(f"{label}: {value}", styles["body"]))
        visit_figures = [f for f in figures if f.visit_id == visit.id]
        if visit_figures:
            block.append(_figure_grid(visit_figures, styles))
        # A visit's heading never stands alone at the foot of a page.
        story.append(KeepTogether(block))
        story.append(Spacer(1, 3 * mm))
    if extra is not None:
        story.extend(extra(styles))
    doc = SimpleDocTemplate(
        handle,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=record.clinic_name,
        creator="PixioDoc Desktop",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def export_pdf(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    out: Path,
    *,
    visit_ids: Sequence[str] = (),
    photo_ids: Sequence[str] | None = None,
    comparison_ids: Sequence[str] = (),
) -> Path:
    """Write the consultation report to `out`; needs the record's Admin grant; audited.

    The figures are the chosen comparisons (before and after, with their marks and
    measurements) followed by the chosen photos; without a choice, every photo of the
    chosen visits (and no comparison).
    """
    target = out if out.suffix else out.with_suffix(".pdf")
    record = load_record(ws, actor, patient_id, visit_ids)
    figures = comparison_figures(ws, actor, record, comparison_ids)
    if photo_ids is not None or not comparison_ids:
        figures += photo_figures(ws, actor, record, photo_ids)
    with durable_file(target) as handle:
        write_report(handle, record, figures, logo=report_logo(ws))
    audit_export(
        ws,
        actor,
        patient_id,
        {
            "format": "PDF",
            "what": "consultation report",
            "visits": len(record.visits),
            "comparisons": len(comparison_ids),
            "figures": len(figures),
        },
    )
    return target
