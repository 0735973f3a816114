"""`pixiodoc share-link create|list|revoke` in-process (the in-memory keyring is shared)."""

from __future__ import annotations

import datetime as dt
import io
import json
import urllib.request

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from vault_support import synthetic_jpeg

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.sharing import envelope
from pixiodoc_desktop.sharing.links import ShareLinks
from pixiodoc_desktop.sharing.rounds import LinkRound, tend_before_round
from tests.sync.sync_support import LOGIN, PASSWORD, ClinicNet


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_create_list_and_revoke_from_the_command_line(
    clinic: ClinicNet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    station = clinic.first()
    patient = station.services.patients.create(station.actor, family_name="Lindqvist")
    station.services.consents.record(station.actor, patient.id, scope="sharing", granted=True)
    station.services.photos.ingest(
        station.actor,
        synthetic_jpeg(9),
        CaptureContext(patient.id, visit_date=dt.date(2025, 5, 5), body_site="face"),
        source_name="IMG_9.jpg",
    )
    station.close()
    user = ["--vault", str(station.folder), "--user", LOGIN, "--password-stdin"]

    code, _, err = _run(
        capsys, monkeypatch, "share-link", "create", *user, "--patient", patient.id,
        "--expires", "9d", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert code == 1 and "between 1 hour and 7 days" in err

    code, out, err = _run(
        capsys, monkeypatch, "share-link", "create", *user, "--patient", patient.id,
        "--expires", "12h", "--reply", "--passcode-stdin", "--json",
        stdin=PASSWORD + "\nKornblume-7\n",
    )  # fmt: skip
    assert code == 0, err
    made = json.loads(out)
    assert made["photos"] == 1 and made["level"] == "reply" and made["passcode"] is True
    page = urllib.request.urlopen(made["url"].split("#")[0]).read().decode()  # noqa: S310 (loopback)
    assert "Lindqvist" not in page and '"passcode"' in page

    code, out, _ = _run(
        capsys, monkeypatch, "share-link", "list", *user, "--json", stdin=PASSWORD + "\n"
    )
    listed = json.loads(out)
    assert [(r["id"], r["state"]) for r in listed] == [(made["id"], "live")]

    code, out, _ = _run(
        capsys, monkeypatch, "share-link", "revoke", *user, made["id"], stdin=PASSWORD + "\n"
    )
    assert code == 0 and "Revoked" in out
    code, _, err = _run(
        capsys, monkeypatch, "share-link", "revoke", *user, made["id"], stdin=PASSWORD + "\n"
    )
    assert code == 1 and "revoked already" in err
    page = urllib.request.urlopen(made["url"].split("#")[0]).read().decode()  # noqa: S310
    assert '"state": "revoked"' in page


def _config(page: str) -> dict[str, object]:
    start = page.index('id="link-config">') + len('id="link-config">')
    return dict(json.loads(page[start : page.index("</script>", start)]))


def test_a_reply_comes_in_with_pixiodoc_sync_and_an_offline_bucket_waits(
    clinic: ClinicNet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    station = clinic.first()
    patient = station.services.patients.create(station.actor, family_name="Lindqvist")
    station.services.consents.record(station.actor, patient.id, scope="sharing", granted=True)
    station.services.photos.ingest(
        station.actor,
        synthetic_jpeg(9),
        CaptureContext(patient.id, visit_date=dt.date(2025, 5, 5), body_site="face"),
        source_name="IMG_9.jpg",
    )
    made = ShareLinks(station.ws, station.store).create(station.actor, patient.id, reply=True)
    offline = clinic.store(endpoint="http://127.0.0.1:9")
    assert tend_before_round(station.ws, offline, station.actor) == LinkRound()
    station.close()

    # What the colleague's browser does, through the presigned URLs alone.
    page_url, fragment = made.url.split("#k=")
    config = _config(urllib.request.urlopen(page_url).read().decode())  # noqa: S310 (loopback)
    sealed = urllib.request.urlopen(str(config["index"])).read()  # noqa: S310
    key = envelope.from_b64url(fragment)
    index = json.loads(
        envelope.unseal(key, sealed, envelope.INDEX_AAD + str(config["index_name"])) or b""
    )
    slot = index["reply"]
    clinic_key = X25519PublicKey.from_public_bytes(envelope.from_b64url(slot["clinic_key"]))
    body = json.dumps({"opinion": "Seborrhoeic keratosis", "name": "Dr. Ines Kraft"}).encode()
    put = urllib.request.Request(  # noqa: S310
        slot["url"], data=envelope.seal_reply(clinic_key, body, slot["aad"]), method="PUT"
    )
    assert urllib.request.urlopen(put).status == 200  # noqa: S310

    user = ["--vault", str(station.folder), "--user", LOGIN, "--password-stdin"]
    code, out, err = _run(capsys, monkeypatch, "sync", *user, stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "1 second opinions received" in out
