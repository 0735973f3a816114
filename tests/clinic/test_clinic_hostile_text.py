"""Hostile text in patient records: control characters, direction overrides, id case, CSV quirks.

Names reach terminals, reports and other clinics; a CSV export from an EHR is
whatever the practice software wrote. Each case is refused with the field and
the reason, or handled as the clinic expects, and never reinterpreted.
"""

from __future__ import annotations

import csv
import re

import pytest

from pixiodoc_desktop.clinic.exchange.ehr_import import RowStatus, import_csv, parse_mapping
from pixiodoc_desktop.clinic.records.names import visible
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput

MAPPING = parse_mapping("family=Nachname,given=Vorname,external_id=PatNr")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Mül\x07ler", "U+0007"),  # BEL
        ("\x1b[2J\x1b[HWeber", "U+001B"),  # ESC: clears a terminal and writes over it
        ("Kaya\x00", "U+0000"),  # NUL: truncates in C
        ("Rot\x7f", "U+007F"),  # DEL
        ("Nord\x9b31m", "U+009B"),  # C1 CSI
    ],
)
def test_control_characters_are_refused_in_names_and_ids(
    services: ClinicServices, actor: Actor, name: str, shown: str
) -> None:
    with pytest.raises(
        InvalidInput, match=re.escape(f"family name contains a control character ({shown})")
    ):
        services.patients.create(actor, family_name=name)
    with pytest.raises(
        InvalidInput, match=re.escape(f"given name contains a control character ({shown})")
    ):
        services.patients.create(actor, family_name="Berg", given_name=name)
    with pytest.raises(
        InvalidInput, match=re.escape(f"external id contains a control character ({shown})")
    ):
        services.patients.create(actor, family_name="Berg", external_id=name)
    patient = services.patients.create(actor, family_name="Berg")
    with pytest.raises(InvalidInput, match="control character"):
        services.patients.update(actor, patient.id, family_name=name)
    assert services.patients.get(actor, patient.id).family_name == "Berg"
    assert services.patients.count() == 1  # fmt: skip


def test_direction_overrides_are_refused_but_rtl_names_and_marks_are_kept(
    services: ClinicServices, actor: Actor
) -> None:
    # "Weber" stored, displayed as "rebeW": a name that reads as another.
    with pytest.raises(InvalidInput, match=r"text-direction override \(U\+202E\)"):
        services.patients.create(actor, family_name="\u202eWeber")
    with pytest.raises(InvalidInput, match=r"U\+2067"):
        services.patients.create(actor, family_name="Weber", given_name="\u2067Anna")
    arabic = services.patients.create(actor, family_name="حداد", given_name="ليلى\u200f")
    assert arabic.family_name == "حداد" and arabic.given_name == "ليلى\u200f"
    # Tabs and line breaks from a paste are whitespace, folded as before.
    pasted = services.patients.create(actor, family_name="Müller\t-\nLüdenscheidt")
    assert pasted.family_name == "Müller - Lüdenscheidt"


def test_stored_controls_print_visibly() -> None:
    assert visible("\x1b[2JWeber\x07") == "\\u001b[2JWeber\\u0007"
    assert visible("\u202eWeber") == "\\u202eWeber"
    assert visible("Müller, Anna") == "Müller, Anna"


def test_external_ids_are_unique_regardless_of_case(services: ClinicServices, actor: Actor) -> None:
    first = services.patients.create(actor, family_name="Erste", external_id="MRN-1")
    with pytest.raises(InvalidInput, match="Another patient already has the external id MRN-1"):
        services.patients.create(actor, family_name="Zweite", external_id="mrn-1")
    second = services.patients.create(actor, family_name="Zweite", external_id="MRN-2")
    with pytest.raises(InvalidInput, match="external id MRN-1"):
        services.patients.update(actor, second.id, external_id="Mrn-1")
    services.patients.update(actor, first.id, external_id="mrn-1")  # its own id, recased


