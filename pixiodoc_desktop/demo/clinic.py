"""The demo clinic: a vault with a dozen patients whose photos change over visits.

Built through the same services as real work (patients, visits, lesions,
consent, the one ingest path), so the demo is also a smoke test of them.
The demo password is public by design and shown only in demo mode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.access.plans import Plans
from pixiodoc_desktop.clinic.records.consent import Consents
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
from pixiodoc_desktop.clinic.records.visits import Lesions, Visits
from pixiodoc_desktop.clinic.records.vocabulary import ConsentScope, Modality, PhotoSource
from pixiodoc_desktop.demo.identity import DEMO_LOGIN, DEMO_PASSWORD, DemoVault
from pixiodoc_desktop.demo.language import speak
from pixiodoc_desktop.demo.moles import (
    add_body_series,
    add_mole_map,
    photo_count,
    series_photo_count,
)
from pixiodoc_desktop.demo.photos import SkinScene, encode_jpeg, render_photo, scene_for
from pixiodoc_desktop.demo.words import demo_text
from pixiodoc_desktop.errors import VaultExists
from pixiodoc_desktop.vault.header import DEMO_MARK, read_header
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.vault import Vault

DEMO_CLINIC = "Hautarztpraxis am Stadtpark (Demo)"
DEMO_NAME = "Dr. Anna Weber"
DEMO_COLLEAGUE_LOGIN = "dr.berger"
DEMO_COLLEAGUE = "Dr. Jonas Berger"


@dataclass(frozen=True, slots=True)
class DemoPatient:
    family: str
    given: str
    born: dt.date
    sex: str
    condition: str
    site: str
    reason: str
    treatment: str
    mole_map: bool = False  # twenty naevi on the body map, each photographed every visit


DEMO_PATIENTS: tuple[DemoPatient, ...] = (
    DemoPatient(
        "Müller",
        "Jürgen",
        dt.date(1987, 3, 14),
        "male",
        "acne",
        "cheek-left",
        "Acne papulopustulosa",
        "Adapalene/benzoyl peroxide gel",
    ),
    DemoPatient(
        "Schäfer",
        "Lena",
        dt.date(1994, 7, 2),
        "female",
        "eczema",
        "elbow-right",
        "Atopic eczema flare",
        "Mometasone cream, emollients",
    ),
    DemoPatient(
        "Øvergaard",
        "Sigrid",
        dt.date(1968, 11, 23),
        "female",
        "psoriasis",
        "knee-left",
        "Plaque psoriasis",
        "Calcipotriol/betamethasone foam",
    ),
    DemoPatient(
        "Nowak",
        "Tomasz",
        dt.date(1975, 5, 9),
        "male",
        "rosacea",
        "face",
        "Papulopustular rosacea",
        "Ivermectin cream",
    ),
    DemoPatient(
        "García López",
        "Inés",
        dt.date(1982, 1, 30),
        "female",
        "melasma",
        "cheek-right",
        "Melasma",
        "Triple combination cream, SPF 50",
    ),
    DemoPatient(
        "Yılmaz",
        "Emre",
        dt.date(1990, 9, 17),
        "male",
        "vitiligo",
        "hand-back-left",
        "Non-segmental vitiligo",
        "Ruxolitinib cream",
    ),
    DemoPatient(
        "Becker",
        "Hannelore",
        dt.date(1951, 4, 5),
        "female",
        "naevus",
        "upper-back",
        "Naevus follow-up (dermoscopy)",
        "Sequential digital dermoscopy",
    ),
    DemoPatient(
        "Fischer",
        "Paul",
        dt.date(2003, 12, 11),
        "male",
        "acne",
        "forehead",
        "Acne comedonica",
        "Azelaic acid 20%",
    ),
    DemoPatient(
        "Dubois",
        "Camille",
        dt.date(1979, 8, 28),
        "female",
        "eczema",
        "hand-back-right",
        "Hand eczema",
        "Tacrolimus ointment",
    ),
    DemoPatient(
        "Kowalczyk",
        "Agnieszka",
        dt.date(1960, 2, 19),
        "female",
        "psoriasis",
        "scalp",
        "Scalp psoriasis",
        "Clobetasol shampoo",
    ),
    DemoPatient(
        "Ahmadi",
        "Reza",
        dt.date(1971, 6, 3),
        "male",
        "naevus",
        "chest",
        "Mole mapping: multiple naevi",
        "Sequential digital dermoscopy",
        mole_map=True,
    ),
    DemoPatient(
        "Lindqvist",
        "Maja",
        dt.date(1998, 10, 8),
        "female",
        "rosacea",
        "nose",
        "Erythematotelangiectatic rosacea",
        "Brimonidine gel",
    ),
)


def is_demo_vault(folder: Path) -> bool:
    """True for a vault this module built (its sealed header says so; see Vault.mark_as_demo).

    `--demo --vault DIR` must never take a clinic's own vault for the demo and
    try the public demo password on it.
    """
    if not (folder / "vault.json").exists():
        return False
    return read_header(folder).extra.get(DEMO_MARK) is True


def build_demo_vault(
    folder: Path,
    *,
    patients: int = len(DEMO_PATIENTS),
    visits: int = 4,
    size: tuple[int, int] = (1600, 1200),
    on_progress: Callable[[int, int], None] | None = None,
    on_patient: Callable[[int, int], None] | None = None,
    today: dt.date | None = None,
    language: str = "en",
    families: tuple[str, ...] = (),
) -> DemoVault:
    """Create the demo vault at `folder` (which must be new or empty), its texts in `language`.

    `on_progress(done, total)` counts the photos stored, `on_patient(number, count)` says
    which patient is being prepared. `families` picks demo patients by family name instead of the first `patients` (tests
    that need one particular patient, such as the mole-mapping one)."""

    def say(text: str) -> str:
        return demo_text(text, language)

    vault, _recovery = Vault.create(
        folder,
        clinic_name=DEMO_CLINIC,
        admin_login=DEMO_LOGIN,
        admin_name=DEMO_NAME,
        password=DEMO_PASSWORD,
        kdf=MINIMUM_KDF,
    )
    vault.mark_as_demo(language)
    vault.lock()
    ws, actor = log_in(vault, DEMO_LOGIN, DEMO_PASSWORD)
    Plans(ws).mark_demo(actor)  # the demo has every plan's features (see clinic/access/plans.py)
    today = today or dt.date.today()
    chosen = (
        tuple(p for p in DEMO_PATIENTS if p.family in families)
        if families
        else DEMO_PATIENTS[:patients]
    )
    total = len(chosen) * visits + sum(
        photo_count(visits) + series_photo_count(visits) for p in chosen if p.mole_map
    )
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    try:
        # A colleague to share records with (Patient > Share...), same public password.
        Clinicians(ws).add(
            actor, login=DEMO_COLLEAGUE_LOGIN, display_name=DEMO_COLLEAGUE, password=DEMO_PASSWORD
        )
        photos, visit_service, lesions = Photos(ws), Visits(ws), Lesions(ws)
        for index, demo in enumerate(chosen):
            if on_patient is not None:
                on_patient(index + 1, len(chosen))  # this patient is being prepared now
            patient = Patients(ws).create(
                actor,
                family_name=demo.family,
                given_name=demo.given,
                birth_date=demo.born,
                sex=demo.sex,
                external_id=f"MRN-{10231 + index * 37}",
            )
            consents = Consents(ws)
            consents.record(
                actor,
                patient.id,
                scope=ConsentScope.CLINICAL,
                granted=True,
                decided_on=today - dt.timedelta(days=7 * 6 * visits),
            )
            consents.record(actor, patient.id, scope=ConsentScope.CONSULTATION_SCREEN, granted=True)
            consents.record(actor, patient.id, scope=ConsentScope.TEACHING, granted=index % 3 == 0)
            # Most agreed to sharing with colleagues (case bundles); every third did not.
            consents.record(actor, patient.id, scope=ConsentScope.SHARING, granted=index % 3 != 2)
            lesion_id = None
            if demo.condition == "naevus" and not demo.mole_map:
                lesion_id = lesions.create(
                    actor, patient.id, body_site_code=demo.site, label=say("Naevus 1")
                ).id
            scene = scene_for(1000 + index, demo.condition)
            # The close-up shows the same skin on the same course, framed closer.
            close_scene = SkinScene(5000 + index, demo.condition, scene.skin_tone, scene.trend)
            made: list[tuple[str, dt.date]] = []
            for visit_index in range(visits):
                weeks_before = 6 * (visits - 1 - visit_index)
                visit_date = today - dt.timedelta(weeks=weeks_before, days=index % 5)
                visit = visit_service.create(
                    actor,
                    patient.id,
                    visit_date=visit_date,
                    reason=say(demo.reason) if visit_index == 0 else say("Follow-up"),
                    conditions=(say(demo.reason),),
                    treatment=say(demo.treatment),
                    # Visit i lies 6*i weeks after the first one.
                    notes=say("Baseline photographs taken.")
                    if visit_index == 0
                    else say("Week {weeks} review.").format(weeks=6 * visit_index),
                )
                made.append((visit.id, visit_date))
                shots = [(scene, Modality.CLINICAL_OVERVIEW, "Canon EOS R8")]
                if demo.mole_map:
                    shots.clear()  # the naevi's own dermoscopy photos come below
                elif demo.condition == "naevus":
                    shots.append((close_scene, Modality.DERMOSCOPY_POLARISED, "DermLite DL5"))
                else:
                    shots.append((close_scene, Modality.CLOSE_UP, "Canon EOS R8"))
                for shot, (shot_scene, modality, device) in enumerate(shots):
                    pixels = render_photo(shot_scene, visit_index, visits, size=size)
                    captured = dt.datetime.combine(
                        visit_date, dt.time(9 + index % 8, 10 + shot * 3)
                    )
                    data = encode_jpeg(
                        pixels,
                        captured_at=captured,
                        camera_make=device.split()[0],
                        camera_model=device,
                    )
                    photos.ingest(
                        actor,
                        data,
                        CaptureContext(
                            patient_id=patient.id,
                            visit_id=visit.id,
                            body_site=demo.site,
                            lesion_id=lesion_id if modality.is_dermoscopy else None,
                            modality=modality,
                            contact=True if modality.is_dermoscopy else None,
                            device=device,
                            # Dermoscopy frames 40 mm, a close-up 100 mm (a ruler in the
                            # picture); the overview is not calibrated.
                            calibration_px_per_mm=size[0] / (40 if modality.is_dermoscopy else 100)
                            if modality is not Modality.CLINICAL_OVERVIEW
                            else None,
                        ),
                        source_name=f"demo-{index:02d}-{visit_index}-{shot}.jpg",
                        source=PhotoSource.CAMERA,
                    )
                step()
            if demo.mole_map:
                # A dermoscopy close-up of 2/5 the overview's width (the outline's
                # test photos); 40 mm across, as the other dermoscopy photos.
                add_mole_map(
                    ws,
                    actor,
                    patient.id,
                    made,
                    size=(max(400, size[0] * 2 // 5), max(300, size[1] * 2 // 5)),
                    seed=7000 + index,
                    say=say,
                    on_photo=step,
                )
                add_body_series(
                    ws,
                    actor,
                    patient.id,
                    made,
                    size=(max(400, size[0] * 2 // 5), max(300, size[1] * 2 // 5)),
                    seed=7500 + index,
                    on_photo=step,
                )
    finally:
        lock(ws, actor, logged_out=True)
    return DemoVault(vault.folder, DEMO_LOGIN, DEMO_PASSWORD)


def ensure_demo_vault(folder: Path, **kwargs: object) -> DemoVault:
    """The demo vault at `folder`, built on first use."""
    if is_demo_vault(folder):
        # Its own texts follow a language switched since it was built (demo/language.py).
        speak(folder, DEMO_LOGIN, DEMO_PASSWORD, str(kwargs.get("language", "en")))
        return DemoVault(folder.resolve(), DEMO_LOGIN, DEMO_PASSWORD)
    if (folder / "vault.json").exists():
        raise VaultExists(
            f"{folder} holds a clinic's vault, not the demo clinic; "
            f"open it without --demo (pixiodoc --vault {folder})"
        )
    return build_demo_vault(folder, **kwargs)  # type: ignore[arg-type]
