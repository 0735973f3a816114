"""What a sync apply writes outside the clinical records: patient keys, clinicians, settings.

These are not rows with per-field clocks in the record tables but the
clinic's directory: a patient's wrapped data key (or its erasure), the
clinicians (their credentials go to vault.json, flagged `header_pending`)
and the settings every PC shares. Each write leaves a snapshot in
`sync_directory` so the next push and the header writer know the state.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pixiodoc_desktop.sync.ops import (
    CLINICIAN_FIELDS,
    SYNCED_SETTINGS,
    ApplyResult,
    RowState,
    core_table,
)
from pixiodoc_desktop.vault.schema import (
    Clinician,
    PatientKey,
    Setting,
    SyncDirectoryEntry,
    utcnow,
)


class DirectoryWrites:
    """The directory writes of one apply; `credentials` are this PC's wrapped keys by
    user id (vault.json), for a clinician renamed before the directory knew them."""

    def __init__(self, session: Session, credentials: dict[str, Any], result: ApplyResult) -> None:
        self.session = session
        self.credentials = credentials
        self.result = result
        self.keys: dict[str, str] = {}  # patient keys (hex) to write in one go: flush()

    def patient_key(self, patient_id: str, row: RowState) -> None:
        if row.delete:
            self.keys.pop(patient_id, None)
            self.session.execute(delete(PatientKey).where(PatientKey.patient_id == patient_id))
            self._snapshot("patient_key", patient_id, {"erased": True})
            self.result.erased_patients.append(patient_id)
            return
        wrapped = row.changes.get("wrapped_key")
        if wrapped is None:
            return
        self.keys[patient_id] = str(wrapped)

    def flush(self) -> None:
        """Write the patient keys this apply brought: two executemany calls, not two
        statements per patient (a PC joining a group takes 100,000 at once)."""
        if not self.keys:
            return
        stmt = sqlite_insert(core_table(PatientKey))
        self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["patient_id"], set_={"wrapped_key": stmt.excluded.wrapped_key}
            ),
            [{"patient_id": p, "wrapped_key": bytes.fromhex(w)} for p, w in self.keys.items()],
        )
        snapshot = sqlite_insert(core_table(SyncDirectoryEntry))
        self.session.execute(
            snapshot.on_conflict_do_update(
                index_elements=["kind", "key"],
                set_={
                    "snapshot": snapshot.excluded.snapshot,
                    "header_pending": snapshot.excluded.header_pending,
                },
            ),
            [
                {
                    "kind": "patient_key",
                    "key": p,
                    "snapshot": {"wrapped_key": w},
                    "header_pending": False,
                }
                for p, w in self.keys.items()
            ],
        )
        self.keys = {}

    def clinician(self, user_id: str, row: RowState) -> None:
        entry = self.session.get(SyncDirectoryEntry, ("clinician", user_id))
        snapshot = dict(entry.snapshot) if entry else {}
        snapshot.update({k: v for k, v in row.changes.items() if k in CLINICIAN_FIELDS})
        clinician = self.session.get(Clinician, user_id)
        columns = {
            k: snapshot[k] for k in ("login", "display_name", "role", "active") if k in snapshot
        }
        if "login" in columns and (clinician is None or clinician.login != columns["login"]):
            columns["login"] = snapshot["login"] = self._free_login(user_id, str(columns["login"]))
        if clinician is None:
            if {"login", "display_name", "role"} <= columns.keys():
                created = snapshot.get("created_at")
                self.session.add(
                    Clinician(
                        id=user_id,
                        created_at=dt.datetime.fromisoformat(created) if created else utcnow(),
                        **columns,
                    )
                )
        else:
            for key, value in columns.items():
                setattr(clinician, key, value)
        header = bool({"credential", "active", "login", "display_name"} & row.changes.keys())
        self._snapshot("clinician", user_id, snapshot, header_pending=header)
        self.result.header_changed |= header

    def _free_login(self, user_id: str, login: str) -> str:
        """Two PCs created clinicians with the same login: the larger id gets a suffix,
        decided the same way on every PC (vault.json follows)."""
        clash = self.session.scalar(
            select(Clinician).where(
                func.lower(Clinician.login) == login.lower(), Clinician.id != user_id
            )
        )
        if clash is None:
            return login
        if user_id > clash.id:
            return f"{login}.{user_id[:4]}"
        renamed = f"{clash.login}.{clash.id[:4]}"
        entry = self.session.get(SyncDirectoryEntry, ("clinician", clash.id))
        snapshot = (
            dict(entry.snapshot)
            if entry
            else {
                "display_name": clash.display_name,
                "role": clash.role,
                "active": clash.active,
                "created_at": clash.created_at.isoformat(),
                "credential": self.credentials.get(clash.id),
            }
        )
        clash.login = renamed
        self.session.flush()
        snapshot["login"] = renamed
        self._snapshot("clinician", clash.id, snapshot, header_pending=True)
        self.result.header_changed = True
        return login

    def setting(self, key: str, row: RowState) -> None:
        if key not in SYNCED_SETTINGS or "value" not in row.changes:
            return
        value = str(row.changes["value"])
        stmt = sqlite_insert(Setting).values(key=key, value=value)
        self.session.execute(
            stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value})
        )
        self._snapshot("setting", key, {"value": value})

    def _snapshot(
        self, kind: str, key: str, snapshot: dict[str, Any], *, header_pending: bool = False
    ) -> None:
        stmt = sqlite_insert(SyncDirectoryEntry).values(
            kind=kind, key=key, snapshot=snapshot, header_pending=header_pending
        )
        self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["kind", "key"],
                set_={
                    "snapshot": stmt.excluded.snapshot,
                    "header_pending": stmt.excluded.header_pending,
                },
            )
        )
