"""The error catalogue's part for capture with a phone, and secure links."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Capture with a phone
    QT_TRANSLATE_NOOP("errors", "The phone server cannot listen on port {port}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "The phone server's certificate {file} cannot be loaded: {reason}"),
    QT_TRANSLATE_NOOP("errors", "The phone server's certificate file {file} does not exist"),
    QT_TRANSLATE_NOOP(
        "errors",
        "A phone outside the clinic network sends its photos through the clinic's sync bucket, and sync is not set up on this workstation; connect the phone to the clinic network, or set up sync.",
    ),
    # --- Secure links
    QT_TRANSLATE_NOOP(
        "errors",
        "A secure link needs the clinic's sync bucket, and sync is not set up on this workstation; send a case bundle instead (pixiodoc case export), or set up sync.",
    ),
)
