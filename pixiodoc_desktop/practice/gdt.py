"""GDT records (Gerätedatentransfer 2.1 and 3.0): read and write one file.

A GDT file is a list of lines, each `LLL` (the line's length in bytes, three
digits, counting itself and the closing CR LF) + `FFFF` (the field id) + the
content + CR LF. A record starts with field 8000 (its type) and 8100 (its
length in bytes, five digits). GDT 3.0 groups fields into objects that open
with field 8200 and close with 8201 (both naming the object); we read them
flat and write them as the version asks.

Reading is bounded: a file is refused by its size before it is read, and
every refusal names the file and the reason (malformed length, unknown field,
truncated, binary, unknown record type), never a value from the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from pixiodoc_desktop.errors import GdtRefused, InvalidInput
from pixiodoc_desktop.practice.gdt_charsets import BY_CODE, CODE_OF, Charset, decode, encode

MAX_FILE_BYTES = 1024 * 1024  # a request is a few hundred bytes; a result a few KB
MAX_CONTENT_BYTES = 999 - 9  # three length digits: the whole line is at most 999 bytes


class RecordType(StrEnum):
    MASTER_DATA_REQUEST = "6300"  # Stammdaten anfordern
    MASTER_DATA = "6301"  # Stammdaten übermitteln
    NEW_EXAMINATION = "6302"  # Neue Untersuchung anfordern
    RESULT = "6310"  # Daten einer Untersuchung übermitteln
    SHOW_EXAMINATION = "6311"  # Daten einer Untersuchung zeigen


class Version(StrEnum):
    GDT_21 = "02.10"
    GDT_30 = "03.00"


# The fields of GDT 2.1 and 3.0 a PVS or a device writes into these record types.
# A field outside this list is refused: it means the file is not what it claims.
KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        # record, header, software
        "8000", "8100", "8315", "8316", "9206", "9218", "0102", "0103", "0132",
        "8200", "8201", "8990",
        # patient
        "3000", "3100", "3101", "3102", "3103", "3104", "3105", "3106", "3107", "3108",
        "3110", "3112", "3113", "3114", "3116", "3119", "3622", "3623", "3628", "3632",
        "4104", "4109", "4111", "4121", "4122",
        # examination and result
        "6200", "6201", "6205", "6206", "6210", "6211", "6220", "6221", "6225", "6226",
        "6227", "6228", "6229", "6302", "6303", "6304", "6305", "6306", "6330", "6331",
        "6332", "6333", "8401", "8402", "8403", "8404", "8405", "8406", "8407", "8410",
        "8411", "8418", "8419", "8420", "8421", "8422", "8424", "8425", "8426", "8427",
        "8428", "8429", "8430", "8431", "8432", "8433", "8437", "8438", "8439", "8460",
        "8461", "8462", "8470", "8480", "8490", "8491",
        # 3.0: request ids, the device and the ordering physician
        "7303", "7304", "7305", "7306", "0201", "0211", "0212", "0222", "0223",
    }
)  # fmt: skip
OBJECT_START, OBJECT_END = "8200", "8201"
_BINARY = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Field:
    id: str
    value: str


@dataclass(frozen=True, slots=True)
class Obj:
    """A GDT 3.0 object (8200 ... 8201); written flat in 2.1."""

    name: str
    items: tuple[Field | Obj, ...]


@dataclass(frozen=True, slots=True)
class GdtRecord:
    record_type: RecordType
    fields: tuple[Field, ...]  # every field in file order, objects flattened
    charset: Charset = Charset.SEVEN_BIT
    objects: tuple[str, ...] = field(default=())  # the 3.0 objects met, in order

    def first(self, field_id: str) -> str | None:
        return next((f.value for f in self.fields if f.id == field_id), None)

    def all(self, field_id: str) -> list[str]:
        return [f.value for f in self.fields if f.id == field_id]

    @property
    def version(self) -> str:
        return self.first("9218") or ""

    @property
    def receiver(self) -> str:
        return self.first("8315") or ""

    @property
    def sender(self) -> str:
        return self.first("8316") or ""


# --- reading --------------------------------------------------------------------


def read_file(
    path: Path,
    *,
    override: Charset | None = None,
    default: Charset = Charset.SEVEN_BIT,
    max_bytes: int = MAX_FILE_BYTES,
) -> list[GdtRecord]:
    """The records of a GDT file; GdtRefused (naming the file and why) when it is not one."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise GdtRefused(f"{name} cannot be read: {exc.strerror}") from None
    if size > max_bytes:
        raise GdtRefused(
            f"{name} is too large for a GDT file ({size:,} bytes; at most {max_bytes:,})"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise GdtRefused(f"{name} cannot be read: {exc.strerror}") from None
    if len(data) > max_bytes:  # grew while we looked
        raise GdtRefused(f"{name} is too large for a GDT file (more than {max_bytes:,} bytes)")
    return parse(data, name, override=override, default=default)


@dataclass(slots=True)
class _Line:
    number: int
    field_id: str
    content: bytes
    spec_bytes: int  # as the standard counts it (CR LF = 2)
    file_bytes: int  # as it is in the file


def _lines(data: bytes, name: str) -> Iterator[_Line]:
    if not data.endswith(b"\n"):
        raise GdtRefused(f"{name} ends in the middle of a line (the file is truncated)")
    for number, raw in enumerate(data[:-1].split(b"\n"), start=1):
        crlf = raw.endswith(b"\r")
        line = raw[:-1] if crlf else raw
        head = line[:7]
        if len(line) < 7 or not head.isdigit():
            raise GdtRefused(
                f"{name}, line {number}: not a GDT line (3-digit length, 4-digit field id)"
            )
        declared = int(head[:3])
        spec = len(line) + 2
        # CR LF is what the standard counts; a LF-only file may have counted its one byte.
        if declared != spec and (crlf or declared != spec - 1):
            raise GdtRefused(
                f"{name}, line {number}: the length says {declared} bytes but the line has "
                f"{spec} (malformed length)"
            )
        yield _Line(number, head[3:7].decode(), line[7:], spec, len(line) + (2 if crlf else 1))


def parse(
    data: bytes,
    name: str,
    *,
    override: Charset | None = None,
    default: Charset = Charset.SEVEN_BIT,
) -> list[GdtRecord]:
    """Parse a whole file's bytes (see `read_file`)."""
    data = data.rstrip(b"\x1a")  # a DOS end-of-file mark some PVS still write
    if not data.strip():
        raise GdtRefused(f"{name} is empty")
    if _BINARY.search(data):
        raise GdtRefused(f"{name} is not a GDT file: it holds binary data")
    while data.endswith((b"\r\n\r\n", b"\n\n")):  # blank lines at the end
        data = data[: -2 if data.endswith(b"\r\n") else -1]
    groups: list[list[_Line]] = []
    for line in _lines(data, name):
        if line.field_id == "8000":
            groups.append([])
        elif not groups:
            raise GdtRefused(f"{name} does not start with a record type (field 8000)")
        if line.field_id not in KNOWN_FIELDS:
            raise GdtRefused(f"{name}, line {line.number}: unknown field {line.field_id}")
        groups[-1].append(line)
    return [_record(lines, name, override, default) for lines in groups]


def _record(lines: list[_Line], name: str, override: Charset | None, default: Charset) -> GdtRecord:
    kind = lines[0].content.decode("ascii", "replace").strip()
    try:
        record_type = RecordType(kind)
    except ValueError:
        known = ", ".join(t.value for t in RecordType)
        raise GdtRefused(
            f"{name}: record type {kind} is not one PixioDoc takes ({known})"
        ) from None
    lengths = [ln for ln in lines if ln.field_id == "8100"]
    if not lengths:
        raise GdtRefused(f"{name}: the record length (field 8100) is missing")
    text = lengths[0].content.decode("ascii", "replace")
    declared = int(text) if text.strip().isdigit() else -1
    spec = sum(ln.spec_bytes for ln in lines)
    present = sum(ln.file_bytes for ln in lines)
    if declared not in (spec, present):
        what = "the file is truncated" if declared > spec else "malformed length"
        raise GdtRefused(
            f"{name}: the record length (8100) says {text.strip()} bytes but the record has "
            f"{spec} ({what})"
        )
    code = next(
        (ln.content.decode("ascii", "replace") for ln in lines if ln.field_id == "9206"), None
    )
    if override is not None:
        charset = override
    elif code is None:
        charset = default
    elif code.strip() in BY_CODE:
        charset = BY_CODE[code.strip()]
    else:
        raise GdtRefused(f"{name}: character set {code.strip()} (field 9206) is not 1, 2, 3 or 4")
    fields: list[Field] = []
    open_objects: list[str] = []
    met: list[str] = []
    for ln in lines:
        value = decode(ln.content, charset)
        if ln.field_id == OBJECT_START:
            open_objects.append(value)
            met.append(value)
        elif ln.field_id == OBJECT_END:
            if not open_objects or open_objects[-1] != value:
                raise GdtRefused(f"{name}, line {ln.number}: object end 8201 without its start")
            open_objects.pop()
        else:
            fields.append(Field(ln.field_id, value))
    if open_objects:
        raise GdtRefused(f"{name}: an object (8200) is not closed (the file is truncated)")
    return GdtRecord(record_type, tuple(fields), charset, tuple(met))


# --- values -----------------------------------------------------------------------


def parse_gdt_date(value: str | None, what: str) -> dt.date | None:
    """TTMMJJJJ (GDT's dates); day or month 00 means not known."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if len(text) != 8 or not text.isdigit():
        raise GdtRefused(f"The {what} is not a GDT date (TTMMJJJJ)")
    if text[:2] == "00" or text[2:4] == "00":
        return None
    try:
        return dt.date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError:
        raise GdtRefused(f"The {what} is not a valid date") from None


def gdt_date(value: dt.date) -> str:
    return value.strftime("%d%m%Y")


_SEX_IN = {"1": "male", "2": "female", "M": "male", "W": "female", "F": "female"}
_SEX_IN |= {"D": "other", "X": "other", "U": "unknown"}


def parse_sex(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return _SEX_IN.get(value.strip().upper(), "unknown")


def gdt_sex(sex: str, version: Version) -> str | None:
    if version is Version.GDT_21:
        return {"male": "1", "female": "2"}.get(sex)
    return {"male": "M", "female": "W", "other": "D", "unknown": "U"}.get(sex)


# --- writing ----------------------------------------------------------------------


def _chunks(text: str, charset: Charset) -> Iterator[bytes]:
    """A value as line contents: one per line of text, long lines split on letters."""
    for part in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        encoded = b""
        for ch in part:
            piece = encode(ch, charset)
            if len(encoded) + len(piece) > MAX_CONTENT_BYTES:
                yield encoded
                encoded = b""
            encoded += piece
        if encoded:
            yield encoded


def _line(field_id: str, content: bytes) -> bytes:
    return f"{len(content) + 9:03d}{field_id}".encode("ascii") + content + b"\r\n"


def _flatten(items: Iterable[Field | Obj], version: Version, charset: Charset) -> Iterator[bytes]:
    for item in items:
        if isinstance(item, Obj):
            if version is Version.GDT_30:
                yield _line(OBJECT_START, encode(item.name, charset))
            yield from _flatten(item.items, version, charset)
            if version is Version.GDT_30:
                yield _line(OBJECT_END, encode(item.name, charset))
        else:
            if item.id not in KNOWN_FIELDS or item.id in ("8000", "8100"):
                raise InvalidInput(f"Field {item.id} cannot be written into a GDT record")
            for content in _chunks(item.value, charset):
                yield _line(item.id, content)


def write_record(
    record_type: RecordType,
    items: Sequence[Field | Obj],
    *,
    receiver: str,
    sender: str,
    version: Version,
    charset: Charset,
) -> bytes:
    """One record as the bytes of a GDT file (8100 counting every byte, CR LF lines)."""
    if charset is Charset.UTF8 and version is Version.GDT_21:
        raise InvalidInput("GDT 2.1 has no UTF-8; choose 7bit, cp437 or iso8859-15")
    header = [
        Field("8315", receiver),
        Field("8316", sender),
        Field("9206", CODE_OF[charset]),
        Field("9218", version.value),
    ]
    body = b"".join(_flatten([*header, *items], version, charset))
    first = _line("8000", record_type.value.encode("ascii"))
    total = len(first) + 14 + len(body)  # 14: the 8100 line itself (3 + 4 + 5 + 2)
    if total > 99_999:
        raise InvalidInput("The GDT record would be longer than 99,999 bytes")
    return first + _line("8100", f"{total:05d}".encode("ascii")) + body
