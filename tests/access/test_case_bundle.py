"""Case bundles: passphrase and public-key round trips, refusals, consent, no plaintext."""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import create_vault, decodes, plaintext_findings, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.exchange.case_bundle import MAGIC, BundleRefused, CaseBundles
from pixiodoc_desktop.clinic.exchange.case_bundle import bundles as bundles_module
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import AuditEvent
from pixiodoc_desktop.vault.vault import Vault

FAMILY, GIVEN = "Quirinsdottir", "Hrafnhildur"
PASSPHRASE = "Walnuss-Brücke-Mondlicht-2026"


@dataclass(frozen=True, slots=True)
class Case:
    patient_id: str
    visit_ids: list[str]
    photo_count: int


@pytest.fixture
def case(services: ClinicServices, actor: Actor) -> Case:
    patient = services.patients.create(actor, family_name=FAMILY, given_name=GIVEN)
    services.consents.record(actor, patient.id, scope="sharing", granted=True)
    visits = []
    for index, day in enumerate((dt.date(2025, 1, 10), dt.date(2025, 3, 14), dt.date(2025, 6, 2))):
        for shot in range(2):
            result = services.photos.ingest(
                actor,
                synthetic_jpeg(700 + index * 10 + shot),
                CaptureContext(patient_id=patient.id, visit_date=day, body_site="forearm-left"),
                source_name=f"{FAMILY}-{index}-{shot}.jpg",
            )
        visits.append(result.photo.visit_id)
    return Case(patient.id, visits[:2], 4)  # the first two visits are shared


@dataclass(frozen=True, slots=True)
class Colleague:
    services: ClinicServices
    actor: Actor


@pytest.fixture
def colleague(tmp_path: Path) -> Iterator[Colleague]:
    """Another clinic's vault, logged in."""
    made = create_vault(tmp_path / "colleague")
    ws, actor = log_in(Vault.open(made.folder), made.login, made.password)
    yield Colleague(ClinicServices.for_workstation(ws), actor)
    lock(ws, actor, logged_out=True)


def _bundles(services: ClinicServices) -> CaseBundles:
    return CaseBundles(services.workstation, kdf=MINIMUM_KDF)


def _events(services: ClinicServices, kind: str) -> list[AuditEvent]:
    with services.workstation.read_session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.event_type == kind)))


def _check_imported(colleague: Colleague, imported_id: str, case: Case) -> None:
    services, actor = colleague.services, colleague.actor
    patient = services.patients.get(actor, imported_id)
    assert (patient.family_name, patient.given_name) == (FAMILY, GIVEN)
    assert patient.origin and "Case bundle from" in patient.origin
    photos = services.photos.list(actor, imported_id)
    assert len(photos) == case.photo_count
    assert decodes(services.photos.image(actor, photos[0].id, ImageSize.ORIGINAL)) == (320, 240)
    assert len(services.visits.list(actor, imported_id)) == 2
    with pytest.raises(PermissionDenied, match="View Only"):
        services.patients.update(actor, imported_id, notes="changed")
    created = [e for e in _events(services, "PATIENT_CREATED") if e.patient_id == imported_id]
    assert [e.details["origin"] for e in created] == ["case bundle"]


def test_passphrase_round_trip(
    services: ClinicServices, actor: Actor, case: Case, colleague: Colleague, tmp_path: Path
) -> None:
    out = tmp_path / "outbox" / "case"
    out.parent.mkdir()
    exported = _bundles(services).export(
        actor, case.patient_id, case.visit_ids, out, passphrase=PASSPHRASE
    )
    assert exported.path.suffix == ".pxcase" and exported.photos == case.photo_count
    [event] = _events(services, "DATA_EXPORTED")
    assert event.details["format"] == "case bundle" and event.patient_id == case.patient_id
    imported = _bundles(colleague.services).import_file(
        colleague.actor, exported.path, passphrase=PASSPHRASE
    )
    assert imported.photos == case.photo_count
    _check_imported(colleague, imported.patient_id, case)
    # The bundle holds no image and no name in the clear.
    assert plaintext_findings([out.parent], [FAMILY, GIVEN, "forearm"]) == []


