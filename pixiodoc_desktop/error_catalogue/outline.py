"""The error catalogue's part for the automatic lesion outline: why none is proposed."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- The automatic lesion outline: why none is proposed
    QT_TRANSLATE_NOOP("errors", "The automatic outline needs a colour photo"),
    QT_TRANSLATE_NOOP("errors", "The stored image of photo {photo} cannot be decoded"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The photo has no calibration (pixels per mm); calibrate it to measure the lesion",
    ),
    QT_TRANSLATE_NOOP("errors", "No lesion stands out from the skin in this photo"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The lesion runs off the edge of the photo; take it again with the whole lesion in view",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The photo is too blurred to find the lesion's border; take it again in focus"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Hair covers too much of the lesion's border to outline it; move or trim the hair, or use immersion fluid, and take it again",
    ),
    QT_TRANSLATE_NOOP("errors", "Only a workspace admin changes the clinic's settings"),
)
