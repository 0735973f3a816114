"""The error catalogue's part for permissions: who may do what with a record."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Permissions
    QT_TRANSLATE_NOOP("errors", "This action needs a clinician to be logged in."),
    QT_TRANSLATE_NOOP(
        "errors", "The account {login} has been deactivated; log in as an active clinician."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not {action} this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not view this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not edit this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not delete this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not export this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not share this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not erase this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP("errors", "View Only"),
    QT_TRANSLATE_NOOP("errors", "Editor"),
    QT_TRANSLATE_NOOP(
        "errors", "This record was imported from another clinic's case bundle and is View Only."
    ),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may {what}."),
    QT_TRANSLATE_NOOP("errors", "add clinicians"),
    QT_TRANSLATE_NOOP("errors", "change roles"),
    QT_TRANSLATE_NOOP("errors", "deactivate clinicians"),
    QT_TRANSLATE_NOOP("errors", "reset passwords"),
    QT_TRANSLATE_NOOP("errors", "review emergency accesses"),
    QT_TRANSLATE_NOOP("errors", "acknowledge emergency accesses"),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may install a licence."),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may back up the whole vault."),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may enroll a new workstation."),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may change the sync settings."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Only a practice Admin (or the record's Admin, for that record) may {what} the audit trail.",
    ),
    QT_TRANSLATE_NOOP("errors", "Only the clinician who opened it or a practice Admin may end it."),
    QT_TRANSLATE_NOOP("errors", "Only a workspace Admin may set up the PACS."),
    QT_TRANSLATE_NOOP(
        "errors", "Only a workspace Admin may set up the practice software exchange."
    ),
    QT_TRANSLATE_NOOP("errors", "Only a workspace Admin may set up the DICOM worklist."),
)
