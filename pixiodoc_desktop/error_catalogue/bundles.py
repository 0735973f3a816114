"""The error catalogue's part for case bundles from other clinics."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Case bundles from other clinics
    QT_TRANSLATE_NOOP("errors", "{file} is not a case bundle file"),
    # (an imported record's origin, shown in its banner, says whether the sender is verified)
    QT_TRANSLATE_NOOP(
        "errors",
        "Case bundle from {clinic}, made {date}; sender verified (key {key})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Case bundle from {clinic}, made {date}; sender not verified (signed with key {key}, which this clinic has not exchanged keys with; compare it with the sender)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Case bundle from {clinic}, made {date}; sender not verified (the bundle is not signed)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This is not a PixioDoc case bundle (.pxcase)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle is damaged or incomplete",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle is damaged (its header is unreadable)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle was made by a newer PixioDoc; update to open it",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was refused: it holds {count} entries (limit {limit})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was refused: its entry {entry} would unpack from {packed} to {unpacked} (a decompression bomb)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was refused: it unpacks to {unpacked} (limit {cap})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle is too large: {bundle_size} (limit {cap})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle is protected by a passphrase; enter it",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle asks for an unreasonable key derivation",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle is damaged (unknown protection)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was altered or damaged after it was made; ask for a new one",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle's contents are damaged",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was altered (its expiry dates disagree)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle expired on {date}; ask for a new one",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was refused: its entry {entry} unpacks to {unpacked} (limit {cap})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle's contents are incomplete",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle was imported already on {date} (patient {patient}); open that record instead",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle's contents are damaged (its {part} part)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was altered after it was made (its signature does not match); ask for a new one",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The passphrase is wrong for this case bundle",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle was made for another clinic's case key",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This computer has no working credential store for the sync secret (Windows Credential Manager, macOS Keychain, or a Secret Service such as GNOME Keyring or KWallet); set one up or unlock it, then configure sync again. Nothing was saved.",
    ),
)
