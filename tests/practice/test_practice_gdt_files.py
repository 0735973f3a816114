"""GDT files as the published specification lays them out (3-digit line length
counting itself and CR LF, 4-digit field id, content; 8000 then 8100 with the record's
byte count), in the shapes PVS write them, in every character set; and the refusals."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import pytest

from pixiodoc_desktop.errors import GdtRefused, InvalidInput
from pixiodoc_desktop.practice import gdt
from pixiodoc_desktop.practice.gdt import Field, Obj, RecordType, Version
from pixiodoc_desktop.practice.gdt_charsets import Charset

# A 6302 "Neue Untersuchung anfordern" from PVS1 to PIXO, GDT 2.1, IBM CP437, typed out
# line by line from the specification's layout (lengths worked out by hand, not by code).
SPEC_6302_CP437 = (
    b"01380006302\r\n"
    b"014810000147\r\n"
    b"0138315PIXO\r\n"
    b"0138316PVS1\r\n"
    b"01092062\r\n"
    b"014921802.10\r\n"
    b"01330004711\r\n"
    b"0153101M\x81ller\r\n"  # ü = 0x81 in CP437
    b"0153102J\x81rgen\r\n"
    b"017310301051970\r\n"
    b"01031101\r\n"
)
# 6301 master data in ISO 8859-15 ("ANSI"), as Windows PVS write it: Weiß, Jörg-Äneas.
SPEC_6301_ANSI = (
    b"01380006301\r\n"
    b"014810000148\r\n"
    b"0138315PIXO\r\n"
    b"0138316MEDI\r\n"
    b"01092063\r\n"
    b"014921802.10\r\n"
    b"0123000815\r\n"
    b"0133101Wei\xdf\r\n"
    b"0193102J\xf6rg-\xc4neas\r\n"
    b"017310324121960\r\n"
    b"01031102\r\n"
)
# 6311 "show examination" in 7-bit DIN 66003: M}ller = Müller, Gro~ = Groß.
SPEC_6311_7BIT = (
    b"01380006311\r\n"
    b"014810000118\r\n"
    b"0138315PIXO\r\n"
    b"0138316PVS1\r\n"
    b"01092061\r\n"
    b"014921802.10\r\n"
    b"01330004711\r\n"
    b"0153101M}ller\r\n"
    b"0133102Gro~\r\n"
)
# GDT 3.0 in UTF-8 with objects (8200 ... 8201), LF line ends counted as one byte, as
# some PVS on Linux write them: Ørsted-Şahin, Zoë.
SPEC_6302_30_UTF8_LF = (
    b"01380006302\n"
    b"014810000193\n"
    b"0138315PIXO\n"
    b"0138316PVS3\n"
    b"01092064\n"
    b"014921803.00\n"
    b"0208200Obj_Patient\n"
    b"0133000A-77\n"
    b"0233101\xc3\x98rsted-\xc5\x9eahin\n"
    b"0133102Zo\xc3\xab\n"
    b"017310302021988\n"
    b"0103110W\n"
    b"0208201Obj_Patient\n"
)


def test_spec_layout_6302_cp437() -> None:
    (record,) = gdt.parse(SPEC_6302_CP437, "PIXOPVS1.gdt")
    assert record.record_type is RecordType.NEW_EXAMINATION
    assert (record.receiver, record.sender, record.version) == ("PIXO", "PVS1", "02.10")
    assert record.charset is Charset.CP437
    assert record.first("3000") == "4711"
    assert (record.first("3101"), record.first("3102")) == ("Müller", "Jürgen")
    assert gdt.parse_gdt_date(record.first("3103"), "date of birth") == dt.date(1970, 5, 1)
    assert gdt.parse_sex(record.first("3110")) == "male"


def test_spec_layout_6301_ansi_and_6311_seven_bit() -> None:
    (master,) = gdt.parse(SPEC_6301_ANSI, "PIXOMEDI.001")
    assert master.record_type is RecordType.MASTER_DATA
    assert (master.first("3101"), master.first("3102")) == ("Weiß", "Jörg-Äneas")
    assert gdt.parse_sex(master.first("3110")) == "female"
    (show,) = gdt.parse(SPEC_6311_7BIT, "PIXOPVS1.gdt")
    assert show.record_type is RecordType.SHOW_EXAMINATION
    assert (show.first("3101"), show.first("3102")) == ("Müller", "Groß")


def test_spec_layout_30_objects_utf8_lf_only() -> None:
    (record,) = gdt.parse(SPEC_6302_30_UTF8_LF, "PIXOPVS3.gdt")
    assert record.version == "03.00" and record.objects == ("Obj_Patient",)
    assert (record.first("3101"), record.first("3102")) == ("Ørsted-Şahin", "Zoë")
    assert gdt.parse_sex(record.first("3110")) == "female"


def test_charset_override_wins_over_what_the_file_claims() -> None:
    # The file says CP437 but was written in cp1252 (it happens): the clinic overrides.
    lying = SPEC_6301_ANSI.replace(b"01092063", b"01092062")
    (as_claimed,) = gdt.parse(lying, "x.gdt")
    assert as_claimed.first("3101") != "Weiß"
    (overridden,) = gdt.parse(lying, "x.gdt", override=Charset.CP1252)
    assert overridden.first("3101") == "Weiß"


def test_no_9206_falls_back_to_the_configured_default() -> None:
    data = SPEC_6301_ANSI.replace(b"01092063\r\n", b"").replace(b"00148", b"00138")
    (record,) = gdt.parse(data, "x.gdt", default=Charset.ANSI)
    assert record.first("3101") == "Weiß"


NAMES = ("Müßig-Öztürk", "Ärzte-Übel", "Weiß")
CHARSETS_21 = (Charset.SEVEN_BIT, Charset.CP437, Charset.ANSI, Charset.CP1252)


@pytest.mark.parametrize("record_type", list(RecordType))
@pytest.mark.parametrize(
    ("version", "charset"),
    [(Version.GDT_21, c) for c in CHARSETS_21] + [(Version.GDT_30, c) for c in Charset],
)
def test_every_record_type_version_and_charset_round_trips(
    record_type: RecordType, version: Version, charset: Charset
) -> None:
    items: list[Field | Obj] = [
        Obj("Obj_Patient", (Field("3000", "4711"), Field("3101", NAMES[0]))),
        Field("3102", NAMES[1]),
        Field("6220", f"Befund: {NAMES[2]}\nzweite Zeile"),
        Field("6227", "x" * 2500),  # longer than one line may be: split
    ]
    data = gdt.write_record(
        record_type, items, receiver="PVS1", sender="PIXO", version=version, charset=charset
    )
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(int(ln[:3]) == len(ln) + 2 for ln in lines[:-1])
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert int(lines[1][7:]) == len(data)  # 8100 counts every byte of the record
    (record,) = gdt.parse(data, "out.gdt")
    assert record.record_type is record_type and record.version == version.value
    assert (record.first("3101"), record.first("3102")) == NAMES[:2]
    assert record.all("6220") == [f"Befund: {NAMES[2]}", "zweite Zeile"]
    assert "".join(record.all("6227")) == "x" * 2500
    assert record.objects == (("Obj_Patient",) if version is Version.GDT_30 else ())


def test_utf8_is_refused_for_gdt_21_and_accents_degrade_gracefully() -> None:
    with pytest.raises(InvalidInput, match="UTF-8"):
        gdt.write_record(
            RecordType.RESULT, [], receiver="A", sender="B", version=Version.GDT_21,
            charset=Charset.UTF8,
        )  # fmt: skip
    data = gdt.write_record(
        RecordType.RESULT,
        [Field("3101", "Zoë Ørsted [x]")],
        receiver="A",
        sender="B",
        version=Version.GDT_21,
        charset=Charset.SEVEN_BIT,
    )
    (record,) = gdt.parse(data, "out.gdt")
    assert record.first("3101") == "Zoe Orsted ÄxÜ"  # brackets are umlauts in 7-bit


def _refusal(data: bytes) -> str:
    with pytest.raises(GdtRefused) as caught:
        gdt.parse(data, "PIXOPVS1.gdt")
    return caught.value.message


def test_refusals_name_the_file_and_the_reason() -> None:
    assert "malformed length" in _refusal(SPEC_6302_CP437.replace(b"0153101", b"0163101"))
    assert "unknown field 1234" in _refusal(SPEC_6302_CP437.replace(b"01031101", b"01012341"))
    assert "truncated" in _refusal(SPEC_6302_CP437[:-7])  # cut inside the last line
    cut_at_line = SPEC_6302_CP437[: SPEC_6302_CP437.rindex(b"0153102")]
    assert "truncated" in _refusal(cut_at_line)  # whole lines, but 8100 says more
    assert "binary data" in _refusal(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    assert "record type 6200" in _refusal(SPEC_6302_CP437.replace(b"80006302", b"80006200"))
    assert "8100" in _refusal(SPEC_6302_CP437.replace(b"014810000147\r\n", b""))
    assert "does not start" in _refusal(SPEC_6302_CP437[13:])
    assert "empty" in _refusal(b"\r\n")
    assert "character set 9" in _refusal(SPEC_6302_CP437.replace(b"01092062", b"01092069"))
    unclosed = SPEC_6302_30_UTF8_LF[: SPEC_6302_30_UTF8_LF.rindex(b"0208201")]
    assert "truncated" in _refusal(unclosed.replace(b"00193", b"00173"))
    for message in (_refusal(SPEC_6302_CP437[:-7]), _refusal(b"\x00")):
        assert "PIXOPVS1.gdt" in message and "ller" not in message  # no patient data


def test_a_50_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "PIXOPVS1.gdt"
    with big.open("wb") as handle:
        handle.write(SPEC_6302_CP437)
        handle.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(GdtRefused, match="too large"):
            gdt.read_file(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 256 * 1024


def test_read_file_reads_a_spec_file(tmp_path: Path) -> None:
    path = tmp_path / "PIXOPVS1.001"
    path.write_bytes(SPEC_6302_CP437 + b"\x1a")  # with a DOS end-of-file mark
    (record,) = gdt.read_file(path)
    assert record.first("3101") == "Müller"
    with pytest.raises(GdtRefused, match="cannot be read"):
        gdt.read_file(tmp_path / "missing.gdt")


def test_dates_and_sexes() -> None:
    assert gdt.parse_gdt_date("00001950", "date of birth") is None  # not known
    with pytest.raises(GdtRefused, match="not a valid date"):
        gdt.parse_gdt_date("31021970", "date of birth")
    with pytest.raises(GdtRefused, match="TTMMJJJJ"):
        gdt.parse_gdt_date("1970-05-01", "date of birth")
    assert gdt.gdt_date(dt.date(1970, 5, 1)) == "01051970"
    assert [gdt.parse_sex(v) for v in ("1", "2", "M", "W", "D", "U", "")] == [
        "male", "female", "male", "female", "other", "unknown", None,
    ]  # fmt: skip
    assert gdt.gdt_sex("female", Version.GDT_21) == "2"
    assert gdt.gdt_sex("female", Version.GDT_30) == "W"
