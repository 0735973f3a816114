"""The benchmark clinic's patients: names with accents, search queries, and their rows.

Shared by search.py and scale.py: the patients (European names, external ids,
dates of birth), the queries a receptionist types, and the rows that put them
straight into a new vault (patients, their data keys, their grants).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pixiodoc_desktop.clinic.records.patients import fold
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.keys import KdfParams
from pixiodoc_desktop.vault.vault import Vault

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


def record_stamp(author: str) -> dict[str, Any]:
    """The columns every record row has: made and changed at one fixed time by `author`."""
    now = dt.datetime(2026, 1, 5, 8, 0, 0)
    return {
        "created_at": now,
        "updated_at": now,
        "created_by": author,
        "updated_by": author,
        "version": 1,
    }


def create_vault(folder: Path, clinic_name: str, kdf: KdfParams) -> tuple[Vault, str]:
    """A new vault whose Admin is LOGIN (unlocked), and that Admin's user id."""
    vault, _recovery = Vault.create(
        folder,
        clinic_name=clinic_name,
        admin_login=LOGIN,
        admin_name="Dr. Bench Mark",
        password=PASSWORD,
        kdf=kdf,
    )
    return vault, next(c.user_id for c in vault.header.credentials if c.login == LOGIN)


def patient_rows(
    patients: Sequence[PatientRow], stamp: dict[str, Any], sex: Callable[[], str]
) -> list[dict[str, Any]]:
    """The patients table's rows (`sex` is asked once a patient, in order)."""
    return [
        {
            "id": p.id,
            "family_name": p.family_name,
            "given_name": p.given_name,
            "search_key": p.search_key,
            "birth_date": p.birth_date,
            "sex": sex(),
            "external_id": p.external_id,
            "notes": "",
            "deleted": False,
            **stamp,
        }
        for p in patients
    ]


def key_rows(vault: Vault, patients: Sequence[PatientRow]) -> list[dict[str, Any]]:
    """A new data key per patient, wrapped as `Vault.new_patient_key` wraps it."""
    return [
        {
            "patient_id": p.id,
            "wrapped_key": keys.wrap(
                vault.keys.workspace, keys.random_key(), aad=vault.patient_aad(p.id)
            ),
        }
        for p in patients
    ]


def grant_rows(
    patients: Sequence[PatientRow], admin_id: str, stamp: dict[str, Any]
) -> list[dict[str, Any]]:
    """Each patient's grants: the Admin's, and the whole practice may edit."""
    return [
        {"id": str(uuid.uuid4()), "patient_id": p.id, "grantee": grantee, "level": level, **stamp}
        for p in patients
        for grantee, level in ((admin_id, "admin"), (PRACTICE, "edit"))
    ]


def camera_photo(shot: int) -> dict[str, Any]:
    """The columns every benchmark photo shares: an imported 4000 x 3000 JPEG from a
    dermatoscope camera at no site or lesion, overview and dermoscopy by turns (`shot`)."""
    return {
        "lesion_id": None,
        "body_site": None,
        "modality": str(Modality.DERMOSCOPY_POLARISED if shot % 2 else Modality.CLINICAL_OVERVIEW),
        "contact": None,
        "device": "FotoFinder medicam 1000s",
        "width": 4000,
        "height": 3000,
        "bit_depth": 8,
        "media_type": "image/jpeg",
        "size_bytes": 3_500_000,
        "source": str(PhotoSource.IMPORT),
        "calibration_px_per_mm": None,
        "notes": "",
    }
