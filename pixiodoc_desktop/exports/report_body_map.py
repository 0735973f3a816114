"""The report's body-map page: the patient's lesions at their places on the front and back
of the patient's figure (the workstation's own SVGs and its choice of figure by sex and age,
drawn here as vector shapes), and on the sides and close-ups where lesions are placed there,
coloured by status and numbered, with a table of each lesion's site, status, size over
visits and procedures.

No Qt: the regions come from `clinic.records.body_outlines` and are drawn with reportlab.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Polygon, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from pixiodoc_desktop.clinic.records.body_outlines import (
    BodyOutline,
    outline_for,
    regions,
    shown_at,
    view_size,
)
from pixiodoc_desktop.clinic.records.lesion_sizes import per_visit
from pixiodoc_desktop.clinic.records.visits import LesionStatus, LesionSummary, MapView
from pixiodoc_desktop.exports.records import PatientRecord
from pixiodoc_desktop.exports.report_locale import ReportLocale

STATUS_COLOURS = {  # as the workstation's body map shows them
    LesionStatus.NEW: "#1e6fd9",
    LesionStatus.GROWN: "#d62828",
    LesionStatus.STABLE: "#2a9d4b",
    LesionStatus.BIOPSIED: "#e07b00",
    LesionStatus.EXCISED: "#6b6b6b",
}
STATUS_WORDS = {
    LesionStatus.NEW: "New",
    LesionStatus.GROWN: "Grown",
    LesionStatus.STABLE: "Stable",
    LesionStatus.BIOPSIED: "Biopsied",
    LesionStatus.EXCISED: "Excised",
}
VIEW_WORDS = {
    MapView.FRONT: "Front",
    MapView.BACK: "Back",
    MapView.LEFT: "Left side",
    MapView.RIGHT: "Right side",
    MapView.HEAD: "Face and scalp",
    MapView.HANDS: "Hands",
    MapView.FEET: "Feet",
}
# The rows of the page: the front and back always, the others where a lesion is placed.
ROWS = (
    (MapView.FRONT, MapView.BACK),
    (MapView.LEFT, MapView.RIGHT),
    (MapView.HEAD, MapView.HANDS, MapView.FEET),
)


def placed(record: PatientRecord) -> list[LesionSummary]:
    """The lesions that have a place on the map, in the record's order."""
    return [x for x in record.lesions if x.position is not None]


def body_map_drawings(
    lesions: list[LesionSummary],
    say: ReportLocale,
    width: float,
    font: str = "Helvetica",
    outline: BodyOutline = BodyOutline.NEUTRAL,
) -> list[Drawing]:
    """One drawing per row of views: front and back, then the sides and the close-ups that
    have a lesion, each lesion a numbered dot in its status colour."""
    used = {x.position.view for x in lesions if x.position is not None}
    rows: list[tuple[MapView, ...]] = [ROWS[0]]
    if used & set(ROWS[1]):
        rows.append(ROWS[1])
    close_ups = tuple(v for v in ROWS[2] if v in used)
    if close_ups:
        rows.append(close_ups)
    return [_row(views, lesions, say, width, font, outline) for views in rows]


