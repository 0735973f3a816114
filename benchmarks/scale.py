"""A clinic group's vault: search, a long timeline and unlock at 100,000 patients.

The vault of twenty dermatologists over ten years: 100,000 patients, 300,000 visits and
2,000,000 photo rows (with --quick: 2,000 / 6,000 / 40,000). Rows are written with
executemany in large transactions straight into the SQLCipher database (the schema and
indexes the application creates); photos name random blob ids, except the 1,000 photos
of one closely followed patient, whose thumbnails are real encrypted objects. The
baseline is the same database exported to plain SQLite (``sqlcipher_export``: the same
schema, rows and indexes, unencrypted) and the same queries on it, in the same run.

Figures (each against its baseline):

* patient search as you type: p95 of ~300 queries through ``Patients.search_page`` (target
  <= 20 ms) against the very statements it sent, run again on the plain copy right after
  each query (the same schema, indexes and queries, unencrypted, no Python building
  rows); ratio = baseline / real. Beside it, the first page by the substring match alone
  on the plain copy (``plain_search``: what the baseline was before the word index);
* a timeline of 1,000 photos, first screenful: ``Photos.list(limit=...)`` and the
  decrypted thumbnails of the first screenful (target <= 150 ms) against the same query
  on the plain copy and reading the same thumbnails as plain files;
* unlock to the first search answered, Argon2id included (target <= 1 s), and without
  the derivation (what the database and the schema check cost at this size).

With --reuse, a folder kept by an older PixioDoc is first brought to the current schema
(its vault on unlock, as a clinic's would be, and its plain copy alike), timed apart
(``migrated``), so that the unlocks measured after it are ordinary ones.

Measured elsewhere at this size: the GUI's peak memory with the vault open
(benchmarks/scale_memory.py), ``vault verify`` per GB (benchmarks/verify.py), a new
workstation joining and an idle sync round (benchmarks/scale_sync.py).

    python benchmarks/scale.py [--quick] [--patients N] [--visits N] [--photos N] [--keep]
                               [--reuse DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import operator
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import _common
from _patients import (
    LOGIN,
    PASSWORD,
    PatientRow,
    camera_photo,
    create_vault,
    grant_rows,
    key_rows,
    make_patients,
    make_queries,
    patient_rows,
    record_stamp,
)
from _search_timing import (
    compare_replayed,
    p95_headline,
    plain_count,
    plain_search,
    time_queries,
    unlock_to_first_query,
)
from sqlalchemy import create_engine, insert
from sqlalchemy.dialects import sqlite

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patient_search import DENSE
from pixiodoc_desktop.clinic.records.patients import COUNT_CAP, PAGE
from pixiodoc_desktop.clinic.records.photos import ImageSize
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.vault import database
from pixiodoc_desktop.vault.blobs import encrypt_blob
from pixiodoc_desktop.vault.keys import MINIMUM_KDF, STANDARD_KDF
from pixiodoc_desktop.vault.schema import Grant, Patient, PatientKey, Photo, Visit
from pixiodoc_desktop.vault.vault import Vault

TARGET_SEARCH_P95_MS = 20.0
TARGET_SCREENFUL_MS = 150.0
TARGET_UNLOCK_S = 1.0
FOLLOWED_PHOTOS = 1_000
SCREENFUL = 14  # thumbnails the record loader decrypts with the first screenful
LIST_LIMIT = 60  # rows the timeline asks for first (a screenful and some)
CHUNK = 50_000
BUILT = "built.json"  # what a kept folder holds, for --reuse


def _visits_and_photos(
    patients: Sequence[PatientRow],
    n_visits: int,
    n_photos: int,
    rng: random.Random,
    stamp: dict[str, Any],
) -> Iterator[tuple[str, dict[str, Any]]]:
    """("visit" | "photo", row) for every patient: the first one has FOLLOWED_PHOTOS
    photos; the others share the rest unevenly (some followed closely, most rarely)."""
    stamp = {  # as SQLAlchemy binds DateTime for SQLite
        **stamp,
        "created_at": stamp["created_at"].strftime("%Y-%m-%d %H:%M:%S.%f"),
        "updated_at": stamp["updated_at"].strftime("%Y-%m-%d %H:%M:%S.%f"),
    }
    rest = max(0, n_photos - FOLLOWED_PHOTOS)
    weights = [rng.paretovariate(1.5) for _ in patients[1:]]
    per_patient = [FOLLOWED_PHOTOS] + [0] * (len(patients) - 1)
    for owner in rng.choices(range(1, len(patients)), weights=weights, k=rest):
        per_patient[owner] += 1
    photos_per_visit = max(1.0, n_photos / max(1, n_visits))
    for patient, count in zip(patients, per_patient, strict=True):
        visits = max(1, round(count / photos_per_visit)) if count else 0
        day = dt.date(2016, 1, 4) + dt.timedelta(days=rng.randint(0, 300))
        left = count
        for visit_index in range(visits):
            visit_id = str(uuid.uuid4())
            yield (
                "visit",
                {
                    "id": visit_id,
                    "patient_id": patient.id,
                    "visit_date": day.isoformat(),
                    "reason": "Kontrolle",
                    "conditions": "[]",
                    "treatment": "",
                    "notes": "",
                    "deleted": 0,
                    "accession_number": None,
                    "study_instance_uid": None,
                    "requested_procedure": None,
                    "referring_physician": None,
                    "scheduled_step_id": None,
                    **stamp,
                },
            )
            in_visit = left // (visits - visit_index)
            for shot in range(in_visit):
                yield (
                    "photo",
                    {
                        "id": f"{rng.getrandbits(128):032x}",
                        "patient_id": patient.id,
                        "visit_id": visit_id,
                        **camera_photo(shot),
                        "captured_at": f"{day.isoformat()} {9 + shot // 60:02d}:{shot % 60:02d}:00.000000",
                        "blob_id": f"{rng.getrandbits(256):064x}",
                        "thumbnail_blob_id": f"{rng.getrandbits(256):064x}",
                        "screen_blob_id": f"{rng.getrandbits(256):064x}",
                        "source_name": f"IMG_{shot:04d}.JPG",
                        "tags": "[]",
                        "annotations": "[]",
                        "magnification": None,
                        "deleted": 0,
                        **stamp,
                    },
                )
            left -= in_visit
            day += dt.timedelta(days=rng.randint(14, 120))


def _raw_insert(table: Any) -> tuple[str, Any]:
    """An INSERT for executemany on the driver, and a getter of a row's values in column
    order. Rows already hold what SQLAlchemy would bind for SQLite (times and dates as
    ISO text, JSON as text, booleans as 0/1): many times faster than the ORM's insert
    for millions of rows."""
    names = [column.name for column in table.columns]
    sql = str(insert(table).values(dict.fromkeys(names)).compile(dialect=sqlite.dialect()))
    return sql, operator.itemgetter(*names)


def build_vault(
    folder: Path,
    patients: Sequence[PatientRow],
    n_visits: int,
    n_photos: int,
    *,
    quick: bool,
    rng: random.Random,
) -> tuple[int, int]:
    """Create and fill the vault; returns (visits, photos) written."""
    vault, admin_id = create_vault(
        folder, "Hautärzte im Verbund", MINIMUM_KDF if quick else STANDARD_KDF
    )
    stamp = record_stamp(admin_id)
    written = {"visit": 0, "photo": 0}
    with vault.write_session() as session, session.begin():
        for start in range(0, len(patients), CHUNK):
            chunk = patients[start : start + CHUNK]
            session.execute(insert(Patient), patient_rows(chunk, stamp, lambda: "unknown"))
            session.execute(insert(PatientKey), key_rows(vault, chunk))
            session.execute(insert(Grant), grant_rows(chunk, admin_id, stamp))
    pending: dict[str, list[dict[str, Any]]] = {"visit": [], "photo": []}
    inserts = {"visit": _raw_insert(Visit.__table__), "photo": _raw_insert(Photo.__table__)}

    def flush(kind: str) -> None:
        with vault.write_session() as session, session.begin():
            connection = session.connection()
            for which in ("visit", kind) if kind == "photo" else (kind,):
                sql, values = inserts[which]  # photos refer to their visits: visits first
                if not pending[which]:
                    continue
                connection.exec_driver_sql(sql, [values(row) for row in pending[which]])
                written[which] += len(pending[which])
                pending[which].clear()
        if kind == "photo" and written["photo"] % 500_000 < CHUNK:
            _common.log(f"  {written['photo']:,} photos")

    for kind, row in _visits_and_photos(patients, n_visits, n_photos, rng, stamp):
        pending[kind].append(row)
        if len(pending[kind]) >= CHUNK:
            flush(kind)
    for kind in ("visit", "photo"):
        if pending[kind]:
            flush(kind)
    vault.lock()
    return written["visit"], written["photo"]


def write_followed_thumbnails(folder: Path, patient_id: str, plain_root: Path) -> None:
    """Real encrypted thumbnails (about 12 KB) for the followed patient's photos, and the
    same bytes as plain files for the baseline."""
    vault = Vault.open(folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:
        with vault.read_session() as session:
            key = vault.patient_key(session, patient_id)
            rows = session.query(Photo.thumbnail_blob_id).filter(Photo.patient_id == patient_id)
            blob_ids = [row[0] for row in rows]
        data = random.Random(7).randbytes(12_000)
        plain_root.mkdir(parents=True)
        for blob_id in blob_ids:
            # As BlobStore.put lays it out, without its fsyncs (set-up, not measured).
            path = vault.blobs.path_for(blob_id)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"".join(encrypt_blob(blob_id, data, key)))
            (plain_root / blob_id).write_bytes(data)
    finally:
        lock(ws, actor, logged_out=True)


def plain_copy(folder: Path, target: Path) -> sqlite3.Connection:
    """The vault's database exported unencrypted: same schema, rows and indexes."""
    vault = Vault.open(folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:
        with database.raw_connection(folder / database.DB_NAME, vault.keys.database) as conn:
            conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
            conn.execute("SELECT sqlcipher_export('plain')")
            conn.execute("DETACH DATABASE plain")
    finally:
        lock(ws, actor, logged_out=True)
    return sqlite3.connect(target)


def bring_up_to_date(folder: Path, plain_db: Path) -> dict[str, Any] | None:
    """A kept folder of an older schema brought to the current one before it is measured:
    the vault as an unlock migrates it (timed: what a clinic's first unlock after the
    update waits), and its plain copy by the same migrations. None when already there."""
    vault = Vault.open(folder)
    spent: dict[str, Any] = {}
    real_migrate = database.migrate

    def timed_migrate(engine: Any, target: str = "head") -> None:
        spent["from"] = database.stored_revision(engine)
        start, start_cpu = time.perf_counter(), time.process_time()
        real_migrate(engine, target)
        spent["s"], spent["cpu_s"] = time.perf_counter() - start, time.process_time() - start_cpu

    database.migrate = timed_migrate
    try:
        ws, actor = log_in(vault, LOGIN, PASSWORD)
    finally:
        database.migrate = real_migrate
    lock(ws, actor, logged_out=True)
    if spent.get("from") == database.SCHEMA_HEAD:
        return None
    plain_engine = create_engine(f"sqlite:///{plain_db}")
    try:
        plain_s, _none = _common.timed(lambda: database.migrate(plain_engine))
    finally:
        plain_engine.dispose()
    _common.log(
        f"  migrated from {spent['from']} in {spent['s']:.1f} s (plain copy {plain_s:.1f} s)"
    )
    return {
        "from": spent["from"],
        "to": database.SCHEMA_HEAD,
        "s": round(spent["s"], 2),
        "cpu_s": round(spent["cpu_s"], 2),
        "plain_s": round(plain_s, 2),
    }


def _p95(values: Sequence[float], digits: int) -> float | None:
    return round(_common.percentile(values, 95), digits) if values else None


def _full(plain: sqlite3.Connection, query: str) -> bool:
    """The query's first page is full: the list then counts its matches apart."""
    return len(plain_search(plain, query)) == PAGE and plain_count(plain, query)[0] > PAGE


PLAIN_TIMELINE = (
    "SELECT photos.*, visits.visit_date FROM photos JOIN visits ON visits.id = photos.visit_id"
    " WHERE photos.patient_id = ? AND NOT photos.deleted"
    " ORDER BY visits.visit_date DESC, photos.captured_at, photos.created_at LIMIT ?"
)


def group_arguments(parser: argparse.ArgumentParser, *, quick: str) -> None:
    """--quick, the group's size, --keep and --reuse: for this script and for those that
    measure in a vault of its make (scale_memory.py)."""
    parser.add_argument("--quick", action="store_true", help=f"{quick} (for CI)")
    parser.add_argument("--patients", type=int, help="default 100,000")
    parser.add_argument("--visits", type=int, help="default 300,000")
    parser.add_argument("--photos", type=int, help="default 2,000,000")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument(
        "--reuse",
        type=Path,
        metavar="DIR",
        help="measure again in a folder a run of scale.py kept (--keep, same size), unbuilt",
    )


def group_folder(args: argparse.Namespace, prefix: str) -> contextlib.AbstractContextManager[Path]:
    """Where a run measures: the folder --reuse names (left in place) or a new scratch one."""
    if args.reuse:
        return contextlib.nullcontext(args.reuse)
    return _common.scratch_folder(prefix, keep=args.keep)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    group_arguments(parser, quick="2,000 / 6,000 / 40,000")
    parser.add_argument("--queries", type=int, help="default 300 (100 with --quick)")
    args = parser.parse_args(argv)
    n_patients = args.patients or (2_000 if args.quick else 100_000)
    n_visits = args.visits or (6_000 if args.quick else 300_000)
    n_photos = args.photos or (40_000 if args.quick else 2_000_000)
    rng = random.Random(20261205)

    load_before = _common.load_average()
    with group_folder(args, "pixiodoc-bench-scale-") as tmp:
        folder = tmp / "vault"
        patients = make_patients(n_patients, rng)  # the same names again: the same queries
        queries = make_queries(patients, args.queries or (100 if args.quick else 300), rng)
        if args.reuse:
            built = json.loads((tmp / BUILT).read_text("utf-8"))
            build_s, visits, photos = built["build_s"], built["visits"], built["photos"]
            followed_id = built["followed"]
            _common.log(f"Measuring again in {tmp} (built earlier)")
            migrated = bring_up_to_date(folder, tmp / "plain.db")
            plain = sqlite3.connect(tmp / "plain.db")
        else:
            migrated = None
            followed_id = patients[0].id
            _common.log(
                f"Building {n_patients:,} patients, {n_visits:,} visits, {n_photos:,} photos"
            )
            build_s, (visits, photos) = _common.timed(
                lambda: build_vault(folder, patients, n_visits, n_photos, quick=args.quick, rng=rng)
            )
            _common.log(f"  built in {build_s:.0f} s ({visits:,} visits, {photos:,} photos)")
            write_followed_thumbnails(folder, followed_id, tmp / "plain-thumbnails")
            plain = plain_copy(folder, tmp / "plain.db")
            built = {"build_s": build_s, "visits": visits, "photos": photos}
            (tmp / BUILT).write_text(json.dumps(built | {"followed": followed_id}), "utf-8")
        db_mb = (folder / database.DB_NAME).stat().st_size / 1e6

        unlock_phases: list[dict[str, float]] = [{}, {}, {}]
        unlocks = [unlock_to_first_query(folder, "müll", phases) for phases in unlock_phases]
        unlock_total = [total for total, _ in unlocks]
        unlock_net = [total - in_kdf for total, in_kdf in unlocks]

        vault = Vault.open(folder)
        ws, actor = log_in(vault, LOGIN, PASSWORD)
        try:
            services = ClinicServices.for_workstation(ws)

            def real_search(query: str) -> Any:
                return services.patients.search_page(
                    actor, query, counted=False, audited=False
                ).patients

            def real_count(query: str) -> list[int]:
                return [services.patients.count_matches(actor, query, at_most=COUNT_CAP)]

            (search_ms, search_cpu_ms, _found), (plain_search_ms, plain_cpu_ms, sent) = (
                compare_replayed(real_search, plain, queries)
            )
            # The baseline before the word index: the substring match alone, on the plain copy.
            like_ms, like_cpu_ms, _found = time_queries(lambda q: plain_search(plain, q), queries)
            # The list counts all matches after a full first page, apart (while the
            # query is still the one typed): timed apart, for those queries.
            counted = [q for q in queries if _full(plain, q)]
            (count_ms, count_cpu_ms, _n), (plain_count_ms, plain_count_cpu_ms, _n) = (
                compare_replayed(real_count, plain, counted)
            )

            def real_screenful(patient_id: str = followed_id) -> list[Any]:
                rows = services.photos.list(actor, patient_id, limit=LIST_LIMIT)
                first = [row.id for row in rows[:SCREENFUL]]
                thumbs = services.photos.thumbnails(actor, patient_id, first)
                return [rows, thumbs]

            def plain_screenful(patient_id: str = followed_id) -> list[Any]:
                rows = plain.execute(PLAIN_TIMELINE, (patient_id, LIST_LIMIT)).fetchall()
                column = [d[0] for d in plain.execute(PLAIN_TIMELINE, (patient_id, 0)).description]
                at = column.index("thumbnail_blob_id")
                thumbs = [(tmp / "plain-thumbnails" / r[at]).read_bytes() for r in rows[:SCREENFUL]]
                return [rows, thumbs]

            real_screenful()
            plain_screenful()
            screenful_ms, _cpu, _n = time_queries(lambda _q: real_screenful(), ["x"] * 20)
            plain_screenful_ms, _cpu, _n = time_queries(lambda _q: plain_screenful(), ["x"] * 20)
            shown = services.photos.image(actor, real_screenful()[0][0].id, ImageSize.THUMBNAIL)
            assert len(shown) == 12_000
        finally:
            lock(ws, actor, logged_out=True)
            plain.close()

    screenful = _common.median(screenful_ms)
    plain_screenful_median = _common.median(plain_screenful_ms)
    unlock = _common.median(unlock_total)
    _common.emit(
        _common.result(
            benchmark="scale",
            **p95_headline(search_ms, plain_search_ms, TARGET_SEARCH_P95_MS),
            baseline_is=(
                "the very statements the search sent, replayed on the vault's rows exported"
                " to plain SQLite right after each query"
            ),
            size={"patients": n_patients, "visits": visits, "photos": photos},
            build_s=round(build_s, 1),
            db_mb=round(db_mb, 1),
            search={
                "median_ms": round(_common.median(search_ms), 2),
                "plain_median_ms": round(_common.median(plain_search_ms), 3),
                # CPU time of the searching thread: what the search costs, whatever else
                # the machine is doing (wall time on a shared machine waits for a core).
                "cpu_p95_ms": round(_common.percentile(search_cpu_ms, 95), 2),
                "plain_cpu_p95_ms": round(_common.percentile(plain_cpu_ms, 95), 3),
                "queries": len(queries),
                "statements_per_query": round(sent / len(queries), 2),
                "page_rows": PAGE,
                "index": (
                    "word starts (patient_words) in key order, with the FTS5 trigram index"
                    f" (patient_search) for matches inside a word, below {DENSE:,} candidates;"
                    " the in-order walk of the search-key index above"
                ),
                # The first page by the substring match alone on the plain copy (the
                # baseline before the word index), wall and CPU.
                "plain_substring_p95_ms": _p95(like_ms, 3),
                "plain_substring_cpu_p95_ms": _p95(like_cpu_ms, 3),
                # After a full first page the list asks how many match, apart, up to
                # COUNT_CAP ("50 of more than 1,000").
                "count_after_full_page": {
                    "at_most": COUNT_CAP,
                    "queries": len(counted),
                    "p95_ms": _p95(count_ms, 2),
                    "plain_p95_ms": _p95(plain_count_ms, 3),
                    "cpu_p95_ms": _p95(count_cpu_ms, 2),
                    "plain_cpu_p95_ms": _p95(plain_count_cpu_ms, 3),
                },
            },
            timeline_first_screenful={
                "value_ms": round(screenful, 2),
                "baseline_ms": round(plain_screenful_median, 3),
                "ratio": _common.rounded(plain_screenful_median / screenful, 3),
                "target_ms": TARGET_SCREENFUL_MS,
                "meets_target": screenful <= TARGET_SCREENFUL_MS,
                "photos_in_timeline": FOLLOWED_PHOTOS,
                "rows_listed": LIST_LIMIT,
                "thumbnails_decrypted": SCREENFUL,
                "baseline_is": "the same query on plain SQLite + the thumbnails as plain files",
            },
            unlock_to_first_search={
                "value_s": _common.rounded(unlock),
                "without_kdf_s": _common.rounded(_common.median(unlock_net)),
                "runs_s": [_common.rounded(v) for v in unlock_total],
                # Where the time went (median of the runs, per phase).
                "phases_s": {
                    phase: _common.rounded(_common.median([p[phase] for p in unlock_phases]))
                    for phase in unlock_phases[0]
                },
                "target_s": TARGET_UNLOCK_S,
                "meets_target": unlock <= TARGET_UNLOCK_S,
                "kdf": "minimum (quick)" if args.quick else "standard",
            },
            measured_elsewhere={
                "GUI peak memory": "benchmarks/scale_memory.py",
                "vault verify per GB": "benchmarks/verify.py",
                "joiner (new workstation usable)": "benchmarks/scale_sync.py",
                "idle sync round": "benchmarks/scale_sync.py",
            },
            migrated=migrated,
            load_avg={"start": load_before, "end": _common.load_average()},
            quick=args.quick,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
