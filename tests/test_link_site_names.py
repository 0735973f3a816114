"""The link viewer's German body sites (web/body_sites_de.json, read without Qt) are the
workstation's own: the ones its translation file gives (BodySite context)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES, LEFT, RIGHT
from pixiodoc_desktop.sharing.site_names import site_labels

ROOT = Path(__file__).resolve().parents[1]


def test_every_site_reads_in_german_as_the_workstation_shows_it() -> None:
    tree = ET.parse(ROOT / "resources" / "translations" / "pixiodoc_de.ts")  # noqa: S314 (ours)
    (context,) = [c for c in tree.getroot().iter("context") if c.findtext("name") == "BodySite"]
    german = {m.findtext("source"): m.findtext("translation") for m in context.iter("message")}
    expected = {}
    for code, site in BODY_SITES.items():
        stem = german[site.label.split(",")[0]] or ""
        side = {LEFT: "%1, left", RIGHT: "%1, right"}.get(site.laterality or "")
        expected[code] = (german[side] or "").replace("%1", stem) if side else stem
    shipped = json.loads((ROOT / "pixiodoc_desktop" / "web" / "body_sites_de.json").read_text())
    assert shipped == expected, "regenerate web/body_sites_de.json from the .ts (BodySite)"
    assert site_labels("forearm-left") == {"en": "Forearm, left", "de": "Unterarm, links"}
    assert site_labels(None) == {"en": "", "de": ""}
