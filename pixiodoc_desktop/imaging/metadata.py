"""What PixioDoc keeps of a photo's metadata, and how it drops the rest.

A camera file can carry the clinic's GPS position, the owner's name, serial numbers,
maker notes and an embedded thumbnail of the uncropped picture. We read only the few
facts the timeline needs (orientation, capture time, camera), and for JPEG rewrite the
marker segments so that the entropy-coded pixels stay byte for byte what the camera
wrote while everything else identifying is gone.

The EXIF reader here is deliberately small and forgiving: it never raises and never
warns, whatever bytes it is given, so hostile files cannot break ingest through it."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from PIL import Image

_TAG_MAKE = 0x010F
_TAG_MODEL = 0x0110
_TAG_ORIENTATION = 0x0112
_TAG_EXIF_IFD = 0x8769
_TAG_DATETIME_ORIGINAL = 0x9003
_TAG_OFFSET_TIME_ORIGINAL = 0x9011

_TYPE_ASCII = 2
_TYPE_SHORT = 3
_TYPE_LONG = 4
_TYPE_IFD = 13
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}

_MAX_IFD_ENTRIES = 1000
_MAX_TEXT = 64

_DATETIME = re.compile(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


@dataclass(frozen=True, slots=True)
class PhotoFacts:
    """The metadata PixioDoc keeps: nothing here identifies a patient or a place."""

    orientation: int = 1
    captured_at: datetime | None = None
    camera_make: str | None = None
    camera_model: str | None = None

    def with_camera(self, *, captured_at: datetime | None, camera_model: str | None) -> PhotoFacts:
        """These facts with a capture time and camera model that the caller knows better."""
        return replace(self, captured_at=captured_at, camera_model=_clean_text(camera_model))


# --- reading EXIF ------------------------------------------------------------


def read_photo_facts(exif: bytes | None) -> PhotoFacts:
    """The kept facts from an EXIF block ("Exif\\0\\0" + TIFF, or bare TIFF), or defaults.

    A TIFF file is itself such a block, so its bytes can be passed whole."""
    if not exif:
        return PhotoFacts()
    tiff = exif[6:] if exif.startswith(b"Exif") else exif
    reader = _TiffReader.open(tiff)
    if reader is None:
        return PhotoFacts()
    ifd0 = reader.ifd(reader.first_ifd)
    exif_ifd: dict[int, tuple[int, int, int]] = {}
    pointer = reader.integer(ifd0.get(_TAG_EXIF_IFD))
    if pointer is not None:
        exif_ifd = reader.ifd(pointer)
    orientation = reader.integer(ifd0.get(_TAG_ORIENTATION))
    return PhotoFacts(
        orientation=orientation if orientation is not None and 1 <= orientation <= 8 else 1,
        captured_at=_parse_datetime(
            reader.text(exif_ifd.get(_TAG_DATETIME_ORIGINAL)),
            reader.text(exif_ifd.get(_TAG_OFFSET_TIME_ORIGINAL)),
        ),
        camera_make=_clean_text(reader.text(ifd0.get(_TAG_MAKE))),
        camera_model=_clean_text(reader.text(ifd0.get(_TAG_MODEL))),
    )


class _TiffReader:
    """Bounds-checked access to the IFDs of a classic TIFF structure."""

    def __init__(self, data: bytes, order: str, first_ifd: int) -> None:
        self.data = data
        self.order = order
        self.first_ifd = first_ifd

    @classmethod
    def open(cls, data: bytes) -> _TiffReader | None:
        if len(data) < 8:
            return None
        if data.startswith(b"II*\x00"):
            order = "<"
        elif data.startswith(b"MM\x00*"):
            order = ">"
        else:
            return None
        return cls(data, order, struct.unpack_from(order + "I", data, 4)[0])

    def ifd(self, offset: int) -> dict[int, tuple[int, int, int]]:
        """Tag -> (type, count, offset of the value) for the IFD at ``offset``."""
        entries: dict[int, tuple[int, int, int]] = {}
        if offset < 8 or offset + 2 > len(self.data):
            return entries
        (count,) = struct.unpack_from(self.order + "H", self.data, offset)
        count = min(count, _MAX_IFD_ENTRIES, (len(self.data) - offset - 2) // 12)
        for index in range(count):
            position = offset + 2 + 12 * index
            tag, kind, n = struct.unpack_from(self.order + "HHI", self.data, position)
            size = _TYPE_SIZES.get(kind, 0) * n
            if size == 0:
                continue
            if size <= 4:
                value_at = position + 8
            else:
                (value_at,) = struct.unpack_from(self.order + "I", self.data, position + 8)
            if value_at + size > len(self.data):
                continue
            entries.setdefault(tag, (kind, n, value_at))
        return entries

    def integer(self, entry: tuple[int, int, int] | None) -> int | None:
        if entry is None:
            return None
        kind, _, at = entry
        if kind == _TYPE_SHORT:
            return int(struct.unpack_from(self.order + "H", self.data, at)[0])
        if kind in (_TYPE_LONG, _TYPE_IFD):
            return int(struct.unpack_from(self.order + "I", self.data, at)[0])
        return None

    def text(self, entry: tuple[int, int, int] | None) -> str | None:
        if entry is None or entry[0] != _TYPE_ASCII:
            return None
        _, n, at = entry
        raw = self.data[at : at + min(n, 4 * _MAX_TEXT)].split(b"\x00", 1)[0]
        return raw.decode("utf-8", errors="replace")


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    text = "".join(ch for ch in value if ch.isprintable()).strip()[:_MAX_TEXT].strip()
    return text or None


def _parse_datetime(value: str | None, offset: str | None) -> datetime | None:
    if value is None:
        return None
    match = _DATETIME.match(value.strip())
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError:  # "0000:00:00 00:00:00" and other impossible dates
        return None
    zone = _parse_offset(offset)
    return moment if zone is None else moment.replace(tzinfo=zone)


def _parse_offset(value: str | None) -> timezone | None:
    if value is None:
        return None
    match = _OFFSET.fullmatch(value.strip())
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta >= timedelta(hours=24) or int(minutes) >= 60:
        return None
    return timezone(-delta if sign == "-" else delta)


def without_orientation(data: bytes) -> bytes:
    """A TIFF file, or a PNG file, whose orientation no decoder will apply by itself.

    OpenCV turns some files upright on its own, depending on its version and despite
    IMREAD_UNCHANGED; with the tag neutralised, PixioDoc applies the turn exactly once."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png_without_chunk(data, b"eXIf")
    reader = _TiffReader.open(data)
    if reader is None:
        return data
    entry = reader.ifd(reader.first_ifd).get(_TAG_ORIENTATION)
    if entry is None or entry[0] != _TYPE_SHORT:
        return data
    patched = bytearray(data)
    struct.pack_into(reader.order + "H", patched, entry[2], 1)
    return bytes(patched)


