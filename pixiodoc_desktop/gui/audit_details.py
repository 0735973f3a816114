"""The audit trail's Object and Details columns in the reader's words.

The trail keeps stable English codes (`photo:…`, `{"screen": "consultation"}`); exports
keep them as they are. The viewer names the kind of record and each detail in the user's
language ("Foto", "Bildschirm: Patientenbildschirm"); record ids, which mean nothing to a
person, go to the cell's tooltip. Details never hold patient data (trail.py), so nothing
here looks anything up. Every key the core writes has its words (a test reads the core's
source for them); a key from a newer PC without words is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.audit_words import event_name

_ID = re.compile(
    r"^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$"
)


def is_id(value: object) -> bool:
    """A record's, device's or link's id (a UUID or a long hex name)."""
    return isinstance(value, str) and _ID.match(value.lower()) is not None


def object_kind(kind: str) -> str:
    """The record an event concerns, by kind: 'Foto', 'Besuch', 'Läsion'…"""
    words: dict[str, Callable[[], str]] = {
        "patient": lambda: QCoreApplication.translate("AuditWords", "Patient record"),
        "visit": lambda: QCoreApplication.translate("AuditWords", "Visit"),
        "photo": lambda: QCoreApplication.translate("AuditWords", "Photo"),
        "lesion": lambda: QCoreApplication.translate("AuditWords", "Lesion"),
        "consent": lambda: QCoreApplication.translate("AuditWords", "Consent"),
        "clinician": lambda: QCoreApplication.translate("AuditWords", "Clinician"),
        "comparison": lambda: QCoreApplication.translate("AuditWords", "Comparison"),
        "emergency_access": lambda: QCoreApplication.translate("AuditWords", "Emergency access"),
        "grant": lambda: QCoreApplication.translate("AuditWords", "Access to a record"),
        "setting": lambda: QCoreApplication.translate("AuditWords", "Setting"),
        "note": lambda: QCoreApplication.translate("AuditWords", "Note"),
        "opinion": lambda: QCoreApplication.translate("AuditWords", "Second opinion"),
        "link": lambda: QCoreApplication.translate("AuditWords", "Secure link"),
    }
    word = words.get(kind)
    return word() if word is not None else kind.replace("_", " ")


