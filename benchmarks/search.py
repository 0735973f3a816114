"""Patient search in a large vault: p95 latency, and unlock to first query.

A vault with 10,000 patients (European names with accents, external ids, dates of
birth) and 200,000 photo rows is built directly with bulk inserts through
``vault.write_session()`` (photos name fake blob ids: search never reads blobs; in a
full run an empty placeholder file per blob id is written so that the orphan sweep
at unlock walks a realistically sized blob folder).

Metric 1, the headline: p95 latency of ~300 realistic search-as-you-type queries
(partial names with and without accents, full names, external ids, dates of birth)
through ``Patients.search(actor, q, audited=False)``; target <= 20 ms. Baseline: the
same queries as the same LIKE query on a plain, unencrypted sqlite3 copy of the
patients table; ratio = baseline p95 / real p95.

Metric 2 (extra keys): unlock to first query: ``Vault.open`` + ``log_in`` + the first
search, minus the time of the Argon2id derivation inside that unlock; target <= 1 s.
The derivation timed alone for the vault's KDF parameters is reported too.

    python benchmarks/search.py [--quick] [--patients N] [--photos N] [--queries N]
                                [--kdf standard|minimum] [--no-blob-files] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import _common
from sqlalchemy import insert

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients, fold
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource, Sex
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.keys import MINIMUM_KDF, STANDARD_KDF, KdfParams
from pixiodoc_desktop.vault.schema import Grant, Patient, PatientKey, Photo, Visit
from pixiodoc_desktop.vault.vault import Vault

TARGET_P95_MS = 20.0
TARGET_UNLOCK_S = 1.0
LOGIN = "dr.bench"
PASSWORD = "Benchmark-Search-Passphrase-4172"  # noqa: S105 - a throwaway benchmark vault
PRACTICE = "*"

# fmt: off
FAMILY_NAMES = (
    "Müller", "Schmidt", "Schmitz", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
    "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
    "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
    "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Köhler", "Maier", "Günther",
    "Weiß", "Groß", "Jäger", "Vogel", "Böhm", "Kühn", "Lorenz", "Müller-Lüdenscheidt",
    "Straßer", "Gruber", "Huber", "Pichler", "Mößner", "Brändli", "Lefèvre", "Dubois", "Bérard",
    "Gauthier", "Lemaître", "Fontaine", "Moreau", "Girard", "Rousseau", "Chevalier", "Garçon",
    "Bénard", "Mercier", "Lambert", "Faure", "Noël", "García", "Fernández", "González",
    "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Núñez", "Peña", "Muñoz",
    "Jiménez", "Álvarez", "Conceição", "Simões", "Gonçalves", "Magalhães", "Rossi", "Russo",
    "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
    "D'Angelo", "Niccolò", "Fabbri", "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk",
    "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Dąbrowski", "Łukasiewicz", "Żak",
    "Dvořák", "Novák", "Nováková", "Svoboda", "Černý", "Procházka", "Kučera", "Horváth",
    "Kovačević", "Babić", "Jurić", "Nagy", "Tóth", "Szabó", "Kovács", "Popescu", "Ionescu",
    "Ștefănescu", "Sjöberg", "Åström", "Lindqvist", "Øvergaard", "Sørensen", "Jørgensen",
    "Nieminen", "Mäkinen", "Järvinen", "de Vries", "van den Berg", "Jansen", "Bakker", "Visser",
    "Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Papadopoulos", "Oikonómou",
)
GIVEN_NAMES = (
    "Jürgen", "Käthe", "Anna", "Maria", "Lukas", "Jonas", "Sophie", "Lena", "Felix", "Björn",
    "Sören", "Jörg", "Günter", "Hannelore", "Ursula", "Anneliese", "Matthias", "Stefan",
    "Sabine", "Monika", "Andrea", "Thomas", "Michael", "Julia", "Laura", "Françoise",
    "Bérénice", "Hélène", "Élodie", "Jérôme", "Rémi", "Amélie", "Cécile", "Zoë", "Noémie",
    "Gaël", "Loïc", "José", "María José", "Inés", "Íñigo", "Begoña", "Ramón", "Adrián",
    "Álvaro", "Sofía", "Lucía", "João", "Conceição", "Luís", "Giulia", "Niccolò", "Lorenzo",
    "Francesca", "Chiara", "Małgorzata", "Łukasz", "Paweł", "Wojciech", "Agnieszka", "Zofia",
    "Jiří", "Tomáš", "Lucie", "Petra", "Zdeněk", "Ivana", "Luka", "Marija", "Ana", "Zsófia",
    "Gábor", "Ágnes", "Ioana", "Mihai", "Åsa", "Sigrún", "Øystein", "Jens", "Ingrid", "Aino",
    "Eero", "Sanne", "Daan", "Emre", "Ayşe", "Özlem", "Eleni", "Dimitris", "Noah", "Emma",
    "Mia", "Ben",
)
# fmt: on
# What a clinician types instead of the accented letter, to check accent-insensitivity.
_PLAIN = str.maketrans("äöüéèçñáíóúłśżřåøışğčćąę", "aoueecnaioulszraoisgccae")


# --- the data ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PatientRow:
    id: str
    family_name: str
    given_name: str
    birth_date: dt.date
    external_id: str | None
    search_key: str


def search_key(family: str, given: str, external_id: str | None) -> str:
    """What `Patients.create` stores (kept in step with `patients._search_key`)."""
    return " ".join(fold(part) for part in (family, given, external_id or "") if part)


def make_patients(count: int, rng: random.Random) -> list[PatientRow]:
    today = dt.date.today()
    out: list[PatientRow] = []
    for index in range(count):
        family = rng.choice(FAMILY_NAMES)
        if rng.random() < 0.04:  # double-barrelled names
            family = f"{family}-{rng.choice(FAMILY_NAMES)}"
        given = rng.choice(GIVEN_NAMES)
        if rng.random() < 0.08:
            given = f"{given} {rng.choice(GIVEN_NAMES)}"
        birth = today - dt.timedelta(days=rng.randint(365, 98 * 365))
        external = None if rng.random() < 0.1 else f"MRN-{100000 + index * 7:07d}"
        out.append(
            PatientRow(
                str(uuid.uuid4()),
                family,
                given,
                birth,
                external,
                search_key(family, given, external),
            )
        )
    return out


def make_queries(patients: Sequence[PatientRow], count: int, rng: random.Random) -> list[str]:
    """Search-as-you-type queries as a receptionist or clinician types them."""
    queries: list[str] = []
    kinds = (
        ["family_prefix"] * 30
        + ["family_prefix_plain"] * 10
        + ["full_name"] * 15
        + ["given_family"] * 5
        + ["given_prefix"] * 5
        + ["external_id"] * 12
        + ["external_id_partial"] * 3
        + ["birth_iso"] * 8
        + ["birth_german"] * 7
        + ["no_match"] * 5
    )
    while len(queries) < count:
        patient = rng.choice(patients)
        kind = rng.choice(kinds)
        family, given = patient.family_name, patient.given_name.split()[0]
        if kind == "family_prefix":  # "mül", "schmi", "dvoř"
            query = family[: rng.randint(3, min(6, len(family)))].lower()
        elif kind == "family_prefix_plain":  # typed without accents: "mul", "nunez"
            query = family[: rng.randint(3, min(6, len(family)))].lower().translate(_PLAIN)
        elif kind == "full_name":
            query = f"{family} {given}"
        elif kind == "given_family":
            query = f"{given.lower()} {family[:4].lower()}"
        elif kind == "given_prefix":
            query = given[: rng.randint(3, min(5, len(given)))]
        elif kind in ("external_id", "external_id_partial"):
            if patient.external_id is None:
                continue
            query = patient.external_id if kind == "external_id" else patient.external_id[-5:]
        elif kind == "birth_iso":
            query = patient.birth_date.isoformat()
        elif kind == "birth_german":
            query = patient.birth_date.strftime("%d.%m.%Y")
        else:
            query = rng.choice(("xqzw", "Abcdefgh", "MRN-9999999", "1899-01-01"))
        queries.append(query)
    return queries


def _record(now: dt.datetime, author: str) -> dict[str, Any]:
    return {
        "created_at": now,
        "updated_at": now,
        "created_by": author,
        "updated_by": author,
        "version": 1,
    }


def build_vault(
    folder: Path,
    patients: Sequence[PatientRow],
    n_photos: int,
    kdf: KdfParams,
    rng: random.Random,
    *,
    blob_files: bool,
) -> tuple[str, int]:
    """Create the vault and fill it; returns (admin user id, visits written)."""
    vault, _recovery = Vault.create(
        folder,
        clinic_name="Hautarztpraxis am Benchmark",
        admin_login=LOGIN,
        admin_name="Dr. Bench Mark",
        password=PASSWORD,
        kdf=kdf,
    )
    admin_id = next(c.user_id for c in vault.header.credentials if c.login == LOGIN)
    now = dt.datetime(2026, 1, 5, 8, 0, 0)
    stamp = _record(now, admin_id)
    aad_base = vault.header.aad_base
    workspace = vault.keys.workspace

    patient_rows = [
        {
            "id": p.id,
            "family_name": p.family_name,
            "given_name": p.given_name,
            "search_key": p.search_key,
            "birth_date": p.birth_date,
            "sex": str(rng.choice(list(Sex))),
            "external_id": p.external_id,
            "notes": "",
            "deleted": False,
            **stamp,
        }
        for p in patients
    ]
    key_rows = [
        {
            "patient_id": p.id,
            # As Vault.new_patient_key wraps it (AAD: vault header + patient id).
            "wrapped_key": keys.wrap(
                workspace, keys.random_key(), aad=aad_base + f":patient:{p.id}".encode()
            ),
        }
        for p in patients
    ]
    grant_rows = [
        {"id": str(uuid.uuid4()), "patient_id": p.id, "grantee": grantee, "level": level, **stamp}
        for p in patients
        for grantee, level in ((admin_id, "admin"), (PRACTICE, "edit"))
    ]

    # Photos spread unevenly over patients (some followed closely, most rarely),
    # grouped into visits of 1-8 photos.
    weights = [rng.paretovariate(1.5) for _ in patients]
    owners = rng.choices(range(len(patients)), weights=weights, k=n_photos)
    per_patient = [0] * len(patients)
    for owner in owners:
        per_patient[owner] += 1
    visit_rows: list[dict[str, Any]] = []
    photo_rows: list[dict[str, Any]] = []
    blob_ids: list[str] = []
    for index, count in enumerate(per_patient):
        patient_id = patients[index].id
        left = count
        day = dt.date(2019, 1, 7) + dt.timedelta(days=rng.randint(0, 300))
        while left > 0:
            visit_id = str(uuid.uuid4())
            visit_rows.append(
                {
                    "id": visit_id,
                    "patient_id": patient_id,
                    "visit_date": day,
                    "reason": "Kontrolle",
                    "conditions": [],
                    "treatment": "",
                    "notes": "",
                    "deleted": False,
                    **stamp,
                }
            )
            in_visit = min(left, rng.randint(1, 8))
            for shot in range(in_visit):
                ids = [f"{rng.getrandbits(256):064x}" for _ in range(3)]
                blob_ids.extend(ids)
                photo_rows.append(
                    {
                        "id": str(uuid.uuid4()),
                        "patient_id": patient_id,
                        "visit_id": visit_id,
                        "lesion_id": None,
                        "body_site": None,
                        "modality": str(
                            Modality.DERMOSCOPY_POLARISED
                            if shot % 2
                            else Modality.CLINICAL_OVERVIEW
                        ),
                        "contact": None,
                        "device": "FotoFinder medicam 1000s",
                        "captured_at": dt.datetime.combine(day, dt.time(9, 0))
                        + dt.timedelta(minutes=shot),
                        "width": 4000,
                        "height": 3000,
                        "bit_depth": 8,
                        "media_type": "image/jpeg",
                        "size_bytes": 3_500_000,
                        "blob_id": ids[0],
                        "thumbnail_blob_id": ids[1],
                        "screen_blob_id": ids[2],
                        "source": str(PhotoSource.IMPORT),
                        "source_name": f"IMG_{len(photo_rows):06d}.JPG",
                        "tags": [],
                        "annotations": [],
                        "calibration_px_per_mm": None,
                        "notes": "",
                        "deleted": False,
                        **stamp,
                    }
                )
            left -= in_visit
            day += dt.timedelta(days=rng.randint(30, 200))

    with vault.write_session() as session, session.begin():
        session.execute(insert(Patient), patient_rows)
        session.execute(insert(PatientKey), key_rows)
        session.execute(insert(Grant), grant_rows)
        session.execute(insert(Visit), visit_rows)
        for start in range(0, len(photo_rows), 20_000):
            session.execute(insert(Photo), photo_rows[start : start + 20_000])

    if blob_files:
        write_placeholder_blobs(vault.blobs.root, blob_ids)
    vault.lock()
    return admin_id, len(visit_rows)


def write_placeholder_blobs(root: Path, blob_ids: Sequence[str]) -> None:
    """An empty file per blob id, as the store lays them out (`blobs/ab/<id>`).

    The sweep at unlock lists the blob folder and never opens a file, so empty
    stand-ins cost it what real objects would. Written shard by shard on a few
    threads: creating 600,000 files is the slowest part of the build.
    """
    shards: dict[str, list[str]] = {}
    for blob in blob_ids:
        shards.setdefault(blob[:2], []).append(blob)

    def write_shard(item: tuple[str, list[str]]) -> None:
        shard, names = item
        folder = root / shard
        folder.mkdir(exist_ok=True)
        prefix = f"{folder}{os.sep}"  # plain strings: pathlib costs more than the syscall
        for name in names:
            os.close(os.open(prefix + name, os.O_CREAT | os.O_WRONLY, 0o600))

    root.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(write_shard, shards.items()))


# --- the plain baseline ---------------------------------------------------------------------


def build_plain_copy(path: Path, patients: Sequence[PatientRow]) -> sqlite3.Connection:
    """An unencrypted sqlite3 copy of the patients table, with the vault's indexes."""
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE patients (id VARCHAR(36) PRIMARY KEY, family_name VARCHAR(200) NOT NULL,"
        " given_name VARCHAR(200) NOT NULL, search_key TEXT NOT NULL, birth_date DATE,"
        " sex VARCHAR(16) NOT NULL, external_id VARCHAR(64), notes TEXT NOT NULL,"
        " deleted BOOLEAN NOT NULL)"
    )
    db.executemany(
        "INSERT INTO patients VALUES (?, ?, ?, ?, ?, 'unknown', ?, '', 0)",
        [
            (
                p.id,
                p.family_name,
                p.given_name,
                p.search_key,
                p.birth_date.isoformat(),
                p.external_id,
            )
            for p in patients
        ],
    )
    db.execute("CREATE INDEX ix_patients_search_key ON patients (search_key)")
    db.execute("CREATE INDEX ix_patients_birth_date ON patients (birth_date)")
    db.execute("CREATE INDEX ix_patients_external_id ON patients (external_id)")
    db.commit()
    return db


