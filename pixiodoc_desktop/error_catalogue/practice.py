"""The error catalogue's part for requests from the practice software (GDT): why a file was
refused.
"""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Requests from the practice software (GDT): why a file was refused
    QT_TRANSLATE_NOOP("errors", "{file} holds {count} records; a request holds one"),
    QT_TRANSLATE_NOOP("errors", "{file} has no patient number (field 3000)"),
    QT_TRANSLATE_NOOP(
        "errors", "{file}: the patient number (field 3000) is longer than 64 characters"
    ),
    QT_TRANSLATE_NOOP("errors", "{file} is a result (6310), not a request for PixioDoc"),
    QT_TRANSLATE_NOOP("errors", "{file} is addressed to {receiver}, not to PixioDoc ({ours})"),
    QT_TRANSLATE_NOOP("errors", "{file} has no family name (field 3101) for a new patient"),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is too large for a GDT file ({actual} bytes; at most {most})"
    ),
    QT_TRANSLATE_NOOP("errors", "{file} is too large for a GDT file (more than {most} bytes)"),
    QT_TRANSLATE_NOOP("errors", "{file} ends in the middle of a line (the file is truncated)"),
    QT_TRANSLATE_NOOP(
        "errors", "{file}, line {line}: not a GDT line (3-digit length, 4-digit field id)"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file}, line {line}: the length says {declared} bytes but the line has {actual} (malformed length)",
    ),
    QT_TRANSLATE_NOOP("errors", "{file} is empty"),
    QT_TRANSLATE_NOOP("errors", "{file} is not a GDT file: it holds binary data"),
    QT_TRANSLATE_NOOP("errors", "{file} does not start with a record type (field 8000)"),
    QT_TRANSLATE_NOOP("errors", "{file}, line {line}: unknown field {field}"),
    QT_TRANSLATE_NOOP("errors", "{file}: record type {kind} is not one PixioDoc takes ({known})"),
    QT_TRANSLATE_NOOP("errors", "{file}: the record length (field 8100) is missing"),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file}: the record length (8100) says {declared} bytes but the record has {actual} ({why})",
    ),
    QT_TRANSLATE_NOOP("errors", "the file is truncated"),
    QT_TRANSLATE_NOOP("errors", "malformed length"),
    QT_TRANSLATE_NOOP("errors", "{file}: character set {code} (field 9206) is not 1, 2, 3 or 4"),
    QT_TRANSLATE_NOOP("errors", "{file}, line {line}: object end 8201 without its start"),
    QT_TRANSLATE_NOOP("errors", "{file}: an object (8200) is not closed (the file is truncated)"),
    QT_TRANSLATE_NOOP("errors", "The {what} is not a GDT date (TTMMJJJJ)"),
    QT_TRANSLATE_NOOP("errors", "The {what} is not a valid date"),
    QT_TRANSLATE_NOOP("errors", "date of birth (field 3103)"),
)
