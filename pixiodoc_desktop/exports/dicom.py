"""Photos as DICOM objects a PACS accepts (DESIGN.md §3: exports interoperate).

Dermoscopy becomes Dermoscopic Photography Image Storage with the
Dermoscopic Image module (polarisation from the modality, contact, the
magnification stored with the photo, the lesion's tracking UID); everything
else VL Photographic Image Storage.
One study per visit, one series per modality in it, one instance per
photo. Every UID is derived deterministically from our record ids
("2.25." + a name-based UUID), so exporting again updates the PACS's copy
instead of adding a second one. Pixels travel as baseline JPEG: a baseline
8-bit original passes through untouched, anything else is re-encoded.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import PYDICOM_IMPLEMENTATION_UID, UID, JPEGBaseline8Bit

from pixiodoc_desktop import __version__
from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES, LEFT
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.visits import VisitOrder
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.exports.records import (
    PatientRecord,
    audit_export,
    durable_file,
    load_record,
    original_image,
)

VL_PHOTOGRAPHIC = UID("1.2.840.10008.5.1.4.1.1.77.1.4")
DERMOSCOPIC_PHOTOGRAPHY = UID("1.2.840.10008.5.1.4.1.1.77.1.7")
STORAGE_CLASSES = (VL_PHOTOGRAPHIC, DERMOSCOPIC_PHOTOGRAPHY)

# Name-based UUIDs under our own namespace: the same record, the same UID, on every PC.
_NAMESPACE = uuid.UUID("0f5c3f0e-6a52-4d7e-9c43-1d2b7e5a8c11")
_SEX = {"female": "F", "male": "M", "other": "O"}
_JPEG_QUALITY = 95


def stable_uid(kind: str, *parts: str) -> str:
    """A DICOM UID (2.25 form, at most 64 characters) for one of our records."""
    return f"2.25.{uuid.uuid5(_NAMESPACE, ':'.join((kind, *parts))).int}"


def study_uid(visit_id: str) -> str:
    return stable_uid("study", visit_id)


def series_uid(visit_id: str, modality: str) -> str:
    return stable_uid("series", visit_id, modality)


def instance_uid(photo_id: str) -> str:
    return stable_uid("instance", photo_id)


@dataclass(frozen=True, slots=True)
class DicomObject:
    """One photo as a DICOM dataset, with the names a folder export gives it."""

    photo_id: str
    dataset: Dataset

    @property
    def sop_instance_uid(self) -> str:
        return str(self.dataset.SOPInstanceUID)

    def encode(self) -> bytes:
        out = io.BytesIO()
        self.dataset.save_as(out, enforce_file_format=True)
        return out.getvalue()


@dataclass(frozen=True, slots=True)
class _Jpeg:
    data: bytes
    width: int
    height: int
    samples: int
    photometric: str
    recompressed: bool


def _is_baseline(image: Image.Image) -> bool:
    layers = getattr(image, "layer", None)
    return (
        image.format == "JPEG"
        and image.mode in ("RGB", "L")
        and not image.info.get("progressive")
        and not image.info.get("progression")
        and getattr(image, "bits", 8) == 8
        and layers is not None
        and image.getexif().get(0x0112, 1) == 1
    )


def baseline_jpeg(data: bytes) -> _Jpeg:
    """The image as an 8-bit baseline JPEG, reusing a baseline original as it is."""
    with Image.open(io.BytesIO(data)) as image:
        if _is_baseline(image):
            samples = 3 if image.mode == "RGB" else 1
            layers = getattr(image, "layer", [])
            subsampled = any(h != 1 or v != 1 for _, h, v, _ in layers[:1])
            photometric = (
                "MONOCHROME2" if samples == 1 else "YBR_FULL_422" if subsampled else "YBR_FULL"
            )
            return _Jpeg(data, image.width, image.height, samples, photometric, False)
        upright = ImageOps.exif_transpose(image)
        if upright.mode == "I;16" or upright.mode.startswith("I"):
            upright = upright.point(lambda v: v / 256).convert("L")
        grey = upright.mode in ("L", "LA", "I", "I;16")
        converted = upright.convert("L" if grey else "RGB")
        out = io.BytesIO()
        # subsampling=1 is 4:2:2, which YBR_FULL_422 describes exactly.
        converted.save(out, "JPEG", quality=_JPEG_QUALITY, subsampling=1, optimize=False)
        return _Jpeg(
            out.getvalue(),
            converted.width,
            converted.height,
            1 if grey else 3,
            "MONOCHROME2" if grey else "YBR_FULL_422",
            True,
        )


def _code(value: str, meaning: str, scheme: str = "SCT") -> Dataset:
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item


def _anatomy(ds: Dataset, site_code: str | None) -> None:
    site = BODY_SITES.get(site_code or "")
    if site is None:
        # No sequence without a code (it would need an item); the series' laterality
        # is then present and empty, which DICOM reserves for "not known".
        ds.Laterality = ""
        return
    region = _code(site.snomed, site.label.split(",")[0])
    if site.laterality is not None:
        left = site.laterality == LEFT
        region.AnatomicRegionModifierSequence = [
            _code(site.laterality, "Left" if left else "Right")
        ]
        ds.ImageLaterality = "L" if left else "R"
    else:
        ds.ImageLaterality = "U"
    ds.AnatomicRegionSequence = [region]


def _person_name(record: PatientRecord) -> str:
    patient = record.patient
    return (
        f"{patient.family_name}^{patient.given_name}" if patient.given_name else patient.family_name
    )


def _da(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def _tm(value: dt.datetime) -> str:
    return value.strftime("%H%M%S")


def build_dataset(
    record: PatientRecord,
    photo: PhotoSummary,
    image: bytes,
    magnifications: Mapping[str, float] | None = None,
) -> DicomObject:
    """The DICOM object for one photo of the record.

    The optical magnification is the one stored with the photo. `magnifications`
    maps device names to a magnification for photos stored before the vault kept
    it (from this workstation's device profiles, which live in its settings).
    """
    patient = record.patient
    visit = record.visit(photo.visit_id)
    modality = Modality(photo.modality)
    dermoscopy = modality.is_dermoscopy
    sop_class = DERMOSCOPIC_PHOTOGRAPHY if dermoscopy else VL_PHOTOGRAPHIC
    jpeg = baseline_jpeg(image)
    taken = photo.captured_at or dt.datetime.combine(visit.visit_date, dt.time(12, 0))

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = UID(instance_uid(photo.id))
    meta.TransferSyntaxUID = JPEGBaseline8Bit
    meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    meta.ImplementationVersionName = f"PIXIODOC_{__version__}"[:16]

    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"  # UTF-8: names with umlauts and accents
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    # Patient
    ds.PatientName = _person_name(record)
    ds.PatientID = patient.external_id or patient.id
    ds.PatientBirthDate = _da(patient.birth_date) if patient.birth_date else ""
    ds.PatientSex = _SEX.get(patient.sex, "")
    # General Study: one per visit; a visit taken from a worklist order is that order's study
    order = visit.order
    ds.StudyInstanceUID = (order and order.study_instance_uid) or study_uid(visit.id)
    ds.StudyDate = _da(visit.visit_date)
    ds.StudyTime = ""
    ds.ReferringPhysicianName = (order and order.referring_physician) or ""
    ds.StudyID = visit.visit_date.strftime("%Y%m%d")[:16]
    ds.AccessionNumber = (order and order.accession_number) or ""
    ds.StudyDescription = (
        (order and order.requested_procedure) or visit.reason or "Dermatology photo documentation"
    )[:64]
    if order is not None:
        _request_attributes(ds, order)
    # General Series: one per modality of the visit
    ds.Modality = "DMS" if dermoscopy else "XC"
    ds.SeriesInstanceUID = series_uid(visit.id, str(modality))
    ds.SeriesNumber = list(Modality).index(modality) + 1
    ds.SeriesDescription = str(modality)
    ds.SeriesDate = _da(visit.visit_date)
    # General Equipment
    ds.Manufacturer = ""
    if photo.device:
        ds.ManufacturerModelName = photo.device[:64]
    ds.SoftwareVersions = f"PixioDoc Desktop {__version__}"
    ds.InstitutionName = record.clinic_name[:64]
    # General Image / Acquisition
    ds.InstanceNumber = record.photos_of(visit.id).index(photo) + 1
    ds.PatientOrientation = ""
    ds.ContentDate = _da(taken.date())
    ds.ContentTime = _tm(taken)
    ds.AcquisitionDateTime = taken.strftime("%Y%m%d%H%M%S")
    ds.AcquisitionDate = _da(taken.date())
    ds.AcquisitionTime = _tm(taken)
    ds.BurnedInAnnotation = "NO"
    ds.RecognizableVisualFeatures = "NO" if dermoscopy else "YES"
    if photo.notes:
        ds.ImageComments = photo.notes[:10240]
    _anatomy(ds, photo.body_site)
    ds.AcquisitionContextSequence = []
    # Image Pixel / VL Image
    ds.SamplesPerPixel = jpeg.samples
    ds.PhotometricInterpretation = jpeg.photometric
    if jpeg.samples == 3:
        ds.PlanarConfiguration = 0
    ds.Rows = jpeg.height
    ds.Columns = jpeg.width
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.LossyImageCompression = "01"
    ds.LossyImageCompressionMethod = "ISO_10918_1"
    if photo.calibration_px_per_mm:
        spacing = f"{1.0 / photo.calibration_px_per_mm:.6g}"
        ds.PixelSpacing = [spacing, spacing]
    if dermoscopy:
        _dermoscopic_image(ds, record, photo, modality, magnifications or {})
    ds.PixelData = encapsulate([jpeg.data])
    ds["PixelData"].VR = "OB"
    # Encapsulated pixel data has an undefined length; file writing fixes this up
    # by itself, network encoding (pynetdicom) does not.
    ds["PixelData"].is_undefined_length = True
    return DicomObject(photo.id, ds)


def _request_attributes(ds: Dataset, order: VisitOrder) -> None:
    """The worklist order in the series' Request Attributes Sequence (General Series, type 3)."""
    item = Dataset()
    if order.accession_number:
        item.AccessionNumber = order.accession_number
    if order.study_instance_uid:
        item.StudyInstanceUID = order.study_instance_uid
    if order.requested_procedure:
        item.RequestedProcedureDescription = order.requested_procedure[:64]
    if order.scheduled_step_id:
        item.ScheduledProcedureStepID = order.scheduled_step_id[:16]
    item.RequestedProcedureID = (order.accession_number or order.scheduled_step_id or "")[:16]
    ds.RequestAttributesSequence = [item]


def _dermoscopic_image(
    ds: Dataset,
    record: PatientRecord,
    photo: PhotoSummary,
    modality: Modality,
    magnifications: Mapping[str, float],
) -> None:
    """The Dermoscopic Image module, from the photo's device profile and its lesion."""
    ds.LightSourcePolarization = (
        "POLARIZED" if modality is Modality.DERMOSCOPY_POLARISED else "NON_POLARIZED"
    )
    # Polarised dermoscopes are mostly used without touching the skin; a
    # non-polarised one needs contact (and an immersion fluid). The photo's own
    # flag wins when the clinician or the device profile set it.
    contact = photo.contact
    if contact is None:
        contact = modality is Modality.DERMOSCOPY_NON_POLARISED
    ds.ContactMethod = "CONTACT" if contact else "NON_CONTACT"
    if contact:
        ds.ImmersionMedia = []  # not recorded by the device profiles (type 2C: present, empty)
    ds.EmitterColorTemperature = None
    # A magnification noted on the photo as a tag ("10x") wins; then the one its
    # scope's profile gave it when it was taken (stored with the photo). Only a photo
    # stored before the vault kept it falls back to this workstation's profile.
    known = photo.magnification or magnifications.get(photo.device or "")
    ds.OpticalMagnificationFactor = _magnification(photo.tags) or (
        f"{known:.6g}" if known else None
    )
    # Enhanced General Equipment: the dermatoscope, as far as the profile names it.
    ds.Manufacturer = "UNKNOWN"
    ds.ManufacturerModelName = (photo.device or "UNKNOWN")[:64]
    ds.DeviceSerialNumber = "UNKNOWN"
    # Frame of Reference: one per lesion (its photos over the years share the
    # skin's coordinates only loosely, but they are the same spot), else per photo.
    ds.FrameOfReferenceUID = stable_uid("frame", photo.lesion_id or photo.id)
    ds.PositionReferenceIndicator = ""
    lesion = record.lesion(photo.lesion_id)
    if lesion is not None:
        ds.TrackingID = lesion.label[:64]
        ds.TrackingUID = lesion.tracking_uid


def _magnification(tags: Sequence[str]) -> str | None:
    """A magnification the device profile left as a tag, e.g. "10x" or "magnification:20"."""
    for tag in tags:
        text = tag.strip().lower().removeprefix("magnification:").strip()
        if text.endswith("x") and text[:-1].replace(".", "", 1).isdigit():
            return text[:-1]
    return None


def build_objects(
    ws: Workstation,
    actor: Actor,
    record: PatientRecord,
    magnifications: Mapping[str, float] | None = None,
) -> list[DicomObject]:
    """Every photo of the record as a DICOM object (decrypted in memory only)."""
    return [
        build_dataset(record, p, original_image(ws, actor, p.id), magnifications)
        for p in record.photos
    ]


def export_folder(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    folder: Path,
    *,
    visit_ids: Sequence[str] = (),
    magnifications: Mapping[str, float] | None = None,
) -> list[Path]:
    """Write one .dcm per photo into `folder` (named by SOP Instance UID, so a re-export
    replaces the same files); audited as DATA_EXPORTED (DICOM, folder)."""
    if not folder.is_dir():
        raise InvalidInput(f"The folder {folder} does not exist")
    record = load_record(ws, actor, patient_id, visit_ids)
    written: list[Path] = []
    for obj in build_objects(ws, actor, record, magnifications):
        target = folder / f"{obj.sop_instance_uid}.dcm"
        with durable_file(target) as handle:
            handle.write(obj.encode())
        written.append(target)
    audit_export(
        ws,
        actor,
        patient_id,
        {
            "format": "DICOM",
            "destination": "folder",
            "studies": len(record.visits),
            "instances": len(written),
        },
    )
    return written
