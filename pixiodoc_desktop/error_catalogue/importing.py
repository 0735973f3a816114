"""The error catalogue's part for importing photos: why a file was refused, and what a refused
file looks like.
"""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Importing photos: why a file was refused
    QT_TRANSLATE_NOOP("errors", "{file} does not exist"),
    QT_TRANSLATE_NOOP("errors", "{file} cannot be read: {reason}"),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is not a picture file ({kind}); only regular files can be imported"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} holds {count} pages; PixioDoc takes one picture per file (save each as its own file)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} holds {count} frames; PixioDoc takes one picture per file (save each as its own file)",
    ),
    QT_TRANSLATE_NOOP("errors", "a folder"),
    QT_TRANSLATE_NOOP("errors", "a pipe"),
    QT_TRANSLATE_NOOP("errors", "a socket"),
    QT_TRANSLATE_NOOP("errors", "a device"),
    QT_TRANSLATE_NOOP("errors", "not a file"),
    QT_TRANSLATE_NOOP("errors", "{file} is too large to decode"),
    QT_TRANSLATE_NOOP("errors", "{file} is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("errors", "{file} is too large: {size} (limit {limit})"),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is too large: {width} x {height} pixels (limit {limit} megapixels)"
    ),
    QT_TRANSLATE_NOOP("errors", "{file} is too large to open with the memory available"),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is not an image PixioDoc accepts: it looks like {kind} (accepted: {accepted})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is not an image PixioDoc accepts: its pixels are 32-bit numbers, not 8 or 16 bits per channel",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is not an image PixioDoc accepts: its pixels are floating-point numbers, not 8 or 16 bits per channel",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is not a camera picture PixioDoc accepts: expected 8-bit pixels"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is not a camera picture PixioDoc accepts: expected a grey or BGR frame, got shape {shape}",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is a HEIC image, but HEIC support is not installed on this computer (the pillow-heif package)",
    ),
    QT_TRANSLATE_NOOP("errors", "{file} could not be saved as a JPEG picture"),
    QT_TRANSLATE_NOOP("errors", "{file} is damaged: {reason}"),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is damaged: it declares a size of {width} x {height} pixels"
    ),
    QT_TRANSLATE_NOOP("errors", "the {format} data ends early (truncated file)"),
    QT_TRANSLATE_NOOP("errors", "the {format} data is corrupt and cannot be decoded"),
    QT_TRANSLATE_NOOP("errors", "the JPEG start marker is missing"),
    QT_TRANSLATE_NOOP("errors", "the JPEG data is corrupt (a misplaced marker)"),
    QT_TRANSLATE_NOOP("errors", "the JPEG data is corrupt (a bad segment length)"),
    QT_TRANSLATE_NOOP("errors", "A compared photo could not be decoded."),
    QT_TRANSLATE_NOOP("errors", "Permission denied"),
    QT_TRANSLATE_NOOP("errors", "No such file or directory"),
    QT_TRANSLATE_NOOP("errors", "Is a directory"),
    # --- What a refused file looks like (fills {kind} above)
    QT_TRANSLATE_NOOP("errors", "empty"),
    QT_TRANSLATE_NOOP("errors", "a PDF document"),
    QT_TRANSLATE_NOOP("errors", "a ZIP archive (or an Office document)"),
    QT_TRANSLATE_NOOP("errors", "an empty ZIP archive"),
    QT_TRANSLATE_NOOP("errors", "a GIF image"),
    QT_TRANSLATE_NOOP("errors", "a JPEG 2000 image"),
    QT_TRANSLATE_NOOP("errors", "a Windows icon"),
    QT_TRANSLATE_NOOP("errors", "a Photoshop document"),
    QT_TRANSLATE_NOOP("errors", "a Canon RAW photo"),
    QT_TRANSLATE_NOOP("errors", "a Fujifilm RAW photo"),
    QT_TRANSLATE_NOOP("errors", "a BigTIFF image (not supported)"),
    QT_TRANSLATE_NOOP("errors", "a gzip archive"),
    QT_TRANSLATE_NOOP("errors", "a RAR archive"),
    QT_TRANSLATE_NOOP("errors", "a 7-Zip archive"),
    QT_TRANSLATE_NOOP("errors", "a Windows program"),
    QT_TRANSLATE_NOOP("errors", "a program"),
    QT_TRANSLATE_NOOP("errors", "an RTF document"),
    QT_TRANSLATE_NOOP("errors", "an old-style Office document"),
    QT_TRANSLATE_NOOP("errors", "a database file"),
    QT_TRANSLATE_NOOP("errors", "a video (Matroska/WebM)"),
    QT_TRANSLATE_NOOP("errors", "an Ogg audio or video file"),
    QT_TRANSLATE_NOOP("errors", "an MP3 audio file"),
    QT_TRANSLATE_NOOP("errors", "an MPEG video"),
    QT_TRANSLATE_NOOP("errors", "an AVIF image"),
    QT_TRANSLATE_NOOP("errors", "a HEIF image that is not HEIC"),
    QT_TRANSLATE_NOOP("errors", "a QuickTime video"),
    QT_TRANSLATE_NOOP("errors", "a video or audio file (MP4 family)"),
    QT_TRANSLATE_NOOP("errors", "an AVI video"),
    QT_TRANSLATE_NOOP("errors", "a WAV audio file"),
    QT_TRANSLATE_NOOP("errors", "a RIFF file"),
    QT_TRANSLATE_NOOP("errors", "an HTML page"),
    QT_TRANSLATE_NOOP("errors", "an SVG drawing"),
    QT_TRANSLATE_NOOP("errors", "an XML document"),
    QT_TRANSLATE_NOOP("errors", "plain text"),
    QT_TRANSLATE_NOOP("errors", "a damaged or unusual BMP image"),
    QT_TRANSLATE_NOOP("errors", "unknown binary data"),
)
