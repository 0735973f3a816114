"""What a read of the audit trail gives: the filter, one row per event, and the rows
rendered for an export (CSV, one event a line with its details as JSON; or JSON).
`log` reads them; their names are importable from there too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass
from typing import Any

from pixiodoc_desktop.errors import InvalidInput

EXPORT_FORMATS = ("csv", "json")
CSV_COLUMNS = (
    "at",
    "event",
    "outcome",
    "actor",
    "actor_login",
    "patient",
    "object_type",
    "object_id",
    "device",
    "seq",
    "details",
)


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What to show; every field narrows. `until` is exclusive."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    user_login: str | None = None
    patient_id: str | None = None
    event_type: str | None = None
    outcome: str | None = None
    limit: int | None = None

    def describe(self) -> dict[str, Any]:
        """The filter for the audit event's details (ids and dates only)."""
        return {
            key: value.isoformat() if isinstance(value, dt.datetime) else value
            for key, value in asdict(self).items()
            if value is not None
        }


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: dt.datetime
    event: str
    outcome: str
    actor: str | None
    actor_login: str | None
    patient: str | None
    object_type: str | None
    object_id: str | None
    device: str
    seq: int
    details: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = utc_text(self.at)
        data["object"] = f"{self.object_type}:{self.object_id}" if self.object_type else None
        return data


def utc_text(at: dt.datetime) -> str:
    """An event's time for an export, with its zone: events are kept in UTC without one,
    and a bare "2026-12-05T22:05:37" in a file reads as local time to whoever opens it
    (the audit viewer shows local times)."""
    aware = at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)
    return aware.isoformat(timespec="microseconds")


def parse_when(text: str, what: str) -> dt.datetime:
    """YYYY-MM-DD or an ISO date-time (UTC) from the command line or a filter box."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{text!r} is not a valid {what}; use YYYY-MM-DD") from None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def render(rows: list[AuditRow], fmt: str) -> bytes:
    """The rows as a CSV (one event a line, details as JSON) or JSON document."""
    if fmt == "json":
        return (json.dumps([row.as_json() for row in rows], indent=2) + "\n").encode()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                utc_text(row.at),
                row.event,
                row.outcome,
                row.actor or "",
                row.actor_login or "",
                row.patient or "",
                row.object_type or "",
                row.object_id or "",
                row.device,
                row.seq,
                json.dumps(row.details, sort_keys=True),
            ]
        )
    return buffer.getvalue().encode()