def _row(
    views: tuple[MapView, ...],
    lesions: list[LesionSummary],
    say: ReportLocale,
    width: float,
    font: str,
    outline: BodyOutline,
) -> Drawing:
    column = width / max(2, len(views))
    tallest = 100 * mm if views[0] in (MapView.FRONT, MapView.LEFT) else 55 * mm
    scales = {v: min((column - 6 * mm) / view_size(v)[0], tallest / view_size(v)[1]) for v in views}
    h = max(view_size(v)[1] * scales[v] for v in views)
    drawing = Drawing(width, h + 8 * mm)
    for index, view in enumerate(views):
        scale, size = scales[view], view_size(view)
        left = index * column + (column - size[0] * scale) / 2

        def at(x: float, y: float, left: float = left, scale: float = scale) -> tuple[float, float]:
            return left + x * scale, h - y * scale  # SVG y runs down, the PDF's up

        drawing.add(
            String(
                left + size[0] * scale / 2,
                h + 3 * mm,
                say.word(VIEW_WORDS[view]),
                textAnchor="middle",
                fontSize=9,
                fontName=font,
            )
        )
        for region in regions(outline, view):
            points = [v for x, y in region.points for v in at(x, y)]
            drawing.add(
                Polygon(
                    points,
                    fillColor=colors.HexColor("#f3e3d6"),
                    strokeColor=colors.HexColor("#8a6f5f"),
                    strokeWidth=0.5,
                )
            )
        for number, lesion in enumerate(lesions, start=1):
            place = lesion.position
            if place is None or place.view is not view:
                continue
            fx, fy = shown_at(outline, view, place.x, place.y)
            x, y = at(fx * size[0], fy * size[1])
            drawing.add(
                Circle(
                    x,
                    y,
                    2.2 * mm,
                    fillColor=colors.HexColor(STATUS_COLOURS[lesion.status]),
                    strokeColor=colors.white,
                    strokeWidth=0.8,
                )
            )
            drawing.add(
                String(
                    x,
                    y - 1.1 * mm,
                    str(number),
                    textAnchor="middle",
                    fontSize=6.5,
                    fontName=font,
                    fillColor=colors.white,
                )
            )
    return drawing


def _size_text(lesion: LesionSummary, say: ReportLocale) -> str:
    visits = per_visit(lesion.sizes)
    if not visits:
        return "–"
    first, last = visits[0], visits[-1]
    if len(visits) == 1:
        return f"{say.number(last.diameter_mm)} mm"
    grown = round(last.diameter_mm - first.diameter_mm, 1) + 0.0  # never "-0.0"
    return (
        f"{say.number(first.diameter_mm)} → {say.number(last.diameter_mm)} mm "
        f"({say.signed(grown)} mm)"
    )


def _procedures_text(lesion: LesionSummary, say: ReportLocale) -> str:
    words = {"biopsy": "Biopsy", "excision": "Excision"}
    return "<br/>".join(
        f"{say.word(words[p.kind.value])} {say.date(p.date)}"
        + (f": {_escape(p.histology)}" if p.histology else "")
        for p in lesion.history
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def body_map_page(
    record: PatientRecord,
    styles: dict[str, ParagraphStyle],
    say: ReportLocale,
    width: float,
    today: dt.date | None = None,
) -> list[Any]:
    """The page, or nothing when no lesion of the patient has a place on the map."""
    lesions = placed(record)
    if not lesions:
        return []
    patient = record.patient
    outline = outline_for(patient.sex, patient.birth_date, today or dt.date.today())
    legend = " · ".join(
        f'<font color="{STATUS_COLOURS[s]}">●</font> {say.word(STATUS_WORDS[s])}'
        for s in LesionStatus
    )
    small = styles["small"] if "small" in styles else styles["body"]
    rows: list[list[Any]] = [
        [
            "#",
            say.word("Lesion"),
            say.word("Body site"),
            say.word("Status"),
            say.word("Largest diameter"),
            say.word("Procedures"),
        ]
    ]
    for number, lesion in enumerate(lesions, start=1):
        rows.append(
            [
                str(number),
                Paragraph(_escape(lesion.label), small),
                Paragraph(_escape(say.body_site(lesion.body_site)), small),
                say.word(STATUS_WORDS[lesion.status]),
                Paragraph(_size_text(lesion, say), small),
                Paragraph(_procedures_text(lesion, say), small),
            ]
        )
    table = Table(
        rows,
        colWidths=[7 * mm, 24 * mm, 28 * mm, 20 * mm, 42 * mm, width - 121 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), small.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f4f4f4")]),
            ]
        )
    )
    return [
        PageBreak(),
        Paragraph(say.word("Body map"), styles["h2"]),
        *body_map_drawings(lesions, say, width, small.fontName, outline),
        Paragraph(legend, small),
        Spacer(1, 3 * mm),
        table,
    ]
