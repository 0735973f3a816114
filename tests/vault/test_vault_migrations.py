"""Alembic on unlock: an older vault upgrades, a newer one is refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import inspect, text
from vault_support import LOGIN, PASSWORD, MadeVault, assert_search_words_in_step

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import Photos
from pixiodoc_desktop.errors import VaultTooNew
from pixiodoc_desktop.sharing import ledger
from pixiodoc_desktop.vault import database
from pixiodoc_desktop.vault.vault import Vault


def _rebuild_at_0001(made_vault: MadeVault) -> dict[str, str]:
    """Replace the vault's database by one of schema 0001 holding a few rows."""
    vault = Vault.open(made_vault.folder)
    vault.unlock(LOGIN, PASSWORD)
    db_key = vault.keys.database
    with vault.write_engine.connect() as conn:
        admin_id = conn.execute(text("SELECT id FROM clinicians")).scalar_one()
        device_id = conn.execute(
            text("SELECT value FROM settings WHERE key = 'device_id'")
        ).scalar_one()
    vault.lock()
    for name in ("vault.db", "vault.db-wal", "vault.db-shm"):
        (made_vault.folder / name).unlink(missing_ok=True)

    engine = database.open_engine(made_vault.folder / database.DB_NAME, db_key)
    try:
        database.migrate(engine, "0001")
        assert database.current_revision(engine) == "0001"
        assert "outbox" not in inspect(engine).get_table_names()
        now = dt.datetime(2024, 1, 2, 3, 4, 5)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO clinicians (id, login, display_name, role, active, created_at)"
                    " VALUES (:id, :login, 'Dr. Anna Weber', 'admin', 1, :now)"
                ),
                {"id": admin_id, "login": LOGIN, "now": now},
            )
            conn.execute(
                text(
                    "INSERT INTO settings (key, value) VALUES"
                    " ('clinic_name', 'Alte Praxis'), ('device_id', :device)"
                ),
                {"device": device_id},
            )
            conn.execute(
                text(
                    "INSERT INTO patients (id, family_name, given_name, search_key, birth_date,"
                    " sex, external_id, notes, deleted, created_at, updated_at, created_by,"
                    " updated_by, version) VALUES ('p-1', 'Grünewald', 'Ilse', 'grunewald ilse',"
                    " '1950-05-06', 'female', NULL, '', 0, :now, :now, :admin, :admin, 1)"
                ),
                {"now": now, "admin": admin_id},
            )
            conn.execute(
                text(
                    "INSERT INTO grants (id, patient_id, grantee, level, created_at, updated_at,"
                    " created_by, updated_by, version) VALUES"
                    " ('g-1', 'p-1', :admin, 'admin', :now, :now, :admin, :admin, 1)"
                ),
                {"now": now, "admin": admin_id},
            )
            conn.execute(
                text(
                    "INSERT INTO visits (id, patient_id, visit_date, reason, conditions, treatment,"
                    " notes, deleted, created_at, updated_at, created_by, updated_by, version)"
                    " VALUES ('v-1', 'p-1', '2024-01-02', '', '[]', '', '', 0, :now, :now,"
                    " :admin, :admin, 1)"
                ),
                {"now": now, "admin": admin_id},
            )
            conn.execute(
                text(
                    "INSERT INTO photos (id, patient_id, visit_id, modality, contact, device,"
                    " width, height, bit_depth, media_type, size_bytes, blob_id,"
                    " thumbnail_blob_id, screen_blob_id, source, source_name, tags, annotations,"
                    " calibration_px_per_mm, notes, deleted, created_at, updated_at, created_by,"
                    " updated_by, version) VALUES ('ph-1', 'p-1', 'v-1', 'dermoscopy-polarised',"
                    " 0, 'DermLite DL5', 640, 480, 8, 'image/jpeg', 1234, 'b-1', 'b-2', 'b-3',"
                    " 'camera', 'old still', '[]', '[]', 32.0, '', 0, :now, :now, :admin,"
                    " :admin, 1)"
                ),
                {"now": now, "admin": admin_id},
            )
            # A secure link as this PC kept it before 0014: a JSON document in its settings.
            link = {
                "id": "ab12cd34", "patient_id": "p-1", "created_by": admin_id,
                "created_at": "2024-01-02T03:04:05+00:00",
                "expires_at": "2024-01-05T03:04:05+00:00",
                "page_until": "2024-01-09T03:04:05+00:00", "level": "reply", "visits": 1,
                "photos": 1, "passcode": False, "folder": "pfx/links/f", "page": "pfx/links/f/p",
                "package": ["pfx/links/f/i"], "reply": "pfx/links/f/r", "state": "live",
                "replies": 0, "visit_ids": ["v-1"],
            }  # fmt: skip
            conn.execute(
                text("INSERT INTO settings (key, value) VALUES ('share_link.ab12cd34', :v)"),
                {"v": json.dumps(link)},
            )
        assert "magnification" not in {c["name"] for c in inspect(engine).get_columns("photos")}
    finally:
        engine.dispose()
    return {"admin": admin_id, "device": device_id}


