"""The phone page as one self-contained object for the clinic's bucket (no server to ask).

The same page the workstation serves (web/phone.html, phone.css, aesgcm.js,
phone-transport.js, phone.js), with its files inlined and the relay's two
presigned URLs as JSON; a Content-Security-Policy lets it talk to the bucket's
origin only. Nothing in it names the patient: that arrives sealed.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

_EXPORT = re.compile(r"^export (?=(async )?function|const)", re.MULTILINE)
_IMPORT = re.compile(r'^import \{[^}]*\} from "\./[\w-]+\.js";\n', re.MULTILINE)
_STYLE_LINK = '<link rel="stylesheet" href="/static/phone.css">'
_SCRIPT_TAG = '<script type="module" src="/static/phone.js"></script>'


def _web(name: str) -> str:
    return resources.files("pixiodoc_desktop.web").joinpath(name).read_text(encoding="utf-8")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def relay_page(config: dict[str, Any], bucket_origin: str) -> bytes:
    """The page for a relay whose state and message slot are `config`'s presigned URLs."""
    script = "\n".join(
        _IMPORT.sub("", _EXPORT.sub("", _web(name)))
        for name in ("aesgcm.js", "phone-transport.js", "phone.js")
    )
    policy = (
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        f"connect-src {bucket_origin}; img-src blob:; media-src blob:; base-uri 'none'; "
        "form-action 'none'"
    )
    settings = json.dumps(config).replace("<", "\\u003c")
    page = _web("phone.html")
    for needle in (_STYLE_LINK, _SCRIPT_TAG):
        if needle not in page:
            raise RuntimeError(f"web/phone.html lost {needle!r}; the relay page cannot be made")
    page = page.replace(
        '<meta name="referrer" content="no-referrer">',
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
    )
    page = page.replace(_STYLE_LINK, f"<style>{_web('phone.css')}</style>")
    page = page.replace(
        _SCRIPT_TAG,
        f'<script type="application/json" id="relay-config">{settings}</script>\n'
        f'<script type="module">{script}</script>',
    )
    return page.encode("utf-8")
