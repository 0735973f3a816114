"""What the phone server answers, request by request (`PhoneRequests`).

Exactly these and nothing else (no listing, no files by name): the page at
/p/<code>, its four static files, and the API under /api/ (claim, state, ghost,
photo). Every answer carries the security headers below; the log names routes
and statuses, never a path, a code or a name.
"""

from __future__ import annotations

import base64
import json
import logging
from http.server import BaseHTTPRequestHandler
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from pixiodoc_desktop.errors import PairingRefused, PhoneError, PixioDocError, UploadRefused

if TYPE_CHECKING:
    from pixiodoc_desktop.phone.server import Listener

log = logging.getLogger(__name__)

DRAIN = 8 * 1024 * 1024  # bytes of a refused upload read anyway (the page checks size first)
_STATIC = {
    "/static/phone.js": ("phone.js", "text/javascript; charset=utf-8"),
    "/static/aesgcm.js": ("aesgcm.js", "text/javascript; charset=utf-8"),
    "/static/phone-transport.js": ("phone-transport.js", "text/javascript; charset=utf-8"),
    "/static/phone.css": ("phone.css", "text/css; charset=utf-8"),
}
_SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' blob:; media-src 'self' blob:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
}


def web_files() -> dict[str, bytes]:
    folder = resources.files("pixiodoc_desktop.web")
    names = ["phone.html", *(name for name, _ in _STATIC.values())]
    return {name: folder.joinpath(name).read_bytes() for name in names}


