"""The error catalogue's part for capture with a phone, and secure links."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Capture with a phone
    QT_TRANSLATE_NOOP("errors", "The phone server cannot listen on port {port}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "The phone server's certificate {file} cannot be loaded: {reason}"),
    QT_TRANSLATE_NOOP("errors", "The phone server's certificate file {file} does not exist"),
    QT_TRANSLATE_NOOP(
        "errors", "The phone port {port} is in use by another program; choose another port"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The phone server's certificate file {file} cannot be read (check its permissions)",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The phone server's certificate file {file} holds no PEM certificate"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The phone server's key file {file} holds no PEM private key without a password",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The phone server's key file {file} does not belong to the certificate {cert}"
    ),
    QT_TRANSLATE_NOOP("errors", "The phone server's certificate {file} expired on {date}"),
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
