"""The phone settings checked before they are kept: the port, the clinic's certificate.

The Settings dialog checks here before saving, and a pairing checks the
clinic's file pair here before serving it, so that a port another program
holds, a file that cannot be read, a key that is not the certificate's, or a
certificate past its date is named in one clear sentence, not as a TLS error
when a phone connects.
"""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from pixiodoc_desktop.errors import PhoneServerUnavailable
from pixiodoc_desktop.phone.tls import Certificate

MAX_PEM = 1024 * 1024  # a certificate chain or key is a few KB; more is not one


def port_is_free(port: int) -> bool:
    """Whether the phone server could listen on `port` now (as it would: address reuse)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("", port))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def check_phone_port(port: int) -> None:
    if not port_is_free(port):
        raise PhoneServerUnavailable(
            f"The phone port {port} is in use by another program; choose another port"
        )


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise PhoneServerUnavailable(f"The phone server's certificate file {path} does not exist")
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_PEM + 1)
    except OSError:
        raise PhoneServerUnavailable(
            f"The phone server's certificate file {path} cannot be read (check its permissions)"
        ) from None


def check_certificate_pair(cert_file: str, key_file: str) -> Certificate:
    """The clinic IT's certificate and unencrypted key, checked to belong together."""
    cert_path, key_path = Path(cert_file).expanduser(), Path(key_file).expanduser()
    cert_data, key_data = _read(cert_path), _read(key_path)
    try:
        certificate = x509.load_pem_x509_certificate(cert_data)
    except ValueError:
        raise PhoneServerUnavailable(
            f"The phone server's certificate file {cert_path} holds no PEM certificate"
        ) from None
    try:
        key = serialization.load_pem_private_key(key_data, password=None)
    except (ValueError, TypeError):
        raise PhoneServerUnavailable(
            f"The phone server's key file {key_path} holds no PEM private key without a password"
        ) from None
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    pem = serialization.Encoding.PEM
    if key.public_key().public_bytes(pem, public) != certificate.public_key().public_bytes(
        pem, public
    ):
        raise PhoneServerUnavailable(
            f"The phone server's key file {key_path} does not belong to the certificate {cert_path}"
        )
    expiry = certificate.not_valid_after_utc
    if expiry <= dt.datetime.now(dt.UTC):
        raise PhoneServerUnavailable(
            f"The phone server's certificate {cert_path} expired on {expiry.date().isoformat()}"
        )
    return Certificate(cert_path, key_path)