class PhoneRequests(BaseHTTPRequestHandler):
    """One phone request: the page, its static files, or the API; nothing else."""

    server: Listener
    protocol_version = "HTTP/1.1"
    server_version = "PixioDoc"
    sys_version = ""
    timeout = 30.0

    def log_message(self, format: str, *args: Any) -> None:
        """The default logs the path, which holds the pairing code; we log nothing here."""

    # --- plumbing -------------------------------------------------------------------

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        *,
        close: bool = False,
    ) -> None:
        self.send_response(status)
        for name, value in _SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        log.debug("Phone server: %s %s -> %d", self.command, self._route(), status)

    def _json(self, status: int, data: dict[str, Any], *, close: bool = False) -> None:
        self._send(status, json.dumps(data).encode(), "application/json", close=close)

    def _refuse(self, exc: PairingRefused | UploadRefused, *, close: bool = False) -> None:
        if exc.status == 410:
            self.server.phone.told()  # the phone now knows it ended; the port may close
        self._json(exc.status, {"error": exc.reason, "message": exc.message}, close=close)

    def _route(self) -> str:
        path = urlsplit(self.path).path
        if path.startswith("/p/"):
            return "/p/…"
        return path if path in _STATIC or path.startswith("/api/") else "(other)"

    def _token(self) -> str | None:
        value = self.headers.get("Authorization", "")
        return value[7:].strip() or None if value.startswith("Bearer ") else None

    def _length(self) -> int | None:
        try:
            return int(self.headers.get("Content-Length", ""))
        except ValueError:
            return None

    def _read_body(self, length: int) -> bytes | None:
        """The whole body, or None when the phone's connection broke off."""
        chunks: list[bytes] = []
        left = length
        while left > 0:
            chunk = self.rfile.read(min(left, 1 << 20))
            if not chunk:
                self.close_connection = True
                return None
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def _drain(self) -> None:
        """Read and drop a refused request's body, up to DRAIN bytes (then the answer
        still goes out, and the connection is closed after it)."""
        left = min(self._length() or 0, DRAIN)
        while left > 0:
            chunk = self.rfile.read(min(left, 1 << 16))
            if not chunk:
                return
            left -= len(chunk)

    def _not_found(self) -> None:
        self._send(404, b"Not found", "text/plain; charset=utf-8")

    # --- the routes --------------------------------------------------------------------

    def do_GET(self) -> None:
        phone = self.server.phone
        parts = urlsplit(self.path)
        path = parts.path
        if path.startswith("/p/") and path.count("/") == 2:
            if path[3:] == phone.intake.pairing.code:
                self._send(200, phone.files["phone.html"], "text/html; charset=utf-8")
            else:
                self._send(
                    404,
                    phone.files["phone.html"],  # the page itself says "unknown code"
                    "text/html; charset=utf-8",
                )
            return
        if path in _STATIC:
            name, kind = _STATIC[path]
            self._send(200, phone.files[name], kind)
            return
        if path == "/api/state":
            self._state()
            return
        if path == "/api/ghost":
            self._ghost(parse_qs(parts.query))
            return
        self._not_found()

    def do_HEAD(self) -> None:
        self._not_found()

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        if path == "/api/claim":
            self._claim()
        elif path == "/api/photo":
            self._photo()
        else:
            self._send(404, b"Not found", "text/plain; charset=utf-8", close=True)

    def _method_not_allowed(self) -> None:
        self._send(405, b"Method not allowed", "text/plain; charset=utf-8", close=True)

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _method_not_allowed

    def _claim(self) -> None:
        phone = self.server.phone
        length = self._length()
        if length is None or length > 1024:
            self._send(400, b"Bad request", "text/plain; charset=utf-8", close=True)
            return
        body = self._read_body(length)
        if body is None:
            return
        try:
            code = str(json.loads(body).get("code", ""))
        except (ValueError, AttributeError):
            code = ""
        pairing = phone.intake.pairing
        try:
            token = pairing.claim(code, self.headers.get("User-Agent", ""))
        except PairingRefused as exc:
            self._refuse(exc)
            return
        try:
            info = phone.intake.sealed_info()
        except PhoneError as exc:
            self._json(500, {"error": "refused", "message": exc.message})
            return
        phone.claimed()
        self._json(200, {"token": token, "info": base64.b64encode(info).decode()})

    def _state(self) -> None:
        phone = self.server.phone
        try:
            phone.intake.pairing.check(self._token())
        except PairingRefused as exc:
            self._refuse(exc)
            return
        self._json(200, {"state": "paired", "photos": len(phone.intake.arrivals)})

    def _ghost(self, query: dict[str, list[str]]) -> None:
        phone = self.server.phone
        try:
            phone.intake.pairing.check(self._token())
        except PairingRefused as exc:
            self._refuse(exc)
            return
        site = (query.get("site") or [""])[0][:64] or None
        lesion = (query.get("lesion") or [""])[0][:64] or None
        sealed = phone.intake.sealed_ghost(site, lesion)
        if sealed is None:
            self._send(204, b"", "application/octet-stream")
        else:
            self._send(200, sealed, "application/octet-stream")

    def _photo(self) -> None:
        phone = self.server.phone
        intake = phone.intake
        upload_id = self.headers.get("X-Upload-Id")
        try:
            intake.pairing.check(self._token())
            intake.admit(upload_id, self._length())
        except (PairingRefused, UploadRefused) as exc:
            self._drain()  # so that the phone reads the answer instead of a reset
            self._refuse(exc, close=True)
            return
        assert upload_id is not None
        length = self._length()
        assert length is not None
        body = self._read_body(length)
        if body is None:
            return  # cut off mid-upload: nothing stored, the page sends it again
        phone.observe(body)
        try:
            intake.pairing.check(self._token())  # not ended while the body was on its way
            arrival = intake.take(upload_id, body)
        except (PairingRefused, UploadRefused) as exc:
            self._refuse(exc)
            return
        except PixioDocError as exc:
            # The vault could not take it now (locked, disk full, busy): nothing was
            # committed, the page keeps the photo and sends it again.
            log.warning("Phone server: a photo could not be saved (%s)", type(exc).__name__)
            self._json(503, {"error": "unavailable", "message": exc.message})
            return
        self._json(200, {"photo": arrival.photo_id, "state": "committed"})
