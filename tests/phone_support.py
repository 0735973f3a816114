"""Chromium (Debian's, driven by Selenium) as a phone, a fake camera, and a proxy that cuts.

A module of its own, not conftest, so that test files in any folder (tests/phone,
tests/gui) can import it by name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from pixiodoc_desktop.demo.photos import render_photo, scene_for

if TYPE_CHECKING:
    from pixiodoc_desktop.phone.server import PhoneServer

FAMILY, GIVEN = "Kowalczyk", "Marianne"  # the test patient of tests/phone
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PHONE_SIZE = (412, 915)  # a common Android phone's viewport, in CSS pixels


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


PhoneServers = Callable[..., "PhoneServer"]
"""`open_pairing(target, farewell=None)` (a tests/phone conftest fixture) starts a pairing."""


def write_fake_camera(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    """A short Y4M clip of synthetic skin: Chromium's fake camera plays it in a loop."""
    width, height = size
    frames = []
    for shift in range(3):
        pixels = render_photo(scene_for(11, "naevus"), 0, 1, size=size)
        frames.append(np.roll(pixels, shift * 4, axis=1))
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for frame in frames:
            out.write(b"FRAME\n")
            out.write(cv2.cvtColor(frame, cv2.COLOR_BGR2YUV_I420).tobytes())
    return path


@contextmanager
def chromium_phone(
    fake_camera: Path, *, size: tuple[int, int] = PHONE_SIZE, language: str = "en-GB"
) -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a fake rear camera that accepts our self-signed certificate."""
    profile = tempfile.mkdtemp(prefix="pixiodoc-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={fake_camera}",
        "--ignore-certificate-errors",
        f"--window-size={size[0]},{size[1]}",
        f"--lang={language}",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    # A phone's viewport (headless windows are at least 500 px wide); the browser's
    # own user agent stays, so the audit names what really connected.
    options.add_experimental_option(
        "mobileEmulation",
        {"deviceMetrics": {"width": size[0], "height": size[1], "pixelRatio": 1.0}},
    )
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


class CuttingProxy:
    """A TCP relay in front of the phone server that breaks big uploads on purpose.

    The first connection that carries more than `threshold` bytes towards the
    server is cut after that many (the upload breaks off mid-body). The next
    such connection delivers the whole request, but the server's answer is
    thrown away and the connection closed (the photo is committed, the phone
    never hears so). Everything else passes through. TLS is end to end: the
    proxy sees only ciphertext.
    """

    def __init__(self, target_port: int, threshold: int = 64 * 1024, answer_after: int = 0) -> None:
        """`answer_after`: on the connection whose answer is swallowed, only what the
        server sends once that many bytes have gone up is the answer. Over TLS 1.3 the
        server's session tickets come down right after the handshake, and on a busy
        machine only once the upload has passed `threshold`: swallowing them (and
        closing) cut that upload short instead of losing the answer to a whole one."""
        self.target_port = target_port
        self.threshold = threshold
        self.answer_after = answer_after
        self.cuts: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._stopping = False
        accept = threading.Thread(target=self._accept, name="cutting-proxy")
        accept.start()
        self._threads.append(accept)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            with self._lock:
                if self._stopping:
                    client.close()
                    server.close()
                    return
                self._sockets += [client, server]
                connection = {"up": 0, "mode": "pass", "swallow": False}
                for args in (
                    (client, server, connection, True),
                    (server, client, connection, False),
                ):
                    thread = threading.Thread(
                        target=self._pump, args=args, name="cutting-proxy-pump"
                    )
                    thread.start()
                    self._threads.append(thread)

    def _decide(self, connection: dict[str, object], upward: bool, size: int) -> str:
        """'pass', 'cut' (close now) or 'drop' (swallow the server's answer and close)."""
        with self._lock:
            if upward:
                connection["up"] = int(str(connection["up"])) + size
                if int(str(connection["up"])) > self.threshold and connection["mode"] == "pass":
                    if "mid-body" not in self.cuts:
                        self.cuts.append("mid-body")
                        connection["mode"] = "cut"
                    elif "answer" not in self.cuts:
                        self.cuts.append("answer")
                        connection["mode"] = "drop"
                return "cut" if connection["mode"] == "cut" else "pass"
            answered = int(str(connection["up"])) >= self.answer_after
            return "drop" if connection["mode"] == "drop" and answered else "pass"

    def _pump(
        self,
        source: socket.socket,
        sink: socket.socket,
        connection: dict[str, object],
        upward: bool,
    ) -> None:
        try:
            while True:
                data = source.recv(16384)
                if not data:
                    break
                action = self._decide(connection, upward, len(data))
                if action == "pass":
                    sink.sendall(data)
                else:
                    if action == "cut":
                        sink.sendall(data[: max(0, len(data) // 2)])
                    break
        except OSError:
            pass
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        with self._lock:
            self._stopping = True
            sockets = list(self._sockets)
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self._listener.close()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(timeout=5)
        for sock in sockets:
            sock.close()


class PhoneClient:
    """The page's protocol spoken from Python over verified HTTPS (for refusal tests)."""

    def __init__(self, base: str, cafile: Path | None, user_agent: str = "") -> None:
        import ssl

        self.base = base
        self.context = ssl.create_default_context(cafile=str(cafile)) if cafile else None
        if self.context is None:
            self.context = ssl._create_unverified_context()  # noqa: S323 (an IT certificate test)
        self.user_agent = user_agent or (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
        )
        self.token: str | None = None

    def request(
        self,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        method: str | None = None,
    ) -> tuple[int, bytes]:
        import urllib.error
        import urllib.request

        sent = {"User-Agent": self.user_agent, **(headers or {})}
        if self.token and "Authorization" not in sent:
            sent["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.base + path, data=body, headers=sent, method=method)  # noqa: S310 (https only)
        try:
            with urllib.request.urlopen(request, context=self.context, timeout=30) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def claim(self, code: str) -> tuple[int, dict[str, object]]:
        import json

        status, body = self.request(
            "/api/claim", json.dumps({"code": code}).encode(), {"Content-Type": "application/json"}
        )
        data = json.loads(body)
        if status == 200:
            self.token = str(data["token"])
        return status, data

    def upload(
        self, key: bytes, image: bytes, meta: dict[str, object] | None = None
    ) -> tuple[int, dict[str, object]]:
        import json
        import uuid

        from pixiodoc_desktop.phone.sealing import seal_photo

        upload_id = str(uuid.uuid4())
        sealed = seal_photo(key, upload_id, meta or {"name": "IMG_0001.JPG"}, image)
        status, body = self.request(
            "/api/photo",
            sealed,
            {"X-Upload-Id": upload_id, "Content-Type": "application/octet-stream"},
        )
        return status, json.loads(body)


def clinic_it_certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A certificate and its key as clinic IT hands them over: PEM files `name`.crt and
    `name`.key in `folder`, self-signed for pc-raum3.praxis.local, valid for 127.0.0.1."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pc-raum3.praxis.local")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / f"{name}.crt", folder / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file
