"""The demo's mole-mapping patient: twenty naevi placed on the body map, a dermoscopy photo of
each at every visit, each measured by the automatic outline, and a total-body series of the
standard poses at the first and the latest visit.

Most naevi keep their size (a few hundredths of a millimetre of play between visits); one
grows by 0.6 mm a visit, one appears only at the latest visit, one is biopsied and then
excised (the histology text with each). The photos are the outline test's close-ups of
known geometry (demo/close_up.py), so the measurements the demo stores are what the
outline really finds in them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from pixiodoc_desktop.clinic.records.body_series import DEFAULT_PROTOCOL, pose_tag
from pixiodoc_desktop.clinic.records.lesion_sizes import LesionSizes, SizeSource
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
from pixiodoc_desktop.clinic.records.visits import Lesions, MapPosition, MapView
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.demo.close_up import FIELD_WIDTH_MM, close_up, plain_skin
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo
from pixiodoc_desktop.demo.skin_model import SkinScene
from pixiodoc_desktop.errors import OutlineRefused
from pixiodoc_desktop.imaging.outline import outline_lesion

GROWS_PER_VISIT_MM = 0.6
MAP_SIZE = (200.0, 440.0)  # the body map's SVG units (resources/body_map)


@dataclass(frozen=True, slots=True)
class DemoNaevus:
    site: str
    view: MapView
    x: float  # in the body map's SVG units
    y: float
    diameter_mm: float
    story: str = "stable"  # stable | grows | new | excised


NAEVI: tuple[DemoNaevus, ...] = (
    DemoNaevus("upper-back", MapView.BACK, 84, 96, 4.2),
    DemoNaevus("upper-back", MapView.BACK, 112, 104, 4.6, "grows"),
    DemoNaevus("upper-back", MapView.BACK, 96, 122, 3.4),
    DemoNaevus("upper-back", MapView.BACK, 121, 132, 3.8),
    DemoNaevus("lower-back", MapView.BACK, 80, 160, 5.2, "excised"),
    DemoNaevus("lower-back", MapView.BACK, 110, 178, 3.0),
    DemoNaevus("lower-back", MapView.BACK, 124, 196, 2.8, "new"),
    DemoNaevus("shoulder-left", MapView.BACK, 64, 94, 3.6),
    DemoNaevus("thigh-left", MapView.BACK, 86, 270, 4.0),
    DemoNaevus("calf-right", MapView.BACK, 114, 360, 3.2),
    DemoNaevus("buttock-right", MapView.BACK, 116, 224, 3.5),
    DemoNaevus("chest", MapView.FRONT, 86, 100, 3.9),
    DemoNaevus("chest", MapView.FRONT, 116, 124, 4.4),
    DemoNaevus("abdomen", MapView.FRONT, 92, 160, 3.3),
    DemoNaevus("abdomen", MapView.FRONT, 118, 186, 4.1),
    DemoNaevus("upper-arm-right", MapView.FRONT, 59, 130, 3.0),
    DemoNaevus("upper-arm-left", MapView.FRONT, 141, 118, 3.6),
    DemoNaevus("forearm-left", MapView.FRONT, 145, 195, 2.9),
    DemoNaevus("thigh-right", MapView.FRONT, 84, 250, 4.3),
    DemoNaevus("shin-left", MapView.FRONT, 114, 370, 3.1),
)
BIOPSY_HISTOLOGY = (
    "Compound naevus with architectural disorder and mild cytological atypia "
    "(dysplastic naevus). Excision with 2 mm margins advised."
)
EXCISION_HISTOLOGY = (
    "Dysplastic compound naevus, mild atypia, completely excised; margins clear. No malignancy."
)


def diameter_at(naevus: DemoNaevus, visit: int, seed: int) -> float:
    """The naevus's largest diameter (mm) at visit `visit` (0 = first)."""
    play = float(np.random.default_rng([seed, visit]).uniform(-0.08, 0.08))
    grown = GROWS_PER_VISIT_MM * visit if naevus.story == "grows" else 0.0
    return naevus.diameter_mm + grown + play


def present_at(naevus: DemoNaevus, visit: int, visits: int) -> bool:
    """Whether the naevus is there to photograph at that visit."""
    if naevus.story == "new":
        return visit == visits - 1
    if naevus.story == "excised":
        return visit < visits - 1  # excised at the latest visit
    return True


def photo_count(visits: int) -> int:
    """How many dermoscopy photos `add_mole_map` takes over that many visits."""
    return sum(present_at(n, v, visits) for n in NAEVI for v in range(visits))


