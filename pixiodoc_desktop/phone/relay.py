"""The bucket relay: capture with a phone that cannot reach the workstation.

On guest Wi-Fi, behind client isolation or on mobile data the phone cannot
open the workstation's own server, but it can reach the clinic's bucket over
the provider's HTTPS. So the pairing puts the phone page there (one object,
its presigned GET URL in the QR code, the key only in the fragment as ever)
and talks through objects under one unguessable folder:

    phone/<opened>-<random>/<page>      the page (no patient data in it)
    phone/<opened>-<random>/<state>     the workstation's state, sealed: which phone
                                        won the code, upload slots, what became of each
    phone/<opened>-<random>/<ghost>     last visit's photo for the ghost, sealed
    phone/<opened>-<random>/in/<ask>    the phone's message (who it is, which ghost), sealed
    phone/<opened>-<random>/in/<slot>   a photo, sealed under the slot's name

Upload slots are presigned PUT URLs that live a few minutes and are renewed
while unused. The workstation lists in/ about three times a second, takes each
photo through the same `PhoneIntake` as the LAN server (same checks, same
refusals, same audit), deletes it once committed or refused, and deletes
the whole folder when the pairing ends. A folder a crash left behind is
deleted by the next relay this clinic opens.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from pixiodoc_desktop.errors import (
    PairingRefused,
    PhoneError,
    PixioDocError,
    SyncError,
    UploadRefused,
)
from pixiodoc_desktop.phone.intake import PhoneIntake
from pixiodoc_desktop.phone.pairing import LONGEST, EndReason, PairingState
from pixiodoc_desktop.phone.relay_page import origin, relay_page
from pixiodoc_desktop.phone.sealing import seal, unseal
from pixiodoc_desktop.sync.store import NotFound, ObjectStore

log = logging.getLogger(__name__)

FOLDER = "phone"
STATE_AAD = "pixiodoc-phone/v1/relay-state"
ASK_AAD = "pixiodoc-phone/v1/relay-ask"
SLOTS_AHEAD = 4  # unused upload slots the phone holds at any time
SLOT_LIFETIME = 300  # seconds an upload URL works; renewed every RENEW seconds while unused
RENEW = 60.0
POLL = 0.3  # seconds between two looks into the bucket (a LIST each: ~12,000 an hour)
FAREWELL = 10.0  # seconds an ended pairing's state stays for the phone to read
STALE_AFTER = LONGEST + 3600  # a folder this old (seconds) was left by a crash
MAX_ASK = 4096


class BucketRelay:
    """One pairing through the clinic's bucket; the same face as `PhoneServer`."""

    route = "bucket"

    def __init__(
        self,
        intake: PhoneIntake,
        store: ObjectStore,
        *,
        poll: float = POLL,
        farewell: float = FAREWELL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.intake = intake
        intake.route = self.route
        self.store = store
        self.poll = poll
        self.farewell = farewell
        self._clock = clock
        self.folder = store.key(FOLDER, f"{int(clock())}-{secrets.token_hex(16)}")
        self._page = f"{self.folder}/{secrets.token_hex(16)}"
        self._state_key = f"{self.folder}/{secrets.token_hex(16)}"
        self._ask = f"{self.folder}/in/{secrets.token_hex(16)}"
        self._ghost: str | None = None
        self._ghost_for: dict[str, Any] | None = None
        self._slots: dict[str, str] = {}  # unused slot name -> its current PUT URL
        self._done: dict[str, dict[str, str]] = {}  # slot name -> photo id, or why not
        self._phone: str | None = None
        self._info = ""  # the sealed record info, made once when the phone pairs (audited)
        self._renewed = 0.0
        self._url = ""
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._closed = threading.Event()
        self._observers: list[Callable[[bytes], None]] = []
        self.bodies_seen = 0

    # --- life ----------------------------------------------------------------------

    def start(self) -> None:
        """Tidy what a crash left, put up the page and the state, then watch the bucket."""
        self._sweep_stale()
        pairing = self.intake.pairing
        lifetime = int(LONGEST) + 600
        config = {
            "state": self.store.presign(self._state_key, lifetime),
            "ask": self.store.presign(self._ask, lifetime, method="put"),
        }
        self._write_state()
        self.store.put(
            self._page,
            relay_page(config, origin(config["state"])),
            content_type="text/html; charset=utf-8",
        )
        page_lifetime = int(pairing.seconds_left()) + 60
        key = base64.urlsafe_b64encode(pairing.key).rstrip(b"=").decode()
        self._url = self.store.presign(self._page, page_lifetime) + "#k=" + key
        self._thread = threading.Thread(target=self._run, name="phone-relay")
        self._thread.start()
        log.info("Phone relay open in the clinic's bucket")

    @property
    def url(self) -> str:
        """What the QR code holds: the page's presigned URL; the key only in the fragment."""
        return self._url

    @property
    def where(self) -> str:
        return self.store.settings.where

    def wait(self, timeout: float | None = None) -> bool:
        return self._closed.wait(timeout)

    def close(self) -> None:
        """End at once and delete everything of this pairing from the bucket."""
        self._stop.set()
        self.intake.pairing.end()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        if not self._closed.is_set():
            self._remove_folder()
            self._closed.set()

    def add_observer(self, observer: Callable[[bytes], None]) -> None:
        self._observers.append(observer)

    # --- the watch -------------------------------------------------------------------

    def _run(self) -> None:
        pairing = self.intake.pairing
        try:
            while not self._stop.is_set() and pairing.state is not PairingState.ENDED:
                try:
                    if self._look():
                        self._write_state()
                except SyncError as exc:
                    # The bucket is out of reach for now: the phone retries from memory,
                    # and we look again; the pairing's own clock ends it if it lasts.
                    log.warning(
                        "Phone relay: the bucket cannot be reached (%s)", type(exc).__name__
                    )
                pairing.wait_changed(self.poll)
            if not self._stop.is_set():
                self._farewell()
        finally:
            if not self._stop.is_set():
                self._remove_folder()
                self._closed.set()
                log.info("Phone relay closed (%s)", pairing.end_reason)

    def _farewell(self) -> None:
        """Leave the ended state up until the paired phone says it read it (or a while)."""
        try:
            self._write_state()
        except SyncError:
            return
        if self._phone is None and self.intake.pairing.end_reason is not EndReason.EXPIRED:
            return  # nobody paired, and no late scan worth an answer
        deadline = time.monotonic() + self.farewell
        while not self._stop.wait(self.poll) and time.monotonic() < deadline:
            try:
                if self._told():
                    return
            except SyncError:
                return

    def _told(self) -> bool:
        """Whether the paired phone has said goodbye (it read why the pairing ended)."""
        size = self.store.size(self._ask)
        if size is None or size > MAX_ASK:
            return False
        message = self._open_ask()
        return (
            message is not None and message.get("phone") == self._phone and bool(message.get("bye"))
        )

    def _open_ask(self) -> dict[str, Any] | None:
        try:
            sealed = self.store.get(self._ask)
        except NotFound:
            return None
        self.store.delete(self._ask)
        try:
            message = json.loads(unseal(self.intake.pairing.key, sealed, ASK_AAD))
        except (UploadRefused, ValueError):
            message = None
        if not isinstance(message, dict) or "phone" not in message:
            log.info("Phone relay: a message that does not open was dropped")
            return None
        return message

    def _look(self) -> bool:
        """One look into in/; True when the state changed."""
        changed = False
        for key, size in list(self.store.objects(f"{self.folder}/in/")):
            name = key.rsplit("/", 1)[1]
            if key == self._ask:
                changed |= self._take_ask(size)
            elif name in self._slots:
                changed |= self._take_upload(key, name, size)
            else:
                self.store.delete(key)  # a slot already taken (a retry), or a stranger: unread
        if self.intake.pairing.state is PairingState.PAIRED:
            changed |= self._top_up_slots()
        return changed

    def _take_ask(self, size: int) -> bool:
        if size > MAX_ASK:
            self.store.delete(self._ask)
            return False
        message = self._open_ask()
        if message is None:
            return False
        phone, agent = str(message["phone"])[:64], str(message.get("ua", ""))[:512]
        pairing = self.intake.pairing
        if self._phone is None:
            try:
                pairing.claim(pairing.code, agent)
            except PairingRefused:
                return True  # expired in the meantime: the state says so
            self._phone = phone
            try:
                self._info = base64.b64encode(self.intake.sealed_info()).decode()
            except PhoneError:
                self._info = ""
            log.info("Phone paired (through the bucket)")
        if phone != self._phone:
            return False  # a second phone: its page reads that the code is taken
        wanted = {k: str(message.get(k) or "")[:64] for k in ("site", "lesion")}
        if wanted["site"] or wanted["lesion"]:
            self._put_ghost(wanted["site"] or None, wanted["lesion"] or None, message.get("n"))
        elif self._ghost_for is None:
            self._ghost_for = {"n": message.get("n"), "url": None}
        else:
            self._ghost_for = {**self._ghost_for, "n": message.get("n")}
        return True

    def _put_ghost(self, site: str | None, lesion: str | None, n: object) -> None:
        if self._ghost is not None:
            self.store.delete(self._ghost)
            self._ghost = None
        sealed = self.intake.sealed_ghost(site, lesion)
        url = None
        if sealed is not None:
            self._ghost = f"{self.folder}/{secrets.token_hex(16)}"
            self.store.put(self._ghost, sealed)
            url = self.store.presign(self._ghost, SLOT_LIFETIME)
        self._ghost_for = {"n": n, "url": url}

    def _take_upload(self, key: str, name: str, size: int) -> bool:
        intake = self.intake
        try:
            intake.admit(name, size)
        except UploadRefused as exc:
            if exc.reason == "too-many":
                return False  # left in the bucket: taken when the minute allows
            self._finish(key, name, {"error": exc.reason, "message": exc.message})
            return True
        try:
            sealed = self.store.get(key)
        except NotFound:
            return False
        self.bodies_seen += 1
        for observer in self._observers:
            observer(sealed)
        try:
            intake.pairing.check_open()
            arrival = intake.take(name, sealed)
        except (PairingRefused, UploadRefused) as exc:
            self._finish(key, name, {"error": exc.reason, "message": exc.message})
            return True
        except PixioDocError as exc:
            # The vault cannot take it now (locked, disk full): it stays in the bucket
            # and is taken on a later look; nothing was committed.
            log.warning("Phone relay: a photo could not be saved (%s)", type(exc).__name__)
            return False
        self._finish(key, name, {"photo": arrival.photo_id})
        return True

    def _finish(self, key: str, name: str, outcome: dict[str, str]) -> None:
        self._done[name] = outcome
        self._slots.pop(name, None)
        self.store.delete(key)

    def _top_up_slots(self) -> bool:
        now = self._clock()
        renew = now - self._renewed >= RENEW
        wanted = SLOTS_AHEAD - len(self._slots)
        if wanted <= 0 and not renew:
            return False
        for _ in range(max(0, wanted)):
            self._slots[secrets.token_hex(16)] = ""
        for name in self._slots:
            if renew or not self._slots[name]:
                self._slots[name] = self.store.presign(
                    f"{self.folder}/in/{name}", SLOT_LIFETIME, method="put"
                )
        if renew:
            self._renewed = now
        return True

    # --- the state the phone reads ---------------------------------------------------

    def _write_state(self) -> None:
        pairing = self.intake.pairing
        state = pairing.state
        data: dict[str, Any] = {"state": str(state), "phone": self._phone}
        if state is PairingState.ENDED:
            data["reason"] = str(pairing.end_reason)
        elif state is PairingState.PAIRED:
            data["info"] = self._info
            data["slots"] = [[name, url] for name, url in self._slots.items() if url]
            data["ghost"] = self._ghost_for
        data["done"] = self._done
        sealed = seal(pairing.key, json.dumps(data).encode(), STATE_AAD)
        self.store.put(self._state_key, sealed)

    # --- tidying ----------------------------------------------------------------------

    def _remove_folder(self) -> None:
        try:
            for key, _size in list(self.store.objects(f"{self.folder}/")):
                self.store.delete(key)
        except SyncError as exc:
            log.warning("Phone relay: the bucket could not be tidied (%s)", type(exc).__name__)

    def _sweep_stale(self) -> None:
        """Delete relay folders a crash left (their names start with the time they opened)."""
        prefix = self.store.key(FOLDER) + "/"
        now = self._clock()
        for key, _size in list(self.store.objects(prefix)):
            opened = key[len(prefix) :].split("-", 1)[0]
            if opened.isdigit() and now - int(opened) > STALE_AFTER:
                self.store.delete(key)
