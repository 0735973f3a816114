"""The character sets GDT files are written in (field 9206), as Python codecs.

GDT 2.1 names three: 1 = 7-bit (the German reference version of ISO 646,
DIN 66003: Ä Ö Ü ä ö ü ß § on [ \\ ] { | } ~ @), 2 = IBM code page 437, 3 =
"ANSI", which the specification means as ISO 8859-1/-15 and many Windows
programs write as cp1252. GDT 3.0 adds 4 = UTF-8. Since implementations
disagree, the clinic may override what a file claims.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from pixiodoc_desktop.errors import InvalidInput


class Charset(StrEnum):
    SEVEN_BIT = "7bit"
    CP437 = "cp437"
    ANSI = "iso8859-15"  # read leniently: bytes 0x80-0x9F as cp1252
    CP1252 = "cp1252"
    UTF8 = "utf-8"


# Field 9206's values; cp1252 is written as "ANSI" (3), the nearest the standard has.
CODE_OF: dict[Charset, str] = {
    Charset.SEVEN_BIT: "1",
    Charset.CP437: "2",
    Charset.ANSI: "3",
    Charset.CP1252: "3",
    Charset.UTF8: "4",
}
BY_CODE: dict[str, Charset] = {
    "1": Charset.SEVEN_BIT,
    "2": Charset.CP437,
    "3": Charset.ANSI,
    "4": Charset.UTF8,
}

_DIN_66003 = {
    0x40: "§",
    0x5B: "Ä",
    0x5C: "Ö",
    0x5D: "Ü",
    0x7B: "ä",
    0x7C: "ö",
    0x7D: "ü",
    0x7E: "ß",
}
_TO_DIN_66003 = {ord(ch): byte for byte, ch in _DIN_66003.items()}


def parse_charset(text: str) -> Charset:
    value = text.strip().lower().replace("_", "-")
    aliases = {
        "7-bit": Charset.SEVEN_BIT,
        "din66003": Charset.SEVEN_BIT,
        "ibm437": Charset.CP437,
        "ansi": Charset.ANSI,
        "iso-8859-15": Charset.ANSI,
        "latin-9": Charset.ANSI,
        "windows-1252": Charset.CP1252,
        "utf8": Charset.UTF8,
    }
    if value in aliases:
        return aliases[value]
    try:
        return Charset(value)
    except ValueError:
        names = ", ".join(c.value for c in Charset)
        raise InvalidInput(f"{text!r} is not a GDT character set (use one of: {names})") from None


def decode(data: bytes, charset: Charset) -> str:
    """Bytes of one field's content as text (never fails: undecodable bytes become U+FFFD)."""
    if charset is Charset.SEVEN_BIT:
        return "".join(_DIN_66003.get(b, chr(b)) if b < 0x80 else "\ufffd" for b in data)
    if charset is Charset.ANSI:
        return "".join(
            bytes([b]).decode("cp1252", "replace")
            if 0x80 <= b <= 0x9F
            else bytes([b]).decode("iso8859-15")
            for b in data
        )
    return data.decode(charset.value, "replace")


# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
     "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i", "ß": "ss"}
)  # fmt: skip


def _plain(ch: str) -> str:
    """A letter the charset lacks, spelled without its accent (é -> e), else '?'."""
    spelled = unicodedata.normalize("NFKD", ch.translate(_UNDECOMPOSED))
    base = "".join(c for c in spelled if not unicodedata.combining(c))
    return base if base and base.isascii() else "?"


def encode(text: str, charset: Charset) -> bytes:
    """Text as the charset's bytes; letters it lacks lose their accent rather than the file."""
    if charset is Charset.SEVEN_BIT:
        out = bytearray()
        for ch in text:
            if ord(ch) in _TO_DIN_66003:
                out.append(_TO_DIN_66003[ord(ch)])
            elif ch.isascii():
                # "[\\]{|}~@" keep their bytes: a Windows path keeps its backslashes,
                # though a DIN 66003 reader shows them as umlauts (the standard's ambiguity).
                out += ch.encode("ascii")
            else:
                out += _plain(ch).encode("ascii")
        return bytes(out)
    codec = charset.value
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode(codec)
        except UnicodeEncodeError:
            out += _plain(ch).encode("ascii")
    return bytes(out)
