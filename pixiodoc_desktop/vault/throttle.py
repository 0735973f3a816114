"""Growing delay after wrong passwords, per clinician login.

Kept in a small plain file beside vault.json (logins and counters only, no
patient data) because a wrong password never opens the database, and mirrored
in vault.json outside its seal, so that deleting the file resets nothing. The delay
slows a person at the keyboard; Argon2id is what slows an offline attacker.
The failures recorded here are written to the audit trail (LOGIN_FAILED) at
the next successful unlock.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from pixiodoc_desktop.vault.durable import write_atomically
from pixiodoc_desktop.vault.header import read_attempts, write_attempts

THROTTLE_NAME = "unlock-attempts.json"
FREE_ATTEMPTS = 3
MAX_DELAY_S = 300.0
_DEACTIVATED = "deactivated:"  # entries kept for attempts by deactivated accounts


@dataclass(frozen=True, slots=True)
class Attempts:
    failures: int
    last_failure: float
    unreported: int  # failures not yet written to the audit trail

    @property
    def delay(self) -> float:
        """Seconds to wait after the last failure before the next try is allowed."""
        if self.failures < FREE_ATTEMPTS:
            return 0.0
        return min(MAX_DELAY_S, 2.0 ** (self.failures - FREE_ATTEMPTS + 1))

    def wait_left(self, now: float | None = None) -> float:
        now = time.time() if now is None else now
        return max(0.0, self.last_failure + self.delay - now)


class UnlockThrottle:
    """The counters live twice: in unlock-attempts.json and mirrored in vault.json (outside
    its seal), and the larger count wins, so deleting the file resets nothing and is noticed
    (`was_reset`) at the next successful unlock."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / THROTTLE_NAME

    def _file(self) -> dict[str, list[float]]:
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(raw, dict):
            return {}
        out: dict[str, list[float]] = {}
        for key, value in raw.items():
            if isinstance(value, list) and len(value) == 3:
                with contextlib.suppress(TypeError, ValueError):
                    out[str(key)] = [float(v) for v in value]
        return out

    def _load(self) -> dict[str, list[float]]:
        merged = self._file()
        for login, mirrored in read_attempts(self.folder).items():
            own = merged.get(login)
            if own is None or mirrored[0] > own[0]:
                merged[login] = mirrored
        return merged

    def _save(self, data: dict[str, list[float]]) -> None:
        # A read-only vault folder must not stop a clinician from logging in.
        with contextlib.suppress(OSError):
            write_atomically(self.path, json.dumps(data, sort_keys=True).encode(), private=True)
        with contextlib.suppress(OSError, ValueError):
            write_attempts(self.folder, data)

    def attempts(self, login: str) -> Attempts:
        failures, last, unreported = self._load().get(login.casefold(), [0, 0.0, 0])
        return Attempts(int(failures), last, int(unreported))

    def was_reset(self, login: str) -> bool:
        """vault.json remembers more failures than unlock-attempts.json: the file was
        deleted or replaced while failures were being counted."""
        mirrored = read_attempts(self.folder).get(login.casefold())
        own = self._file().get(login.casefold())
        return mirrored is not None and (own is None or own[0] < mirrored[0])

    def failed(self, login: str) -> Attempts:
        data = self._load()
        failures, _last, unreported = data.get(login.casefold(), [0, 0.0, 0])
        data[login.casefold()] = [failures + 1, time.time(), unreported + 1]
        self._save(data)
        return self.attempts(login)

    def deactivated_attempt(self, login: str) -> None:
        """A deactivated account tried to unlock: kept until any clinician's next login audits it.

        No key is at hand when it happens (a deactivated login may have no
        credential left), so it waits here like a wrong password does.
        """
        data = self._load()
        key = _DEACTIVATED + login.strip().casefold()
        count = int(data.get(key, [0, 0.0, 0])[2]) + 1
        data[key] = [count, time.time(), count]
        self._save(data)

    def deactivated_attempts(self) -> dict[str, int]:
        """Login -> attempts by deactivated accounts not yet written to the audit trail."""
        return {
            key.removeprefix(_DEACTIVATED): int(value[2])
            for key, value in self._load().items()
            if key.startswith(_DEACTIVATED)
        }

    def clear_deactivated(self) -> None:
        data = self._load()
        kept = {k: v for k, v in data.items() if not k.startswith(_DEACTIVATED)}
        if kept != data:
            self._save(kept)

    def succeeded(self, login: str) -> int:
        """Reset the counter; returns how many failures still need auditing."""
        data = self._load()
        entry = data.pop(login.casefold(), None)
        if entry is not None:
            self._save(data)
        return int(entry[2]) if entry else 0
