"""Decoding a stored image never calls the application's translators.

The window installs a translator written in Python (English plurals). When Qt was left to
guess an image's format it asked every image plugin, and the TGA plugin's answer called
QCoreApplication.translate: our translator then needed the GIL while Qt's plugin lock was
held, and the other decoding thread held the GIL waiting for that lock. The demo window hung
for good while opening a patient (seen under load with py-spy). Named by its first bytes,
the format goes straight to its own plugin and no translator is asked.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from pixiodoc_desktop.gui.thumbnails import decode_image, decode_original


class _Recording(QTranslator):
    def __init__(self) -> None:
        super().__init__()
        self.listening = False  # only while the test decodes: widgets left open by earlier
        self.asked: list[tuple[str, str]] = []  # tests retranslate through us as well

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if self.listening:
            self.asked.append((context, source))
        return None  # type: ignore[return-value]  # a null QString: not translated here


@pytest.fixture
def recording(qapp: QApplication) -> Iterator[_Recording]:
    translator = _Recording()
    qapp.installTranslator(translator)
    qapp.processEvents()  # the LanguageChange that installing posts to every widget
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP", "BMP", "TIFF"])
def test_decoding_asks_no_translator(recording: _Recording, kind: str) -> None:
    encoded = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 90)).save(encoded, kind)
    data = encoded.getvalue()
    recording.listening = True  # the full suite once saw ('PhotoViewer', 'No photo selected')
    image, original = decode_image(data), decode_original(data)
    recording.listening = False
    assert image.size().toTuple() == (64, 48)
    assert original.size().toTuple() == (64, 48)
    assert recording.asked == []
