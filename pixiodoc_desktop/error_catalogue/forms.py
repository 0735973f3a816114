"""The error catalogue's part for a date typed in a form (records/patient_fields.parse_date)."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- A date typed in a form (records/patient_fields.parse_date)
    QT_TRANSLATE_NOOP("errors", "{text} is not a valid {what}; use YYYY-MM-DD (e.g. 1980-04-23)"),
    QT_TRANSLATE_NOOP("errors", "date of birth"),
    QT_TRANSLATE_NOOP("errors", "visit date"),
    QT_TRANSLATE_NOOP("errors", "expiry date"),
    QT_TRANSLATE_NOOP("errors", "Only a workspace Admin may change the clinic's logo."),
    QT_TRANSLATE_NOOP("errors", "Importing patients from the EHR takes a workspace Admin."),
    QT_TRANSLATE_NOOP(
        "errors",
        "This patient has not consented to being shown photos on the consultation screen (record consent for 'consultation-screen' first).",
    ),
)
