"""What a careless or hostile bucket does between rounds, done to a real SeaweedFS with
plain S3 calls: delete, roll back, flip a byte, reorder, replay."""

from __future__ import annotations

from typing import Any

from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.push import batch_key
from tests.sync.sync_support import BUCKET, ClinicNet, Station

Snapshot = dict[str, bytes]


def _client(clinic: ClinicNet) -> Any:
    return clinic.weed.client()


def last_batch(station: Station) -> int:
    with station.ws.vault.read_session() as session:
        return int(state.get(session, state.NEXT_SEQ) or 1) - 1


def batch_name(station: Station, seq: int) -> str:
    return batch_key(station.store, sync_keys(station.ws), station.ws.device_id, seq)


def head_name(station: Station) -> str:
    return station.store.key(
        sync_keys(station.ws).workspace, "devices", station.ws.device_id, "head"
    )


def read(clinic: ClinicNet, key: str) -> bytes:
    return bytes(_client(clinic).get_object(Bucket=BUCKET, Key=key)["Body"].read())


def write(clinic: ClinicNet, key: str, body: bytes) -> None:
    _client(clinic).put_object(Bucket=BUCKET, Key=key, Body=body)


def delete(clinic: ClinicNet, key: str) -> None:
    _client(clinic).delete_object(Bucket=BUCKET, Key=key)


def flip(clinic: ClinicNet, key: str, at: int = -20) -> None:
    body = bytearray(read(clinic, key))
    body[at] ^= 0x01
    write(clinic, key, bytes(body))


def swap(clinic: ClinicNet, first: str, second: str) -> None:
    a, b = read(clinic, first), read(clinic, second)
    write(clinic, first, b)
    write(clinic, second, a)


def snapshot(clinic: ClinicNet) -> Snapshot:
    """Every object of the clinic's prefix, as a bucket snapshot keeps it."""
    return dict(clinic.weed.all_objects(clinic.prefix + "/"))


def roll_back(clinic: ClinicNet, to: Snapshot) -> None:
    """The bucket restored to `to`: newer objects gone, older contents back."""
    for key, _body in clinic.weed.all_objects(clinic.prefix + "/"):
        if key not in to:
            delete(clinic, key)
    for key, body in to.items():
        write(clinic, key, body)
