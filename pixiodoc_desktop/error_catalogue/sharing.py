"""The error catalogue's part for sharing, case files and licences (shown in their dialogs)."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Sharing, case files and licences (shown in their dialogs)
    QT_TRANSLATE_NOOP("errors", "There is no active clinician with the login {login}"),
    QT_TRANSLATE_NOOP("errors", "That clinician has no access of their own to this record"),
    QT_TRANSLATE_NOOP(
        "errors",
        "A record needs at least one Admin; grant Admin to someone else first",
    ),
    QT_TRANSLATE_NOOP("errors", "This is not a PixioDoc licence file"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The licence's signature does not match (it was altered or not issued by PixioDoc)",
    ),
    QT_TRANSLATE_NOOP("errors", "The licence is signed but incomplete"),
    QT_TRANSLATE_NOOP(
        "errors",
        "This licence was issued for {clinic}, not for this clinic ({ours})",
    ),
    QT_TRANSLATE_NOOP("errors", "This licence expired on {date}"),
    QT_TRANSLATE_NOOP("errors", "A Teams licence has at least {count} seats"),
    QT_TRANSLATE_NOOP("errors", "Cannot read the licence file {file}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "Protect the bundle with a passphrase or a colleague's case key"),
    QT_TRANSLATE_NOOP("errors", "Use a passphrase of at least {count} characters"),
    QT_TRANSLATE_NOOP("errors", "The expiry date must lie within the next {count} days"),
    QT_TRANSLATE_NOOP("errors", "Choose at least one visit to share"),
    QT_TRANSLATE_NOOP(
        "errors",
        "Cannot write the bundle to {file}; give a file in an existing folder",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "That is not a PixioDoc case key (expected pxcase-x25519: and 64 hex digits)",
    ),
    QT_TRANSLATE_NOOP("errors", "A chosen visit does not belong to this patient"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The patient has not consented to sharing with colleagues; record that consent first (scope 'sharing').",
    ),
)
