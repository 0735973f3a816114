"""One picture per file: a multi-page TIFF or an animated WebP/PNG is refused, not cut.

Pillow opens such a file at its first frame, so the import used to keep page
one and drop the rest without a word. A clinic expects one photo per file:
a scanner's multi-page TIFF or a burst saved as an animation holds several
pictures, and silently losing all but one is worse than asking for them one
by one. So the file is refused, naming how many pictures it holds.

TIFF files also carry reduced-resolution copies of the same picture (a
preview or thumbnail IFD, NewSubfileType bit 0): those are not pages and
do not count.
"""

from __future__ import annotations

from PIL import Image

from pixiodoc_desktop.errors import UnsupportedImage
from pixiodoc_desktop.imaging.decode import DECODER_FAILURES, damaged
from pixiodoc_desktop.imaging.sniff import ImageType

_NEW_SUBFILE_TYPE = 254
_REDUCED_RESOLUTION = 0x1
_MAX_COUNTED = 1000  # a count beyond this is not needed to refuse the file


def _tiff_pages(image: Image.Image) -> int:
    pages = 0
    frame = 0
    try:
        while frame < _MAX_COUNTED:
            image.seek(frame)
            subfile = int(getattr(image, "tag_v2", {}).get(_NEW_SUBFILE_TYPE, 0) or 0)
            if not subfile & _REDUCED_RESOLUTION:
                pages += 1
            frame += 1
    except EOFError:
        pass
    finally:
        image.seek(0)
    return pages


def pictures_in(image: Image.Image, kind: ImageType) -> int:
    """How many full pictures the opened file holds (1 for an ordinary photo)."""
    frames = int(getattr(image, "n_frames", 1) or 1)
    if frames <= 1:
        return 1
    if kind is ImageType.TIFF:
        return _tiff_pages(image)
    return frames


def refuse_several_pictures(image: Image.Image, kind: ImageType, source_name: str) -> None:
    """UnsupportedImage when the file holds more than one picture (see the module's note)."""
    try:
        count = pictures_in(image, kind)
    except DECODER_FAILURES as error:  # walking pages parses every IFD: Warning included
        raise damaged(source_name, kind, error) from error
    if count > 1:
        msg = (
            f"{source_name} holds {count} pages; PixioDoc takes one picture per file "
            "(save each as its own file)"
            if kind is ImageType.TIFF
            else f"{source_name} holds {count} frames; PixioDoc takes one picture per file "
            "(save each as its own file)"
        )
        raise UnsupportedImage(msg)
