"""The GDT file exchange with the practice software (PVS): requests in, results out.

In: a 6302 "new examination" or 6301 "master data" opens the patient whose
patient number (field 3000) is our external id (created when new; name, date
of birth and sex updated when the PVS changed them, audited with the source
"GDT"); a 6302 also opens today's visit for capture. A 6311 opens the
timeline. A 6300 master data request is answered with a 6301 from our record.
Out: a 6310 with the visit's findings, notes and photos per body site, and a
reference to the visit's PDF report written beside it.

What leaves for the PVS is plaintext by nature: it goes only into the
configured out-folder, and the audit says so (DATA_EXPORTED, format "GDT").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require
from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES
from pixiodoc_desktop.clinic.records.patients import Patients, PatientSummary
from pixiodoc_desktop.clinic.records.visits import Visits
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import GdtRefused, InvalidInput, PracticeError, RecordNotFound
from pixiodoc_desktop.exports.pdf_report import export_pdf
from pixiodoc_desktop.exports.records import PatientRecord, audit_export, load_record
from pixiodoc_desktop.practice import gdt
from pixiodoc_desktop.practice.gdt import Field, GdtRecord, Obj, RecordType, Version
from pixiodoc_desktop.practice.settings import GdtSettings
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export
from pixiodoc_desktop.vault.durable import write_atomically
from pixiodoc_desktop.vault.schema import Patient, Visit

SOURCE = "GDT"
_NUMBERED = re.compile(r"\.\d{3}$")


def is_request_name(name: str) -> bool:
    """A file the PVS may have written for us: NAME.gdt or NAME.001 ... (no temp files)."""
    lower = name.lower()
    return not lower.startswith((".", "~")) and (
        lower.endswith(".gdt") or bool(_NUMBERED.search(lower))
    )


class Screen:
    CAPTURE = "capture"  # the capture screen on today's visit
    TIMELINE = "timeline"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class RequestOutcome:
    """What one request did (no patient data: ids and field names only)."""

    file_name: str
    record_type: str
    patient_id: str
    created: bool
    changed: tuple[str, ...]  # fields the PVS changed: family_name, given_name, ...
    visit_id: str | None  # today's visit (6302)
    screen: str
    answer_file: str | None = None  # our 6301 answer to a 6300

    @property
    def line(self) -> str:
        what = "created" if self.created else "updated" if self.changed else "opened"
        extra = f" ({', '.join(self.changed)})" if self.changed else ""
        answer = f"; answered with {self.answer_file}" if self.answer_file else ""
        return (
            f"{self.file_name}: {self.record_type} {what} patient {self.patient_id}{extra}{answer}"
        )


def handle_file(
    ws: Workstation,
    actor: Actor,
    path: Path,
    settings: GdtSettings,
    *,
    today: dt.date | None = None,
) -> RequestOutcome:
    """Read one request file and act on it; GdtRefused when the file is not a request."""
    records = gdt.read_file(path, override=settings.override, default=settings.write_charset)
    if len(records) != 1:
        raise GdtRefused(f"{path.name} holds {len(records)} records; a request holds one")
    return handle_record(ws, actor, records[0], settings, path.name, today=today)


def _patient_number(record: GdtRecord, name: str) -> str:
    number = (record.first("3000") or "").strip()
    if not number:
        raise GdtRefused(f"{name} has no patient number (field 3000)")
    if len(number) > 64:
        raise GdtRefused(f"{name}: the patient number (field 3000) is longer than 64 characters")
    return number


def find_by_number(ws: Workstation, number: str) -> str | None:
    """The id of the patient whose external id is this PVS patient number (any grant)."""
    with ws.read_session() as session:
        return session.scalar(
            select(Patient.id).where(Patient.external_id == number, ~Patient.deleted).limit(1)
        )


def _demographics(record: GdtRecord) -> dict[str, object]:
    out: dict[str, object] = {}
    family = (record.first("3101") or "").strip()
    given = (record.first("3102") or "").strip()
    if family:
        out["family_name"] = family
    if given:
        out["given_name"] = given
    birth = gdt.parse_gdt_date(record.first("3103"), "date of birth (field 3103)")
    if birth is not None:
        out["birth_date"] = birth
    sex = gdt.parse_sex(record.first("3110"))
    if sex is not None:
        out["sex"] = sex
    return out


def _changes(patient: PatientSummary, wanted: dict[str, object]) -> dict[str, object]:
    current = {
        "family_name": patient.family_name,
        "given_name": patient.given_name,
        "birth_date": patient.birth_date,
        "sex": patient.sex,
    }
    return {k: v for k, v in wanted.items() if current[k] != v}


def handle_record(
    ws: Workstation,
    actor: Actor,
    record: GdtRecord,
    settings: GdtSettings,
    file_name: str,
    *,
    today: dt.date | None = None,
) -> RequestOutcome:
    kind = record.record_type
    if kind is RecordType.RESULT:
        raise GdtRefused(f"{file_name} is a result (6310), not a request for PixioDoc")
    if record.receiver and record.receiver != settings.our_id:
        raise GdtRefused(
            f"{file_name} is addressed to {record.receiver}, not to PixioDoc ({settings.our_id})"
        )
    number = _patient_number(record, file_name)
    patients = Patients(ws)
    found = find_by_number(ws, number)
    if kind is RecordType.MASTER_DATA_REQUEST:
        if found is None:
            raise RecordNotFound(f"{file_name}: no patient has this patient number (field 3000)")
        patient = patients.get(actor, found)  # audited as viewed, or denied
        answer = write_master_data(ws, actor, patient, settings)
        return RequestOutcome(
            file_name, kind.value, patient.id, False, (), None, Screen.NONE, answer.name
        )
    wanted = _demographics(record)
    created = found is None
    if found is None:
        if "family_name" not in wanted:
            raise GdtRefused(f"{file_name} has no family name (field 3101) for a new patient")
        patient = patients.create(
            actor,
            family_name=str(wanted["family_name"]),
            given_name=str(wanted.get("given_name", "")),
            birth_date=wanted.get("birth_date"),  # type: ignore[arg-type]
            sex=str(wanted.get("sex", "unknown")),
            external_id=number,
            source=SOURCE,
        )
        changed: dict[str, object] = {}
    else:
        patient = patients.get(actor, found)  # audited as viewed, or denied (and raised)
        changed = _changes(patient, wanted) if patient.access != "view" else {}
        if changed:
            patient = patients.update(actor, patient.id, source=SOURCE, **changed)  # type: ignore[arg-type]
    visit_id = None
    screen = Screen.TIMELINE if kind is RecordType.SHOW_EXAMINATION else Screen.CAPTURE
    if kind is RecordType.NEW_EXAMINATION and patient.access != "view":
        visit_id = todays_visit(ws, actor, patient.id, today or dt.date.today())
    return RequestOutcome(
        file_name, kind.value, patient.id, created, tuple(changed), visit_id, screen
    )


def todays_visit(ws: Workstation, actor: Actor, patient_id: str, today: dt.date) -> str:
    with ws.unit_of_work(actor) as uow:
        require(uow.session, actor, patient_id, Action.EDIT)
        return Visits(ws).for_date(uow, actor, patient_id, today)


# --- out ------------------------------------------------------------------------------


def out_file(settings: GdtSettings) -> Path:
    """Where the next file for the PVS goes: <receiver><sender>.gdt, or .001, .002 ..."""
    stem = f"{settings.pvs_id}{settings.our_id}"
    folder = settings.out_path
    if not folder.is_dir():
        raise PracticeError(f"The GDT out-folder {folder} does not exist or cannot be reached")
    if settings.naming == "fixed":
        target = folder / f"{stem}.gdt"
        if target.exists():
            raise PracticeError(
                f"The practice software has not collected {target.name} yet; "
                "try again once it has (or use numbered file names)"
            )
        return target
    for n in range(1, 1000):
        target = folder / f"{stem}.{n:03d}"
        if not target.exists():
            return target
    raise PracticeError(f"The GDT out-folder already holds {stem}.001 to {stem}.999")


def _patient_items(patient: PatientSummary, number: str, version: Version) -> Obj:
    items: list[Field | Obj] = [Field("3000", number), Field("3101", patient.family_name)]
    if patient.given_name:
        items.append(Field("3102", patient.given_name))
    if patient.birth_date:
        items.append(Field("3103", gdt.gdt_date(patient.birth_date)))
    sex = gdt.gdt_sex(patient.sex, version)
    if sex:
        items.append(Field("3110", sex))
    return Obj("Obj_Patient", tuple(items))


def _write(settings: GdtSettings, kind: RecordType, items: list[Field | Obj]) -> Path:
    data = gdt.write_record(
        kind,
        items,
        receiver=settings.pvs_id,
        sender=settings.our_id,
        version=settings.write_version,
        charset=settings.write_charset,
    )
    target = out_file(settings)
    write_atomically(target, data)
    return target


def write_master_data(
    ws: Workstation, actor: Actor, patient: PatientSummary, settings: GdtSettings
) -> Path:
    """Answer a 6300 with a 6301 of the patient's master data; audited as a GDT export."""
    if not patient.external_id:
        raise InvalidInput("The patient has no patient number from the practice software")
    target = _write(
        settings,
        RecordType.MASTER_DATA,
        [_patient_items(patient, patient.external_id, settings.write_version)],
    )
    audit_export(
        ws,
        actor,
        patient.id,
        {"format": SOURCE, "record": "6301", "destination": "practice software folder"},
    )
    return target