def _png_without_chunk(png: bytes, kind: bytes) -> bytes:
    parts = [png[:8]]
    pos = 8
    while pos + 8 <= len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        end = pos + 12 + length
        if png[pos + 4 : pos + 8] != kind:
            parts.append(png[pos:end])
        pos = end
    parts.append(png[pos:])
    return b"".join(parts)


# --- writing EXIF ------------------------------------------------------------


def build_exif(facts: PhotoFacts) -> bytes:
    """A fresh, minimal EXIF block ("Exif\\0\\0" + TIFF) holding only ``facts``."""
    exif = Image.Exif()
    exif[_TAG_ORIENTATION] = facts.orientation
    if facts.camera_make:
        exif[_TAG_MAKE] = facts.camera_make
    if facts.camera_model:
        exif[_TAG_MODEL] = facts.camera_model
    if facts.captured_at is not None:
        moment = facts.captured_at
        sub_ifd = exif.get_ifd(_TAG_EXIF_IFD)
        sub_ifd[_TAG_DATETIME_ORIGINAL] = (
            f"{moment.year:04d}:{moment.month:02d}:{moment.day:02d} "
            f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
        )
        offset = moment.utcoffset()
        if offset is not None:
            minutes = int(offset.total_seconds()) // 60
            sign = "-" if minutes < 0 else "+"
            hours, minutes = divmod(abs(minutes), 60)
            sub_ifd[_TAG_OFFSET_TIME_ORIGINAL] = f"{sign}{hours:02d}:{minutes:02d}"
    return exif.tobytes()


# --- rewriting JPEG marker segments ---------------------------------------------