def _key_words() -> dict[str, str]:
    return {
        "accepted_on": QCoreApplication.translate("AuditWords", "Accepted on"),
        "access": QCoreApplication.translate("AuditWords", "Access"),
        "action": QCoreApplication.translate("AuditWords", "Action"),
        "alert": QCoreApplication.translate("AuditWords", "Alert"),
        "annotations": QCoreApplication.translate("AuditWords", "Annotations"),
        "attempts": QCoreApplication.translate("AuditWords", "Attempts"),
        "batch": QCoreApplication.translate("AuditWords", "Batch"),
        "before": QCoreApplication.translate("AuditWords", "Before"),
        "browser": QCoreApplication.translate("AuditWords", "Browser"),
        "bundle": QCoreApplication.translate("AuditWords", "Case bundle"),
        "by": QCoreApplication.translate("AuditWords", "By"),
        "change": QCoreApplication.translate("AuditWords", "Change"),
        "check": QCoreApplication.translate("AuditWords", "Check"),
        "chunks": QCoreApplication.translate("AuditWords", "Parts"),
        "clinician": QCoreApplication.translate("AuditWords", "Clinician"),
        "comparison": QCoreApplication.translate("AuditWords", "Comparison"),
        "comparisons": QCoreApplication.translate("AuditWords", "Comparisons"),
        "conflicts": QCoreApplication.translate("AuditWords", "Conflicts"),
        "count": QCoreApplication.translate("AuditWords", "Count"),
        "covers_batches": QCoreApplication.translate("AuditWords", "Batches covered"),
        "created": QCoreApplication.translate("AuditWords", "Created"),
        "deleted": QCoreApplication.translate("AuditWords", "Deleted"),
        "destination": QCoreApplication.translate("AuditWords", "Destination"),
        "device": QCoreApplication.translate("AuditWords", "Workstation"),
        "error": QCoreApplication.translate("AuditWords", "Error"),
        "eu": QCoreApplication.translate("AuditWords", "In the EU"),
        "event_type": QCoreApplication.translate("AuditWords", "Event"),
        "events": QCoreApplication.translate("AuditWords", "Events"),
        "expires": QCoreApplication.translate("AuditWords", "Expires"),
        "failed": QCoreApplication.translate("AuditWords", "Failed"),
        "faults": QCoreApplication.translate("AuditWords", "Faults"),
        "fetched": QCoreApplication.translate("AuditWords", "Fetched"),
        "fields": QCoreApplication.translate("AuditWords", "Fields"),
        "figures": QCoreApplication.translate("AuditWords", "Figures"),
        "file": QCoreApplication.translate("AuditWords", "File"),
        "filter": QCoreApplication.translate("AuditWords", "Filter"),
        "first": QCoreApplication.translate("AuditWords", "First"),
        "format": QCoreApplication.translate("AuditWords", "Format"),
        "found": QCoreApplication.translate("AuditWords", "Found"),
        "from": QCoreApplication.translate("AuditWords", "From"),
        "granted": QCoreApplication.translate("AuditWords", "Granted"),
        "host": QCoreApplication.translate("AuditWords", "Server"),
        "hours": QCoreApplication.translate("AuditWords", "Hours"),
        "instances": QCoreApplication.translate("AuditWords", "Images"),
        "lesion": QCoreApplication.translate("AuditWords", "Lesion"),
        "lesions": QCoreApplication.translate("AuditWords", "Lesions"),
        "level": QCoreApplication.translate("AuditWords", "Access"),
        "licence": QCoreApplication.translate("AuditWords", "Licence"),
        "limit": QCoreApplication.translate("AuditWords", "At most"),
        "link": QCoreApplication.translate("AuditWords", "Secure link"),
        "login": QCoreApplication.translate("AuditWords", "Login"),
        "marks": QCoreApplication.translate("AuditWords", "Marks"),
        "measurements": QCoreApplication.translate("AuditWords", "Measurements"),
        "method": QCoreApplication.translate("AuditWords", "Method"),
        "modality": QCoreApplication.translate("AuditWords", "Modality"),
        "objects": QCoreApplication.translate("AuditWords", "Objects"),
        "offset": QCoreApplication.translate("AuditWords", "From result"),
        "origin": QCoreApplication.translate("AuditWords", "Origin"),
        "os": QCoreApplication.translate("AuditWords", "Operating system"),
        "passcode": QCoreApplication.translate("AuditWords", "Passcode"),
        "patient_id": QCoreApplication.translate("AuditWords", "Patient"),
        "photos": QCoreApplication.translate("AuditWords", "Photos"),
        "plan": QCoreApplication.translate("AuditWords", "Plan"),
        "port": QCoreApplication.translate("AuditWords", "Port"),
        "protection": QCoreApplication.translate("AuditWords", "Protection"),
        "pulled_images": QCoreApplication.translate("AuditWords", "Images received"),
        "pulled_ops": QCoreApplication.translate("AuditWords", "Changes received"),
        "pushed_images": QCoreApplication.translate("AuditWords", "Images sent"),
        "pushed_ops": QCoreApplication.translate("AuditWords", "Changes sent"),
        "reason": QCoreApplication.translate("AuditWords", "Reason"),
        "records": QCoreApplication.translate("AuditWords", "Records"),
        "region": QCoreApplication.translate("AuditWords", "Region"),
        "resolved": QCoreApplication.translate("AuditWords", "Resolved"),
        "results": QCoreApplication.translate("AuditWords", "Results"),
        "retention_days": QCoreApplication.translate("AuditWords", "Kept for (days)"),
        "retention_hold": QCoreApplication.translate("AuditWords", "Retention hold"),
        "role": QCoreApplication.translate("AuditWords", "Role"),
        "scope": QCoreApplication.translate("AuditWords", "Consent"),
        "screen": QCoreApplication.translate("AuditWords", "Screen"),
        "seats": QCoreApplication.translate("AuditWords", "Workstations"),
        "second": QCoreApplication.translate("AuditWords", "Second"),
        "second opinions": QCoreApplication.translate("AuditWords", "Second opinions"),
        "secure": QCoreApplication.translate("AuditWords", "Encrypted connection"),
        "secure links revoked": QCoreApplication.translate("AuditWords", "Secure links revoked"),
        "sender": QCoreApplication.translate("AuditWords", "Sender"),
        "sender_verified": QCoreApplication.translate("AuditWords", "Sender verified"),
        "setting": QCoreApplication.translate("AuditWords", "Setting"),
        "since": QCoreApplication.translate("AuditWords", "From"),
        "size": QCoreApplication.translate("AuditWords", "Size"),
        "snapshot": QCoreApplication.translate("AuditWords", "Snapshot"),
        "source": QCoreApplication.translate("AuditWords", "Source"),
        "studies": QCoreApplication.translate("AuditWords", "Studies"),
        "to": QCoreApplication.translate("AuditWords", "To"),
        "trigger": QCoreApplication.translate("AuditWords", "Trigger"),
        "until": QCoreApplication.translate("AuditWords", "Until"),
        "user_login": QCoreApplication.translate("AuditWords", "Clinician"),
        "valid_minutes": QCoreApplication.translate("AuditWords", "Valid (minutes)"),
        "via": QCoreApplication.translate("AuditWords", "Via"),
        "visit": QCoreApplication.translate("AuditWords", "Visit"),
        "visits": QCoreApplication.translate("AuditWords", "Visits"),
        "what": QCoreApplication.translate("AuditWords", "What"),
    }


