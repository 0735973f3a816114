"""The HTTPS server a paired phone talks to; it exists only while a pairing is open.

It answers exactly the requests `routes.PhoneRequests` knows (the page at
/p/<code>, its four static files, and the API under /api/: claim, state,
ghost, photo) and nothing else. When the pairing ends it keeps answering
"ended" for a few seconds so that the phone can say why, then closes the
socket. Its log names routes and statuses, never a path, a code or a name.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import socket
import threading
import time
from http.server import ThreadingHTTPServer
from typing import Any

from pixiodoc_desktop.config import DEFAULT_PHONE_PORT
from pixiodoc_desktop.errors import PhoneServerUnavailable
from pixiodoc_desktop.phone.intake import PhoneIntake
from pixiodoc_desktop.phone.pairing import EndReason, PairingState
from pixiodoc_desktop.phone.routes import PhoneRequests, web_files
from pixiodoc_desktop.phone.tls import Certificate

log = logging.getLogger(__name__)

DEFAULT_PORT = DEFAULT_PHONE_PORT  # settings: phone_port
FAREWELL = 10.0  # seconds an ended pairing still answers "ended" to a phone not yet told


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


class Listener(ThreadingHTTPServer):
    daemon_threads = False  # server_close joins them: nothing outlives the pairing
    request_queue_size = 16

    def __init__(self, address: tuple[str, int], phone: PhoneServer) -> None:
        self.phone = phone
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, PhoneRequests)

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
        self.files = web_files()
        self._certificate = certificate
        self._bind = bind
        self._port = port
        self.farewell = farewell
        self._listener: Listener | None = None
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
            listener = Listener((self._bind, self._port), self)
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
