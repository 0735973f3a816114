"""The PDF report's body-map page, on the demo's mole-mapping patient: the front and back
diagrams with each placed lesion as a numbered dot in its status colour, a legend, and a
table of the lesions (site, status, largest diameter over visits, biopsy and excision with
histology), in English and German. A patient without placed lesions gets no such page."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from reportlab.graphics.shapes import Circle

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.body_outlines import BodyOutline
from pixiodoc_desktop.clinic.records.lesions import LesionSummary, MapPosition, MapView
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.demo.clinic import DEMO_LOGIN, DEMO_PASSWORD, build_demo_vault
from pixiodoc_desktop.exports.pdf_report import export_pdf
from pixiodoc_desktop.exports.report_body_map import body_map_drawings
from pixiodoc_desktop.exports.report_locale import ENGLISH, ReportLocale
from pixiodoc_desktop.vault.vault import Vault
from tests.exports.exports_support import pdf_pages_as_png, pdf_text

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (Debian poppler-utils) missing"
)
GERMAN = ReportLocale(language="de")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-moles") / "vault"
    build_demo_vault(folder, families=("Ahmadi", "Müller"), visits=3, size=(480, 360))
    return folder


@pytest.mark.parametrize(("language", "say"), [("en", ENGLISH), ("de", GERMAN)])
def test_the_report_ends_with_the_body_map_and_the_lesions_table(
    demo: Path, tmp_path: Path, language: str, say: ReportLocale
) -> None:
    ws, actor = log_in(Vault.open(demo), DEMO_LOGIN, DEMO_PASSWORD)
    try:
        patients = {p.family_name: p for p in Patients(ws).search(actor, "")}
        out = export_pdf(ws, actor, patients["Ahmadi"].id, tmp_path / "ahmadi.pdf", say=say)
        plain = export_pdf(ws, actor, patients["Müller"].id, tmp_path / "mueller.pdf", say=say)
    finally:
        lock(ws, actor)
    text = pdf_text(out)
    words = {
        "en": ("Body map", "Front", "Back", "Grown", "Excised", "Excision", "Largest diameter"),
        "de": (
            "Körperkarte",
            "Vorderseite",
            "Rückseite",
            "gewachsen",
            "exzidiert",
            "Exzision",
            "Größter Durchmesser",
        ),
    }[language]
    for word in words:
        assert word in text, word
    # The demo's own texts (clinical data) are in English here; the report's words follow `say`.
    assert text.count("Naevus") >= 20  # every lesion listed
    assert "completely excised" in text
    assert re.search(r"\(\+1[.,]\d mm\)", text)  # the grown one, measured
    assert ("Body map" if language == "en" else "Körperkarte") not in pdf_text(plain)

    folder = Path(os.environ.get("PIXIODOC_SHOT_DIR") or tmp_path)
    pages = pdf_pages_as_png(out, tmp_path / "page", dpi=70)
    # The map's page: the dots are there in their colours, red (grown), grey (excised),
    # blue (new) and green (stable).
    targets = {
        "grown": (0xD6, 0x28, 0x28),
        "excised": (0x6B, 0x6B, 0x6B),
        "new": (0x1E, 0x6F, 0xD9),
        "stable": (0x2A, 0x9D, 0x4B),
    }
    best: dict[str, int] = {}
    for page in pages:
        pixels = np.asarray(Image.open(page).convert("RGB"), np.int32)
        found = {
            name: int((np.abs(pixels - np.array(rgb)).sum(axis=2) < 30).sum())
            for name, rgb in targets.items()
        }
        if found["stable"] > best.get("stable", -1):
            best = found
            Image.open(page).save(folder / f"report-body-map-{language}.png")
    # More than the legend's small dots: a marker of each colour (12 px across at 70 dpi).
    assert all(count > 60 for count in best.values()), best


def test_the_sides_and_close_ups_get_their_rows_only_when_a_lesion_is_placed_there() -> None:
    def lesion(n: int, site: str, view: MapView) -> LesionSummary:
        return LesionSummary(
            f"l{n}", "p", f"2.25.{n}", site, f"Naevus {n}", "", position=MapPosition(view, 0.5, 0.5)
        )

    front = [lesion(1, "chest", MapView.FRONT)]
    assert len(body_map_drawings(front, ENGLISH, 500.0)) == 1
    more = [*front, lesion(2, "flank-left", MapView.LEFT), lesion(3, "palm-left", MapView.HANDS)]
    rows = body_map_drawings(more, ENGLISH, 500.0, outline=BodyOutline.CHILD)
    assert len(rows) == 3  # front and back; both sides; the hands alone
    dots = [sum(isinstance(s, Circle) for s in row.contents) for row in rows]
    assert dots == [1, 1, 1]