def _value_words() -> dict[str, str]:
    """Codes the core writes as detail values (the same word may serve several keys)."""
    return {
        # actions
        "viewed": QCoreApplication.translate("AuditWords", "viewed"),
        "exported": QCoreApplication.translate("AuditWords", "exported"),
        "purged": QCoreApplication.translate("AuditWords", "purged"),
        "verified": QCoreApplication.translate("AuditWords", "verified"),
        "created": QCoreApplication.translate("AuditWords", "created"),
        "edit": QCoreApplication.translate("AuditWords", "edit"),
        "backup": QCoreApplication.translate("AuditWords", "backup"),
        "restore": QCoreApplication.translate("AuditWords", "restore"),
        "repair": QCoreApplication.translate("AuditWords", "repair"),
        "emergencies listed": QCoreApplication.translate("AuditWords", "emergency accesses listed"),
        "emergency acknowledged": QCoreApplication.translate(
            "AuditWords", "emergency access acknowledged"
        ),
        "create an enrollment code": QCoreApplication.translate(
            "AuditWords", "enrollment code made"
        ),
        "write a sync snapshot": QCoreApplication.translate("AuditWords", "sync snapshot written"),
        # screens and image sizes
        "comparison": QCoreApplication.translate("AuditWords", "Compare window"),
        "consultation": QCoreApplication.translate("AuditWords", "Patient's screen"),
        "thumbnail": QCoreApplication.translate("AuditWords", "thumbnail"),
        "screen": QCoreApplication.translate("AuditWords", "screen image"),
        "original": QCoreApplication.translate("AuditWords", "original"),
        # sources and routes
        "import": QCoreApplication.translate("AuditWords", "import"),
        "camera": QCoreApplication.translate("AuditWords", "camera"),
        "hotfolder": QCoreApplication.translate("AuditWords", "hot folder"),
        "phone": QCoreApplication.translate("AuditWords", "phone"),
        "outline": QCoreApplication.translate("AuditWords", "automatic outline"),
        "corrected": QCoreApplication.translate("AuditWords", "corrected outline"),
        "traced": QCoreApplication.translate("AuditWords", "traced by hand"),
        "lan": QCoreApplication.translate("AuditWords", "practice network"),
        "bucket": QCoreApplication.translate("AuditWords", "clinic's cloud storage"),
        "case bundle": QCoreApplication.translate("AuditWords", "case bundle"),
        "secure link": QCoreApplication.translate("AuditWords", "secure link"),
        # changes to a record
        "label": QCoreApplication.translate("AuditWords", "label"),
        "map position": QCoreApplication.translate("AuditWords", "place on the body map"),
        "status": QCoreApplication.translate("AuditWords", "status"),
        "measurement": QCoreApplication.translate("AuditWords", "measurement"),
        "biopsy": QCoreApplication.translate("AuditWords", "biopsy"),
        "excision": QCoreApplication.translate("AuditWords", "excision"),
        # how and why
        "password": QCoreApplication.translate("AuditWords", "password"),
        "recovery key": QCoreApplication.translate("AuditWords", "recovery key"),
        "crypto-shredding": QCoreApplication.translate(
            "AuditWords", "keys destroyed (crypto-shredding)"
        ),
        "admin reset": QCoreApplication.translate("AuditWords", "reset by an Admin"),
        "text": QCoreApplication.translate("AuditWords", "name or number"),
        "birth_date": QCoreApplication.translate("AuditWords", "date of birth"),
        "consent": QCoreApplication.translate("AuditWords", "consent"),
        "no consent to sharing": QCoreApplication.translate("AuditWords", "no consent to sharing"),
        "account deactivated": QCoreApplication.translate("AuditWords", "account deactivated"),
        "retention hold": QCoreApplication.translate("AuditWords", "retention hold"),
        "imported case": QCoreApplication.translate("AuditWords", "imported case"),
        "cannot be opened or altered": QCoreApplication.translate(
            "AuditWords", "cannot be opened or altered"
        ),
        "deactivated account": QCoreApplication.translate("AuditWords", "deactivated account"),
        "lockout": QCoreApplication.translate("AuditWords", "locked out after failed attempts"),
        "unlock attempts file removed or replaced": QCoreApplication.translate(
            "AuditWords", "record of failed unlocks removed or replaced"
        ),
        "Admin": QCoreApplication.translate("AuditWords", "an Admin"),
        "batches written since the last one": QCoreApplication.translate(
            "AuditWords", "changes since the last snapshot"
        ),
        # what was exported or checked
        "consultation report": QCoreApplication.translate("AuditWords", "consultation report"),
        "comparison handout": QCoreApplication.translate("AuditWords", "comparison handout"),
        "original image": QCoreApplication.translate("AuditWords", "original image"),
        "second opinion": QCoreApplication.translate("AuditWords", "second opinion"),
        "secure link reply": QCoreApplication.translate("AuditWords", "reply by secure link"),
        "patient data": QCoreApplication.translate("AuditWords", "patient data"),
        "audit chain": QCoreApplication.translate("AuditWords", "audit chain"),
        "audit anchors": QCoreApplication.translate("AuditWords", "audit anchors"),
        "sync batches": QCoreApplication.translate("AuditWords", "sync batches"),
        "sync batch links": QCoreApplication.translate("AuditWords", "sync batch links"),
        "sync images": QCoreApplication.translate("AuditWords", "sync images"),
        "sync snapshot": QCoreApplication.translate("AuditWords", "sync snapshot"),
        "vault verify": QCoreApplication.translate("AuditWords", "vault check"),
        # settings
        "audit retention": QCoreApplication.translate("AuditWords", "audit retention"),
        "body series poses": QCoreApplication.translate("AuditWords", "body series poses"),
        "case bundle key": QCoreApplication.translate("AuditWords", "case bundle key"),
        "case bundle signing key": QCoreApplication.translate(
            "AuditWords", "case bundle signing key"
        ),
        "key rotation": QCoreApplication.translate("AuditWords", "key renewal"),
        "lesion growth threshold": QCoreApplication.translate(
            "AuditWords", "lesion growth threshold"
        ),
        "pacs": QCoreApplication.translate("AuditWords", "PACS"),
        "plan": QCoreApplication.translate("AuditWords", "plan"),
        "sync endpoint": QCoreApplication.translate("AuditWords", "sync endpoint"),
        "workstation enrollment code": QCoreApplication.translate(
            "AuditWords", "enrollment code for a workstation"
        ),
        "demo": QCoreApplication.translate("AuditWords", "demo"),
        # roles and levels
        "clinician": QCoreApplication.translate("AuditWords", "Clinician"),
        "admin": QCoreApplication.translate("AuditWords", "Admin"),
        "view": QCoreApplication.translate("AuditWords", "View"),
        "reply": QCoreApplication.translate("AuditWords", "View and reply"),
        "none": QCoreApplication.translate("AuditWords", "none"),
    }


