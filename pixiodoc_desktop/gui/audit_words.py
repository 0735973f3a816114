"""The audit trail as a clinician reads it: event names, outcomes and local times.

The trail stores stable English codes and UTC times (exports keep them);
the viewer shows them in the user's language and the PC's time zone.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from pixiodoc_desktop.clinic.audit.patients_named import AuditPatient
from pixiodoc_desktop.gui.locale_text import date_text


def event_name(code: str) -> str:
    names = {
        "LOGIN_SUCCEEDED": QCoreApplication.translate("AuditWords", "Logged in"),
        "LOGIN_FAILED": QCoreApplication.translate("AuditWords", "Login failed"),
        "LOGGED_OUT": QCoreApplication.translate("AuditWords", "Logged out"),
        "SESSION_LOCKED": QCoreApplication.translate("AuditWords", "Session locked"),
        "USER_CREATED": QCoreApplication.translate("AuditWords", "Clinician added"),
        "USER_DEACTIVATED": QCoreApplication.translate("AuditWords", "Clinician deactivated"),
        "ROLE_CHANGED": QCoreApplication.translate("AuditWords", "Role changed"),
        "CREDENTIAL_CHANGED": QCoreApplication.translate("AuditWords", "Password changed"),
        "EMERGENCY_ACCESS_STARTED": QCoreApplication.translate(
            "AuditWords", "Emergency access started"
        ),
        "EMERGENCY_ACCESS_ENDED": QCoreApplication.translate(
            "AuditWords", "Emergency access ended"
        ),
        "ACCESS_GRANTED": QCoreApplication.translate("AuditWords", "Access granted"),
        "ACCESS_REVOKED": QCoreApplication.translate("AuditWords", "Access revoked"),
        "PATIENT_CREATED": QCoreApplication.translate("AuditWords", "Patient created"),
        "PATIENT_VIEWED": QCoreApplication.translate("AuditWords", "Patient record opened"),
        "PATIENT_UPDATED": QCoreApplication.translate("AuditWords", "Patient record changed"),
        "PATIENT_ERASED": QCoreApplication.translate("AuditWords", "Patient erased"),
        "PATIENT_SEARCHED": QCoreApplication.translate("AuditWords", "Patients searched"),
        "PHOTO_ADDED": QCoreApplication.translate("AuditWords", "Photo added"),
        "PHOTO_VIEWED": QCoreApplication.translate("AuditWords", "Photo viewed"),
        "PHOTO_MODIFIED": QCoreApplication.translate("AuditWords", "Photo changed"),
        "PHOTO_DELETED": QCoreApplication.translate("AuditWords", "Photo deleted"),
        "DATA_EXPORTED": QCoreApplication.translate("AuditWords", "Data exported"),
        "BACKUP_OR_RESTORE": QCoreApplication.translate("AuditWords", "Backup or restore"),
        "SYNC_RUN": QCoreApplication.translate("AuditWords", "Sync round"),
        "SECURITY_SETTING_CHANGED": QCoreApplication.translate(
            "AuditWords", "Security setting changed"
        ),
        "SECURITY_ALERT": QCoreApplication.translate("AuditWords", "Security alert"),
        "AUDIT_LOG_ACCESSED": QCoreApplication.translate("AuditWords", "Audit trail accessed"),
    }
    return names.get(code, code)


def outcome_name(code: str) -> str:
    return {
        "success": QCoreApplication.translate("AuditWords", "success"),
        "failure": QCoreApplication.translate("AuditWords", "failed"),
        "denied": QCoreApplication.translate("AuditWords", "denied"),
    }.get(code, code)


def local_time(at: dt.datetime) -> str:
    """The event's time on this PC's clock (stored as UTC), in the user's date format."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    local = aware.astimezone()
    return f"{date_text(local.date())} {local:%H:%M:%S}"


def patient_words(patient_id: str | None, patient: AuditPatient | None) -> str:
    """'Müller, Jürgen · MRN-10231'; an erased patient as erased (the name is gone)."""
    if not patient_id:
        return ""
    if patient is None:  # a record this PC does not hold: only its id is known
        return patient_id
    if patient.erased:
        return QCoreApplication.translate("AuditWords", "Erased patient")
    name = ", ".join(n for n in (patient.family_name, patient.given_name) if n)
    return " · ".join(part for part in (name, patient.external_id or "") if part)
