"""Turning pixels upright by their EXIF orientation, for Pillow images and for arrays."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageFile, TiffImagePlugin

_TAG_ORIENTATION = 0x0112

_TRANSPOSE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def orientation_left_after_load(image: ImageFile.ImageFile, orientation: int) -> int:
    """The turn still to apply: recent Pillow turns a TIFF upright while loading it and
    then removes the tag (older releases do not)."""
    if isinstance(image, TiffImagePlugin.TiffImageFile) and _TAG_ORIENTATION not in image.tag_v2:
        return 1
    return orientation


def oriented(image: Image.Image, orientation: int) -> Image.Image:
    method = _TRANSPOSE_FOR_ORIENTATION.get(orientation)
    return image if method is None else image.transpose(method)


def oriented_array(pixels: npt.NDArray[np.uint16], orientation: int) -> npt.NDArray[np.uint16]:
    """The same turns as ``oriented``, for a (height, width, channels) array."""
    turns: dict[int, Callable[[npt.NDArray[np.uint16]], npt.NDArray[np.uint16]]] = {
        2: lambda a: a[:, ::-1],
        3: lambda a: a[::-1, ::-1],
        4: lambda a: a[::-1],
        5: lambda a: a.swapaxes(0, 1),
        6: lambda a: np.rot90(a, -1),
        7: lambda a: a[::-1, ::-1].swapaxes(0, 1),
        8: lambda a: np.rot90(a, 1),
    }
    turn = turns.get(orientation)
    return pixels if turn is None else np.ascontiguousarray(turn(pixels))


def displayed_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)
