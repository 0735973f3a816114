"""A phone server on loopback for a test patient, and Chromium as the phone (one per module)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from phone_support import FAMILY, GIVEN, Clock, PhoneServers, chromium_phone, write_fake_camera
from selenium import webdriver

from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.phone.opening import start_pairing
from pixiodoc_desktop.phone.pairing import Pairing, PairingTarget
from pixiodoc_desktop.phone.server import PhoneServer


@pytest.fixture(scope="session")
def fake_camera(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_fake_camera(tmp_path_factory.mktemp("camera") / "skin.y4m")


@pytest.fixture(scope="module")
def browser(fake_camera: Path) -> Iterator[webdriver.Chrome]:
    """One Chromium for the whole module (each test opens its own page in it)."""
    with chromium_phone(fake_camera) as driver:
        yield driver


@pytest.fixture
def patient(services: ClinicServices, actor: Actor) -> PatientSummary:
    return services.patients.create(
        actor, family_name=FAMILY, given_name=GIVEN, birth_date=dt.date(1958, 11, 3)
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def open_pairing(workstation: Workstation, actor: Actor, clock: Clock) -> Iterator[PhoneServers]:
    """Start a pairing (loopback, any free port, the moved clock); every one is closed after."""
    servers: list[PhoneServer] = []

    def start(target: PairingTarget, *, farewell: float | None = None) -> PhoneServer:
        settings = Settings(phone_port=0, phone_address="127.0.0.1")
        server = start_pairing(
            workstation,
            actor,
            target,
            settings,
            pairing=Pairing(target, clock=clock),
            bind="127.0.0.1",
        )
        if farewell is not None:
            server.farewell = farewell
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()
