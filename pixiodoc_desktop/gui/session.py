"""The vault and the logged-in clinician, as one window holds them.

Every method here touches the vault and therefore runs on the DB worker
only (the views call them through `DbOperation`). Results are plain frozen
dataclasses that may cross to the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pixiodoc_desktop.errors import UnknownClinician, VaultLocked
from pixiodoc_desktop.vault.in_use import VaultClaim  # os and fcntl only: light at start

if TYPE_CHECKING:  # the unlock screen paints before any of these is loaded (issue 19)
    from pixiodoc_desktop.clinic.records.consent import ConsentDecision
    from pixiodoc_desktop.clinic.records.patients import PatientSummary
    from pixiodoc_desktop.clinic.records.photos import PhotoSummary
    from pixiodoc_desktop.clinic.records.second_opinions import SecondOpinionSummary
    from pixiodoc_desktop.clinic.records.visits import LesionSummary, VisitSummary
    from pixiodoc_desktop.clinic.services import ClinicServices
    from pixiodoc_desktop.clinic.workstation import Actor
    from pixiodoc_desktop.vault.keys import KdfParams
    from pixiodoc_desktop.vault.vault import Vault


@dataclass(frozen=True, slots=True)
class VaultInfo:
    folder: Path
    clinicians: tuple[tuple[str, str], ...]  # (login, display name)
    demo: bool = False  # the public demo clinic (its password may be shown)


@dataclass(frozen=True, slots=True)
class LoginInfo:
    login: str
    display_name: str
    role: str
    clinic_name: str


@dataclass(frozen=True, slots=True)
class PatientRecord:
    """Everything the timeline and the details panel show for one patient."""

    patient: PatientSummary
    visits: tuple[VisitSummary, ...]
    lesions: tuple[LesionSummary, ...]
    photos: tuple[PhotoSummary, ...]
    consents: tuple[ConsentDecision, ...]
    loaded_at: dt.datetime
    complete: bool = True
    # The clinic's; 1.0 is lesion_sizes.DEFAULT_GROWTH_MM (tests/gui/test_startup_imports.py).
    growth_threshold_mm: float = 1.0
    # The clinic's total-body protocol; empty means body_series.DEFAULT_PROTOCOL.
    series_poses: tuple[str, ...] = ()
    series_names: tuple[tuple[str, str], ...] = ()  # (pose, the clinic's own name for it)
    opinions: tuple[SecondOpinionSummary, ...] = ()  # second opinions, newest first


class ClinicSession:
    """Owned by the main window; used from the DB worker thread only."""

    def __init__(self, *, kdf: KdfParams | None = None) -> None:
        self._kdf = kdf  # None: the standard parameters
        self._vault: Vault | None = None
        self._folder: Path | None = None  # opened, its database not touched yet
        self._claim: VaultClaim | None = None  # this window's hold on the open vault's folder
        self._services: ClinicServices | None = None
        self._actor: Actor | None = None

    # --- the vault ------------------------------------------------------------

    @property
    def kdf(self) -> KdfParams:
        """The KDF parameters for vaults and bundles made here."""
        from pixiodoc_desktop.vault.keys import STANDARD_KDF

        return self._kdf or STANDARD_KDF

    @property
    def vault(self) -> Vault | None:
        """The open vault; the database layer (SQLAlchemy, SQLCipher) loads at first use,
        so that opening a folder for the unlock screen reads its header only."""
        if self._vault is None and self._folder is not None:
            from pixiodoc_desktop.vault.vault import Vault

            self._vault = Vault.open(self._folder)
        return self._vault

    def open(self, folder: Path) -> VaultInfo:
        from pixiodoc_desktop.vault.header import DEMO_MARK, read_header

        if self._vault is not None and self._vault.is_unlocked:
            self.lock()
        folder = folder.expanduser().resolve()  # as Vault.open resolves it
        header = read_header(folder)  # fails closed on a damaged header, as Vault.open does
        self._claim_folder(folder)  # VaultInUse: another window has it
        self._vault, self._folder = None, folder
        clinicians = tuple(sorted((c.login, c.display_name) for c in header.credentials))
        return VaultInfo(folder, clinicians, header.extra.get(DEMO_MARK) is True)

    def _claim_folder(self, folder: Path) -> None:
        """Hold `folder` for this window (kept when it is the folder already held)."""
        held = self._claim
        if held is not None and held.held and held.folder == folder.resolve():
            return
        self._claim = VaultClaim.for_window(folder)
        if held is not None:
            held.release()

    def close(self) -> None:
        """Quitting: lock, and let another window have the vault."""
        try:
            self.lock()
        finally:
            if self._claim is not None:
                self._claim.release()
                self._claim = None

    def create(
        self, folder: Path, *, clinic_name: str, login_name: str, display_name: str, password: str
    ) -> tuple[VaultInfo, LoginInfo, str]:
        """Create the vault, log the first Admin in; returns the recovery key (shown once)."""
        from pixiodoc_desktop.vault.vault import Vault

        vault, recovery_key = Vault.create(
            folder,
            clinic_name=clinic_name,
            admin_login=login_name,
            admin_name=display_name,
            password=password,
            kdf=self.kdf,
        )
        vault.lock()
        self._claim_folder(vault.folder)
        self._vault, self._folder = vault, vault.folder
        info = self.unlock(login_name, password)
        return VaultInfo(vault.folder, tuple(vault.clinicians())), info, recovery_key

    def unlock(self, login_name: str, password: str) -> LoginInfo:
        from pixiodoc_desktop.clinic.access import login
        from pixiodoc_desktop.clinic.services import ClinicServices

        vault = self.vault
        if vault is None:
            raise VaultLocked("Choose a vault folder first.")
        ws, actor = login.log_in(vault, login_name, password)
        self._services = ClinicServices.for_workstation(ws)
        self._actor = actor
        return LoginInfo(actor.login, actor.display_name, actor.role, self._services.clinic_name)

    def reset_password(self, recovery_key: str, login_name: str, new_password: str) -> LoginInfo:
        """Recovery-key unlock: set a new password for a clinician, then log them in."""
        from pixiodoc_desktop.clinic.access import login

        vault = self.vault
        if vault is None:
            raise VaultLocked("Choose a vault folder first.")
        ws = login.log_in_with_recovery_key(vault, recovery_key)
        try:
            credential = vault.header.credential(login_name)
            if credential is None:
                raise UnknownClinician(f"There is no clinician with the login {login_name!r}.")
            vault.set_password(
                credential.user_id, credential.login, credential.display_name, new_password
            )
        finally:
            login.lock(ws, None)
        return self.unlock(login_name, new_password)

    def info(self) -> VaultInfo | None:
        """The open vault's folder and clinicians, as they are now (clinicians come and go)."""
        if self.vault is None:
            return None
        return self._info(self.vault)

    @staticmethod
    def _info(vault: Vault) -> VaultInfo:
        from pixiodoc_desktop.vault.header import DEMO_MARK

        demo = vault.header.extra.get(DEMO_MARK) is True
        return VaultInfo(vault.folder, tuple(vault.clinicians()), demo)

    def lock(self) -> None:
        services, actor = self._services, self._actor
        self._services = None
        self._actor = None
        if services is not None:
            from pixiodoc_desktop.clinic.access import login

            login.lock(services.workstation, actor)
        elif self._vault is not None:
            self._vault.lock()

    @property
    def unlocked(self) -> bool:
        return self._services is not None

    def require(self) -> tuple[ClinicServices, Actor]:
        if self._services is None or self._actor is None:
            raise VaultLocked("The vault is locked; log in first.")
        return self._services, self._actor

    # --- reading a patient's record ---------------------------------------------------

    def patient_record(
        self, patient_id: str, *, audited: bool = True, first: int | None = None
    ) -> PatientRecord:
        """Opening a record is audited (PATIENT_VIEWED); a refresh after an edit is not.

        `first` loads only the newest photos (enough for the first screen); `complete`
        on the result says whether the rest still has to be loaded.
        """
        return self.open_timeline(patient_id, audited=audited, first=first)[0]

    def open_timeline(
        self,
        patient_id: str,
        *,
        audited: bool = True,
        first: int | None = None,
        thumbnails: int = 0,
    ) -> tuple[PatientRecord, dict[str, bytes]]:
        """The record in one read session, with the decrypted thumbnails of its newest photos."""
        from pixiodoc_desktop.clinic.records.second_opinions import SecondOpinions
        from pixiodoc_desktop.clinic.records.timeline import Timelines

        services, actor = self.require()
        timeline = Timelines(services.workstation).read(
            actor, patient_id, first=first, thumbnails=thumbnails, audited=audited
        )
        if audited and any(
            not o.seen and o.for_clinician == actor.user_id for o in timeline.opinions
        ):  # the clinician who shared the link opens the record: its new opinions are seen
            SecondOpinions(services.workstation).mark_seen(actor, patient_id)
        record = PatientRecord(
            patient=timeline.patient,
            visits=timeline.visits,
            lesions=timeline.lesions,
            photos=timeline.photos,
            consents=timeline.consents,
            loaded_at=dt.datetime.now(),
            complete=timeline.complete,
            growth_threshold_mm=timeline.growth_threshold_mm,
            series_poses=timeline.series_poses,
            series_names=timeline.series_names,
            opinions=timeline.opinions,
        )
        return record, timeline.thumbnails

    def unseen_opinions(self) -> list[tuple[str, str, str]]:
        """(opinion, patient, patient's name) of second opinions the clinician has not seen."""
        from pixiodoc_desktop.clinic.records.second_opinions import SecondOpinions

        services, actor = self.require()
        return SecondOpinions(services.workstation).unseen(actor)

    def thumbnails(self, patient_id: str, photo_ids: list[str]) -> dict[str, bytes]:
        services, actor = self.require()
        return services.photos.thumbnails(actor, patient_id, photo_ids)
