"""Each way the endpoint can fail gives one clear, typed message, and nothing is lost."""

from __future__ import annotations

import datetime as dt
import errno
import http.server
import threading
from collections.abc import Iterator
from unittest import mock

import botocore.auth
import pytest
from sqlalchemy import func, select
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.errors import (
    SyncBucketMissing,
    SyncClockSkew,
    SyncCredentialsRejected,
    SyncDiskFull,
    SyncError,
    SyncNotStorage,
    SyncUnavailable,
)
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_once, sync_status
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import AuditEvent
from tests.sync.sync_support import ClinicNet, Station, free_ports


class _HtmlPage(http.server.BaseHTTPRequestHandler):
    """A proxy's or login portal's answer to everything."""

    def _page(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)
        body = b"<!DOCTYPE html><html><body>Please log in to the guest network</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _page

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def html_proxy() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HtmlPage)
    thread = threading.Thread(target=server.serve_forever, name="html-proxy", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def station(clinic: ClinicNet) -> Station:
    pc = clinic.first()
    patient = pc.services.patients.create(pc.actor, family_name="Fehlerfall", given_name="Ida")
    pc.services.photos.ingest(
        pc.actor, synthetic_jpeg(21), CaptureContext(patient.id), source_name="a.jpg"
    )
    return pc


def _failures(station: Station) -> int:
    with station.ws.read_session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.event_type == "SYNC_RUN", AuditEvent.outcome == "failure")
            )
            or 0
        )


def _fails_cleanly(station: Station, store: ObjectStore, kind: type[SyncError]) -> str:
    pending = sync_status(station.ws).pending_changes
    before = canonical_dump(station.ws)
    failures = _failures(station)
    with pytest.raises(kind) as caught:
        sync_once(station.ws, store, actor_id=station.actor.user_id)
    message = caught.value.message
    assert "\n" not in message and len(message) < 300
    assert sync_status(station.ws).pending_changes >= pending  # nothing dropped
    after = canonical_dump(station.ws)
    for table in ("patients", "photos", "visits", "patient_keys"):
        assert after[table] == before[table]
    assert _failures(station) == failures + 1
    assert sync_status(station.ws).last_error == message
    return message


def test_wrong_credentials(clinic: ClinicNet, station: Station) -> None:
    message = _fails_cleanly(
        station, clinic.store(secret_key="not-the-secret"), SyncCredentialsRejected
    )
    assert "access key or secret" in message
    message = _fails_cleanly(station, clinic.store(access_key="NOSUCHKEY"), SyncCredentialsRejected)
    station.sync()  # with the right ones, everything goes out
    assert sync_status(station.ws).pending_changes == 0


def test_missing_bucket(clinic: ClinicNet, station: Station) -> None:
    message = _fails_cleanly(station, clinic.store(bucket="no-such-bucket"), SyncBucketMissing)
    assert "no-such-bucket" in message and "does not exist" in message


def test_proxy_answering_html(clinic: ClinicNet, station: Station, html_proxy: str) -> None:
    message = _fails_cleanly(station, clinic.store(endpoint=html_proxy), SyncNotStorage)
    assert "web page" in message


def test_clock_skew(clinic: ClinicNet, station: Station) -> None:
    real = botocore.auth.get_current_datetime

    def two_hours_ahead(*args: object, **kwargs: object) -> dt.datetime:
        return real() + dt.timedelta(hours=2)

    with mock.patch.object(botocore.auth, "get_current_datetime", two_hours_ahead):
        message = _fails_cleanly(station, clinic.store(), SyncClockSkew)
    assert "clock" in message


def test_offline(clinic: ClinicNet, station: Station) -> None:
    closed = free_ports(1)[0]
    message = _fails_cleanly(
        station, clinic.store(endpoint=f"http://127.0.0.1:{closed}"), SyncUnavailable
    )
    assert "cannot be reached" in message


def test_full_disk_while_downloading(clinic: ClinicNet, station: Station) -> None:
    station.sync()
    other = clinic.join("second-pc", via=station)
    patient = station.services.patients.create(station.actor, family_name="Platz", given_name="Ole")
    station.services.photos.ingest(
        station.actor, synthetic_jpeg(22), CaptureContext(patient.id), source_name="b.jpg"
    )
    station.sync()

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with mock.patch("pixiodoc_desktop.sync.images.os.fsync", no_space):
        message = _fails_cleanly(other, other.store, SyncDiskFull)
    assert "disk" in message and "nothing was lost" in message
    clinic.settle([station, other])
    assert canonical_dump(other.ws)["photos"] == canonical_dump(station.ws)["photos"]
