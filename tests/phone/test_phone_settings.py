"""The phone settings' checks name each bad certificate pair and a taken port in one sentence."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pixiodoc_desktop.errors import PhoneServerUnavailable
from pixiodoc_desktop.phone.phone_settings import check_certificate_pair, check_phone_port


def _pair(
    folder: Path, name: str, *, days: int = 30, password: bytes | None = None
) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=60))
        .not_valid_after(now + dt.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )
    protection = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    cert_file, key_file = folder / f"{name}.crt", folder / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, protection)
    )
    return cert_file, key_file


def test_each_bad_certificate_pair_is_named_and_a_good_one_is_taken(tmp_path: Path) -> None:
    good_cert, good_key = _pair(tmp_path, "good")
    _, other_key = _pair(tmp_path, "other")
    old_cert, old_key = _pair(tmp_path, "old", days=-1)
    _, locked_key = _pair(tmp_path, "locked", password=b"Geheim-123")
    letter = tmp_path / "letter.crt"
    letter.write_text("Sehr geehrte Kollegin")
    cases = [
        (tmp_path / "missing.crt", good_key, "certificate file .*missing.crt does not exist"),
        (letter, good_key, "letter.crt holds no PEM certificate"),
        (good_cert, letter, "key file .*letter.crt holds no PEM private key without a password"),
        (good_cert, locked_key, "locked.key holds no PEM private key without a password"),
        (good_cert, other_key, "other.key does not belong to the certificate .*good.crt"),
        (old_cert, old_key, r"old.crt expired on \d{4}-\d\d-\d\d"),
    ]
    for cert_file, key_file, message in cases:
        with pytest.raises(PhoneServerUnavailable, match=message):
            check_certificate_pair(str(cert_file), str(key_file))
    taken = check_certificate_pair(str(good_cert), str(good_key))
    assert (taken.cert_file, taken.key_file, taken.password) == (good_cert, good_key, None)


def test_a_port_another_program_holds_is_named() -> None:
    with socket.create_server(("", 0)) as other:
        port = other.getsockname()[1]
        with pytest.raises(
            PhoneServerUnavailable, match=f"port {port} is in use by another program"
        ):
            check_phone_port(port)
    check_phone_port(port)  # free again
