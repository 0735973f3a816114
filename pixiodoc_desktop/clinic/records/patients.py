"""Patients: create, edit, find (DESIGN.md §3).

Results are plain frozen dataclasses, never ORM objects, so that they can
cross from the database worker to the GUI thread safely. How a typed field is
checked (names, dates, the external id, the search key) is `patient_fields`.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access import plans
from pixiodoc_desktop.clinic.access.permissions import (
    PRACTICE,
    Action,
    require,
    require_active,
)
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records import patient_search
from pixiodoc_desktop.clinic.records.names import check_name
from pixiodoc_desktop.clinic.records.patient_fields import (
    check_birth_date,
    clean_name,
    fold,
    parse_date,
    refuse_taken_external_id,
    search_key,
)
from pixiodoc_desktop.clinic.records.patient_summaries import (
    COUNT_CAP,
    PAGE,
    PatientPage,
    PatientSummary,
    summaries,
)
from pixiodoc_desktop.clinic.records.vocabulary import Sex, parse
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.schema import Grant, Patient

__all__ = [
    "COUNT_CAP",
    "DEFAULT_PRACTICE_LEVEL",
    "PAGE",
    "PatientPage",
    "PatientSummary",
    "Patients",
    "fold",
    "parse_date",
    "patient_id_for",
    "search_key",
]

DEFAULT_PRACTICE_LEVEL = "edit"


def patient_id_for(workstation: Workstation, reference: str) -> str:
    """The record id a person means: an id as it is, or the practice's number (MRN).

    Clinic IT types the number the practice software and the workstation show
    ("MRN-10601", any case); commands take ids. A reference that names no patient
    comes back unchanged, so the command says "There is no patient ..." naming it.
    """
    with workstation.read_session() as session:
        if session.get(Patient, reference) is not None:
            return reference
        found = session.scalar(
            select(Patient.id).where(
                func.lower(Patient.external_id) == reference.strip().lower(), ~Patient.deleted
            )
        )
    return found or reference


class Patients:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def create(
        self,
        actor: Actor,
        *,
        family_name: str,
        given_name: str = "",
        birth_date: dt.date | None = None,
        sex: str = "unknown",
        external_id: str | None = None,
        notes: str = "",
        practice_level: str | None = DEFAULT_PRACTICE_LEVEL,
        source: str | None = None,
    ) -> PatientSummary:
        """`source` names where the record came from (e.g. "GDT"), in the audit's details."""
        family = clean_name(family_name, "family name", required=True)
        given = clean_name(given_name, "given name", required=False)
        external = external_id.strip() if external_id and external_id.strip() else None
        if external is not None:
            check_name(external, "external id")
        patient_id = str(uuid.uuid4())
        with self.ws.unit_of_work(actor) as uow:
            plans.require_room_for_patient(uow.session)
            if external is not None:
                refuse_taken_external_id(uow.session, external, None)
            patient = Patient(
                id=patient_id,
                family_name=family,
                given_name=given,
                search_key=search_key(family, given, external),
                birth_date=check_birth_date(birth_date),
                sex=parse(Sex, sex, "sex"),
                external_id=external,
                notes=notes,
            )
            uow.session.add(patient)
            uow.session.flush()
            self.ws.vault.new_patient_key(uow.session, patient_id)
            uow.session.add(
                Grant(
                    id=str(uuid.uuid4()),
                    patient_id=patient_id,
                    grantee=actor.user_id,
                    level="admin",
                )
            )
            if practice_level is not None:
                uow.session.add(
                    Grant(
                        id=str(uuid.uuid4()),
                        patient_id=patient_id,
                        grantee=PRACTICE,
                        level=practice_level,
                    )
                )
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PATIENT_CREATED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="patient",
                    object_id=patient_id,
                    details={"source": source} if source else None,
                )
            )
        return self.get(actor, patient_id, audited=False)

    def update(
        self,
        actor: Actor,
        patient_id: str,
        *,
        family_name: str | None = None,
        given_name: str | None = None,
        birth_date: dt.date | None = None,
        sex: str | None = None,
        external_id: str | None = None,
        notes: str | None = None,
        source: str | None = None,
    ) -> PatientSummary:
        """Change the given fields; `source` (e.g. "GDT") goes into the audit's details."""
        with self.ws.unit_of_work(actor) as uow:
            require(uow.session, actor, patient_id, Action.EDIT)
            patient = uow.session.get(Patient, patient_id)
            if patient is None or patient.deleted:
                raise RecordNotFound(f"There is no patient {patient_id}")
            changed: list[str] = []
            if family_name is not None:
                patient.family_name = clean_name(family_name, "family name", required=True)
                changed.append("family_name")
            if given_name is not None:
                patient.given_name = clean_name(given_name, "given name", required=False)
                changed.append("given_name")
            if birth_date is not None:
                patient.birth_date = check_birth_date(birth_date)
                changed.append("birth_date")
            if sex is not None:
                patient.sex = parse(Sex, sex, "sex")
                changed.append("sex")
            if external_id is not None:
                patient.external_id = check_name(external_id.strip(), "external id") or None
                if patient.external_id is not None:
                    refuse_taken_external_id(uow.session, patient.external_id, patient_id)
                changed.append("external_id")
            if notes is not None:
                patient.notes = notes
                changed.append("notes")
            patient.search_key = search_key(
                patient.family_name, patient.given_name, patient.external_id
            )
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PATIENT_UPDATED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="patient",
                    object_id=patient_id,
                    details={"fields": changed} | ({"source": source} if source else {}),
                )
            )
        return self.get(actor, patient_id, audited=False)

    def erase(self, actor: Actor, patient_id: str, *, confirm_family_name: str) -> int:
        """Erase the patient for good (crypto-shredding, `erasure.py`); photos destroyed."""
        from pixiodoc_desktop.clinic.safekeeping.erasure import erase_patient

        return erase_patient(self.ws, actor, patient_id, confirm_family_name)

    def get(self, actor: Actor, patient_id: str, *, audited: bool = True) -> PatientSummary:
        """One patient; opening a record is audited as PATIENT_VIEWED."""
        with self.ws.read_session() as session:
            level = self._level_or_deny(actor, patient_id)
            patient = session.get(Patient, patient_id)
            if patient is None or patient.deleted:
                raise RecordNotFound(f"There is no patient {patient_id}")
            summary = summaries(session, [patient], {patient_id: level})[0]
        if audited:
            self.ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.PATIENT_VIEWED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="patient",
                    object_id=patient_id,
                )
            )
        return summary

    def _level_or_deny(self, actor: Actor, patient_id: str) -> str:
        with self.ws.read_session() as session:
            try:
                return require(session, actor, patient_id, Action.VIEW)
            except AccessDenied as denied:
                self.ws.audit_alone(denied.draft)
                raise

    def search(
        self, actor: Actor, query: str = "", *, limit: int = 200, audited: bool = True
    ) -> list[PatientSummary]:
        """Patients the actor may see, matching name parts, external id or date of birth
        (the first `limit`, in search-key order; `search_page` pages them)."""
        page = self.search_page(actor, query, limit=limit, counted=False, audited=audited)
        return list(page.patients)

    def search_page(
        self,
        actor: Actor,
        query: str = "",
        *,
        offset: int = 0,
        limit: int = PAGE,
        counted: bool = True,
        audited: bool = True,
    ) -> PatientPage:
        """One page of `search`'s matches from `offset`, whether more follow, and (when
        `counted`, or when this page is the last) how many match in all.

        The patient list asks for a screenful as the clinician types and the next one
        as they scroll: a keystroke costs an ordered range of the search indexes
        (`patient_search.page`) and the summaries of the rows shown. Counting every
        match of a short word walks all 100,000 search keys of a group's vault, so the
        list asks for that apart (`count_matches`), after the rows are on screen, and
        only while the query is still the one typed.
        """
        text = query.strip()
        birth = _maybe_date(text)
        offset = max(0, offset)
        with self.ws.read_session() as session:
            self._require_search(session, actor)
            words = fold(text).split() if text else []
            rows = patient_search.page(
                session, actor, birth=birth, words=words, offset=offset, rows=limit + 1
            )
            found, more = rows[:limit], len(rows) > limit
            total: int | None = None
            if not more and (found or offset == 0):
                total = offset + len(found)  # the last page: nothing left to count
            elif counted:
                match = self._matching(session, actor, text, birth)
                total = patient_search.count(session, match)
        if audited and text:
            details: dict[str, object] = {
                "results": len(found),
                "by": "birth_date" if birth else "text",
            }
            if offset:
                details["offset"] = offset
            self.ws.audit_alone(
                audit.EventDraft(audit.EventType.PATIENT_SEARCHED, actor.user_id, details=details)
            )
        return PatientPage(tuple(found), offset, more, total)

    def count_matches(self, actor: Actor, query: str = "", *, at_most: int | None = None) -> int:
        """How many patients `search` would find in all (the "of 1,234" of the list).

        With `at_most` the count stops after at_most + 1: exact counts of a short word
        walk every search key of a group's vault (290 ms of CPU for all 100,000), and
        "more than 1,000" tells a clinician as much."""
        text = query.strip()
        with self.ws.read_session() as session:
            self._require_search(session, actor)
            match = self._matching(session, actor, text, _maybe_date(text))
            return patient_search.count(session, match, at_most=at_most)

    def _require_search(self, session: Session, actor: Actor) -> None:
        try:
            require_active(session, actor, audit.EventType.PATIENT_SEARCHED)
        except AccessDenied as denied:
            self.ws.audit_alone(denied.draft)
            raise

    @staticmethod
    def _matching(
        session: Session, actor: Actor, text: str, birth: dt.date | None
    ) -> ColumnElement[bool]:
        words = fold(text).split() if text else []
        return patient_search.matching(session, actor, birth=birth, words=words)

    def count(self) -> int:
        with self.ws.read_session() as session:
            return int(
                session.scalar(select(func.count()).select_from(Patient).where(~Patient.deleted))
                or 0
            )


def _maybe_date(text: str) -> dt.date | None:
    if not re.fullmatch(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}", text):
        return None
    try:
        return parse_date(text, "date of birth")
    except InvalidInput:
        return None
