"""A pairing: one phone, one workstation, one patient, for a limited time.

The QR code carries a single-use code (in the path) and an AES-256 key (in the
URL fragment, which browsers never send). The first phone that presents the
code receives a session token; any later phone is refused. An unscanned code
expires after two minutes; a paired phone that sends nothing for ten minutes,
or any pairing after sixty, ends. The clock is injectable so that tests move
time instead of waiting for it.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pixiodoc_desktop.errors import PairingRefused

CODE_LIFETIME = 120.0  # seconds an unscanned code stays valid
IDLE_LIMIT = 600.0  # seconds without a photo before a paired phone is let go
LONGEST = 3600.0  # seconds any pairing lasts at most


class PairingState(StrEnum):
    WAITING = "waiting"  # code shown, not scanned yet
    PAIRED = "paired"
    ENDED = "ended"


class EndReason(StrEnum):
    """Why a pairing ended; the phone page shows each in the phone's language."""

    ENDED = "ended"  # the clinician pressed End (or the command was stopped)
    EXPIRED = "expired"  # the code was not scanned in time
    IDLE = "idle"
    TIME_LIMIT = "time-limit"
    LOCKED = "locked"  # the workstation was locked
    PATIENT_CHANGED = "patient-changed"  # another patient was opened


@dataclass(frozen=True, slots=True)
class PairingTarget:
    """Where the phone's photos go; the phone may change site, lesion and modality."""

    patient_id: str
    visit_id: str | None = None
    body_site: str | None = None
    lesion_id: str | None = None
    modality: str = "overview"
    show_full_name: bool = False


@dataclass(frozen=True, slots=True)
class PhoneInfo:
    """The paired phone as its browser describes itself (no identifiers kept)."""

    browser: str
    system: str

    @property
    def label(self) -> str:
        return f"{self.browser} · {self.system}"


