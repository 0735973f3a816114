"""GDT requests as a PVS writes them, typed out from the specification's layout."""

from __future__ import annotations


def line(field_id: str, content: bytes) -> bytes:
    """One GDT line: the length counts its 3 digits, the 4-digit field id, the content, CR LF."""
    return f"{len(content) + 9:03d}{field_id}".encode() + content + b"\r\n"


def request(record_type: str, fields: list[tuple[str, bytes]], *, charset: str = "3") -> bytes:
    """A request from PVS1 to PIXO (GDT 2.1): 8000, 8100 (the record's bytes), the rest."""
    body = b"".join(
        line(f, c)
        for f, c in [("8315", b"PIXO"), ("8316", b"PVS1"), ("9206", charset.encode()),
                     ("9218", b"02.10"), *fields]
    )  # fmt: skip
    head = line("8000", record_type.encode())
    return head + line("8100", f"{len(head) + 14 + len(body):05d}".encode()) + body


def new_examination(number: str, family: str, given: str, birth: str, sex: str) -> bytes:
    """A 6302 in ISO 8859-15, the shape most Windows PVS write."""
    return request(
        "6302",
        [
            ("3000", number.encode()),
            ("3101", family.encode("iso8859-15")),
            ("3102", given.encode("iso8859-15")),
            ("3103", birth.encode()),
            ("3110", sex.encode()),
        ],
    )
