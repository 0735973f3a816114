"""The trigram index behind search as you type: same answers, kept in step, no trace after erasure."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.records import patient_search
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault.schema import SEARCH_INDEX

NAMES = [
    ("Müller", "Anna", "MRN-0001"),
    ("Müller-Lüdenscheidt", "Jörg", None),
    ("Schmidt", "Anna Lena", "MRN-0002"),
    ("Schmitt", "Bernd", "X-77"),
    ("Dvořák", "Antonín", None),
    ("Núñez", "María José", "MRN-0103"),
    ("Ølberg", "Åse", None),
    ("Ab", "Cd", None),
    ('Quote"Name', "Percent%_Under", None),
]
QUERIES = [
    "mül",
    "mul",
    "muller anna",
    "anna",
    "ann",
    "an",
    "a",
    "schmi",
    "schmitt bernd",
    "dvor",
    "nunez maria",
    "mrn-000",
    "mrn-0103",
    "x-7",
    "olb",
    "ab cd",
    "b",
    'e"n',
    "%_u",
    "nobody here",
    "1980-04-23",
]


def _indexed(session: Session, word: str) -> list[int]:
    found = session.execute(
        text(f"SELECT rowid FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH :w"),  # noqa: S608
        {"w": patient_search.match_expression([word])},
    )
    return [row[0] for row in found]


def _shadow_bytes(session: Session) -> bytes:
    """Every value of every shadow table of the index, as bytes (the database file is
    encrypted, so traces are looked for where SQLite keeps them, in plain rows)."""
    tables = session.scalars(
        text("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE :p"),
        {"p": f"{SEARCH_INDEX}_%"},
    ).all()
    assert sorted(tables) == [f"{SEARCH_INDEX}_{t}" for t in ("config", "data", "docsize", "idx")]
    out = bytearray()
    for table in tables:
        for row in session.execute(text(f'SELECT * FROM "{table}"')):  # noqa: S608
            for value in row:
                out += value if isinstance(value, bytes) else str(value).encode()
    return bytes(out)


def test_the_index_answers_as_the_full_scan_does(
    services: ClinicServices, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    for family, given, external in NAMES:
        services.patients.create(actor, family_name=family, given_name=given, external_id=external)
    narrowed: list[str] = []
    real = patient_search.narrowed_by_index

    def watched(session: Session, words: list[str]) -> object:
        condition = real(session, words)
        if condition is not None:
            narrowed.append(" ".join(words))
        return condition

    # The list's count of matches (`count_matches`) is narrowed by the index; its pages
    # go through the word index as well (test_patient_search_words.py).
    monkeypatch.setattr(patient_search, "narrowed_by_index", watched)
    with_index = {q: services.patients.count_matches(actor, q) for q in QUERIES}
    assert "nobody here" in narrowed and "mrn-0103" in narrowed and "b" not in narrowed
    monkeypatch.setattr(patient_search, "DENSE", 0)  # the index never narrows: a full scan
    narrowed.clear()
    scanned = {q: services.patients.count_matches(actor, q) for q in QUERIES}
    assert narrowed == []
    assert with_index == scanned
    assert with_index["mül"] == 2 and with_index["nobody here"] == 0
    assert with_index['e"n'] == 1 and with_index["%_u"] == 1
    assert scanned == {q: len(services.patients.search(actor, q)) for q in QUERIES}


def test_common_words_walk_the_key_order_instead(
    services: ClinicServices, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(6):
        services.patients.create(actor, family_name=f"Schneider{n}", given_name="Ute")
    monkeypatch.setattr(patient_search, "DENSE", 5)
    with services.workstation.read_session() as session:
        assert patient_search.narrowed_by_index(session, ["schn"]) is None  # 6 >= 5
        assert patient_search.narrowed_by_index(session, ["schneider3"]) is not None
        assert patient_search.narrowed_by_index(session, ["ut"]) is None  # too short
    assert len(services.patients.search(actor, "schn")) == 6


def test_the_index_follows_every_change(services: ClinicServices, actor: Actor) -> None:
    patient = services.patients.create(actor, family_name="Kowalczyk", given_name="Ewa")
    with services.workstation.read_session() as session:
        assert len(_indexed(session, "kowalczyk")) == 1
    services.patients.update(actor, patient.id, family_name="Nowakowska")
    with services.workstation.read_session() as session:
        assert _indexed(session, "kowalczyk") == []
        assert len(_indexed(session, "nowakowska")) == 1
        session.execute(
            text("INSERT INTO patient_search(patient_search) VALUES ('integrity-check')")
        )
    assert [p.id for p in services.patients.search(actor, "nowako")] == [patient.id]
    assert services.patients.search(actor, "kowalc") == []


def test_erasure_leaves_no_trigram_of_the_name_in_the_index(
    services: ClinicServices, actor: Actor
) -> None:
    # Letters no other name here shares at the start of a trigram, so the index stores
    # each of these trigrams whole (FTS5 shares term prefixes on its pages).
    services.patients.create(actor, family_name="Bleibt", given_name="Hier")
    gone = services.patients.create(actor, family_name="Zyxwvq", given_name="Jyq")
    trigrams = [b"zyx", b"yxw", b"xwv", b"wvq", b"jyq"]
    with services.workstation.read_session() as session:
        before = _shadow_bytes(session)
    assert all(t in before for t in trigrams)  # the scan finds the name while it is there
    services.patients.erase(actor, gone.id, confirm_family_name="Zyxwvq")
    with services.workstation.read_session() as session:
        after = _shadow_bytes(session)
        assert _indexed(session, "zyxwvq") == []
        session.execute(
            text("INSERT INTO patient_search(patient_search) VALUES ('integrity-check')")
        )
    assert [t for t in trigrams if t in after] == []
    assert b"ble" in after  # the patient kept is still indexed
    assert [p.family_name for p in services.patients.search(actor, "blei")] == ["Bleibt"]
