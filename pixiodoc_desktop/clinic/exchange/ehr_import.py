"""Patients from the EHR: a CSV export read through a column mapping.

Practice software exports patient lists in many shapes (German ones often
with ";" and Windows-1252), so the clinic maps its columns onto our fields
(`family=Nachname,given=Vorname,dob=Geburtsdatum,...`). Every row is
checked first and gets an outcome with its line number: new, matched (a
patient with that external id exists already, or came earlier in the file:
matched, never doubled), or invalid with the reason. A dry run stops there;
a real run creates the new patients (each audited as PATIENT_CREATED).
Bulk import is clinic IT work: it takes a workspace Admin.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select

from pixiodoc_desktop.clinic.access import plans
from pixiodoc_desktop.clinic.records.names import name_problem
from pixiodoc_desktop.clinic.records.patients import Patients, fold, parse_date
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, PlanLimitReached
from pixiodoc_desktop.vault.schema import Patient

FIELDS = ("family", "given", "dob", "external_id", "sex", "notes")
ENCODINGS = ("utf-8", "cp1252")
_SEX_WORDS = {
    "male": ("m", "male", "man", "mann", "männlich", "maennlich", "masculin", "h", "homme"),
    "female": ("f", "w", "female", "woman", "frau", "weiblich", "feminin", "féminin", "femme"),
    "other": ("d", "x", "o", "other", "divers", "diverse", "andere"),
    "unknown": ("", "u", "unknown", "unbekannt", "k.a.", "ka"),
}
_SEX = {fold(word): sex for sex, words in _SEX_WORDS.items() for word in words}


class RowStatus(StrEnum):
    NEW = "new"
    MATCHED = "matched"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class RowOutcome:
    line: int  # in the file; the header is line 1
    status: RowStatus
    message: str = ""
    external_id: str | None = None
    patient_id: str | None = None  # the matched or created patient


@dataclass(frozen=True, slots=True)
class ImportSummary:
    rows: tuple[RowOutcome, ...]
    dry_run: bool
    created: int = 0
    over_limit: int = 0  # new patients past the plan's limit: not created (nor promised)
    limit_message: str = ""

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def new(self) -> int:
        return self.count(RowStatus.NEW)

    @property
    def matched(self) -> int:
        return self.count(RowStatus.MATCHED)

    @property
    def invalid(self) -> int:
        return self.count(RowStatus.INVALID)

    def text(self) -> str:
        verb = "would be created" if self.dry_run else "created"
        text = (
            f"{self.new} new ({verb}), {self.matched} matched by external id, "
            f"{self.invalid} invalid"
        )
        if self.over_limit:
            text += f"; {self.over_limit} more not imported: {self.limit_message}"
        return text


@dataclass(slots=True)
class _Row:
    line: int
    family: str
    given: str = ""
    birth_date: dt.date | None = None
    sex: str = "unknown"
    external_id: str | None = None
    notes: str = ""
    problems: list[str] = field(default_factory=list)


def parse_mapping(text: str) -> dict[str, str]:
    """`family=Nachname,given=Vorname` -> {"family": "Nachname", "given": "Vorname"}."""
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        ours, sep, theirs = part.partition("=")
        ours = ours.strip().lower().replace("-", "_")
        if not sep or not theirs.strip():
            raise InvalidInput(f"{part.strip()!r} in the mapping is not FIELD=COLUMN")
        if ours not in FIELDS:
            raise InvalidInput(f"{ours!r} is not a patient field; map some of: {', '.join(FIELDS)}")
        mapping[ours] = theirs.strip()
    if "family" not in mapping:
        raise InvalidInput("The mapping needs at least family=COLUMN (the family name)")
    return mapping


# Column names practice software commonly uses, for a first guess in the mapping dialog.
_GUESSES = {
    "family": ("nachname", "name", "familienname", "family", "family name", "surname", "last name"),
    "given": ("vorname", "given", "given name", "first name", "firstname", "forename"),
    "dob": ("geburtsdatum", "geb.datum", "gebdat", "dob", "birth date", "date of birth", "birthdate"),
    "external_id": (
        "patnr", "patientennummer", "pat.-nr.", "patient id", "mrn", "external id", "id", "nr",
    ),
    "sex": ("geschlecht", "sex", "gender"),
    "notes": ("bemerkung", "notiz", "notes", "note", "comment"),
}  # fmt: skip


def read_header(data: bytes, *, delimiter: str = ",", encoding: str = "utf-8") -> list[str]:
    """The column names of the file's first line (for the mapping dialog)."""
    if len(delimiter) != 1:
        raise InvalidInput("The delimiter is one character, e.g. ; or ,")
    first = _decode(data, encoding).splitlines()[:1]
    return [h.strip() for h in next(csv.reader(first, delimiter=delimiter), [])]


