"""The report's body-map page: the patient's lesions at their places on the front and back
diagrams (the workstation's own SVGs, drawn here as vector shapes), coloured by status and
numbered, with a table of each lesion's site, status, size over visits and procedures.

No Qt: the SVGs' polygons are read with ElementTree and drawn with reportlab's graphics.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Polygon, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from pixiodoc_desktop.clinic.records.lesion_sizes import per_visit
from pixiodoc_desktop.clinic.records.visits import LesionStatus, LesionSummary, MapView
from pixiodoc_desktop.exports.records import PatientRecord
from pixiodoc_desktop.exports.report_locale import ReportLocale

MAP_DIR = Path(__file__).resolve().parents[2] / "resources" / "body_map"
VIEW_SIZE = (200.0, 440.0)  # the SVGs' viewBox
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
_SVG = "{http://www.w3.org/2000/svg}"


@cache
def outlines(view: MapView) -> tuple[tuple[float, ...], ...]:
    """The view's regions as flat point lists (x0, y0, x1, y1, ...) in SVG units."""
    root = ET.parse(MAP_DIR / f"{view.value}.svg").getroot()  # noqa: S314 - our own file
    out = []
    for polygon in root.iter(f"{_SVG}polygon"):
        if not polygon.get("id", "").startswith("site:"):
            continue
        pairs = (pair.split(",") for pair in polygon.get("points", "").split())
        out.append(tuple(float(v) for pair in pairs for v in pair))
    return tuple(out)


def placed(record: PatientRecord) -> list[LesionSummary]:
    """The lesions that have a place on the map, in the record's order."""
    return [x for x in record.lesions if x.position is not None]


def body_map_drawing(
    lesions: list[LesionSummary], say: ReportLocale, width: float, font: str = "Helvetica"
) -> Drawing:
    """Front and back side by side, each lesion a numbered dot in its status colour."""
    scale = min((width / 2 - 6 * mm) / VIEW_SIZE[0], 100 * mm / VIEW_SIZE[1])
    w, h = VIEW_SIZE[0] * scale, VIEW_SIZE[1] * scale
    drawing = Drawing(width, h + 8 * mm)
    for column, view in enumerate(MapView):
        left = column * width / 2 + (width / 2 - w) / 2

        def at(x: float, y: float, left: float = left) -> tuple[float, float]:
            return left + x * scale, h - y * scale  # SVG y runs down, the PDF's up

        title = say.word("Front") if view is MapView.FRONT else say.word("Back")
        drawing.add(
            String(left + w / 2, h + 3 * mm, title, textAnchor="middle", fontSize=9, fontName=font)
        )
        for flat in outlines(view):
            points = [v for i in range(0, len(flat), 2) for v in at(flat[i], flat[i + 1])]
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
            x, y = at(place.x * VIEW_SIZE[0], place.y * VIEW_SIZE[1])
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
    record: PatientRecord, styles: dict[str, ParagraphStyle], say: ReportLocale, width: float
) -> list[Any]:
    """The page, or nothing when no lesion of the patient has a place on the map."""
    lesions = placed(record)
    if not lesions:
        return []
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
        body_map_drawing(lesions, say, width, small.fontName),
        Paragraph(legend, small),
        Spacer(1, 3 * mm),
        table,
    ]
