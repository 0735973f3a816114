"""File › Import photos offers every format import accepts (WebP and BMP too), in German too."""

from __future__ import annotations

from pixiodoc_desktop.gui.importing import image_file_filter
from pixiodoc_desktop.imaging.sniff import FILE_PATTERNS, ImageType


def test_the_open_dialog_offers_every_accepted_format(german: None) -> None:
    offered = image_file_filter()
    assert offered.startswith("Bilder (") and offered.endswith(";;Alle Dateien (*)")
    assert set(FILE_PATTERNS) == set(ImageType)
    for pattern in ("*.jpg", "*.png", "*.tif", "*.webp", "*.bmp", "*.heic"):
        assert pattern in offered
