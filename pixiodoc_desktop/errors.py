"""Typed errors. Every message is written for a clinician or the clinic's IT
person: it names the thing and the reason, and never carries patient data
(names, dates of birth, notes) so that it can be logged safely."""

from __future__ import annotations


class PixioDocError(Exception):
    """Root of every error PixioDoc raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --- the vault -------------------------------------------------------------


class VaultError(PixioDocError):
    """Something about the encrypted vault as a whole."""


class VaultNotFound(VaultError):
    """No vault at the given folder."""


class VaultExists(VaultError):
    """Refusing to create a vault over an existing one."""


class VaultDamaged(VaultError):
    """vault.json or the database is missing, unreadable or inconsistent."""


class HeaderAltered(VaultDamaged):
    """vault.json holds values PixioDoc never writes: someone edited it by hand."""


class VaultTooNew(VaultError):
    """The vault was written by a newer PixioDoc than this one."""


class VaultLocked(VaultError):
    """An operation needs the keys, but the vault is locked."""


class VaultBusy(VaultError):
    """Another process has the vault open and the action needs it alone."""


class VaultInUse(VaultBusy):
    """Another PixioDoc window (or a command) on this computer has the vault open."""


class WrongPassword(VaultError):
    """The password or recovery key does not unlock the vault."""

    def __init__(self, message: str, *, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class WeakPassword(VaultError):
    """A new password is too easy to guess."""


class UnknownClinician(VaultError):
    """No clinician with that login in this vault."""


class AccountDeactivated(VaultError):
    """The clinician's account was deactivated by an Admin."""


class BackupError(VaultError):
    """A backup file could not be written or read back."""


# --- records ---------------------------------------------------------------


class RecordNotFound(PixioDocError):
    """A patient, visit, photo or lesion id that does not exist."""


class InvalidInput(PixioDocError):
    """A value a clinician typed is not acceptable (the message says why)."""


class PermissionDenied(PixioDocError):
    """The acting clinician lacks the grant this action needs."""


class PlanLimitReached(PixioDocError):
    """The clinic's plan does not allow this (e.g. an 11th patient on Free)."""


# --- images ----------------------------------------------------------------


class IngestError(PixioDocError):
    """An image could not be taken into the vault."""


class UnsupportedImage(IngestError):
    """Not an image type PixioDoc accepts (detected by content, not by name)."""


class DamagedImage(IngestError):
    """The file claims to be an image but does not decode."""


class ImageTooLarge(IngestError):
    """Too many pixels (a decompression bomb) or too many bytes."""


class BlobDamaged(VaultError):
    """An encrypted image object fails authentication or does not match its id."""


# --- cameras ---------------------------------------------------------------


class CameraError(PixioDocError):
    """A camera (USB dermatoscope, webcam, video file) cannot deliver pictures."""


class CameraUnavailable(CameraError):
    """No camera at that index, name or path."""


class CameraBusy(CameraError):
    """The camera exists but another program holds it."""


class CameraDisconnected(CameraError):
    """The camera stopped delivering pictures (unplugged mid-preview)."""


class AlignmentFailed(PixioDocError):
    """Two photos could not be registered onto each other (unrelated, or too different)."""


class OutlineRefused(PixioDocError):
    """No automatic lesion outline is proposed for this photo; the message says why."""


class NoLesionFound(OutlineRefused):
    """No lesion stands out from the skin (plain skin, a blurred photo)."""


class LesionTouchesEdge(OutlineRefused):
    """The lesion runs off the photo's edge, so its size cannot be measured."""


class HairBreaksOutline(OutlineRefused):
    """Hair hides too much of the lesion's border."""


# --- sync ------------------------------------------------------------------


class SyncError(PixioDocError):
    """Sync with the clinic's cloud endpoint did not complete; nothing local is lost."""


class SyncNotConfigured(SyncError):
    """No endpoint, bucket or credentials have been set up on this workstation."""


class SyncUnavailable(SyncError):
    """The endpoint cannot be reached (offline, wrong address, timeouts)."""


class SyncCredentialsRejected(SyncError):
    """The endpoint refuses the access key or secret."""


class SyncBucketMissing(SyncError):
    """The bucket does not exist at the endpoint."""


class SyncClockSkew(SyncError):
    """This PC's clock differs too much from the endpoint's for signed requests."""


class SyncNotStorage(SyncError):
    """Something other than an S3 endpoint answered (a proxy's or captive portal's web page)."""


class SyncDiskFull(SyncError):
    """The local disk filled up while downloading or applying changes."""


class SyncDataDamaged(SyncError):
    """An object in the bucket fails authentication (altered, or not this clinic's)."""


class SyncBatchMissing(SyncError):
    """Another workstation's op batches are missing from the bucket or damaged there (a
    gap, or fewer than it is known to have written); the writer puts them back."""

    def __init__(self, missing: dict[str, int]) -> None:
        device, seq = sorted(missing.items())[0]
        super().__init__(
            f"Changes of workstation {device[:8]} are missing from the clinic's bucket or "
            f"damaged there (batch {seq}); they are not applied here until that workstation "
            "puts them back at its next sync."
        )
        self.missing = dict(missing)


class SyncBatchAltered(SyncBatchMissing):
    """Another workstation's op batch does not follow the one before it (its link by
    hash, or its writer's head, names another): replaced or reordered in the bucket."""

    def __init__(self, altered: dict[str, int]) -> None:
        device, seq = sorted(altered.items())[0]
        SyncError.__init__(
            self,
            f"Changes of workstation {device[:8]} in the clinic's bucket were replaced or "
            f"reordered (batch {seq} does not follow the one before it); they are not "
            "applied here until that workstation puts its own copy back at its next sync.",
        )
        self.missing = dict(altered)


