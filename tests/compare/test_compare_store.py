"""Stored comparisons, default pairs, consent for the consultation screen, audited exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.records.comparison_handouts import ComparisonHandouts
from pixiodoc_desktop.clinic.records.comparisons import (
    Annotation,
    AnnotationKind,
    Comparisons,
    MeasurementTrace,
    NoConsentToShow,
    Screen,
    Side,
    week_label,
    weeks_since,
)
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize, PhotoSummary
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, RecordNotFound
from pixiodoc_desktop.imaging.alignment import homography_from_points
from pixiodoc_desktop.imaging.handout import HandoutText, png_text_chunks
from pixiodoc_desktop.imaging.measure import MeasureKind
from pixiodoc_desktop.vault.schema import AuditEvent

DATES = (dt.date(2025, 1, 7), dt.date(2025, 2, 4), dt.date(2025, 3, 25))


def _add_series(
    services: ClinicServices,
    actor: Actor,
    patient_id: str,
    site: str,
    seed: int,
    *,
    modality: str = Modality.CLINICAL_OVERVIEW,
    dates: tuple[dt.date, ...] = DATES,
) -> list[PhotoSummary]:
    scene = scene_for(seed, "naevus")
    out = []
    for index, when in enumerate(dates):
        pixels = render_photo(scene, index, len(DATES), size=(480, 360))
        data = encode_jpeg(pixels, captured_at=dt.datetime.combine(when, dt.time(10, index)))
        result = services.photos.ingest(
            actor,
            data,
            CaptureContext(
                patient_id=patient_id,
                visit_date=when,
                body_site=site,
                modality=modality,
                calibration_px_per_mm=12.0 + index,
            ),
            source_name=f"visit-{index}.jpg",
        )
        out.append(result.photo)
    return out


@pytest.fixture
def patient(services: ClinicServices, actor: Actor) -> str:
    return services.patients.create(actor, family_name="Vergleich", given_name="Vera").id


@pytest.fixture
def comparisons(workstation: Workstation) -> Comparisons:
    return Comparisons(workstation)


def _events(ws: Workstation, kind: str) -> list[AuditEvent]:
    with ws.read_session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.event_type == kind)))


def test_default_pair_is_the_first_and_latest_photo_of_the_site(
    services: ClinicServices, actor: Actor, patient: str, comparisons: Comparisons
) -> None:
    back = _add_series(services, actor, patient, "upper-back", 5)
    _add_series(services, actor, patient, "forearm-left", 6)
    before, after = comparisons.default_pair(actor, patient, body_site="upper-back")
    assert (before.id, after.id) == (back[0].id, back[-1].id)
    series = comparisons.series(actor, patient, body_site="upper-back")
    assert [p.id for p in series] == [p.id for p in back]
    assert comparisons.pair_for(actor, back[1].id) == (before, after)
    with pytest.raises(InvalidInput, match="at least two"):
        comparisons.default_pair(actor, patient, body_site="scalp")
    # Like with like: a dermoscopy taken at the last visit pairs with the first dermoscopy,
    # the overviews still with the overviews; a lone modality is refused, not mixed in.
    scope = _add_series(
        services,
        actor,
        patient,
        "upper-back",
        7,
        modality=Modality.DERMOSCOPY_POLARISED,
        dates=DATES[1:],
    )
    assert comparisons.pair_for(actor, back[0].id) == (before, after)
    pair = comparisons.pair_for(actor, scope[-1].id)
    assert [p.id for p in pair] == [scope[0].id, scope[-1].id]
    _add_series(
        services,
        actor,
        patient,
        "scalp",
        8,
        modality=Modality.DERMOSCOPY_POLARISED,
        dates=DATES[:1],
    )
    lone = _add_series(services, actor, patient, "scalp", 9, dates=DATES[2:])
    with pytest.raises(InvalidInput, match="taken the same way"):
        comparisons.pair_for(actor, lone[0].id)
    assert weeks_since(DATES[0], DATES[2]) == 11
    assert week_label(DATES[0], DATES[0]) == "Baseline"
    assert week_label(DATES[0], DATES[1]) == "Week 4"


def test_a_comparison_is_stored_and_reloaded_with_annotations(
    services: ClinicServices,
    actor: Actor,
    patient: str,
    comparisons: Comparisons,
    workstation: Workstation,
) -> None:
    photos = _add_series(services, actor, patient, "upper-back", 7)
    fix = homography_from_points(
        [((10, 10), (12, 14)), ((400, 30), (402, 33)), ((200, 300), (203, 305))], (480, 360)
    )
    marks = (
        Annotation(AnnotationKind.ARROW, Side.BEFORE, ((10, 10), (50, 60))),
        Annotation(AnnotationKind.CIRCLE, Side.AFTER, ((240, 180), (260, 180))),
        Annotation(AnnotationKind.OUTLINE, Side.AFTER, ((1, 1), (30, 1), (30, 30))),
        Annotation(AnnotationKind.TEXT, Side.BEFORE, ((5, 300),), "Rand unscharf"),
    )
    traces = (
        MeasurementTrace(
            MeasureKind.AREA, Side.BEFORE, ((0, 0), (120, 0), (120, 120), (0, 120)), "A"
        ),
        MeasurementTrace(
            MeasureKind.AREA, Side.AFTER, ((0, 0), (140, 0), (140, 140), (0, 140)), "A"
        ),
    )
    saved = comparisons.save(
        actor,
        photos[0].id,
        photos[2].id,
        title="Naevus Rücken",
        alignment=fix,
        normalised=True,
        annotations=marks,
        measurements=traces,
    )
    again = comparisons.get(actor, saved.id)
    assert again.annotations == marks
    assert again.measurements == traces
    assert again.normalised and again.aligned
    assert again.alignment is not None and again.alignment.manual
    assert np.allclose(again.alignment.homography, fix.homography)
    # 120 px at 12 px/mm is 10 mm: 100 mm²; 140 px at 14 px/mm is 10 mm too.
    assert again.measured(traces[0]).value == pytest.approx(100.0)
    assert again.measured(traces[1]).value == pytest.approx(100.0)
    updated = comparisons.save(
        actor, photos[0].id, photos[1].id, comparison_id=saved.id, annotations=marks[:1]
    )
    assert updated.version == 2 and updated.after.id == photos[1].id
    assert [c.id for c in comparisons.list(actor, patient)] == [saved.id]
    comparisons.delete(actor, saved.id)
    assert comparisons.list(actor, patient) == []
    with pytest.raises(RecordNotFound):
        comparisons.get(actor, saved.id)
    assert any(e.object_type == "comparison" for e in _events(workstation, "PATIENT_UPDATED"))


def test_annotations_are_checked() -> None:
    with pytest.raises(InvalidInput):
        Annotation(AnnotationKind.ARROW, Side.BEFORE, ((1, 1),))
    with pytest.raises(InvalidInput):
        Annotation(AnnotationKind.TEXT, Side.BEFORE, ((1, 1),), "  ")
    with pytest.raises(InvalidInput):
        Annotation.from_json({"kind": "smiley", "side": "before", "points": []})


def test_viewing_is_audited_with_the_screen(
    services: ClinicServices,
    actor: Actor,
    patient: str,
    comparisons: Comparisons,
    workstation: Workstation,
) -> None:
    photos = _add_series(services, actor, patient, "upper-back", 8)
    before, after = comparisons.images(actor, photos[0].id, photos[2].id)
    assert before[:2] == b"\xff\xd8" and after[:2] == b"\xff\xd8"
    viewed = _events(workstation, "PHOTO_VIEWED")
    assert {e.object_id for e in viewed} == {photos[0].id, photos[2].id}
    assert all(e.details["screen"] == "comparison" for e in viewed)


@pytest.mark.parametrize(
    ("decisions", "shown"),
    [
        ((), False),
        ((("teaching", True),), False),
        ((("consultation-screen", True),), True),
        ((("clinical", True),), True),
        ((("clinical", True), ("consultation-screen", False)), False),
    ],
)
def test_consultation_screen_respects_consent(
    services: ClinicServices,
    actor: Actor,
    patient: str,
    comparisons: Comparisons,
    workstation: Workstation,
    decisions: tuple[tuple[str, bool], ...],
    shown: bool,
) -> None:
    photos = _add_series(services, actor, patient, "upper-back", 9)
    for scope, granted in decisions:
        services.consents.record(actor, patient, scope=scope, granted=granted)
    assert comparisons.may_show_to_patient(actor, patient) is shown
    if shown:
        comparisons.images(actor, photos[0].id, photos[1].id, screen=Screen.CONSULTATION)
        screens = {e.details.get("screen") for e in _events(workstation, "PHOTO_VIEWED")}
        assert "consultation" in screens
    else:
        with pytest.raises(NoConsentToShow, match="consultation"):
            comparisons.images(actor, photos[0].id, photos[1].id, screen=Screen.CONSULTATION)
        denied = [e for e in _events(workstation, "PHOTO_VIEWED") if e.outcome == "denied"]
        assert denied and denied[-1].details["screen"] == "consultation"


def _text() -> HandoutText:
    return HandoutText(
        title="Naevus, oberer Rücken",
        before_label="07.01.2025 · Ausgangsbefund",
        after_label="25.03.2025 · Woche 11",
        lines=("Fläche A: 100.0 mm² → 100.0 mm² (+0 %)",),
        footer="Praxis am Stadtpark",
    )


def test_export_png_has_no_text_chunks_and_is_audited(
    services: ClinicServices,
    actor: Actor,
    patient: str,
    workstation: Workstation,
    tmp_path: Path,
) -> None:
    photos = _add_series(services, actor, patient, "upper-back", 10)
    handouts = ComparisonHandouts(workstation)
    target = handouts.export(
        actor, photos[0].id, photos[2].id, tmp_path / "handout", _text(), fmt="png"
    )
    assert target.suffix == ".png"
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert png_text_chunks(data) == []
    assert b"Vergleich" not in data and b"Vera" not in data
    exported = _events(workstation, "DATA_EXPORTED")
    assert len(exported) == 1 and exported[0].details["format"] == "png"
    assert exported[0].patient_id == patient
    pdf = handouts.export(
        actor, photos[0].id, photos[2].id, tmp_path / "handout.pdf", _text(), fmt="pdf"
    )
    body = pdf.read_bytes()
    assert body.startswith(b"%PDF") and b"Vergleich" not in body
    assert b"/CreationDate" not in body and b"/Title" not in body
    assert len(_events(workstation, "DATA_EXPORTED")) == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "handout.pdf",
        "handout.png",
    ]


def test_export_needs_admin_on_the_record(
    services: ClinicServices,
    actor: Actor,
    patient: str,
    second_clinician: Actor,
    workstation: Workstation,
    tmp_path: Path,
) -> None:
    photos = _add_series(services, actor, patient, "upper-back", 11)
    handouts = ComparisonHandouts(workstation)
    with pytest.raises(PermissionDenied):
        handouts.export(second_clinician, photos[0].id, photos[2].id, tmp_path / "x.png", _text())
    assert not (tmp_path / "x.png").exists()
    assert photos[0].id != photos[2].id
    assert ImageSize.SCREEN == "screen"


def test_erasing_the_patient_removes_their_comparisons(
    services: ClinicServices,
    actor: Actor,
    patient: str,
    comparisons: Comparisons,
    workstation: Workstation,
) -> None:
    from pixiodoc_desktop.clinic.safekeeping.erasure import erase_patient
    from pixiodoc_desktop.vault.schema import Comparison

    photos = _add_series(services, actor, patient, "upper-back", 12)
    marks = (Annotation(AnnotationKind.TEXT, Side.BEFORE, ((5, 5),), "Notiz"),)
    comparisons.save(actor, photos[0].id, photos[2].id, annotations=marks)
    erase_patient(workstation, actor, patient, "Vergleich")
    with workstation.read_session() as session:
        assert list(session.scalars(select(Comparison))) == []


def test_a_comparison_of_a_deleted_photo_is_no_longer_listed(
    services: ClinicServices, actor: Actor, patient: str, comparisons: Comparisons
) -> None:
    photos = _add_series(services, actor, patient, "upper-back", 13)
    kept = comparisons.save(actor, photos[0].id, photos[1].id)
    comparisons.save(actor, photos[0].id, photos[2].id)
    services.photos.delete(actor, photos[2].id)
    assert [c.id for c in comparisons.list(actor, patient)] == [kept.id]