def _like_escape(token: str) -> str:
    return token.replace("/", "//").replace("%", "/%").replace("_", "/_")


def plain_search(db: sqlite3.Connection, query: str) -> list[tuple[Any, ...]]:
    """The same WHERE clause `Patients.search` uses, on the plain table."""
    from pixiodoc_desktop.clinic.records.patients import _maybe_date

    text = query.strip()
    sql = "SELECT * FROM patients WHERE deleted = 0"
    params: list[str] = []
    birth = _maybe_date(text)
    if birth is not None:
        sql += " AND birth_date = ?"
        params.append(birth.isoformat())
    elif text:
        for token in fold(text).split():
            sql += " AND search_key LIKE '%' || ? || '%' ESCAPE '/'"
            params.append(_like_escape(token))
    sql += " ORDER BY search_key LIMIT 200"
    return db.execute(sql, params).fetchall()


# --- measuring --------------------------------------------------------------------------------


def time_queries(run: Any, queries: Sequence[str]) -> tuple[list[float], list[float], int]:
    """Wall and CPU (this thread) milliseconds per query, and the total rows found.

    CPU time hardly depends on what else the machine is doing; wall time does."""
    times: list[float] = []
    cpu: list[float] = []
    found = 0
    for query in queries:
        start, start_cpu = time.perf_counter(), time.thread_time()
        rows = run(query)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        found += len(rows)
    return times, cpu, found