def _value(key: str, value: Any, ids: list[str]) -> str | None:
    """One detail's value in words; None when it is only an id (then it joins `ids`)."""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditWords", "yes")
            if value
            else QCoreApplication.translate("AuditWords", "no")
        )
    if value is None:
        return "—"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        inner = details_text(value, ids)
        return f"({inner})" if inner else None
    if isinstance(value, (list, tuple)):
        shown = [v for v in (_value(key, item, ids) for item in value) if v is not None]
        return ", ".join(shown) if shown else None
    text = str(value)
    if is_id(text):
        ids.append(text)
        return None
    if key == "modality":
        return labels.modality(text)
    if key == "scope":
        return labels.consent_scope(text)
    if key in ("level", "access") and text in ("view", "edit", "admin"):
        return labels.access_level(text)
    if key == "event_type":
        return event_name(text)
    return _value_words().get(text, text)


def details_text(details: dict[str, Any], ids: list[str] | None = None) -> str:
    """'Screen: Patient's screen; Size: screen image'. Ids go to `ids`, not into the text."""
    found = ids if ids is not None else []
    keys = _key_words()
    parts = []
    for key in sorted(details, key=lambda k: str(keys.get(k, k)).lower()):
        shown = _value(key, details[key], found)
        if shown is not None:
            parts.append(f"{keys.get(key, key.replace('_', ' '))}: {shown}")
    return "; ".join(parts)


def details_ids(details: dict[str, Any]) -> list[str]:
    """The ids the details name (the tooltip shows them)."""
    ids: list[str] = []
    details_text(details, ids)
    return ids


def known_keys() -> set[str]:
    """Every detail key with words (tests compare it with what the core writes)."""
    return set(_key_words())
