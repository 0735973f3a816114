"""Reading, exporting and purging the audit trail (the chain itself is `trail` and `chain`;
the filter, rows and their export format are `rows`).

Who may read it: a workspace Admin reads all of it; the Admin of a patient
record may read that record's events (the patient's own "who saw my
photos"). Every read, export, verify and purge is itself audited as
AUDIT_LOG_ACCESSED, and a refusal is audited as denied.

Retention: events older than the retention period (365 days by default,
kept in the vault's settings as "audit_retention_days", a clinic-wide value) are
purged, leaving a sealed checkpoint per device from which `verify_chain`
starts. US practices commonly keep HIPAA documentation for six years
(2190 days); set that with `pixiodoc audit retention --days 2190`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import level_of, require_active
from pixiodoc_desktop.clinic.audit import anchors
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.audit.patients_named import AuditPatient, patients_named
from pixiodoc_desktop.clinic.audit.rows import (
    CSV_COLUMNS,
    EXPORT_FORMATS,
    AuditFilter,
    AuditRow,
    parse_when,
    render,
)
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.vault.durable import write_atomically
from pixiodoc_desktop.vault.schema import AuditEvent, Clinician, Setting, utcnow

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_RETENTION_DAYS",
    "EXPORT_FORMATS",
    "MAX_RETENTION_DAYS",
    "MIN_RETENTION_DAYS",
    "RETENTION_SETTING",
    "AuditFilter",
    "AuditLog",
    "AuditPatient",
    "AuditRow",
    "PurgeResult",
    "parse_when",
    "render",
]

RETENTION_SETTING = "audit_retention_days"
DEFAULT_RETENTION_DAYS = 365
MIN_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 36500


@dataclass(frozen=True, slots=True)
class PurgeResult:
    purged: int
    before: dt.datetime
    retention_days: int


class AuditLog:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    # --- who may read -----------------------------------------------------------

    def _authorize(self, actor: Actor, patient_id: str | None, what: str) -> None:
        with self.ws.read_session() as session:
            try:
                require_active(session, actor, audit.EventType.AUDIT_LOG_ACCESSED)
            except AccessDenied as denied:
                self.ws.audit_alone(denied.draft)
                raise
            if actor.is_workspace_admin:
                return
            if patient_id is not None and level_of(session, actor, patient_id) == "admin":
                return
        draft = audit.EventDraft(
            audit.EventType.AUDIT_LOG_ACCESSED,
            actor.user_id,
            patient_id=patient_id,
            object_type="patient" if patient_id else None,
            object_id=patient_id,
            outcome=audit.Outcome.DENIED,
            details={"action": what},
        )
        self.ws.audit_alone(draft)
        raise AccessDenied(
            f"Only a practice Admin (or the record's Admin, for that record) may {what} "
            "the audit trail.",
            draft,
        )

    # --- reading ---------------------------------------------------------------------

    def _select(self, session: Session, flt: AuditFilter) -> Select[AuditEvent]:
        stmt = select(AuditEvent)
        if flt.since is not None:
            stmt = stmt.where(AuditEvent.at >= flt.since)
        if flt.until is not None:
            stmt = stmt.where(AuditEvent.at < flt.until)
        if flt.user_login:
            user_id = session.scalar(
                select(Clinician.id).where(
                    func.lower(Clinician.login) == flt.user_login.strip().lower()
                )
            )
            if user_id is None:
                raise InvalidInput(f"There is no clinician with the login {flt.user_login!r}")
            stmt = stmt.where(AuditEvent.actor_id == user_id)
        if flt.patient_id:
            stmt = stmt.where(AuditEvent.patient_id == flt.patient_id)
        if flt.event_type:
            kind = flt.event_type.strip().upper()
            if kind not in audit.EventType.__members__:
                raise InvalidInput(f"{flt.event_type!r} is not an audit event type")
            stmt = stmt.where(AuditEvent.event_type == kind)
        if flt.outcome:
            stmt = stmt.where(AuditEvent.outcome == flt.outcome)
        return stmt

    def _rows(self, flt: AuditFilter) -> list[AuditRow]:
        with self.ws.read_session() as session:
            stmt = self._select(session, flt).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            if flt.limit is not None:
                stmt = stmt.limit(flt.limit)
            events: list[AuditEvent] = list(session.scalars(stmt))
            logins = {
                row[0]: row[1] for row in session.execute(select(Clinician.id, Clinician.login))
            }
        events.reverse()  # oldest first, as a trail reads
        return [
            AuditRow(
                id=e.id,
                at=e.at,
                event=e.event_type,
                outcome=e.outcome,
                actor=e.actor_id,
                actor_login=logins.get(e.actor_id) if e.actor_id else None,
                patient=e.patient_id,
                object_type=e.object_type,
                object_id=e.object_id,
                device=e.device_id,
                seq=e.seq,
                details=dict(e.details),
            )
            for e in events
        ]

    def query(self, actor: Actor, flt: AuditFilter | None = None) -> list[AuditRow]:
        """The events matching `flt`, oldest first (the newest `limit` if one is set)."""
        flt = flt or AuditFilter()
        self._authorize(actor, flt.patient_id, "read")
        rows = self._rows(flt)
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.AUDIT_LOG_ACCESSED,
                actor.user_id,
                patient_id=flt.patient_id,
                details={"action": "viewed", "filter": flt.describe(), "results": len(rows)},
            )
        )
        return rows

    def query_with_patients(
        self, actor: Actor, flt: AuditFilter | None = None
    ) -> tuple[list[AuditRow], dict[str, AuditPatient]]:
        """`query`, with the patients its rows name (one more query for the page)."""
        rows = self.query(actor, flt)
        with self.ws.read_session() as session:
            return rows, patients_named(session, (row.patient for row in rows))

    def export(self, actor: Actor, flt: AuditFilter, fmt: str, out: Path) -> int:
        """Write the matching events to `out` as CSV or JSON; returns how many."""
        if fmt not in EXPORT_FORMATS:
            raise InvalidInput(f"{fmt!r} is not an export format; choose csv or json")
        if out.is_dir():
            raise InvalidInput(f"{out} is a folder; give a file name to export to")
        if not out.parent.is_dir():
            raise InvalidInput(f"The folder {out.parent} does not exist")
        self._authorize(actor, flt.patient_id, "export")
        rows = self._rows(flt)
        write_atomically(out, render(rows, fmt), private=True)
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.AUDIT_LOG_ACCESSED,
                actor.user_id,
                patient_id=flt.patient_id,
                details={
                    "action": "exported",
                    "format": fmt,
                    "filter": flt.describe(),
                    "results": len(rows),
                },
            )
        )
        return len(rows)

    def verify(self, actor: Actor) -> tuple[list[audit.ChainFault], int]:
        """Check the chain; (faults, events checked). A broken chain raises a SECURITY_ALERT."""
        self._authorize(actor, None, "check")
        with self.ws.read_session() as session:
            faults = audit.verify_chain(
                session, self.ws.vault.keys.audit, floors={self.ws.device_id: self.ws.audit_floor()}
            )
            # what the other PCs (and this one) saw of each chain, kept by sync
            faults += anchors.faults(session, self.ws.vault.keys.audit)
            count = int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.AUDIT_LOG_ACCESSED,
                actor.user_id,
                outcome=audit.Outcome.SUCCESS if not faults else audit.Outcome.FAILURE,
                details={"action": "verified", "events": count, "faults": len(faults)},
            )
        )
        if faults:
            self.ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.SECURITY_ALERT,
                    actor.user_id,
                    outcome=audit.Outcome.FAILURE,
                    details={"check": "audit chain", "first": str(faults[0])},
                )
            )
        return faults, count

    # --- retention -----------------------------------------------------------------

    def retention_days(self) -> int:
        value = self.ws.vault.setting(RETENTION_SETTING)
        return int(value) if value else DEFAULT_RETENTION_DAYS

    def set_retention_days(self, actor: Actor, days: int) -> int:
        """Change how long events are kept (a security setting, audited)."""
        self._authorize(actor, None, "change the retention of")
        if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
            raise InvalidInput(
                f"Keep audit events between {MIN_RETENTION_DAYS} and {MAX_RETENTION_DAYS} days "
                "(US practices often keep six years: 2190 days)"
            )
        previous = self.retention_days()
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(Setting, RETENTION_SETTING)
            if row is None:
                uow.session.add(Setting(key=RETENTION_SETTING, value=str(days)))
            else:
                row.value = str(days)
            uow.audit(
                audit.EventDraft(
                    audit.EventType.SECURITY_SETTING_CHANGED,
                    actor.user_id,
                    object_type="setting",
                    object_id=RETENTION_SETTING,
                    details={"setting": "audit retention", "from": previous, "to": days},
                )
            )
        return days

    def purge(self, actor: Actor, *, now: dt.datetime | None = None) -> PurgeResult:
        """Delete events older than the retention period, sealing a checkpoint per device.

        The events of a device are removed as a prefix of its chain (up to its
        newest event that is past retention), so the kept events still chain on
        from the checkpoint. The purge itself is audited in the same transaction.
        """
        self._authorize(actor, None, "purge")
        days = self.retention_days()
        return self._purge(actor, (now or utcnow()) - dt.timedelta(days=days), days, "by hand")

    def purge_when_due(self, *, now: dt.datetime | None = None) -> PurgeResult | None:
        """The retention policy, applied at every unlock: purge once an event is past it.

        Nobody has to remember `audit purge`; the purge is the workstation's own act
        (no clinician as actor) and audited like one done by hand.
        """
        days = self.retention_days()
        before = (now or utcnow()) - dt.timedelta(days=days)
        with self.ws.read_session() as session:
            due = session.scalar(select(AuditEvent.seq).where(AuditEvent.at < before).limit(1))
        if due is None:
            return None
        return self._purge(None, before, days, "retention policy")

    def _purge(
        self, actor: Actor | None, before: dt.datetime, days: int, trigger: str
    ) -> PurgeResult:
        purged = 0
        with self.ws.unit_of_work(actor) as uow:
            session = uow.session
            devices = session.execute(
                select(AuditEvent.device_id, func.max(AuditEvent.seq))
                .where(AuditEvent.at < before)
                .group_by(AuditEvent.device_id)
            ).all()
            for device, last_seq in devices:
                last = session.scalar(
                    select(AuditEvent).where(
                        AuditEvent.device_id == device, AuditEvent.seq == last_seq
                    )
                )
                assert last is not None
                digest = bytes(last.hash)
                result = session.execute(
                    delete(AuditEvent).where(
                        AuditEvent.device_id == device, AuditEvent.seq <= last_seq
                    )
                )
                purged += int(getattr(result, "rowcount", 0) or 0)
                audit.seal_checkpoint(
                    session,
                    device_id=device,
                    audit_key=self.ws.vault.keys.audit,
                    seq=int(last_seq),
                    digest=digest,
                )
            uow.audit(
                audit.EventDraft(
                    audit.EventType.AUDIT_LOG_ACCESSED,
                    actor.user_id if actor is not None else None,
                    details={
                        "action": "purged",
                        "trigger": trigger,
                        "events": purged,
                        "before": before.isoformat(timespec="seconds"),
                        "retention_days": days,
                    },
                )
            )
        return PurgeResult(purged, before, days)
