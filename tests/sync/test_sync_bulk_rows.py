"""bulk_rows.insert_rows stores exactly what SQLAlchemy's insert stores (same bind
processors, same column defaults), upserts as asked, in the real SQLCipher vault."""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

import pytest
from sqlalchemy import Table, insert, text

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.sync.bulk_rows import collector_paused, insert_rows
from pixiodoc_desktop.sync.ops import core_table
from pixiodoc_desktop.vault.schema import Patient, SyncBlob, SyncClock, Visit

WHEN = dt.datetime(2024, 3, 1, 9, 30, 15, 250_000)


def _stored(ws: Workstation, table: Table, key: str, value: str) -> dict[str, Any]:
    """Each column as SQLite holds it (quote(): the type and the bytes)."""
    columns = ", ".join(f"quote({c.name}) AS {c.name}" for c in table.columns)
    with ws.vault.read_session() as session:
        row = session.execute(
            text(f"SELECT {columns} FROM {table.name} WHERE {key} = :v"),  # noqa: S608
            {"v": value},
        ).one()
    return dict(row._mapping)


def _both_ways(ws: Workstation, table: Table, rows: list[dict[str, Any]]) -> None:
    """rows[0] by SQLAlchemy, the rest by insert_rows, in one transaction."""
    with ws.vault.write_session() as session, session.begin():
        session.execute(insert(table), rows[:1])
        assert insert_rows(session, table, rows[1:]) == len(rows) - 1


def test_records_are_stored_as_sqlalchemy_stores_them(workstation: Workstation) -> None:
    ws = workstation
    patients, visits = core_table(Patient), core_table(Visit)
    patient = {
        "family_name": "Müller",
        "search_key": "muller",
        "birth_date": dt.date(1961, 2, 3),
        "external_id": None,  # an explicit None stays NULL, not the column's default
        "deleted": False,
        "created_at": WHEN,
        "updated_at": WHEN,
        "created_by": "u",
        "updated_by": "u",
    }  # given_name, sex, notes, version: their defaults
    _both_ways(ws, patients, [{"id": f"p{n}", **patient} for n in range(3)])
    visit = {
        "patient_id": "p0",
        "visit_date": dt.date(2024, 3, 1),
        "conditions": ["Psoriasis", "Ekzem"],
        "accession_number": None,
        "created_at": WHEN,
        "updated_at": WHEN,
        "created_by": "u",
        "updated_by": "u",
    }  # reason, treatment, notes, deleted, version: their defaults
    # in an order that is not the key's: insert_rows sorts each executemany by key
    _both_ways(ws, visits, [{"id": i, **visit} for i in ("v0", "v9", "v1")])
    for table, ids in ((patients, ("p0", "p1", "p2")), (visits, ("v0", "v1", "v9"))):
        by_sqlalchemy = _stored(ws, table, "id", ids[0])
        for other in ids[1:]:
            mine = _stored(ws, table, "id", other)
            assert mine.pop("id") != by_sqlalchemy["id"]
            assert mine == {k: v for k, v in by_sqlalchemy.items() if k != "id"}
    assert _stored(ws, patients, "id", "p1")["given_name"] == "''"
    assert _stored(ws, visits, "id", "v1")["conditions"] == """'["Psoriasis", "Ekzem"]'"""


def test_field_clocks_compact_and_upsert(workstation: Workstation) -> None:
    ws = workstation
    clocks = core_table(SyncClock)
    stamps = {f"f{n}": "0001-a" for n in range(5)} | {"notes": "0002-b"}
    rows = [
        {"entity": "photos", "entity_id": name, "clocks": stamps, "deleted_hlc": None}
        for name in ("x", "y")
    ]
    _both_ways(ws, clocks, rows)
    first, second = _stored(ws, clocks, "entity_id", "x"), _stored(ws, clocks, "entity_id", "y")
    assert {**first, "entity_id": "-"} == {**second, "entity_id": "-"}
    assert "~stamp" in first["clocks"]  # the compact form (sync_tables.Clocks)
    with ws.vault.write_session() as session, session.begin():
        insert_rows(
            session,
            clocks,
            [{"entity": "photos", "entity_id": "y", "clocks": {}, "deleted_hlc": "0003-c"}],
            on_conflict=("entity", "entity_id"),
            update=("clocks", "deleted_hlc"),
        )
        blobs = core_table(SyncBlob)
        insert_rows(session, blobs, [{"blob_id": "b1", "state": "remote", "patient_id": "p"}])
        insert_rows(
            session,
            blobs,
            [
                {"blob_id": "b1", "state": "uploaded", "patient_id": None},
                {"blob_id": "b2", "state": "uploaded", "patient_id": None},
            ],
            on_conflict=("blob_id",),
        )
    with ws.vault.read_session() as session:
        row = session.get(SyncClock, ("photos", "y"))
        assert row is not None and row.clocks == {} and row.deleted_hlc == "0003-c"
        assert session.get(SyncClock, ("photos", "x")).clocks == stamps  # type: ignore[union-attr]
        states = dict(session.execute(text("SELECT blob_id, state FROM sync_blobs")).all())
    assert states == {"b1": "remote", "b2": "uploaded"}  # DO NOTHING kept the first


def test_the_collector_is_on_again_after_a_part_even_a_failed_one() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("the part failed")
    assert gc.isenabled()
    gc.disable()  # off before (an embedding program's choice): left off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