class SyncLossNotPending(SyncError):
    """An Admin tried to accept as lost a batch this PC does not report missing."""

    def __init__(self, device: str, batch: int) -> None:
        super().__init__(
            f"Workstation {device} has no missing batch {batch} on this PC, so there is "
            "nothing to accept; pixiodoc sync status lists what is missing."
        )


class SyncAuditMismatch(SyncError):
    """An audit chain here is shorter than, or differs from, what another PC has seen."""

    def __init__(self, device: str, seq: int, reason: str) -> None:
        super().__init__(
            f"The audit trail of workstation {device[:8]} does not match what the clinic's "
            f"workstations have seen of it (event {seq}): it was cut short or rewritten. "
            "Check it with pixiodoc audit verify and tell the practice Admin."
        )
        self.device, self.seq, self.reason = device, seq, reason


class SyncImageMissing(SyncError):
    """An image object a pull needs is not in the bucket or fails its check; retried."""

    def __init__(self, count: int) -> None:
        super().__init__(
            f"{count} image(s) from the other workstations are missing from the clinic's "
            "bucket or damaged there; sync fetches them again at its next round."
        )
        self.count = count


class ImageInBucket(SyncError):
    """An image of a photo is kept in the clinic's bucket until it is first shown (images
    on demand) and is not on this PC yet: fetch it (sync.ondemand), then read it again."""

    def __init__(self, blob_id: str) -> None:
        super().__init__(
            "This image is still in the clinic's bucket and not yet on this PC; connect "
            "to the clinic's network and try again (it is fetched first)."
        )
        self.blob_id = blob_id


class SyncImageNotFetched(SyncImageMissing):
    """One image shown on demand is missing from the clinic's bucket or fails its check."""

    def __init__(self) -> None:
        SyncError.__init__(
            self,
            "This image is missing from the clinic's bucket or damaged there; it is tried "
            "again at the next sync round or when it is shown again.",
        )
        self.count = 1


class ExportImageNotFetched(SyncError):
    """An export on a PC with images on demand could not fetch an image it needs from the
    clinic's bucket first (offline, or the object is missing or damaged there); nothing
    was exported."""

    def __init__(self, mrn: str, visit_date: str, reason: str) -> None:
        super().__init__(
            f"A photo of patient {mrn} from the visit of {visit_date} could not be fetched "
            f"from the clinic's bucket: {reason}. Nothing was exported."
        )
        self.mrn = mrn
        self.visit_date = visit_date
        self.reason = reason


class EnrollmentInvalid(SyncError):
    """An enrollment code that is mistyped, expired, used up or not found."""


class SyncWorkspaceRetired(SyncError):
    """The practice's keys were renewed on another workstation: the bucket folder this PC
    syncs with is retired, and it pushes nothing more there until it re-joins."""

    def __init__(self, renewed_at: str) -> None:
        super().__init__(
            f"The practice's keys were renewed on another workstation ({renewed_at} UTC); "
            "this workstation no longer syncs with the old keys and sent nothing. Ask a "
            "practice Admin for an enrollment code and re-join this workstation with it "
            "(pixiodoc sync rejoin --code CODE); its changes are kept and go out then."
        )
        self.renewed_at = renewed_at


# --- exports and the PACS -----------------------------------------------------------


class PacsError(PixioDocError):
    """The PACS did not take the images (the message says why); nothing local changed."""


class PacsNotConfigured(PacsError):
    """No PACS (or no DICOMweb URL) has been set up for this clinic."""


class PacsUnreachable(PacsError):
    """Nothing answers at the PACS's host and port, or its DICOMweb URL."""


class AssociationRejected(PacsError):
    """The PACS refused the DICOM association, usually because it does not know our AE title."""


class StoreRefused(PacsError):
    """The PACS took the connection but refused images (a DIMSE status or an HTTP error)."""


class RetentionHold(PixioDocError):
    """A patient's record is under a retention hold and cannot be erased until it is released."""


# --- the practice software (GDT) and the DICOM worklist -------------------------------


class PracticeError(PixioDocError):
    """The exchange with the practice software or the hospital's worklist did not work."""


class GdtRefused(PracticeError):
    """A GDT file is malformed, truncated, binary, too large or of an unknown kind."""


class GdtNotConfigured(PracticeError):
    """No GDT exchange with the practice software has been set up on this vault."""


class WorklistNotConfigured(PracticeError):
    """No DICOM worklist has been set up on this vault."""


# --- the paired phone -----------------------------------------------------------------


class PhoneError(PixioDocError):
    """Capture with a phone cannot go on (the message says why)."""


class PairingRefused(PhoneError):
    """A request the phone server turns away: unknown, used, expired or ended pairing, no token."""

    def __init__(self, message: str, *, reason: str, status: int) -> None:
        super().__init__(message)
        self.reason = reason  # a stable word the phone page translates ("expired", "used", ...)
        self.status = status  # the HTTP status the phone receives


class UploadRefused(PhoneError):
    """A photo from the phone that is not taken (wrong key, too large, too many, not an image)."""

    def __init__(self, message: str, *, reason: str, status: int) -> None:
        super().__init__(message)
        self.reason = reason
        self.status = status


class PhoneServerUnavailable(PhoneError):
    """The phone server cannot listen (the port is taken, or the certificate does not load)."""


class PhoneRelayNeedsSync(PhoneError):
    """The bucket route needs the clinic's sync bucket, and sync is not set up here."""


class ShareLinkError(PixioDocError):
    """A secure link cannot be made, changed or read (the message says why)."""


class ShareLinkNeedsSync(ShareLinkError):
    """Links live in the clinic's bucket: without sync there is nowhere to put one."""


class ShareLinkReplyRefused(ShareLinkError):
    """A colleague's reply that cannot be opened (a wrong key, or altered on the way)."""
