"""Body sites in the link viewer's languages, without Qt.

The workstation translates body sites through Qt (gui/labels.py and the .ts);
the viewer page is Qt-free and picks its language in the browser, so the
package carries each site in English and German. web/body_sites_de.json holds
the German names as the workstation shows them; a test keeps it in step with
the translation file. (The phone page's words, phone/words.py, read the same file.)
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES


@cache
def _german() -> dict[str, str]:
    text = resources.files("pixiodoc_desktop.web").joinpath("body_sites_de.json").read_text("utf-8")
    return dict(json.loads(text))


def site_labels(code: str | None) -> dict[str, str]:
    """{"en": ..., "de": ...} for a body-site code; empty names when none is recorded."""
    site = BODY_SITES.get(code or "")
    if site is None:
        return {"en": "", "de": ""}
    return {"en": site.label, "de": _german().get(site.code, site.label)}