def test_old_vault_upgrades_on_unlock_and_keeps_its_rows(made_vault: MadeVault) -> None:
    ids = _rebuild_at_0001(made_vault)
    vault = Vault.open(made_vault.folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:
        assert database.current_revision(vault.write_engine) == database.head_revision()
        assert "outbox" in inspect(vault.write_engine).get_table_names()
        assert vault.setting("clinic_name") == "Alte Praxis"
        found = Patients(ws).search(actor, "grunewald")
        assert [(p.id, p.given_name, p.birth_date) for p in found] == [
            ("p-1", "Ilse", dt.date(1950, 5, 6))
        ]
        with vault.read_session() as session:  # 0015: the keys already there, by their words
            assert_search_words_in_step(session)
            words = session.scalars(text("SELECT word FROM patient_words")).all()
        assert words == ["grunewald", "ilse"]
        assert [p.id for p in Patients(ws).search(actor, "grunew")] == ["p-1"]
        Patients(ws).update(actor, "p-1", notes="after the upgrade")  # the new table works
        # 0008: photos gained their magnification; one stored before has none (NULL)
        columns = {c["name"]: c for c in inspect(vault.write_engine).get_columns("photos")}
        assert columns["magnification"]["nullable"]
        (old_photo,) = Photos(ws).list(actor, "p-1")
        assert (old_photo.id, old_photo.magnification) == ("ph-1", None)
        assert old_photo.calibration_px_per_mm == 32.0
        with vault.read_session() as session:
            ops = session.execute(text("SELECT entity, entity_id FROM outbox")).all()
        assert ("patients", "p-1") in [tuple(op) for op in ops]
        # 0014: this PC's secure links moved from its settings into the clinic's list.
        assert vault.setting("share_link.ab12cd34") is None
        moved = ledger.load(vault, "ab12cd34")
        assert moved is not None and moved.device_id == ids["device"]
        assert (moved.reply, moved.package, moved.visit_ids) == (
            "pfx/links/f/r",
            ["pfx/links/f/i"],
            ["v-1"],
        )
        assert moved.expires == dt.datetime(2024, 1, 5, 3, 4, 5, tzinfo=dt.UTC)
        # ... written without a unit of work, so the next sync round queues it whole, once.
        assert ledger.queue_unsent(ws, actor) == ["ab12cd34"]
        with vault.read_session() as session:
            (fields,) = session.execute(
                text("SELECT fields FROM outbox WHERE entity = 'share_links'")
            ).scalars()
        assert json.loads(fields)["reply"] == "pfx/links/f/r"
        assert ledger.queue_unsent(ws, actor) == []
    finally:
        lock(ws, actor)


def test_vault_of_an_unknown_newer_schema_is_refused(made_vault: MadeVault) -> None:
    vault = Vault.open(made_vault.folder)
    vault.unlock(LOGIN, PASSWORD)
    with vault.write_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0042'"))
    vault.lock()
    with pytest.raises(VaultTooNew, match="newer PixioDoc") as caught:
        vault.unlock(LOGIN, PASSWORD)
    assert "Update PixioDoc" in caught.value.message
    assert not vault.is_unlocked
    # nothing was downgraded or rewritten: a second try is refused the same way
    with pytest.raises(VaultTooNew):
        Vault.open(made_vault.folder).unlock(LOGIN, PASSWORD)


def test_fresh_vault_is_at_head(vault: Vault) -> None:
    vault.unlock(LOGIN, PASSWORD)
    assert database.current_revision(vault.write_engine) == database.head_revision()
    vault.lock()


def test_an_unlock_at_the_newest_schema_leaves_alembic_alone(
    made_vault: MadeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shortcut past Alembic names the newest migration (a new one must move it)."""
    assert database.head_revision() == database.SCHEMA_HEAD
    scanned: list[str] = []
    real = database.migration_scripts

    def watched() -> object:
        scanned.append("scripts")
        return real()

    monkeypatch.setattr(database, "migration_scripts", watched)
    vault = Vault.open(made_vault.folder)
    vault.unlock(LOGIN, PASSWORD)
    assert database.stored_revision(vault.write_engine) == database.SCHEMA_HEAD
    vault.lock()
    assert scanned == []
