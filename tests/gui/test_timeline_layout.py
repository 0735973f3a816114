"""The timeline's content: visits newest first, photos grouped by body site and lesion, filters."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.visits import LesionSummary, VisitSummary
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.views.timeline import build_timeline
from pixiodoc_desktop.gui.widgets.timeline_view import TimelineView


def _photo(
    pid: str, visit: VisitSummary, site: str | None, lesion: str | None, modality: str
) -> PhotoSummary:
    return PhotoSummary(
        id=pid,
        patient_id="p",
        visit_id=visit.id,
        visit_date=visit.visit_date,
        lesion_id=lesion,
        body_site=site,
        modality=modality,
        contact=None,
        device=None,
        captured_at=None,
        width=4,
        height=3,
        bit_depth=8,
        media_type="image/jpeg",
        size_bytes=1,
        source="import",
        source_name="x.jpg",
        tags=(),
        calibration_px_per_mm=None,
        notes="",
        blob_id="b",
    )


def _record() -> PatientRecord:
    new = VisitSummary("v2", "p", dt.date(2025, 6, 1), "Follow-up", ("Naevus",), "", "")
    old = VisitSummary("v1", "p", dt.date(2025, 1, 1), "First", ("Eczema",), "", "")
    empty = VisitSummary("v0", "p", dt.date(2024, 1, 1), "Talk only", (), "", "")
    lesion = LesionSummary("l1", "p", "2.25.1", "upper-back", "Naevus 1", "")
    photos = (
        _photo("a", new, "upper-back", "l1", "dermoscopy-polarised"),
        _photo("b", new, "upper-back", None, "overview"),
        _photo("c", new, "upper-back", "l1", "dermoscopy-polarised"),
        _photo("d", old, "elbow-right", None, "overview"),
    )
    patient = PatientSummary(
        "p", "Becker", "H", None, "female", None, "", 4, new.visit_date, "admin"
    )
    return PatientRecord(patient, (new, old, empty), (lesion,), photos, (), dt.datetime.now())


def test_visits_newest_first_grouped_by_site_and_lesion() -> None:
    visits = build_timeline(_record(), no_site="?")
    assert [v.visit.id for v in visits] == ["v2", "v1", "v0"]
    groups = [(g.title, [p.id for p in g.photos]) for g in visits[0].groups]
    assert groups == [("Upper back · Naevus 1", ["a", "c"]), ("Upper back", ["b"])]
    assert visits[2].groups == []  # a visit without photos still shows
    assert visits[0].subtitle == "Follow-up · Naevus"


def test_filters_by_site_lesion_condition_and_modality() -> None:
    record = _record()

    def ids(**filters: str) -> list[str]:
        return [p.id for v in build_timeline(record, **filters) for g in v.groups for p in g.photos]

    assert ids(site="elbow-right") == ["d"]
    assert ids(lesion="l1") == ["a", "c"]
    assert ids(condition="Eczema") == ["d"]
    assert ids(modality="overview") == ["b", "d"]
    assert ids(site="upper-back", modality="overview") == ["b"]
    assert build_timeline(record, condition="Psoriasis") == []


def test_view_lays_out_and_walks_photos_with_keys(qtbot: QtBot) -> None:
    view = TimelineView(lambda _id: None, lambda _ids: None)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    selected: list[str] = []
    view.photo_selected.connect(selected.append)
    view.set_content(build_timeline(_record()))
    assert [p.id for p in view.photos()] == ["a", "c", "b", "d"]
    assert set(view.visible_photo_ids()) == {"a", "b", "c", "d"}
    view.setFocus()
    from PySide6.QtCore import Qt

    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert selected == ["a", "c", "d"]
