"""The phone page's German body sites and modalities are the workstation's own translations."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.phone.words import modality_names, site_names

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "pixiodoc_de.ts"


def _german(context: str) -> dict[str, str]:
    root = ET.parse(TS).getroot()  # noqa: S314 (our own file)
    found: dict[str, str] = {}
    for ctx in root.iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                found[message.findtext("source") or ""] = message.findtext("translation") or ""
    return found


def test_every_body_site_and_modality_reads_on_the_phone_as_on_the_screen() -> None:
    sites = _german("BodySite")
    for code, site in BODY_SITES.items():
        stem = site.label.split(",")[0]
        german = sites[stem]
        if site.laterality:
            pattern = sites["%1, left"] if site.label.endswith("left") else sites["%1, right"]
            german = pattern.replace("%1", german)
        assert site_names(code) == {"en": site.label, "de": german}, code
    words = _german("Vocabulary")
    for modality in Modality:
        names = modality_names(modality)
        assert names["de"] == words[names["en"]], modality
    assert site_names("no-such-site") == {"en": "no-such-site", "de": "no-such-site"}
