"""The phone server's TLS certificate: one the clinic's IT provides, or our own.

Our own is a self-signed certificate for this workstation's address, made
with cryptography's x509 and kept in the vault folder; its private key is
stored encrypted (PKCS#8) under a key derived from the workspace key, so it
is useless without an unlocked vault. Python's ssl module reads the
encrypted key directly, so the key never lies on disk in the clear.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pixiodoc_desktop.errors import PhoneServerUnavailable
from pixiodoc_desktop.vault.durable import write_atomically
from pixiodoc_desktop.vault.keys import derive_key
from pixiodoc_desktop.vault.vault import Vault

FOLDER = "phone-tls"
VALID_DAYS = 397  # what browsers accept for a leaf certificate
RENEW_BEFORE = dt.timedelta(days=30)


@dataclass(frozen=True, slots=True)
class Certificate:
    """A certificate chain file and its private key file (the key may be encrypted)."""

    cert_file: Path
    key_file: Path
    password: bytes | None = None

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        try:
            context.load_cert_chain(self.cert_file, self.key_file, password=self.password)
        except (OSError, ssl.SSLError) as exc:
            raise PhoneServerUnavailable(
                f"The phone server's certificate {self.cert_file.name} cannot be loaded: "
                f"{type(exc).__name__}"
            ) from None
        return context


def _key_password(vault: Vault) -> bytes:
    return derive_key(vault.keys.workspace, "phone-tls", context=vault.header.vault_id.encode())


def _covers(cert: x509.Certificate, host: str) -> bool:
    """Whether the certificate names `host` and stays valid for a while yet."""
    if cert.not_valid_after_utc - RENEW_BEFORE < dt.datetime.now(dt.UTC):
        return False
    try:
        names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host.lower() in [n.lower() for n in names.get_values_for_type(x509.DNSName)]
    return address in names.get_values_for_type(x509.IPAddress)


def workstation_certificate(vault: Vault, host: str) -> Certificate:
    """This workstation's own certificate for `host`, made (or renewed) when needed.

    The vault must be unlocked: the key's password derives from the workspace key.
    """
    folder = vault.folder / FOLDER
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    password = _key_password(vault).hex().encode()
    if cert_file.exists() and key_file.exists():
        try:
            existing = x509.load_pem_x509_certificate(cert_file.read_bytes())
            if _covers(existing, host):
                return Certificate(cert_file, key_file, password)
        except ValueError:
            pass  # unreadable: make a new one
    folder.mkdir(exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = [
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]
    try:
        names.insert(0, x509.IPAddress(ipaddress.ip_address(host)))
    except ValueError:
        names.insert(0, x509.DNSName(host))
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PixioDoc workstation")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(list(dict.fromkeys(names))), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    write_atomically(
        key_file,
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(password),
        ),
    )
    write_atomically(cert_file, cert.public_bytes(serialization.Encoding.PEM))
    return Certificate(cert_file, key_file, password)
