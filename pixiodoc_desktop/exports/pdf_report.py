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

from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.second_opinions import SecondOpinionSummary
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
from pixiodoc_desktop.exports.report_body_map import body_map_page
from pixiodoc_desktop.exports.report_comparisons import comparison_figures
from pixiodoc_desktop.exports.report_locale import ENGLISH, ReportLocale
from pixiodoc_desktop.exports.report_marks import with_marks
from pixiodoc_desktop.exports.report_ruler import with_ruler
from pixiodoc_desktop.exports.report_subjects import plain_tags, where_line

_FONT_CANDIDATES = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
)
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


def photo_caption(
    record: PatientRecord,
    photo: PhotoSummary,
    say: ReportLocale = ENGLISH,
    ruler_mm: float | None = None,
) -> tuple[str, ...]:
    what, where = where_line(photo, record.series_names, say)
    lines = [f"{say.date(photo.visit_date)} · {say.modality(photo.modality)}", f"{what}: {where}"]
    lesion = record.lesion(photo.lesion_id)
    if lesion is not None:
        lines.append(f"{say.word('Lesion')}: {lesion.label}")
    if ruler_mm is not None:
        lines.append(say.word("Scale bar: {length}", length=say.millimetres(ruler_mm)))
    if tags := plain_tags(photo):
        lines.append(f"{say.word('Tags')}: " + ", ".join(tags))
    if photo.notes:
        lines.append(photo.notes)
    return tuple(lines)


def ruled_image(data: bytes, photo: PhotoSummary, say: ReportLocale) -> tuple[bytes, float | None]:
    """The picture with a scale bar when the photo is calibrated (and the bar's length)."""
    if not photo.calibration_px_per_mm or not photo.width:
        return data, None
    reader = ImageReader(io.BytesIO(data))
    shown_width = reader.getSize()[0]
    px_per_mm = photo.calibration_px_per_mm * shown_width / photo.width
    return with_ruler(data, px_per_mm, say.millimetres)


def photo_figure(
    ws: Workstation, actor: Actor, record: PatientRecord, photo: PhotoSummary, say: ReportLocale
) -> ReportFigure:
    image, ruler = ruled_image(screen_image(ws, actor, photo.id), photo, say)
    caption = photo_caption(record, photo, say, ruler)
    marks = [mark for opinion in record.opinions for mark in opinion.marks_on(photo.id)]
    if marks:
        image = with_marks(image, marks, photo.width)
        caption += (say.word("Marked by a second opinion ({count})", count=len(marks)),)
    return ReportFigure(image, caption, photo.visit_id)


def photo_figures(
    ws: Workstation,
    actor: Actor,
    record: PatientRecord,
    photo_ids: Sequence[str] | None,
    say: ReportLocale = ENGLISH,
) -> list[ReportFigure]:
    """The chosen photos (all of the record's when `photo_ids` is None) as figures."""
    chosen = list(record.photos)
    if photo_ids is not None:
        known = {p.id: p for p in record.photos}
        missing = [pid for pid in photo_ids if pid not in known]
        if missing:
            raise InvalidInput(f"The photo {missing[0]} is not in the chosen visits")
        chosen = [known[pid] for pid in photo_ids]
    return [photo_figure(ws, actor, record, p, say) for p in chosen]


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
    record: PatientRecord,
    logo: bytes | None,
    title: str,
    styles: dict[str, ParagraphStyle],
    say: ReportLocale,
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
        [say.word("Patient"), patient.display_name],
        [
            say.word("Date of birth"),
            say.date(patient.birth_date) if patient.birth_date else say.word("not recorded"),
        ],
        [say.word("Sex"), say.sex(patient.sex)],
        [say.word("Patient number"), patient.external_id or patient.id],
        [
            say.word("Visits"),
            ", ".join(say.date(v.visit_date) for v in record.visits) or say.word("none"),
        ],
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