def describe_phone(user_agent: str) -> PhoneInfo:
    """Browser and OS names and major versions from a User-Agent header."""
    ua = user_agent[:512]
    browser = "Browser"
    for marker, name in (
        ("EdgA/", "Edge"),
        ("Edg/", "Edge"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("CriOS/", "Chrome"),
        ("FxiOS/", "Firefox"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
    ):
        if marker in ua:
            version = ua.split(marker, 1)[1].split(" ", 1)[0].split(".", 1)[0]
            browser = f"{name} {version}" if version.isdigit() else name
            break
    system = "unknown system"
    if "iPhone" in ua or "iPad" in ua:
        part = ua.split(" OS ", 1)[1].split(" ", 1)[0] if " OS " in ua else ""
        major = part.split("_", 1)[0]
        system = f"iOS {major}" if major.isdigit() else "iOS"
    elif "Android" in ua:
        part = ua.split("Android", 1)[1].lstrip(" ").split(";", 1)[0].split(")", 1)[0]
        major = part.split(".", 1)[0]
        system = f"Android {major}" if major.isdigit() else "Android"
    elif "Windows" in ua:
        system = "Windows"
    elif "Mac OS X" in ua:
        system = "macOS"
    elif "Linux" in ua:
        system = "Linux"
    return PhoneInfo(browser, system)


class Pairing:
    """The state of one pairing; safe to use from the server's threads."""

    def __init__(
        self,
        target: PairingTarget,
        *,
        clock: Callable[[], float] = time.monotonic,
        code_lifetime: float = CODE_LIFETIME,
        idle_limit: float = IDLE_LIMIT,
        longest: float = LONGEST,
    ) -> None:
        self.id = str(uuid.uuid4())
        self.target = target
        self.code = secrets.token_urlsafe(18)
        self.key = secrets.token_bytes(32)
        self._clock = clock
        self._code_lifetime = code_lifetime
        self._idle_limit = idle_limit
        self._longest = longest
        self._opened = clock()
        self._opened_wall = dt.datetime.now(dt.UTC)
        self._last_activity = self._opened
        self._token: str | None = None
        self._phone: PhoneInfo | None = None
        self._ended: EndReason | None = None
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)

    # --- what it is now ---------------------------------------------------------------

    @property
    def state(self) -> PairingState:
        with self._lock:
            self._expire_locked()
            if self._ended is not None:
                return PairingState.ENDED
            return PairingState.WAITING if self._token is None else PairingState.PAIRED

    @property
    def end_reason(self) -> EndReason | None:
        with self._lock:
            self._expire_locked()
            return self._ended

    @property
    def phone(self) -> PhoneInfo | None:
        return self._phone

    def code_expires_at(self) -> dt.datetime:
        """Wall-clock time (UTC) at which the unscanned code stops working."""
        return self._opened_wall + dt.timedelta(seconds=self._code_lifetime)

    def seconds_left(self) -> float:
        """Until the next deadline (code, idle or longest); 0 once ended."""
        with self._lock:
            self._expire_locked()
            if self._ended is not None:
                return 0.0
            return max(0.0, min(self._deadlines()) - self._clock())

    def _deadlines(self) -> list[float]:
        if self._token is None:
            return [self._opened + self._code_lifetime]
        return [self._last_activity + self._idle_limit, self._opened + self._longest]

    def _expire_locked(self) -> None:
        if self._ended is not None:
            return
        now = self._clock()
        if self._token is None and now >= self._opened + self._code_lifetime:
            self._end_locked(EndReason.EXPIRED)
        elif self._token is not None and now >= self._opened + self._longest:
            self._end_locked(EndReason.TIME_LIMIT)
        elif self._token is not None and now >= self._last_activity + self._idle_limit:
            self._end_locked(EndReason.IDLE)

    def _end_locked(self, reason: EndReason) -> None:
        self._ended = reason
        self._changed.notify_all()

    # --- what happens to it -----------------------------------------------------------

    def claim(self, code: str, user_agent: str) -> str:
        """The phone that scanned the code; returns its session token (once only)."""
        with self._lock:
            self._expire_locked()
            if not hmac.compare_digest(code.encode(), self.code.encode()):
                raise PairingRefused(
                    "This pairing code is not known; scan the code shown at the workstation",
                    reason="unknown",
                    status=404,
                )
            self._refuse_if_ended()
            if self._token is not None:
                raise PairingRefused(
                    "This pairing code was already used by another phone; "
                    "open a new pairing at the workstation",
                    reason="used",
                    status=409,
                )
            self._token = secrets.token_urlsafe(32)
            self._phone = describe_phone(user_agent)
            self._last_activity = self._clock()
            self._changed.notify_all()
            return self._token

    def check(self, token: str | None) -> None:
        """Refuse a request without this pairing's token, or after the pairing ended."""
        with self._lock:
            self._expire_locked()
            if not token:
                raise PairingRefused(
                    "The request carries no pairing token", reason="no-token", status=401
                )
            if self._token is None or not hmac.compare_digest(token.encode(), self._token.encode()):
                raise PairingRefused(
                    "The pairing token is not known; scan the code shown at the workstation",
                    reason="unknown",
                    status=403,
                )
            self._refuse_if_ended()

    def check_open(self) -> None:
        """Refuse once the pairing has ended (the relay's phone carries no token)."""
        with self._lock:
            self._expire_locked()
            self._refuse_if_ended()

    def _refuse_if_ended(self) -> None:
        if self._ended is None:
            return
        if self._ended is EndReason.EXPIRED:
            message = "This pairing code has expired; open a new pairing at the workstation"
        else:
            message = "The workstation has ended this pairing"
        raise PairingRefused(message, reason=str(self._ended), status=410)

    def touch(self) -> None:
        """A photo arrived: the idle time starts again."""
        with self._lock:
            self._expire_locked()
            if self._ended is None:
                self._last_activity = self._clock()

    def end(self, reason: EndReason = EndReason.ENDED) -> None:
        with self._lock:
            self._expire_locked()
            if self._ended is None:
                self._end_locked(reason)

    def wait_changed(self, timeout: float) -> None:
        """Block until claimed or ended, or `timeout` seconds (a watchdog's sleep)."""
        with self._lock:
            self._changed.wait(timeout)
