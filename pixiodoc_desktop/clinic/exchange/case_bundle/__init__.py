"""Secure case sharing: selected visits of a patient as an encrypted `.pxcase` file.

For a colleague outside the practice (a second opinion, a referral). The
bundle holds the patient's minimal record (name, date of birth, sex), the
chosen visits, their photos (original and previews) and the patient's
consent decisions, zipped and encrypted with AES-256-GCM under a key from
either

- a passphrase (Argon2id; told to the colleague by another channel), or
- the colleague's X25519 public key (`pixiodoc case key` in their vault prints
  it): an ephemeral key agreement, so only their vault can open it.

The rooms: `container` (file layout, header, keys as text), `contents`
(what a bundle holds, gathered under the access and consent checks),
`opening` (decrypt and unpack), `sender` (the clinic's signature and whether
the sender is verified), `recording` (the imported View Only record),
`bundles` (the service the CLI and GUI call). Export needs the record's Admin
grant and the patient's consent to sharing; it is audited as DATA_EXPORTED
("case bundle"). Import creates a View Only record marked with its origin,
audited as PATIENT_CREATED with the origin in the details; expired, tampered
or wrongly unlocked bundles are refused and nothing is written.
"""

from pixiodoc_desktop.clinic.exchange.case_bundle.bundles import (
    DEFAULT_DAYS,
    MAX_DAYS,
    MIN_PASSPHRASE,
    PRIVATE_KEY_SETTING,
    CaseBundles,
    ExportedCase,
)
from pixiodoc_desktop.clinic.exchange.case_bundle.container import (
    FORMAT,
    MAGIC,
    VERSION,
    BundleRefused,
    format_public_key,
    parse_case_key,
    parse_public_key,
    read_header,
)
from pixiodoc_desktop.clinic.exchange.case_bundle.opening import MAX_BUNDLE_BYTES, read_bundle_file
from pixiodoc_desktop.clinic.exchange.case_bundle.recording import ImportedCase
from pixiodoc_desktop.clinic.exchange.case_bundle.sender import Sender

__all__ = [
    "DEFAULT_DAYS",
    "FORMAT",
    "MAGIC",
    "MAX_BUNDLE_BYTES",
    "MAX_DAYS",
    "MIN_PASSPHRASE",
    "PRIVATE_KEY_SETTING",
    "VERSION",
    "BundleRefused",
    "CaseBundles",
    "ExportedCase",
    "ImportedCase",
    "Sender",
    "format_public_key",
    "parse_case_key",
    "parse_public_key",
    "read_bundle_file",
    "read_header",
]