def _signature(clinician: str, styles: dict[str, ParagraphStyle], say: ReportLocale) -> list[Any]:
    """The clinician's name and a line to sign on, kept together at the report's end."""
    line = Table(
        [[_p(f"{say.word('Clinician')}: {clinician}", styles["body"])], [""], [""]],
        colWidths=[90 * mm],
        rowHeights=[None, 14 * mm, None],
    )
    line.hAlign = "LEFT"
    line.setStyle(
        TableStyle(
            [("LINEBELOW", (0, 1), (0, 1), 0.6, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        )
    )
    caption = _p(say.word("Date, signature"), styles["small"])
    return [KeepTogether([Spacer(1, 8 * mm), line, caption])]


def _opinion(
    opinion: SecondOpinionSummary, styles: dict[str, ParagraphStyle], say: ReportLocale
) -> list[Any]:
    """A second opinion: who and when, the text, the suggested diagnosis, the recommendation."""
    heading = say.word(
        "Second opinion from {who}, {date}",
        who=opinion.author or say.word("a colleague"),
        date=say.date(opinion.when.date()),
    )
    bold = _fonts()[1]
    lines = [
        f'<font name="{bold}">{escape(heading)}</font>',
        escape(opinion.opinion).replace("\n", "<br/>"),
    ]
    if opinion.diagnosis:
        lines.append(f"{escape(say.word('Suggested diagnosis'))}: {escape(opinion.diagnosis)}")
    if opinion.recommendation:
        text = escape(opinion.recommendation).replace("\n", "<br/>")
        lines.append(f"{escape(say.word('Recommendation'))}: {text}")
    if opinion.marks:
        lines.append(f"{escape(say.word('Marks on photos'))}: {len(opinion.marks)}")
    return [Paragraph("<br/>".join(lines), styles["body"]), Spacer(1, 2 * mm)]


def write_report(
    handle: IO[bytes],
    record: PatientRecord,
    figures: Sequence[ReportFigure],
    *,
    logo: bytes | None = None,
    title: str = "Consultation report",
    extra: Callable[[dict[str, ParagraphStyle]], list[Any]] | None = None,
    say: ReportLocale = ENGLISH,
    clinician: str | None = None,
) -> None:
    """Render the report into `handle` (any binary file-like object).

    With `clinician`, the report ends with their name and a line to sign on.
    """
    styles = _styles()
    created = say.word("created {date}", date=say.date(dt.date.today()))
    title = say.word(title)

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(_fonts()[0], 7.5)
        canvas.drawString(18 * mm, 10 * mm, f"{record.clinic_name} · {title} · {created}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, say.word("Page {page}", page=doc.page))
        canvas.restoreState()

    story: list[Any] = _header(record, logo, title, styles, say)
    for visit in record.visits:
        heading = say.word("Visit of {date}", date=say.date(visit.visit_date))
        block: list[Any] = [_p(heading, styles["h2"])]
        for label, value in (
            ("Reason", visit.reason),
            ("Findings", ", ".join(visit.conditions)),
            ("Treatment", visit.treatment),
            ("Notes", visit.notes),
        ):
            if value:
                block.append(_p(f"{say.word(label)}: {value}", styles["body"]))
        for opinion in record.opinions:
            if opinion.visit_id == visit.id:
                block.extend(_opinion(opinion, styles, say))
        visit_figures = [f for f in figures if f.visit_id == visit.id]
        # A visit's heading never stands alone at the foot of a page: it keeps with its
        # texts and first row of photos. A visit of many photos (a mole map) then flows on,
        # row by row, rather than leaving the page under the header empty.
        if visit_figures:
            block.append(_figure_grid(visit_figures[:2], styles))
        story.append(KeepTogether(block))
        if len(visit_figures) > 2:
            story.append(_figure_grid(visit_figures[2:], styles))
        story.append(Spacer(1, 3 * mm))
    shown = {v.id for v in record.visits}
    loose = [o for o in record.opinions if o.visit_id not in shown]
    if loose:
        story.append(_p(say.word("Second opinions"), styles["h2"]))
        for opinion in loose:
            story.extend(_opinion(opinion, styles, say))
    story.extend(body_map_page(record, styles, say, A4[0] - 36 * mm))
    if extra is not None:
        story.extend(extra(styles))
    if clinician:
        story.extend(_signature(clinician, styles, say))
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
    say: ReportLocale = ENGLISH,
) -> Path:
    """Write the consultation report to `out`; needs the record's Admin grant; audited.

    The figures are the chosen comparisons (before and after side by side, with their
    marks and measurements) followed by the chosen photos; without a choice, every photo
    of the chosen visits (and no comparison). It ends with the acting clinician's name
    and a signature line; `say` gives its language, dates and numbers.
    """
    target = out if out.suffix else out.with_suffix(".pdf")
    record = load_record(ws, actor, patient_id, visit_ids)
    figures = comparison_figures(ws, actor, record, comparison_ids, say)
    if photo_ids is not None or not comparison_ids:
        figures += photo_figures(ws, actor, record, photo_ids, say)
    with durable_file(target) as handle:
        write_report(
            handle, record, figures, logo=report_logo(ws), say=say, clinician=actor.display_name
        )
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