def guess_delimiter(data: bytes, encoding: str = "utf-8") -> str:
    """The likelier of ; , and tab, judged by the first line."""
    try:
        first = _decode(data, encoding).splitlines()[:1]
    except InvalidInput:
        first = data.decode("latin-1").splitlines()[:1]
    line = first[0] if first else ""
    return max((";", ",", "\t"), key=line.count)


def guess_mapping(header: Sequence[str]) -> dict[str, str]:
    """Our fields mapped to the columns whose names look like them."""
    folded = {fold(h).strip(): h for h in header}
    mapping: dict[str, str] = {}
    for ours, names in _GUESSES.items():
        for name in names:
            if name in folded and folded[name] not in mapping.values():
                mapping[ours] = folded[name]
                break
    return mapping


def _decode(data: bytes, encoding: str) -> str:
    if encoding not in ENCODINGS:
        raise InvalidInput(f"Choose the encoding {' or '.join(ENCODINGS)}")
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = " (try --encoding cp1252)" if encoding == "utf-8" else ""
        raise InvalidInput(f"Line {line} is not valid {encoding} text{hint}") from None


def _sex(value: str) -> str | None:
    return _SEX.get(fold(value.strip()))


def read_rows(
    data: bytes, mapping: dict[str, str], *, delimiter: str = ",", encoding: str = "utf-8"
) -> list[_Row]:
    if len(delimiter) != 1:
        raise InvalidInput("The delimiter is one character, e.g. ; or ,")
    text = _decode(data, encoding)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [column for column in mapping.values() if column not in header]
    if missing:
        found = ", ".join(header) or "none"
        raise InvalidInput(
            f"The file has no column {missing[0]!r} (columns found: {found}); "
            "check the mapping and the delimiter"
        )
    rows: list[_Row] = []
    while True:
        first_line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            # The field-size limit (131,072 characters) or a quote in the wrong place:
            # this row is refused with the reason, the rows after it are still read.
            rows.append(_Row(line=first_line, family="", problems=[_csv_problem(error)]))
            continue
        line = reader.line_num

        def value(name: str, record: dict[str, str | None] = record) -> str:
            column = mapping.get(name)
            return (record.get(column) or "").strip() if column else ""

        if not any((v or "").strip() for v in record.values() if isinstance(v, str)):
            continue  # blank line
        row = _Row(line=line, family=" ".join(value("family").split()))
        spans = [
            name
            for name in ("family", "given", "external_id", "dob", "sex")
            if "\n" in value(name) or "\r" in value(name)
        ]
        if spans:
            # Only a quote left open makes a name run over lines: refuse, never guess.
            row.problems.append(
                f"a quote opened on line {first_line} is not closed before line {line}; "
                "this row (and every line it swallowed) was not read"
            )
            rows.append(row)
            continue
        if not row.family:
            row.problems.append("the family name is empty")
        elif len(row.family) > 200:
            row.problems.append("the family name is longer than 200 characters")
        row.given = " ".join(value("given").split())
        row.external_id = value("external_id") or None
        for what, text in (
            ("family name", row.family),
            ("given name", row.given),
            ("external id", row.external_id or ""),
        ):
            problem = name_problem(text, what)
            if problem is not None:
                row.problems.append(problem)
        if row.external_id is not None and len(row.external_id) > 64:
            row.problems.append("the external id is longer than 64 characters")
        row.notes = value("notes")
        if value("dob"):
            try:
                row.birth_date = parse_date(value("dob"), "date of birth")
            except InvalidInput:
                row.problems.append(
                    f"{value('dob')!r} is not a date of birth (use YYYY-MM-DD or DD.MM.YYYY)"
                )
            else:
                if row.birth_date > dt.date.today():
                    row.problems.append("the date of birth lies in the future")
                elif row.birth_date.year < dt.date.today().year - 130:
                    row.problems.append("the date of birth is more than 130 years ago")
        sex = _sex(value("sex"))
        if sex is None:
            row.problems.append(f"{value('sex')!r} is not a sex (use M, F/W, D/X or leave empty)")
        else:
            row.sex = sex
        rows.append(row)
    return rows


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"a field is longer than {csv.field_size_limit():,} characters"
    if "unexpected end of data" in text:
        return "a quote opened in this row is never closed"
    return f"the row is not valid CSV ({text})"