def _csv(workstation: Workstation, actor: Actor, text: str, *, dry_run: bool = False):  # type: ignore[no-untyped-def]
    return import_csv(workstation, actor, text.encode(), MAPPING, dry_run=dry_run)


def test_csv_controls_and_id_case_are_checked_per_row(
    workstation: Workstation, services: ClinicServices, actor: Actor
) -> None:
    services.patients.create(actor, family_name="Bestand", external_id="MRN-7")
    text = (
        "PatNr,Nachname,Vorname\n"
        "mrn-7,Bestand,Anna\n"  # line 2: the existing patient, typed in lower case
        "A-1,Gl\x07ocke,Bea\n"  # line 3: BEL in the family name
        "A-2,\u202eWeber,Cem\n"  # line 4: an override
        "A-3,Neu,Dora\n"  # line 5: new
        "a-3,Neu,Dora\n"  # line 6: the same patient as line 5
    )
    summary = _csv(workstation, actor, text)
    by_line = {r.line: r for r in summary.rows}
    assert by_line[2].status is RowStatus.MATCHED
    assert by_line[3].status is RowStatus.INVALID
    assert by_line[3].message == "the family name contains a control character (U+0007)"
    assert by_line[4].status is RowStatus.INVALID and "U+202E" in by_line[4].message
    assert by_line[5].status is RowStatus.NEW and by_line[6].status is RowStatus.MATCHED
    assert services.patients.count() == 2


def test_csv_unterminated_quote_and_huge_field_refuse_their_rows(
    workstation: Workstation, services: ClinicServices, actor: Actor
) -> None:
    huge = "x" * (csv.field_size_limit() + 1)
    text = (
        "PatNr,Nachname,Vorname\n"
        "B-1,Vor,Anna\n"  # line 2
        f"B-2,{huge},Bert\n"  # line 3: a field over the csv module's limit
        "B-3,Mitte,Clara\n"  # line 4
        '"B-4,Offen,Dieter\n'  # line 5: a quote that is never closed
    )
    summary = _csv(workstation, actor, text)
    by_line = {r.line: r for r in summary.rows}
    assert by_line[3].status is RowStatus.INVALID
    assert by_line[3].message == "a field is longer than 131,072 characters"
    assert by_line[5].status is RowStatus.INVALID
    assert by_line[5].message == "a quote opened in this row is never closed"
    names = sorted(p.family_name for p in services.patients.search(actor, ""))
    assert names == ["Mitte", "Vor"]  # never a patient named with the raw line
    # A quote that closes lines later swallows them into one name: refused, not guessed.
    summary = _csv(workstation, actor, 'PatNr,Nachname,Vorname\nC-1,"Ein\nZwei",X\nC-2,Drei,Y\n')
    by_line = {r.line: r for r in summary.rows}
    assert by_line[3].status is RowStatus.INVALID
    assert "a quote opened on line 2 is not closed before line 3" in by_line[3].message
    assert by_line[4].status is RowStatus.NEW


def test_csv_past_the_plan_limit_stops_once_and_the_dry_run_agrees(
    workstation: Workstation, services: ClinicServices, actor: Actor
) -> None:
    services.patients.create(actor, family_name="Schon", external_id="S-0")
    rows = "".join(f"P-{n},Name{n},Vor\n" for n in range(5000))
    text = "PatNr,Nachname,Vorname\n" + rows
    dry = _csv(workstation, actor, text, dry_run=True)
    real = _csv(workstation, actor, text)
    for summary in (dry, real):
        assert (summary.new, summary.invalid, summary.over_limit) == (9, 0, 4991)
        assert len(summary.rows) == 9  # said once, not 4,991 times
        assert summary.limit_message.startswith(
            "The Free plan keeps up to 10 patients and this clinic has 10."
        )
    assert dry.text() == (
        "9 new (would be created), 0 matched by external id, 0 invalid; "
        f"4991 more not imported: {dry.limit_message}"
    )
    assert real.created == 9 and services.patients.count() == 10
