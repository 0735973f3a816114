"""What a colleague's browser does with a secure link, through its presigned URLs alone
(for tests of the workstation's side; the page itself is driven in Chromium elsewhere)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from pixiodoc_desktop.sharing import envelope


def page_config(page: str) -> dict[str, Any]:
    start = page.index('id="link-config">') + len('id="link-config">')
    return dict(json.loads(page[start : page.index("</script>", start)]))


def opened_index(url: str) -> dict[str, Any]:
    """The link's decrypted index (the record the viewer shows, with its reply slot)."""
    page_url, fragment = url.split("#k=")
    config = page_config(urllib.request.urlopen(page_url).read().decode())  # noqa: S310
    sealed = urllib.request.urlopen(str(config["index"])).read()  # noqa: S310 (loopback)
    key = envelope.from_b64url(fragment)
    plain = envelope.unseal(key, sealed, envelope.INDEX_AAD + str(config["index_name"]))
    assert plain is not None, "the index did not open"
    return dict(json.loads(plain))


def send_reply(url: str, reply: dict[str, Any]) -> None:
    """Seal `reply` to the clinic as the page does and PUT it into the link's reply slot."""
    slot = opened_index(url)["reply"]
    clinic_key = X25519PublicKey.from_public_bytes(envelope.from_b64url(slot["clinic_key"]))
    body = json.dumps(reply).encode()
    put = urllib.request.Request(  # noqa: S310 (loopback)
        slot["url"], data=envelope.seal_reply(clinic_key, body, slot["aad"]), method="PUT"
    )
    assert urllib.request.urlopen(put).status == 200  # noqa: S310
