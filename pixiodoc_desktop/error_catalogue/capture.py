"""The error catalogue's part for cameras and the hot folder."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Cameras and the hot folder
    QT_TRANSLATE_NOOP("errors", "The hot folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("errors", "The camera '{camera}' did not respond in time"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The camera '{camera}' is in use by another program (or does not start); close the other program and try again",
    ),
    QT_TRANSLATE_NOOP("errors", "The camera '{camera}' is in use by another program"),
    QT_TRANSLATE_NOOP("errors", "The camera '{camera}' is not open"),
    QT_TRANSLATE_NOOP("errors", "'{camera}' has no picture that can be read"),
    QT_TRANSLATE_NOOP("errors", "No camera found (nothing is connected as camera {index})"),
    QT_TRANSLATE_NOOP("errors", "No camera found: '{camera}' is not connected or cannot be opened"),
    QT_TRANSLATE_NOOP("errors", "No camera found: '{camera}' cannot be opened as video"),
    QT_TRANSLATE_NOOP("errors", "No camera found: the folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("errors", "No camera found: the file {file} does not exist"),
    QT_TRANSLATE_NOOP("errors", "could not align: the fit is degenerate"),
    QT_TRANSLATE_NOOP("errors", "could not align: the fit needs an implausible perspective"),
    QT_TRANSLATE_NOOP("errors", "could not align: the fit would mirror the photo"),
    QT_TRANSLATE_NOOP(
        "errors", "could not align: the photos differ in scale by {scale}x (allowed 0.5-2)"
    ),
    QT_TRANSLATE_NOOP("errors", "could not align: the fit twists the photo"),
    QT_TRANSLATE_NOOP("errors", "could not align: too few matching features"),
)
