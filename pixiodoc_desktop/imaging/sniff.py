"""Recognise image files by their first bytes, never by their name.

A file called ``IMG_0042.jpg`` may be a PDF, a PNG or a text file; ingest trusts only
the magic bytes. ``describe_non_image`` gives the refusal message its words."""

from __future__ import annotations

import enum

#: Enough leading bytes for every check in this module.
SNIFF_LENGTH = 32


class ImageType(enum.Enum):
    """The image formats PixioDoc accepts; the value is the media type."""

    JPEG = "image/jpeg"
    PNG = "image/png"
    TIFF = "image/tiff"
    WEBP = "image/webp"
    BMP = "image/bmp"
    HEIC = "image/heic"

    @property
    def label(self) -> str:
        """The name a clinician knows the format by."""
        return _LABELS[self]


_LABELS = {
    ImageType.JPEG: "JPEG",
    ImageType.PNG: "PNG",
    ImageType.TIFF: "TIFF",
    ImageType.WEBP: "WebP",
    ImageType.BMP: "BMP",
    ImageType.HEIC: "HEIC",
}

#: For messages: "accepted: JPEG, PNG, TIFF, WebP, BMP, HEIC".
ACCEPTED_LABELS = ", ".join(_LABELS[t] for t in ImageType)

#: The file names an open dialog offers: every format import accepts, no more.
FILE_PATTERNS: dict[ImageType, tuple[str, ...]] = {
    ImageType.JPEG: ("*.jpg", "*.jpeg"),
    ImageType.PNG: ("*.png",),
    ImageType.TIFF: ("*.tif", "*.tiff"),
    ImageType.WEBP: ("*.webp",),
    ImageType.BMP: ("*.bmp",),
    ImageType.HEIC: ("*.heic", "*.heif"),
}

# ISO base media "ftyp" brands of HEIF still images coded with HEVC.
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"})
# Generic HEIF brands: HEIC only when a HEVC brand is among the compatible brands.
_GENERIC_HEIF_BRANDS = frozenset({b"mif1", b"msf1"})
# BITMAPCOREHEADER, the V1 to V5 info headers and OS/2 variants.
_BMP_DIB_SIZES = frozenset({12, 16, 40, 52, 56, 64, 108, 124})


def detect_image_type(head: bytes) -> ImageType | None:
    """The accepted image type these leading bytes (at most 32 needed) belong to, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return ImageType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ImageType.PNG
    if head.startswith((b"II*\x00", b"MM\x00*")) and head[8:10] != b"CR":
        # Canon CR2 raw files are TIFF-shaped but are not pictures PixioDoc can show.
        return ImageType.TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ImageType.WEBP
    if _is_bmp(head):
        return ImageType.BMP
    if _is_heic(head):
        return ImageType.HEIC
    return None


def _is_bmp(head: bytes) -> bool:
    # "BM" alone is too weak (a text file may start with it): also require the
    # reserved words to be zero and a known DIB header size.
    if len(head) < 18 or not head.startswith(b"BM"):
        return False
    if head[6:10] != b"\x00\x00\x00\x00":
        return False
    return int.from_bytes(head[14:18], "little") in _BMP_DIB_SIZES


def _ftyp_brands(head: bytes) -> tuple[bytes, list[bytes]] | None:
    """Major brand and the compatible brands within ``head`` of an ISO media file."""
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(head[0:4], "big")
    end = min(len(head), box_size) if box_size >= 16 else len(head)
    compatible = [head[i : i + 4] for i in range(16, end - 3, 4)]
    return head[8:12], compatible


def _is_heic(head: bytes) -> bool:
    brands = _ftyp_brands(head)
    if brands is None:
        return False
    major, compatible = brands
    if major in _HEIC_BRANDS:
        return True
    return major in _GENERIC_HEIF_BRANDS and any(b in _HEIC_BRANDS for b in compatible)


def describe_non_image(head: bytes) -> str:
    """A few words for what the leading bytes of a refused file look like."""
    if not head:
        return "empty"
    for magic, words in _KNOWN_MAGIC:
        if head.startswith(magic):
            return words
    brands = _ftyp_brands(head)
    if brands is not None:
        major, _ = brands
        if major in (b"avif", b"avis"):
            return "an AVIF image"
        if major in _GENERIC_HEIF_BRANDS:
            return "a HEIF image that is not HEIC"
        if major == b"qt  ":
            return "a QuickTime video"
        if major.startswith(b"crx"):
            return "a Canon RAW photo"
        return "a video or audio file (MP4 family)"
    if head[:4] == b"RIFF":
        kind = head[8:12]
        return {b"AVI ": "an AVI video", b"WAVE": "a WAV audio file"}.get(kind, "a RIFF file")
    if _looks_like_text(head):
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if stripped.startswith((b"<!doctype html", b"<html")):
            return "an HTML page"
        if stripped.startswith(b"<svg") or (stripped.startswith(b"<?xml") and b"<svg" in stripped):
            return "an SVG drawing"
        if stripped.startswith(b"<?xml"):
            return "an XML document"
        return "plain text"
    if head.startswith(b"BM"):
        return "a damaged or unusual BMP image"
    return "unknown binary data"


_KNOWN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "a JPEG 2000 image"),
    (b"\xff\x4f\xff\x51", "a JPEG 2000 image"),
    (b"\x00\x00\x01\x00", "a Windows icon"),
    (b"8BPS", "a Photoshop document"),
    (b"II*\x00\x10\x00\x00\x00CR", "a Canon RAW photo"),
    (b"FUJIFILMCCD-RAW", "a Fujifilm RAW photo"),
    (b"II+\x00", "a BigTIFF image (not supported)"),
    (b"MM\x00+", "a BigTIFF image (not supported)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office document"),
    (b"SQLite format 3\x00", "a database file"),
    (b"\x1a\x45\xdf\xa3", "a video (Matroska/WebM)"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x01\xba", "an MPEG video"),
)


def _looks_like_text(head: bytes) -> bool:
    """True for UTF-8 (or UTF-16 with a byte order mark) text without control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    # The head may end inside a multi-byte character: ignore an incomplete tail.
    for cut in range(4):
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\t\r\n\f\ufeff" for ch in text)
    return False