class JpegStructureError(ValueError):
    """The JPEG marker structure is broken; ``reason`` completes "<file> is damaged: ..."."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_TRUNCATED = "the JPEG data ends early (truncated file)"

_SOI = 0xD8
_EOI = 0xD9
_SOS = 0xDA
_APP0 = 0xE0
_APP1 = 0xE1
_APP2 = 0xE2
_APP14 = 0xEE
_COM = 0xFE
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})

# The next marker after entropy-coded data: 0xFF followed by anything but a stuffed
# zero, a restart marker or a fill byte. (A simple class: "\xff+" makes re 20x slower.)
_MARKER_AFTER_SCAN = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")


@dataclass(frozen=True, slots=True)
class JpegLayout:
    """A JPEG split into the segments kept (in order) and the EXIF block found."""

    kept: tuple[bytes, ...]
    exif_at: int  # index in ``kept`` where the new EXIF segment goes
    exif: bytes | None  # the first Exif APP1 payload ("Exif\\0\\0" + TIFF) of the original

    def rebuild(self, exif: bytes) -> bytes:
        """The JPEG with ``exif`` as its only EXIF segment; the pixel data untouched."""
        if len(exif) + 2 > 0xFFFF:
            msg = "EXIF block too long for one segment"
            raise ValueError(msg)
        app1 = b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif
        parts = [b"\xff\xd8", *self.kept[: self.exif_at], app1, *self.kept[self.exif_at :]]
        parts.append(b"\xff\xd9")
        return b"".join(parts)


def split_jpeg(data: bytes) -> JpegLayout:
    """Walk the marker segments, dropping what identifies; raise JpegStructureError if broken.

    Kept: APP0 JFIF (without its thumbnail), APP2 ICC profile, APP14 Adobe and every
    segment the decoder needs. Dropped: APP1 (EXIF, XMP), APP13 (IPTC), COM, all other
    APPn, and anything after the end-of-image marker (MPF pictures, motion-photo video).
    Reaching the end of the data before the end-of-image marker means a truncated file."""
    if not data.startswith(b"\xff\xd8"):
        raise JpegStructureError("the JPEG start marker is missing")
    kept: list[bytes] = []
    exif: bytes | None = None
    exif_at = 0
    end = len(data)
    pos = 2
    while True:
        pos = data.find(b"\xff", pos)  # tolerate stray bytes between segments
        if pos < 0:
            raise JpegStructureError(_TRUNCATED)
        while pos < end and data[pos] == 0xFF:
            pos += 1
        if pos >= end:
            raise JpegStructureError(_TRUNCATED)
        marker = data[pos]
        pos += 1
        if marker == _EOI:
            break
        if marker in _STANDALONE:
            continue
        if marker in (_SOI, 0x00):
            raise JpegStructureError("the JPEG data is corrupt (a misplaced marker)")
        if pos + 2 > end:
            raise JpegStructureError(_TRUNCATED)
        length = int.from_bytes(data[pos : pos + 2], "big")
        if length < 2:
            raise JpegStructureError("the JPEG data is corrupt (a bad segment length)")
        segment_end = pos + length
        if segment_end > end:
            raise JpegStructureError(_TRUNCATED)
        payload = data[pos + 2 : segment_end]
        segment = data[pos - 2 : segment_end]
        if _APP0 <= marker <= 0xEF or marker == _COM:
            if marker == _APP1 and exif is None and payload.startswith(b"Exif\x00"):
                exif = payload
            kept_segment = _kept_app_segment(marker, payload)
            if kept_segment is not None:
                kept.append(kept_segment)
                if marker == _APP0 and len(kept) == 1:
                    exif_at = 1  # JFIF must stay first; EXIF follows it
        else:
            kept.append(segment)
        pos = segment_end
        if marker == _SOS:
            match = _MARKER_AFTER_SCAN.search(data, pos)
            if match is None:
                raise JpegStructureError(_TRUNCATED)
            kept.append(data[pos : match.start()])
            pos = match.start()
    return JpegLayout(kept=tuple(kept), exif_at=exif_at, exif=exif)


def _kept_app_segment(marker: int, payload: bytes) -> bytes | None:
    if marker == _APP0 and payload.startswith(b"JFIF\x00") and len(payload) >= 14:
        # Version, units and density; the thumbnail size is set to 0 x 0 and its pixels dropped.
        body = payload[:12] + b"\x00\x00"
    elif (marker == _APP2 and payload.startswith(b"ICC_PROFILE\x00")) or (
        marker == _APP14 and payload.startswith(b"Adobe")
    ):
        body = payload
    else:
        return None
    return bytes((0xFF, marker)) + (len(body) + 2).to_bytes(2, "big") + body