def _existing_ids(ws: Workstation, external_ids: Sequence[str]) -> dict[str, str]:
    """Patient ids by lower-cased external id (external ids are unique regardless of case)."""
    if not external_ids:
        return {}
    lowered = list({ext.lower() for ext in external_ids})
    found: list[tuple[str | None, str]] = []
    with ws.read_session() as session:
        for start in range(0, len(lowered), 500):
            found += [
                (ext, pid)
                for ext, pid in session.execute(
                    select(Patient.external_id, Patient.id).where(
                        func.lower(Patient.external_id).in_(lowered[start : start + 500]),
                        ~Patient.deleted,
                    )
                )
            ]
    return {ext.lower(): pid for ext, pid in found if ext is not None}


def import_csv(
    ws: Workstation,
    actor: Actor,
    data: bytes,
    mapping: dict[str, str],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    dry_run: bool = False,
) -> ImportSummary:
    """Check every row, then (unless `dry_run`) create the new patients."""
    if not actor.is_workspace_admin:
        raise PermissionDenied("Importing patients from the EHR takes a workspace Admin.")
    rows = read_rows(data, mapping, delimiter=delimiter, encoding=encoding)
    known = _existing_ids(ws, [r.external_id for r in rows if r.external_id])
    in_file: dict[str, int] = {}
    outcomes: list[RowOutcome] = []
    plan: list[tuple[int, _Row]] = []
    with ws.read_session() as session:
        room, count = plans.patient_room(session)
    over = 0
    for row in rows:
        if row.problems:
            outcomes.append(
                RowOutcome(row.line, RowStatus.INVALID, "; ".join(row.problems), row.external_id)
            )
            continue
        ext = row.external_id
        key = ext.lower() if ext is not None else None  # "MRN-1" and "mrn-1" are one patient
        if key is not None and key in known:
            outcomes.append(
                RowOutcome(
                    row.line,
                    RowStatus.MATCHED,
                    "a patient with this external id exists",
                    ext,
                    known[key],
                )
            )
            continue
        if key is not None and key in in_file:
            outcomes.append(
                RowOutcome(
                    row.line,
                    RowStatus.MATCHED,
                    f"same external id as line {in_file[key]}",
                    ext,
                )
            )
            continue
        if room is not None and len(plan) >= room:
            # Stop at the plan's limit and say so once (the dry run exactly like the real one),
            # rather than a refusal per row for the rest of a long file.
            over += 1
            continue
        if key is not None:
            in_file[key] = row.line
        plan.append((len(outcomes), row))
        outcomes.append(RowOutcome(row.line, RowStatus.NEW, "", ext))
    limit: dict[str, Any] = {}
    if over:
        with ws.read_session() as session:
            message = plans.limit_reached_message(session, count + len(plan))
        limit = {"over_limit": over, "limit_message": message}
    if dry_run:
        return ImportSummary(tuple(outcomes), dry_run=True, **limit)
    patients = Patients(ws)
    created = 0
    for index, row in plan:
        try:
            made = patients.create(
                actor,
                family_name=row.family,
                given_name=row.given,
                birth_date=row.birth_date,
                sex=row.sex,
                external_id=row.external_id,
                notes=row.notes,
            )
        except PlanLimitReached as exc:
            outcomes[index] = RowOutcome(row.line, RowStatus.INVALID, exc.message, row.external_id)
            continue
        created += 1
        outcomes[index] = RowOutcome(row.line, RowStatus.NEW, "", row.external_id, made.id)
    # Matches within the file point at the patient their first line created.
    by_line = {o.line: o.patient_id for o in outcomes if o.status is RowStatus.NEW}
    resolved = [
        RowOutcome(
            o.line, o.status, o.message, o.external_id, by_line.get(in_file[o.external_id.lower()])
        )
        if o.status is RowStatus.MATCHED
        and o.patient_id is None
        and o.external_id is not None
        and o.external_id.lower() in in_file
        else o
        for o in outcomes
    ]
    return ImportSummary(tuple(resolved), dry_run=False, created=created, **limit)