def add_mole_map(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    visits: Sequence[tuple[str, dt.date]],
    *,
    size: tuple[int, int],
    seed: int,
    say: Callable[[str], str],
    on_photo: Callable[[], None] | None = None,
) -> None:
    """Place the naevi, photograph and measure each at every visit (id, date; oldest first)."""
    lesions, photos, sizes = Lesions(ws), Photos(ws), LesionSizes(ws)
    skins = [plain_skin(seed + k, 2, size) for k in range(3)]
    px_per_mm = size[0] / FIELD_WIDTH_MM
    for number, naevus in enumerate(NAEVI, start=1):
        lesion = lesions.create(
            actor,
            patient_id,
            body_site_code=naevus.site,
            label=say("Naevus {n}").format(n=number),  # 'Naevus 1' like every other lesion
            position=MapPosition(naevus.view, naevus.x / MAP_SIZE[0], naevus.y / MAP_SIZE[1]),
        )
        for index, (visit_id, visit_date) in enumerate(visits):
            if not present_at(naevus, index, len(visits)):
                continue
            diameter = diameter_at(naevus, index, seed * 100 + number)
            shot = close_up(
                seed * 100 + number,
                size=size,
                diameter_mm=(diameter, diameter),
                skin=skins[number % len(skins)],
            )
            captured = dt.datetime.combine(visit_date, dt.time(10, 0)) + dt.timedelta(
                minutes=number
            )
            data = encode_jpeg(
                shot.image,
                captured_at=captured,
                camera_make="DermLite",
                camera_model="DermLite DL5",
            )
            added = photos.ingest(
                actor,
                data,
                CaptureContext(
                    patient_id=patient_id,
                    visit_id=visit_id,
                    body_site=naevus.site,
                    lesion_id=lesion.id,
                    modality=Modality.DERMOSCOPY_POLARISED,
                    contact=True,
                    device="DermLite DL5",
                    calibration_px_per_mm=px_per_mm,
                ),
                source_name=f"demo-naevus-{number:02d}-{index}.jpg",
                source=PhotoSource.CAMERA,
            )
            try:
                found = outline_lesion(shot.image, px_per_mm)
            except OutlineRefused:
                found = None  # no measurement then, as in the clinic
            if found is not None:
                sizes.record(
                    actor,
                    lesion.id,
                    added.photo.id,
                    area_mm2=found.area_mm2,
                    diameter_mm=found.diameter_mm,
                    perimeter_mm=found.perimeter_mm,
                    asymmetry=found.asymmetry,
                    source=SizeSource.OUTLINE,
                    points=found.points,
                )
            if on_photo is not None:
                on_photo()
        if naevus.story == "excised" and len(visits) >= 2:
            if len(visits) >= 3:
                lesions.record_procedure(
                    actor,
                    lesion.id,
                    "biopsy",
                    date=visits[-2][1],
                    histology=say(BIOPSY_HISTOLOGY),
                )
            lesions.record_procedure(
                actor, lesion.id, "excision", date=visits[-1][1], histology=say(EXCISION_HISTOLOGY)
            )


def series_photo_count(visits: int) -> int:
    """How many photos `add_body_series` takes (the protocol at the first and latest visit)."""
    return len(DEFAULT_PROTOCOL) * min(visits, 2)


def add_body_series(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    visits: Sequence[tuple[str, dt.date]],
    *,
    size: tuple[int, int],
    seed: int,
    on_photo: Callable[[], None] | None = None,
) -> None:
    """A total-body series of the standard poses at the first and the latest visit."""
    photos = Photos(ws)
    chosen = [visits[0], visits[-1]] if len(visits) >= 2 else list(visits)
    for index, (visit_id, visit_date) in enumerate(chosen):
        for number, pose in enumerate(DEFAULT_PROTOCOL):
            scene = SkinScene(seed * 10 + number, "naevus", 2, 0.0)
            pixels = render_photo(scene, index, max(len(chosen), 2), size=size)
            captured = dt.datetime.combine(visit_date, dt.time(9, 30)) + dt.timedelta(
                minutes=number
            )
            photos.ingest(
                actor,
                encode_jpeg(
                    pixels, captured_at=captured, camera_make="Canon", camera_model="Canon EOS R8"
                ),
                CaptureContext(
                    patient_id=patient_id,
                    visit_id=visit_id,
                    modality=Modality.CLINICAL_OVERVIEW,
                    device="Canon EOS R8",
                    tags=(pose_tag(pose),),
                ),
                source_name=f"demo-series-{index}-{pose}.jpg",
                source=PhotoSource.CAMERA,
            )
            if on_photo is not None:
                on_photo()
