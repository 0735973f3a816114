"""A real Orthanc (Debian's) on loopback for the tests: free ports, its own storage folder,
no authentication, started and waited for the same way wherever a test needs a PACS."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

PLUGINS = Path("/usr/share/orthanc/plugins")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Orthanc:
    process: subprocess.Popen[bytes]
    dicom_port: int
    http_port: int
    folder: Path  # its configuration, storage and log
    ae_title: str = "ORTHANC"

    @property
    def log(self) -> Path:
        return self.folder / "orthanc.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def dicomweb_url(self) -> str:
        return f"{self.url}/dicom-web"

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(f"{self.url}{path}", timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def delete_everything(self) -> None:
        for patient in self.get("/patients"):
            request = urllib.request.Request(f"{self.url}/patients/{patient}", method="DELETE")  # noqa: S310
            with urllib.request.urlopen(request, timeout=10):  # noqa: S310
                pass

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


ServerT = TypeVar("ServerT", bound=Orthanc)


def start_orthanc(
    folder: Path, kind: type[ServerT], *, name: str, plugins: list[Path], **settings: Any
) -> ServerT:
    """Orthanc on free loopback ports, storing under `folder`, with `plugins` and more
    `settings`; returned once it answers (a `kind` of Orthanc)."""
    binary = shutil.which("Orthanc")
    assert binary is not None
    folder.mkdir(parents=True, exist_ok=True)
    dicom_port, http_port = free_port(), free_port()
    config: dict[str, Any] = {
        "Name": name,
        "StorageDirectory": str(folder / "storage"),
        "IndexDirectory": str(folder / "storage"),
        "DicomAet": "ORTHANC",
        "DicomPort": dicom_port,
        "HttpPort": http_port,
        "RemoteAccessAllowed": False,
        "AuthenticationEnabled": False,
        "DicomCheckCalledAet": True,
        "OverwriteInstances": True,
        "DicomThreadsCount": 2,
        "Plugins": [str(plugin) for plugin in plugins],
        **settings,
    }
    config_file = folder / "orthanc.json"
    config_file.write_text(json.dumps(config), encoding="utf-8")
    with (folder / "orthanc.log").open("wb") as out:
        process = subprocess.Popen([binary, str(config_file)], stdout=out, stderr=subprocess.STDOUT)
    server = kind(process, dicom_port, http_port, folder)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"Orthanc exited: {server.log.read_text(errors='replace')[-2000:]}")
        try:
            server.get("/system")
            return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError("Orthanc did not start within 30 s")
