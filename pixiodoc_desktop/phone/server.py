"""The HTTPS server a paired phone talks to; it exists only while a pairing is open.

It answers exactly these requests and nothing else (no listing, no files by
name): the page at /p/<code>, its four static files, and the API under
/api/ (claim, state, ghost, photo). When the pairing ends it keeps answering
"ended" for a few seconds so that the phone can say why, then closes the
socket. Its log names routes and statuses, never a path, a code or a name.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pixiodoc_desktop.config import DEFAULT_PHONE_PORT
from pixiodoc_desktop.errors import (
    PairingRefused,
    PhoneError,
    PhoneServerUnavailable,
    PixioDocError,
    UploadRefused,
)
from pixiodoc_desktop.phone.intake import PhoneIntake
from pixiodoc_desktop.phone.pairing import EndReason, PairingState
from pixiodoc_desktop.phone.tls import Certificate

log = logging.getLogger(__name__)

DEFAULT_PORT = DEFAULT_PHONE_PORT  # settings: phone_port
FAREWELL = 10.0
DRAIN = (
    8 * 1024 * 1024
)  # bytes of a refused upload read anyway (the page checks size first)  # seconds an ended pairing still answers "ended" to a phone not yet told
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


def lan_address() -> str:
    """This workstation's address on the clinic network (no packet is sent to find it)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routing only, nothing leaves
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def _web_files() -> dict[str, bytes]:
    folder = resources.files("pixiodoc_desktop.web")
    names = ["phone.html", *(name for name, _ in _STATIC.values())]
    return {name: folder.joinpath(name).read_bytes() for name in names}


class _Listener(ThreadingHTTPServer):
    daemon_threads = False  # server_close joins them: nothing outlives the pairing
    request_queue_size = 16

    def __init__(self, address: tuple[str, int], phone: PhoneServer) -> None:
        self.phone = phone
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def cut_connections(self) -> None:
        """Wake the threads that wait on a phone's kept-alive connection."""
        with self.connections_lock:
            for connection in self.connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A phone that went away mid-request, or a client that does not speak TLS:
        # nothing to do, and no traceback (it could quote request data) on stderr.
        log.debug("Phone server: a connection failed")


class _Handler(BaseHTTPRequestHandler):
    server: _Listener
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


class PhoneServer:
    """Serves one pairing over HTTPS until it ends; then the port is closed again."""

    route = "lan"

    def __init__(
        self,
        intake: PhoneIntake,
        certificate: Certificate,
        *,
        address: str,
        port: int = DEFAULT_PORT,
        bind: str = "",
        farewell: float = FAREWELL,
    ) -> None:
        self.intake = intake
        self.address = address
        self.files = _web_files()
        self._certificate = certificate
        self._bind = bind
        self._port = port
        self.farewell = farewell
        self._listener: _Listener | None = None
        self._threads: list[threading.Thread] = []
        self._told = threading.Event()
        self._closed = threading.Event()
        self._stop = threading.Event()
        self.bodies_seen = 0  # how many photo bodies arrived (for tests and the benchmark)
        self._observers: list[Any] = []

    # --- life ----------------------------------------------------------------------

    def start(self) -> None:
        context = self._certificate.server_context()
        try:
            listener = _Listener((self._bind, self._port), self)
        except OSError as exc:
            raise PhoneServerUnavailable(
                f"The phone server cannot listen on port {self._port}: {exc.strerror or exc}"
            ) from None
        listener.socket = context.wrap_socket(
            listener.socket, server_side=True, do_handshake_on_connect=False
        )
        self._listener = listener
        self._port = listener.server_address[1]
        serve = threading.Thread(
            target=listener.serve_forever, kwargs={"poll_interval": 0.2}, name="phone-server"
        )
        watch = threading.Thread(target=self._watch, name="phone-pairing-watch")
        self._threads = [serve, watch]
        for thread in self._threads:
            thread.start()
        log.info("Phone server listening on port %d", self._port)

    @property
    def port(self) -> int:
        return self._port

    @property
    def where(self) -> str:
        """What the pairing screen shows as the route's address."""
        return f"https://{self.address}:{self._port}"

    @property
    def url(self) -> str:
        """What the QR code holds: the page with its code; the key only in the fragment."""
        key = base64.urlsafe_b64encode(self.intake.pairing.key).rstrip(b"=").decode()
        return f"https://{self.address}:{self._port}/p/{self.intake.pairing.code}#k={key}"

    def _watch(self) -> None:
        pairing = self.intake.pairing
        while not self._stop.is_set() and pairing.state is not PairingState.ENDED:
            pairing.wait_changed(min(0.5, max(0.01, pairing.seconds_left())))
        # Let the phone learn why (its next status poll), then stop listening. With no
        # phone paired only a late scan of an expired code is worth an answer.
        nobody = pairing.phone is None and pairing.end_reason is not EndReason.EXPIRED
        if not self._stop.is_set() and not nobody:
            deadline = time.monotonic() + self.farewell
            while not self._stop.is_set() and not self._told.is_set():
                if time.monotonic() >= deadline:
                    break
                self._told.wait(0.1)
        self._shutdown()

    def _shutdown(self) -> None:
        listener = self._listener
        if listener is not None and not self._closed.is_set():
            listener.shutdown()
            listener.cut_connections()
            listener.server_close()
            self._closed.set()
            log.info("Phone server closed (%s)", self.intake.pairing.end_reason)

    def claimed(self) -> None:
        log.info("Phone paired")

    def told(self) -> None:
        self._told.set()

    def observe(self, body: bytes) -> None:
        """A photo body as received; observers see it (tests check that it is ciphertext)."""
        self.bodies_seen += 1
        for observer in self._observers:
            observer(body)

    def add_observer(self, observer: Any) -> None:
        self._observers.append(observer)

    def wait(self, timeout: float | None = None) -> bool:
        """Until the server has closed (pairing ended and the phone told); True if closed."""
        return self._closed.wait(timeout)

    def close(self) -> None:
        """End at once (the command stopped, a test is done); joins the server's threads."""
        self._stop.set()
        self.intake.pairing.end()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join()
        self._shutdown()