def test_public_key_round_trip(
    services: ClinicServices, actor: Actor, case: Case, colleague: Colleague, tmp_path: Path
) -> None:
    key = _bundles(colleague.services).public_key(colleague.actor)
    assert key.startswith("pxcase-x25519:")
    exported = _bundles(services).export(
        actor, case.patient_id, case.visit_ids, tmp_path / "k.pxcase", recipient_key=key
    )
    data = exported.path.read_bytes()
    with pytest.raises(BundleRefused, match="another clinic's case key"):
        _bundles(services).import_bundle(actor, data)  # made for the colleague, not for us
    imported = _bundles(colleague.services).import_bundle(colleague.actor, data)
    _check_imported(colleague, imported.patient_id, case)
    assert plaintext_findings([tmp_path / "k.pxcase"], [FAMILY, GIVEN]) == []


def _exported(services: ClinicServices, actor: Actor, case: Case, tmp_path: Path) -> bytes:
    return (
        _bundles(services)
        .export(
            actor, case.patient_id, case.visit_ids, tmp_path / "c.pxcase", passphrase=PASSPHRASE
        )
        .path.read_bytes()
    )


def test_wrong_passphrase_expired_and_tampered_are_refused(
    services: ClinicServices, actor: Actor, case: Case, colleague: Colleague, tmp_path: Path
) -> None:
    data = _exported(services, actor, case, tmp_path)
    bundles = _bundles(colleague.services)
    who = colleague.actor
    with pytest.raises(BundleRefused, match="passphrase is wrong"):
        bundles.import_bundle(who, data, passphrase="Falsche-Passphrase-123")
    with pytest.raises(BundleRefused, match="passphrase"):
        bundles.import_bundle(who, data)
    later = dt.date.today() + dt.timedelta(days=31)
    with pytest.raises(BundleRefused, match="expired"):
        bundles.import_bundle(who, data, passphrase=PASSPHRASE, today=later)
    flipped = bytearray(data)
    flipped[-100] ^= 0x01
    with pytest.raises(BundleRefused, match="altered"):
        bundles.import_bundle(who, bytes(flipped), passphrase=PASSPHRASE)
    # Moving the expiry date in the (readable) header breaks the authentication too.
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    header = data[len(MAGIC) + 4 : len(MAGIC) + 4 + length]
    expires = bundles.expires_of(data).isoformat().encode()
    forged = data.replace(header, header.replace(expires, b"2099-12-31"))
    assert forged != data
    with pytest.raises(BundleRefused, match="altered"):
        bundles.import_bundle(who, forged, passphrase=PASSPHRASE)
    with pytest.raises(BundleRefused, match=r"damaged|incomplete"):
        bundles.import_bundle(who, data[:60], passphrase=PASSPHRASE)
    with pytest.raises(BundleRefused, match="not a PixioDoc case bundle"):
        bundles.import_bundle(who, b"PK\x03\x04" + data[4:], passphrase=PASSPHRASE)
    assert colleague.services.patients.count() == 0  # nothing half-imported


def test_export_needs_consent_to_sharing_and_an_admin_grant(
    services: ClinicServices,
    actor: Actor,
    case: Case,
    second_clinician: Actor,
    tmp_path: Path,
) -> None:
    services.consents.record(actor, case.patient_id, scope="sharing", granted=False)
    with pytest.raises(PermissionDenied, match="consented to sharing"):
        _exported(services, actor, case, tmp_path)
    services.consents.record(actor, case.patient_id, scope="sharing", granted=True)
    with pytest.raises(PermissionDenied):  # the practice grant is Editor, not Admin
        _bundles(services).export(
            second_clinician,
            case.patient_id,
            case.visit_ids,
            tmp_path / "x.pxcase",
            passphrase=PASSPHRASE,
        )
    denied = [e for e in _events(services, "DATA_EXPORTED") if e.outcome == "denied"]
    assert len(denied) == 2
    assert not (tmp_path / "c.pxcase").exists() and not (tmp_path / "x.pxcase").exists()


