"""Stored comparisons as report figures: before and after side by side, with the
clinician's annotations and measurement traces drawn on in-memory copies (the
stored images stay untouched) and the measurements and their change as captions."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw

from pixiodoc_desktop.clinic.records.comparisons import (
    Annotation,
    AnnotationKind,
    ComparisonRecord,
    Comparisons,
    MeasurementTrace,
    Side,
)
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.exports.records import PatientRecord, ReportFigure, screen_image
from pixiodoc_desktop.exports.report_locale import ENGLISH, ReportLocale
from pixiodoc_desktop.exports.report_ruler import with_ruler
from pixiodoc_desktop.exports.report_subjects import subject
from pixiodoc_desktop.imaging.measure import MeasureKind, Measurement, change

_ANNOTATION = (255, 214, 0)
_TRACE = (0, 200, 255)


def _scaled(points: Sequence[tuple[float, float]], scale: float) -> list[tuple[float, float]]:
    return [(x * scale, y * scale) for x, y in points]


def _draw_annotation(draw: ImageDraw.ImageDraw, mark: Annotation, scale: float, width: int) -> None:
    pts = _scaled(mark.points, scale)
    if mark.kind is AnnotationKind.ARROW:
        (x0, y0), (x1, y1) = pts
        draw.line([(x0, y0), (x1, y1)], fill=_ANNOTATION, width=width)
        angle = math.atan2(y1 - y0, x1 - x0)
        head = 6 * width
        for turn in (math.pi * 0.85, -math.pi * 0.85):
            draw.line(
                [
                    (x1, y1),
                    (x1 + head * math.cos(angle + turn), y1 + head * math.sin(angle + turn)),
                ],
                fill=_ANNOTATION,
                width=width,
            )
    elif mark.kind is AnnotationKind.CIRCLE:
        (cx, cy), (px, py) = pts
        r = math.hypot(px - cx, py - cy)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=_ANNOTATION, width=width)
    elif mark.kind is AnnotationKind.OUTLINE:
        draw.line([*pts, pts[0]], fill=_ANNOTATION, width=width)
    if mark.text:
        draw.text((pts[0][0] + 4, pts[0][1] + 4), mark.text, fill=_ANNOTATION)


def _draw_trace(
    draw: ImageDraw.ImageDraw, trace: MeasurementTrace, scale: float, width: int
) -> None:
    pts = _scaled(trace.points, scale)
    closed = len(pts) > 2
    draw.line([*pts, pts[0]] if closed else pts, fill=_TRACE, width=max(1, width // 2))
    if trace.label:
        draw.text((pts[0][0] + 4, pts[0][1] - 14), trace.label, fill=_TRACE)


def marked_image(
    data: bytes,
    photo: PhotoSummary,
    annotations: Sequence[Annotation],
    traces: Sequence[MeasurementTrace],
) -> bytes:
    """The screen image with the marks of one side drawn on (JPEG, in memory)."""
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGB")
    scale = image.width / photo.width if photo.width else 1.0
    width = max(2, round(image.width / 300))
    draw = ImageDraw.Draw(image)
    for mark in annotations:
        _draw_annotation(draw, mark, scale, width)
    for trace in traces:
        _draw_trace(draw, trace, scale, width)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def measurement_lines(comparison: ComparisonRecord, say: ReportLocale = ENGLISH) -> list[str]:
    """'A, diameter: 4.1 mm -> 5.3 mm (+1.2 mm, +29%)' per label traced on both sides.

    The change is computed from the values as printed (one decimal), so that the
    reader's own subtraction gives the same figure.
    """
    lines: list[str] = []
    before = {(t.label, t.kind): t for t in comparison.measurements if t.side is Side.BEFORE}
    after = {(t.label, t.kind): t for t in comparison.measurements if t.side is Side.AFTER}

    def name_of(key: tuple[str, MeasureKind]) -> str:
        return f"{key[0] + ', ' if key[0] else ''}{say.word(str(key[1]))}"

    def text(value: Measurement) -> str:
        return f"{say.number(value.value)} {value.unit}"

    for key, trace in before.items():
        first = comparison.measured(trace)
        if key not in after:
            lines.append(f"{name_of(key)}: {text(first)} {say.word('(before only)')}")
            continue
        second = comparison.measured(after[key])
        try:
            change(first, second)
        except InvalidInput as exc:
            lines.append(f"{name_of(key)}: {text(first)} -> {text(second)} ({exc.message})")
            continue
        shown_first, shown_second = round(first.value, 1), round(second.value, 1)
        delta = shown_second - shown_first
        percent = f", {delta / shown_first * 100:+.0f}%" if shown_first else ""
        lines.append(
            f"{name_of(key)}: {text(first)} -> {text(second)} "
            f"({say.signed(delta)} {first.unit}{percent})"
        )
    for key, trace in after.items():
        if key not in before:
            measured = comparison.measured(trace)
            lines.append(f"{name_of(key)}: {text(measured)} {say.word('(after only)')}")
    return lines


def comparison_figures(
    ws: Workstation,
    actor: Actor,
    record: PatientRecord,
    comparison_ids: Sequence[str],
    say: ReportLocale = ENGLISH,
) -> list[ReportFigure]:
    """Two figures per chosen comparison (before, after), filed under the later visit."""
    service = Comparisons(ws)
    visit_ids = {v.id for v in record.visits}
    figures: list[ReportFigure] = []
    for comparison_id in comparison_ids:
        comparison = service.get(actor, comparison_id)
        if comparison.patient_id != record.patient.id:
            raise InvalidInput(f"The comparison {comparison_id} belongs to another patient")
        visit = comparison.after.visit_id
        if visit not in visit_ids:
            visit = comparison.before.visit_id
        if visit not in visit_ids:
            raise InvalidInput(f"The comparison {comparison_id} is not in the chosen visits")
        lesion = record.lesion(comparison.before.lesion_id)
        title = comparison.title or subject(
            comparison.before, lesion.label if lesion else "", record.series_names, say
        )
        for side, photo in ((Side.BEFORE, comparison.before), (Side.AFTER, comparison.after)):
            image = marked_image(
                screen_image(ws, actor, photo.id),
                photo,
                [a for a in comparison.annotations if a.side is side],
                [t for t in comparison.measurements if t.side is side],
            )
            ruler = None
            if photo.calibration_px_per_mm and photo.width:
                shown = Image.open(io.BytesIO(image)).width
                image, ruler = with_ruler(
                    image, photo.calibration_px_per_mm * shown / photo.width, say.millimetres
                )
            caption = [f"{title}: {say.word('before' if side is Side.BEFORE else 'after')}"]
            caption.append(say.date(photo.visit_date))
            if ruler is not None:
                caption.append(say.word("Scale bar: {length}", length=say.millimetres(ruler)))
            caption += [a.text for a in comparison.annotations if a.side is side and a.text]
            if side is Side.AFTER:
                caption += measurement_lines(comparison, say)
            figures.append(ReportFigure(image, tuple(caption), visit))
    return figures
