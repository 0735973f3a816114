"""The word index behind search as you type: pages of substring matches in key order,
read through the words that start a part of each key (migration 0015)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text, update
from sqlalchemy.orm import Session
from vault_support import assert_search_words_in_step

from pixiodoc_desktop.clinic.records import patient_search
from pixiodoc_desktop.clinic.records.patients import fold
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault.schema import Patient

NAMES = [  # ten: the free plan's limit
    ("Müller", "Anna", None),
    ("Müller", "Anna", None),  # the same key twice: the older record first, on every path
    ("Müller-Lüdenscheidt", "Jörg", None),
    ("Bauer-Müller", "Eva", None),  # a word that starts after a hyphen
    ("Schmüller", "Kai", "KH-010"),  # "mull" inside a word: only the trigram index has it
    ("D'Angelo", "Niccolò", "MRN-0103"),
    ("Núñez", "María José", None),
    ('Quote"Name', "Percent%_Under", None),
    ("Ab", "Cd", None),
    ("Lange" + "x" * 40, "Ulrike", None),  # a word longer than the index keeps
]
QUERIES = [
    "mül",
    "mull",
    "muller anna",
    "anna mull",
    "muller-l",
    "lud",
    "bauer-m",
    "chmu",
    "angelo",
    "d'an",
    "mrn-0",
    "0103",
    "01",
    "kh-0",
    "maria jose",
    'e"n',
    "%_u",
    "ab cd",
    "an",
    "lange" + "x" * 35,
    "lange" + "x" * 41,
    "nobody",
]


def _expected(session: Session, query: str) -> list[str]:
    """What the list must show, worked out without the indexes: every patient whose key
    holds every folded word, in key order (the older record first among equal keys)."""
    words = fold(query).split()
    rows = session.execute(text("SELECT search_key, rowid, id FROM patients ORDER BY 1, 2"))
    return [pid for key, _rowid, pid in rows if all(w in key for w in words)]


def _ids(services: ClinicServices, actor: Actor, query: str) -> list[str]:
    return [p.id for p in services.patients.search(actor, query)]


def test_a_page_is_the_substring_matches_in_key_order_on_every_path(
    services: ClinicServices, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    for family, given, external in NAMES:
        services.patients.create(actor, family_name=family, given_name=given, external_id=external)
    with services.workstation.read_session() as session:
        expected = {q: _expected(session, q) for q in QUERIES}
        assert_search_words_in_step(session)
    through_words: list[str] = []
    real = patient_search._by_word_start

    def watched(session: Session, actor: Actor, words: list[str], *rest: Any) -> object:
        through_words.append(" ".join(words))
        return real(session, actor, words, *rest)

    monkeypatch.setattr(patient_search, "_by_word_start", watched)
    assert {q: _ids(services, actor, q) for q in QUERIES} == expected
    # Every query with a word of three letters or more went through the word index ...
    long_enough = [q for q in QUERIES if max(len(w) for w in q.split()) >= 3]
    assert through_words == [" ".join(fold(q).split()) for q in long_enough]
    assert len(expected["mull"]) == 5 and expected["nobody"] == []  # the test means something
    assert len(expected["muller anna"]) == 2 and len(expected["0103"]) == 1
    # ... and walking the key index in order (a common word) gives the same pages.
    monkeypatch.setattr(patient_search, "DENSE", 0)
    through_words.clear()
    assert {q: _ids(services, actor, q) for q in QUERIES} == expected
    assert through_words == []


def test_pages_follow_one_another_without_gaps_or_repeats(
    services: ClinicServices, actor: Actor
) -> None:
    for index in range(7):
        services.patients.create(actor, family_name="Zander", given_name=f"Kind {6 - index}")
    everyone = _ids(services, actor, "zand")
    pages = []
    for offset in range(0, 8, 3):
        page = services.patients.search_page(actor, "zand", offset=offset, limit=3)
        pages.append(([p.id for p in page.patients], page.more))
    assert pages == [(everyone[:3], True), (everyone[3:6], True), (everyone[6:], False)]
    assert [p.given_name for p in services.patients.search(actor, "zand")] == [
        f"Kind {n}" for n in range(7)
    ]


def test_records_the_clinician_may_not_see_or_that_are_deleted_are_left_out(
    services: ClinicServices, actor: Actor, second_clinician: Actor
) -> None:
    """The word index orders candidates before access is checked: a page still fills."""
    mine = []
    for index in range(3):  # ten patients in all: the free plan's limit
        for _hidden in range(2):  # the second clinician's own, not shared with the practice
            services.patients.create(
                second_clinician, family_name="Zander", given_name="A", practice_level=None
            )
        mine.append(services.patients.create(actor, family_name="Zander", given_name=f"B{index}"))
    gone = services.patients.create(actor, family_name="Zander", given_name="B9")
    with services.workstation.vault.write_session() as session, session.begin():
        session.execute(update(Patient).where(Patient.id == gone.id).values(deleted=True))
    first = services.patients.search_page(actor, "zand", limit=2)
    assert [p.id for p in first.patients] == [p.id for p in mine[:2]] and first.more
    rest = services.patients.search_page(actor, "zand", offset=2, limit=2)
    assert ([p.id for p in rest.patients], rest.more, rest.total) == ([mine[2].id], False, 3)
    assert len(services.patients.search(second_clinician, "zand")) == 6 + 3  # own, shared


def test_the_words_follow_every_change_and_leave_nothing_of_an_erased_name(
    services: ClinicServices, actor: Actor
) -> None:
    kept = services.patients.create(actor, family_name="Bleibt", given_name="Hier")
    patient = services.patients.create(actor, family_name="Kowalczyk", given_name="Ewa")
    services.patients.update(actor, patient.id, family_name="Nowak-Zyxwvq", external_id="Q-9")
    with services.workstation.read_session() as session:
        assert_search_words_in_step(session)
        words = session.scalars(text("SELECT word FROM patient_words")).all()
    assert {"nowak-zyxwvq", "zyxwvq", "ewa", "q-9", "9"} <= set(words)
    assert not [w for w in words if "kowal" in w]
    assert _ids(services, actor, "zyxw") == [patient.id] and _ids(services, actor, "kowa") == []
    services.patients.erase(actor, patient.id, confirm_family_name="Nowak-Zyxwvq")
    with services.workstation.read_session() as session:
        assert_search_words_in_step(session)
        left = session.execute(text("SELECT word, search_key FROM patient_words")).all()
    assert left and not [row for row in left if "zyx" in row[0] or "zyx" in row[1]]
    assert _ids(services, actor, "blei") == [kept.id]


def test_a_vault_from_before_the_word_index_gets_it_for_its_patients(
    services: ClinicServices, actor: Actor
) -> None:
    """Migration 0015 indexes the keys already there (and 0014 is reachable again)."""
    from alembic import command

    from pixiodoc_desktop.vault import database

    for family, given, external in NAMES[:6]:
        services.patients.create(actor, family_name=family, given_name=given, external_id=external)
    engine = services.workstation.vault.write_engine
    config = database._alembic_config(engine)
    command.downgrade(config, "0014")
    with services.workstation.read_session() as session:
        tables = session.scalars(text("SELECT name FROM sqlite_master")).all()
    assert not [name for name in tables if "patient_words" in name]
    database.migrate(engine)
    with services.workstation.read_session() as session:
        assert_search_words_in_step(session)
        assert session.scalar(text("SELECT count(*) FROM patient_words")) >= 12
        expected = _expected(session, "mull")
    assert _ids(services, actor, "mull") == expected and len(expected) == 5
