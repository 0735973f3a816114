"""The viewer page as one self-contained HTML object (the bucket serves single objects).

web/link.html gets web/link.css, web/aesgcm.js (the envelope the phone page
uses too) and web/link.js inlined, and the link's plain settings (where the
encrypted index is, when the link expires, how a passcode is checked) as JSON.
Nothing in it names the patient: that is all inside the encrypted index.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

_EXPORT = re.compile(r"^export (?=(async )?function|const)", re.MULTILINE)


def _web(name: str) -> str:
    return resources.files("pixiodoc_desktop.web").joinpath(name).read_text(encoding="utf-8")


def viewer_page(config: dict[str, Any]) -> bytes:
    """The page for `config` (state "live", "revoked" or "expired")."""
    script = _EXPORT.sub("", _web("aesgcm.js")) + "\n" + _web("link.js")
    settings = json.dumps(config).replace("<", "\\u003c")
    page = (
        _web("link.html")
        .replace("/*STYLE*/", _web("link.css"))
        .replace("/*CONFIG*/", settings)
        .replace("/*SCRIPT*/", script)
    )
    return page.encode("utf-8")