def test_case_cli_round_trip(
    cli: object, services: ClinicServices, actor: Actor, case: Case, tmp_path: Path
) -> None:
    folder = services.workstation.vault.folder
    other = create_vault(tmp_path / "other")
    out = tmp_path / "cli.pxcase"
    lines = f"{other.password}\n"
    key = cli(
        "case",
        "key",
        "--vault",
        other.folder,
        "--user",
        other.login,
        "--password-stdin",
        stdin=lines,
    )  # type: ignore[operator]
    assert key.code == 0, key.output
    args = [
        "case",
        "export",
        "--vault",
        folder,
        "--user",
        actor.login,
        "--password-stdin",
        "--patient",
        case.patient_id,
        "--out",
        out,
        "--recipient-key",
        key.stdout.strip(),
    ]
    for visit in case.visit_ids:
        args += ["--visit", visit]
    from vault_support import PASSWORD

    done = cli(*args, stdin=f"{PASSWORD}\n")  # type: ignore[operator]
    assert done.code == 0, done.output
    imported = cli(
        "case",
        "import",
        "--vault",
        other.folder,
        "--user",
        other.login,
        "--password-stdin",
        out,
        stdin=lines,
    )  # type: ignore[operator]
    assert imported.code == 0, imported.output
    assert "View Only" in imported.stdout and FAMILY not in imported.stdout
    # We used their key; they have not seen ours, so the sender is not verified for them.
    assert "sender not verified (signed with key " in imported.stdout


def test_a_bundle_another_pixiodoc_would_refuse_is_not_made(
    services: ClinicServices,
    actor: Actor,
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bundles_module, "MAX_BUNDLE_BYTES", 1024 * 1024 + 100_000)
    with pytest.raises(InvalidInput, match=r"limit 0\.1 MB\); share fewer visits at a time"):
        _exported(services, actor, case, tmp_path)
    assert not (tmp_path / "c.pxcase").exists()


def test_the_same_bundle_twice_is_refused_naming_the_first_import(
    services: ClinicServices, actor: Actor, case: Case, colleague: Colleague, tmp_path: Path
) -> None:
    data = _exported(services, actor, case, tmp_path)
    bundles = _bundles(colleague.services)
    first = bundles.import_bundle(colleague.actor, data, passphrase=PASSPHRASE)
    with pytest.raises(BundleRefused, match="imported already") as caught:
        bundles.import_bundle(colleague.actor, data, passphrase=PASSPHRASE)
    assert f"(patient {first.patient_id}); open that record instead" in caught.value.message
    assert colleague.services.patients.count() == 1
    # A new bundle of the same visits is a new sharing: it is imported.
    again = _bundles(services).export(
        actor, case.patient_id, case.visit_ids, tmp_path / "again.pxcase", passphrase=PASSPHRASE
    )
    bundles.import_file(colleague.actor, again.path, passphrase=PASSPHRASE)
    assert colleague.services.patients.count() == 2


def test_bundles_are_signed_and_a_known_sender_is_verified(
    services: ClinicServices, actor: Actor, case: Case, colleague: Colleague, tmp_path: Path
) -> None:
    ours, theirs = _bundles(services), _bundles(colleague.services)
    their_key, our_key = theirs.public_key(colleague.actor), ours.public_key(actor)
    assert len(our_key.split(":")) == 3  # the encryption key, then the signing key
    first = ours.export(
        actor, case.patient_id, case.visit_ids, tmp_path / "a.pxcase", recipient_key=their_key
    )
    data = first.path.read_bytes()
    # They have not exchanged keys with us yet: signed, but not verified.
    imported = theirs.import_bundle(colleague.actor, data)
    assert not imported.sender_verified
    assert "sender not verified (signed with key " in imported.origin
    patient = colleague.services.patients.get(colleague.actor, imported.patient_id)
    assert patient.origin == imported.origin  # what the GUI shows as the record's origin
    # Stripped or flipped signatures are refused as altered.
    for broken in (data[:-64], data[:-1] + bytes([data[-1] ^ 1])):
        with pytest.raises(BundleRefused, match="altered"):
            theirs.import_bundle(colleague.actor, broken)
    # Once they have sent us a bundle with our full key, ours count as verified.
    own = colleague.services.patients.create(colleague.actor, family_name="Eigen")
    colleague.services.consents.record(colleague.actor, own.id, scope="sharing", granted=True)
    shot = colleague.services.photos.ingest(
        colleague.actor,
        synthetic_jpeg(777),
        CaptureContext(patient_id=own.id, visit_date=dt.date(2025, 2, 2)),
        source_name="eigen.jpg",
    )
    theirs.export(
        colleague.actor,
        own.id,
        [shot.photo.visit_id],
        tmp_path / "b.pxcase",
        recipient_key=our_key,
    )
    second = ours.export(
        actor, case.patient_id, case.visit_ids, tmp_path / "c.pxcase", passphrase=PASSPHRASE
    )
    verified = theirs.import_file(colleague.actor, second.path, passphrase=PASSPHRASE)
    assert verified.sender_verified and "sender verified (key " in verified.origin