@dataclass(frozen=True, slots=True)
class ResultFiles:
    gdt: Path
    pdf: Path
    photos: int


def _findings(record: PatientRecord, visit_id: str) -> tuple[str, str]:
    visit = record.visit(visit_id)
    lines = [
        f"Anlass: {visit.reason}" if visit.reason else "",
        f"Befund: {'; '.join(visit.conditions)}" if visit.conditions else "",
        f"Therapie: {visit.treatment}" if visit.treatment else "",
    ]
    return "\n".join(line for line in lines if line), visit.notes


def _photos_by_site(record: PatientRecord, visit_id: str) -> list[str]:
    counts = Counter(p.body_site or "" for p in record.photos_of(visit_id))
    lines = []
    for code, n in sorted(counts.items()):
        site = BODY_SITES.get(code)
        where = f"{site.label} (SNOMED CT {site.snomed})" if site else "ohne Körperstelle"
        lines.append(f"{where}: {n} Foto{'s' if n != 1 else ''}")
    return lines


def visit_patient(ws: Workstation, visit_id: str) -> str:
    """The id of the visit's patient (the caller checks the grant)."""
    with ws.read_session() as session:
        patient_id = session.scalar(
            select(Visit.patient_id).where(Visit.id == visit_id, ~Visit.deleted)
        )
    if patient_id is None:
        raise RecordNotFound(f"There is no visit {visit_id}")
    return str(patient_id)