def measure_kdf(kdf: KdfParams, repeats: int = 3) -> float:
    """Seconds for the Argon2id derivation alone (median of `repeats`)."""
    salt = os.urandom(keys.SALT_BYTES)
    return _common.median(
        [_common.timed(lambda: keys.password_key(PASSWORD, salt, kdf))[0] for _ in range(repeats)]
    )


def unlock_to_first_query(folder: Path, first_query: str) -> tuple[float, float]:
    """(seconds from opening the locked vault to the first search's results, seconds of
    that spent in the Argon2id derivation).

    The derivation is timed where unlock calls it: on a shared machine a separately
    timed derivation can differ from the one inside this unlock by a second.
    """
    derive = keys.password_key
    in_kdf: list[float] = []

    def timed_derive(password: str, salt: bytes, params: KdfParams) -> bytes:
        start = time.perf_counter()
        key = derive(password, salt, params)
        in_kdf.append(time.perf_counter() - start)
        return key

    keys.password_key = timed_derive
    try:
        with _common.stopwatch() as elapsed:
            vault = Vault.open(folder)
            ws, actor = log_in(vault, LOGIN, PASSWORD)
            services = ClinicServices.for_workstation(ws)
            services.patients.search(actor, first_query, audited=False)
    finally:
        keys.password_key = derive
    lock(ws, actor, logged_out=True)
    return elapsed[0], sum(in_kdf)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1,000 patients / 10,000 photos")
    parser.add_argument("--patients", type=int, help="default 10,000")
    parser.add_argument("--photos", type=int, help="default 200,000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--kdf", choices=("standard", "minimum"), help="vault KDF parameters")
    parser.add_argument(
        "--no-blob-files",
        action="store_true",
        help="skip the placeholder blob files (always skipped with --quick)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args(argv)
    n_patients = args.patients or (1_000 if args.quick else 10_000)
    n_photos = args.photos or (10_000 if args.quick else 200_000)
    kdf_name = args.kdf or ("minimum" if args.quick else "standard")
    kdf = STANDARD_KDF if kdf_name == "standard" else MINIMUM_KDF
    # Creating the placeholders is the slowest part of the build, and very slow when
    # other work keeps the file system journal busy; CI's quick run goes without.
    blob_files = not (args.quick or args.no_blob_files)
    rng = random.Random(20260301)

    load_before = _common.load_average()
    tmp = Path(tempfile.mkdtemp(prefix="pixiodoc-bench-search-"))
    try:
        folder = tmp / "vault"
        patients = make_patients(n_patients, rng)
        queries = make_queries(patients, args.queries, rng)
        _common.log(f"Building a vault with {n_patients} patients, {n_photos} photos ...")
        build_seconds, (_admin_id, n_visits) = _common.timed(
            lambda: build_vault(folder, patients, n_photos, kdf, rng, blob_files=blob_files)
        )
        _common.log(f"  built in {build_seconds:.1f} s ({n_visits} visits)")
        db_mb = (folder / "vault.db").stat().st_size / 1e6
        plain = build_plain_copy(tmp / "plain.db", patients)

        # Unlock to first query, on a freshly opened vault (first of all, so that the
        # database connections start cold), then the KDF alone for the same parameters.
        first_query = "müll"
        unlocks = [unlock_to_first_query(folder, first_query) for _ in range(3)]
        unlock_runs = [total for total, _kdf in unlocks]
        unlock_net = [total - in_kdf for total, in_kdf in unlocks]
        kdf_seconds = measure_kdf(kdf)
        _common.log(
            f"  unlock+first query: {', '.join(f'{s:.3f}' for s in unlock_runs)} s; "
            f"KDF alone {kdf_seconds:.3f} s"
        )

        vault = Vault.open(folder)
        ws, actor = log_in(vault, LOGIN, PASSWORD)
        try:
            # The orphan sweep that unlock runs, alone (it lists every blob and reads
            # every photo row's blob ids).
            sweep_seconds = _common.median(
                [_common.timed(vault.sweep_orphans)[0] for _ in range(2)]
            )
            patients_service = ClinicServices.for_workstation(ws).patients

            def real(query: str, service: Patients = patients_service, who: Actor = actor) -> Any:
                return service.search(who, query, audited=False)

            for query in queries[:10]:  # warm-up, untimed
                real(query)
                plain_search(plain, query)
            real_ms, real_cpu, real_found = time_queries(real, queries)
            plain_ms, plain_cpu, plain_found = time_queries(
                lambda q: plain_search(plain, q), queries
            )
        finally:
            lock(ws, actor, logged_out=True)
            plain.close()
    finally:
        if args.keep:
            _common.log(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    real_p95 = _common.percentile(real_ms, 95)
    plain_p95 = _common.percentile(plain_ms, 95)
    first_unlock_net = unlock_net[0]
    unlock_median = _common.median(unlock_net)
    _common.emit(
        _common.result(
            benchmark="search",
            metric="patient_search_p95_ms",
            value=round(real_p95, 2),
            unit="ms",
            baseline=round(plain_p95, 3),
            ratio=_common.rounded(plain_p95 / real_p95, 3),
            target=TARGET_P95_MS,
            meets_target=real_p95 <= TARGET_P95_MS,
            n_patients=n_patients,
            n_photos=n_photos,
            n_visits=n_visits,
            n_queries=len(queries),
            search_ms={
                "p50": round(_common.percentile(real_ms, 50), 2),
                "p95": round(real_p95, 2),
                "p99": round(_common.percentile(real_ms, 99), 2),
                "max": round(max(real_ms), 2),
                "cpu_p50": round(_common.percentile(real_cpu, 50), 2),
                "cpu_p95": round(_common.percentile(real_cpu, 95), 2),
                "rows_found": real_found,
            },
            baseline_ms={
                "p50": round(_common.percentile(plain_ms, 50), 3),
                "p95": round(plain_p95, 3),
                "p99": round(_common.percentile(plain_ms, 99), 3),
                "max": round(max(plain_ms), 3),
                "cpu_p50": round(_common.percentile(plain_cpu, 50), 3),
                "cpu_p95": round(_common.percentile(plain_cpu, 95), 3),
                "rows_found": plain_found,
            },
            unlock_to_first_query={
                "metric": "unlock_to_first_query_minus_kdf_s",
                "value": round(unlock_median, 3),
                "first": round(first_unlock_net, 3),
                "runs_including_kdf_s": [round(s, 3) for s in unlock_runs],
                "kdf_in_those_runs_s": [round(k, 3) for _t, k in unlocks],
                "kdf_s": round(kdf_seconds, 3),
                "kdf": f"argon2id {kdf.memory_kib // 1024} MiB, t={kdf.iterations}, "
                f"lanes={kdf.lanes} ({kdf_name})",
                "orphan_sweep_s": round(sweep_seconds, 3),
                "unit": "s",
                "target": TARGET_UNLOCK_S,
                "meets_target": unlock_median <= TARGET_UNLOCK_S,
            },
            meets_all_targets=real_p95 <= TARGET_P95_MS and unlock_median <= TARGET_UNLOCK_S,
            build_s=round(build_seconds, 1),
            placeholder_blob_files=3 * n_photos if blob_files else 0,
            load_avg={"start": load_before, "end": _common.load_average()},
            vault_db_mb=round(db_mb, 1),
            notes=(
                "value: p95 of Patients.search(actor, q, audited=False) (grants check, "
                "photo counts, last visit) on the SQLCipher vault after 10 untimed warm-up "
                "queries; baseline: the same WHERE/ORDER BY/LIMIT on a plain sqlite3 copy of "
                "the patients table only; ratio = baseline p95 / value. "
                "unlock_to_first_query: Vault.open + log_in + first search, in process "
                "(imports loaded, OS page cache warm, new DB connections), minus the "
                "Argon2id derivation as timed inside that unlock; median of 3 (kdf_s: the "
                "derivation timed alone, median of 3). Photo rows name fake blob ids; "
                "with placeholder_blob_files > 0 each has an empty file, so the unlock "
                "sweep lists a blob folder of realistic size."
            ),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
