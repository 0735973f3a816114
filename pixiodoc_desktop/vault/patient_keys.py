"""A patient's data key (PDK): random, stored wrapped by WK and bound to the patient's id.

Destroying a patient's key shreds their images everywhere (DESIGN.md §2).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from pixiodoc_desktop.errors import VaultDamaged
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.header import RESTORE_HINT, VaultHeader
from pixiodoc_desktop.vault.schema import PatientKey


def aad(header: VaultHeader, patient_id: str) -> bytes:
    return header.aad_base + f":patient:{patient_id}".encode()


def new(session: Session, header: VaultHeader, workspace_key: bytes, patient_id: str) -> bytes:
    """Create a patient's data key and store it wrapped by WK in `session`."""
    pdk = keys.random_key()
    wrapped = keys.wrap(workspace_key, pdk, aad=aad(header, patient_id))
    session.add(PatientKey(patient_id=patient_id, wrapped_key=wrapped))
    return pdk


def unwrap(
    header: VaultHeader, workspace_key: bytes, patient_id: str, wrapped: bytes
) -> bytes | None:
    """A patient's data key from its wrapped form; None if WK does not open it."""
    return keys.unwrap(workspace_key, wrapped, aad=aad(header, patient_id))


def stored(session: Session, header: VaultHeader, workspace_key: bytes, patient_id: str) -> bytes:
    """The patient's data key as stored in the vault; VaultDamaged if missing or damaged."""
    row = session.get(PatientKey, patient_id)
    if row is None:
        raise VaultDamaged(
            f"The data key of patient {patient_id} is missing (erased or damaged); "
            "the patient's images cannot be read."
        )
    pdk = keys.unwrap(workspace_key, row.wrapped_key, aad=aad(header, patient_id))
    if pdk is None:
        raise VaultDamaged(f"The data key of patient {patient_id} is damaged. {RESTORE_HINT}")
    return pdk