def write_result(
    ws: Workstation,
    actor: Actor,
    visit_id: str,
    settings: GdtSettings,
    *,
    at: dt.datetime | None = None,
) -> ResultFiles:
    """The visit's 6310 for the PVS, with its PDF report beside it; audited (GDT)."""
    patient_id = visit_patient(ws, visit_id)
    record = load_record(ws, actor, patient_id, [visit_id])  # the Admin grant, or denied
    number = record.patient.external_id
    if not number:
        raise InvalidInput(
            "The patient has no patient number from the practice software (external id)"
        )
    out_file(settings)  # the folder is there and the name is free, before the PDF is made
    fetch_for_export(ws, actor, patient_id, Export.PDF_REPORT, visit_ids=[visit_id])
    pdf = export_pdf(
        ws, actor, patient_id, settings.out_path / f"PIXIODOC_{visit_id[:8]}.pdf",
        visit_ids=[visit_id],
    )  # fmt: skip
    when = at or dt.datetime.now()
    version = settings.write_version
    findings, notes = _findings(record, visit_id)
    exam: list[Field | Obj] = [
        Field("6200", gdt.gdt_date(record.visit(visit_id).visit_date)),
        Field("6201", when.strftime("%H%M%S")),
        Field("6220", findings),
        Field("6227", notes),
        *(Field("6228", line) for line in _photos_by_site(record, visit_id)),
    ]
    values = {
        "archive": f"PIXIODOC-{visit_id[:8]}",
        "format": "PDF",
        "description": "Fotodokumentation",
        "path": str(pdf),
    }
    attachment = tuple(Field(fid, values[role]) for role, fid in settings.file_fields.items())
    target = _write(
        settings,
        RecordType.RESULT,
        [
            _patient_items(record.patient, number, version),
            Obj("Obj_Untersuchung", tuple(exam)),
            Obj("Obj_Anhang", attachment),
        ],
    )
    photos = len(record.photos_of(visit_id))
    audit_export(
        ws,
        actor,
        patient_id,
        {
            "format": SOURCE,
            "record": "6310",
            "destination": "practice software folder",
            "photos": photos,
            "files": 1,
        },
    )
    return ResultFiles(target, pdf, photos)
