"""A new PC's join (what the first-run page's Join your clinic… runs, and the core of
`pixiodoc sync join`), against SeaweedFS.

A fault injected into the bucket after the vault folder was made (PC 1's op batch flipped
by a byte) fails the join typed; the folder it made is gone, an empty folder that was
there stays empty, and the code still works once the object is whole again. The stages
come in order, and the form's mistakes are named before any network call."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.errors import (
    EnrollmentInvalid,
    InvalidInput,
    SyncError,
    SyncUnavailable,
    VaultExists,
)
from pixiodoc_desktop.sync.crypto import new_enrollment_code
from pixiodoc_desktop.sync.enroll import create_enrollment, join
from pixiodoc_desktop.sync.new_workstation import (
    CHECK_CODE,
    CONNECT,
    RECEIVE,
    JoinRequest,
    bucket_details,
    join_workstation,
    read_bucket_details,
)
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from tests.sync.sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, ClinicNet, Weed


def _request(clinic: ClinicNet, folder: Path, code: str, **changes: str) -> JoinRequest:
    return JoinRequest(
        folder,
        clinic.target(),
        changes.get("access_key", ACCESS_KEY),
        changes.get("secret_key", SECRET_KEY),
        code,
    )


def test_a_join_cut_off_by_a_damaged_batch_leaves_nothing_and_the_code_works_again(
    clinic: ClinicNet, weed: Weed, tmp_path: Path
) -> None:
    front = clinic.first()
    Patients(front.ws).create(front.actor, family_name="Müller", given_name="Jürgen")
    front.sync()
    code, _expires = create_enrollment(front.ws, front.store, front.actor, kdf=MINIMUM_KDF)
    client = weed.client()
    batches = [
        name
        for name, _data in weed.all_objects(clinic.prefix + "/")
        if "/ops/" in name and "/devices/" in name
    ]
    assert batches
    whole = {name: client.get_object(Bucket=BUCKET, Key=name)["Body"].read() for name in batches}  # type: ignore[attr-defined]
    for name, data in whole.items():  # a byte flipped in each of PC 1's batches
        flipped = data[:-20] + bytes([data[-20] ^ 0x01]) + data[-19:]
        client.put_object(Bucket=BUCKET, Key=name, Body=flipped)  # type: ignore[attr-defined]

    new = tmp_path / "room-2"
    stages: list[str] = []
    with pytest.raises(SyncError):
        join_workstation(_request(clinic, new, code), stage=stages.append, store=clinic.store())
    assert stages == [CONNECT, CHECK_CODE, RECEIVE]  # it failed while the records came
    assert not new.exists()
    empty = tmp_path / "empty"  # a folder the IT person made for it stays, empty
    empty.mkdir()
    with pytest.raises(SyncError):
        join_workstation(_request(clinic, empty, code), store=clinic.store())
    assert empty.is_dir() and not list(empty.iterdir())
    with pytest.raises(SyncError):  # `pixiodoc sync join`'s core leaves nothing either
        join(new, clinic.target(), ACCESS_KEY, SECRET_KEY, code=code, store=clinic.store())
    assert not new.exists()

    for name, data in whole.items():
        client.put_object(Bucket=BUCKET, Key=name, Body=data)  # type: ignore[attr-defined]
    seen: list[tuple[str, int, int]] = []
    vault = join_workstation(
        _request(clinic, new, code),
        progress=lambda *step: seen.append(step),
        store=clinic.store(),
    )
    assert vault.folder == new.resolve() and not vault.is_unlocked
    assert seen  # the rounds reported their progress
    with pytest.raises(EnrollmentInvalid):  # used up now
        join_workstation(_request(clinic, tmp_path / "room-3", code), store=clinic.store())
    assert not (tmp_path / "room-3").exists()


def test_the_forms_mistakes_are_named_before_the_network(clinic: ClinicNet, tmp_path: Path) -> None:
    """An endpoint nobody answers at: each mistake is named before it would be tried."""
    clinic.weed = _Nowhere()  # type: ignore[assignment]
    code, _id, _secret = new_enrollment_code()
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(EnrollmentInvalid, match="typo"):
        join_workstation(_request(clinic, tmp_path / "a", typo))
    with pytest.raises(InvalidInput, match="access key and the secret"):
        join_workstation(_request(clinic, tmp_path / "a", code, secret_key=""))
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("someone's")
    with pytest.raises(VaultExists, match="is not empty"):
        join_workstation(_request(clinic, taken, code))
    assert [p.name for p in taken.iterdir()] == ["notes.txt"]
    file = tmp_path / "a-file"
    file.write_text("x")
    with pytest.raises(VaultExists, match="is a file, not a folder"):
        join_workstation(_request(clinic, file, code))
    assert file.read_text() == "x"
    with pytest.raises(SyncUnavailable):  # a form without mistakes tries the endpoint
        join_workstation(_request(clinic, tmp_path / "a", code))
    assert not (tmp_path / "a").exists()


class _Nowhere:
    endpoint = "http://127.0.0.1:9"  # the discard port: nothing answers


def test_the_bucket_details_travel_without_the_secret(clinic: ClinicNet) -> None:
    text = bucket_details(clinic.target(), ACCESS_KEY)
    assert SECRET_KEY not in text
    found = read_bucket_details("Hello\n" + text + "\nendpoint: http://other:1\n")
    assert found == {
        "endpoint": clinic.weed.endpoint,
        "region": "eu-central-1",
        "bucket": BUCKET,
        "prefix": clinic.prefix,
        "access key": ACCESS_KEY,
    }
    assert read_bucket_details("no details here") == {}
