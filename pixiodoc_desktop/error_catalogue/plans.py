"""The error catalogue's part for plan limits."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Plan limits
    QT_TRANSLATE_NOOP(
        "errors",
        "Upgrade to PixioDoc Pro or Teams (see pixiodoc.example/pricing) and install the licence with 'pixiodoc licence install FILE' or File > Licence… in the workstation.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The {plan} plan keeps up to {limit} patients and this clinic has {count}{why}. Existing records stay available. {hint}",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The {plan} plan has room for {limit} active clinicians and all are taken. Ask for more seats on the Teams licence.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The {plan} plan has room for {limit} active clinicians and all are taken. PixioDoc Teams has 4 or more seats. {hint}",
    ),
    QT_TRANSLATE_NOOP("errors", "{what} needs PixioDoc Pro; this clinic has {plan}. {hint}"),
    QT_TRANSLATE_NOOP("errors", "{what} needs PixioDoc Teams; this clinic has {plan}. {hint}"),
    QT_TRANSLATE_NOOP("errors", "Sharing a record with a colleague"),
)
