"""The GDT in-folder: requests dropped by the practice software are handled once, by the
folder's events or by the poll; bad files go to refused/ with a reason; nothing stops it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from gdt_fixtures import new_examination
from practice_support import Exchange
from sqlalchemy import select
from vault_support import LOGIN, PASSWORD, CliRunner, Folders, plaintext_findings

from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.practice.exchange import RequestOutcome, handle_file
from pixiodoc_desktop.practice.watcher import GdtEvent, GdtInFolder, Outcome
from pixiodoc_desktop.vault.schema import AuditEvent


class Events:
    """What the in-folder reported, waited for without sleeping."""

    def __init__(self) -> None:
        self.seen: list[GdtEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: GdtEvent) -> None:
        with self._changed:
            self.seen.append(event)
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 20.0) -> list[GdtEvent]:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.seen) >= count, timeout), self.seen
            return list(self.seen)


def _drop(folder: Path, name: str, data: bytes) -> Path:
    """As a careful PVS does: write a temp name, then rename."""
    temp = folder / f".{name}.tmp"
    temp.write_bytes(data)
    os.replace(temp, folder / name)
    return folder / name


@pytest.fixture
def calls() -> list[Path]:
    return []


@pytest.fixture
def in_folder(
    exchange: Exchange, workstation: Workstation, actor: Actor, calls: list[Path]
) -> Iterator[tuple[GdtInFolder, Events]]:
    events = Events()

    def handle(path: Path) -> RequestOutcome:
        calls.append(path)
        return handle_file(workstation, actor, path, exchange.settings)

    folder = GdtInFolder(exchange.inbox, handle, on_event=events, settle=5.0, poll=3600)
    folder.start()
    try:
        yield folder, events
    finally:
        folder.stop()


def test_dropped_requests_are_handled_once_and_removed(
    exchange: Exchange, in_folder: tuple[GdtInFolder, Events], services: ClinicServices,
    actor: Actor, calls: list[Path],
) -> None:  # fmt: skip
    folder, events = in_folder
    _drop(exchange.inbox, "PIXOPVS1.001", new_examination("1", "Groß", "Änne", "02031980", "2"))
    (first,) = events.wait_for(1)
    assert first.outcome is Outcome.HANDLED and first.request is not None
    assert first.request.created and first.request.screen == "capture"
    # Events that arrive late or twice find nothing more to do.
    folder.offer(exchange.inbox / "PIXOPVS1.001")
    folder.scan()
    assert folder.wait_idle(10)
    assert len(calls) == 1 and not (exchange.inbox / "PIXOPVS1.001").exists()
    (patient,) = services.patients.search(actor, "Groß", audited=False)
    assert (patient.family_name, patient.given_name, patient.external_id) == ("Groß", "Änne", "1")


def test_a_file_written_in_pieces_waits_until_it_is_whole(
    exchange: Exchange, in_folder: tuple[GdtInFolder, Events], calls: list[Path]
) -> None:
    _, events = in_folder
    data = new_examination("2", "Kühn", "Jörg", "02031980", "1")
    path = exchange.inbox / "PIXOPVS1.gdt"
    with path.open("wb") as handle:  # as a PVS that writes in place does
        handle.write(data[:40])
        handle.flush()
        os.fsync(handle.fileno())
        handle.write(data[40:])
    (event,) = events.wait_for(1)
    assert event.outcome is Outcome.HANDLED, event.line
    assert not (exchange.inbox / "refused" / "PIXOPVS1.gdt").exists()


def test_malformed_files_are_refused_with_a_reason_and_the_watcher_goes_on(
    exchange: Exchange, workstation: Workstation, actor: Actor, services: ClinicServices
) -> None:
    events = Events()
    folder = GdtInFolder(
        exchange.inbox,
        lambda path: handle_file(workstation, actor, path, exchange.settings),
        on_event=events,
        settle=0.0,  # refuse at once: these files are complete
        poll=3600,
    )
    folder.start()
    try:
        _drop(exchange.inbox, "PIXOPVS1.001", b"\x89PNG\r\n\x1a\n" + bytes(100))
        big = exchange.inbox / ".big.tmp"
        with big.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)
        os.replace(big, exchange.inbox / "PIXOPVS1.002")
        _drop(exchange.inbox, "PIXOPVS1.003",
              new_examination("3", "Bär", "Uwe", "02031980", "1").replace(b"80006302", b"80006200"))  # fmt: skip
        _drop(exchange.inbox, "PIXOPVS1.004", new_examination("4", "Wolf", "Ida", "31021980", "2"))
        _drop(exchange.inbox, "PIXOPVS1.005", new_examination("5", "Fuchs", "Eva", "01011990", "2"))
        seen = events.wait_for(5)
    finally:
        folder.stop()
    by_name = {e.file_name: e for e in seen}
    assert by_name["PIXOPVS1.005"].outcome is Outcome.HANDLED
    reasons = {
        "PIXOPVS1.001": "binary data",
        "PIXOPVS1.002": "too large",
        "PIXOPVS1.003": "record type 6200",
        "PIXOPVS1.004": "not a valid date",
    }
    refused = exchange.inbox / "refused"
    for name, reason in reasons.items():
        assert by_name[name].outcome is Outcome.REFUSED and reason in by_name[name].reason
        note = (refused / f"{name}.reason.txt").read_text("utf-8")
        assert reason in note and "Wolf" not in note and "Bär" not in note
        assert (refused / name).exists() and not (exchange.inbox / name).exists()
    assert [p.family_name for p in services.patients.search(actor, "", audited=False)] == ["Fuchs"]


def test_the_poll_finds_what_no_event_announced(
    exchange: Exchange, workstation: Workstation, actor: Actor
) -> None:
    events = Events()
    folder = GdtInFolder(
        exchange.inbox,
        lambda path: handle_file(workstation, actor, path, exchange.settings),
        on_event=events,
        poll=0.05,
    )
    folder.start(watch=False)  # as on a network share whose events never come
    try:
        _drop(exchange.inbox, "PIXOPVS1.gdt", new_examination("6", "Roth", "Lea", "", "2"))
        (event,) = events.wait_for(1)
    finally:
        folder.stop()
    assert event.outcome is Outcome.HANDLED


def test_gdt_watch_once_from_the_command_line(
    run_cli: CliRunner, made_vault: object, exchange: Exchange
) -> None:
    _drop(exchange.inbox, "PIXOPVS1.001", new_examination("7", "Lang", "Ute", "01011990", "2"))
    _drop(exchange.inbox, "PIXOPVS1.002", b"garbage\r\n")
    done = run_cli("gdt", "watch", "--vault", made_vault.folder, "--user", LOGIN,  # type: ignore[attr-defined]
                   "--password-stdin", "--once", stdin=PASSWORD + "\n")  # fmt: skip
    assert done.code == 0, done.output
    assert "PIXOPVS1.001: 6302 created patient" in done.stdout
    assert "refused PIXOPVS1.002: PIXOPVS1.002, line 1: not a GDT line" in done.stdout
    assert "1 handled, 1 refused" in done.stderr


def test_no_patient_datum_reaches_the_log_the_vault_or_a_reason_file(
    run_cli: CliRunner, made_vault: object, exchange: Exchange, pixiodoc_dirs: Folders
) -> None:
    names = ("Kowalczyk", "Henriette", "Zweiundvierzig")
    _drop(
        exchange.inbox, "PIXOPVS1.001", new_examination("42", names[0], names[1], "01011990", "2")
    )
    _drop(exchange.inbox, "PIXOPVS1.002", new_examination("43", names[2], "X", "31021990", "2"))
    done = run_cli("gdt", "watch", "--vault", made_vault.folder, "--user", LOGIN,  # type: ignore[attr-defined]
                   "--password-stdin", "--once", stdin=PASSWORD + "\n")  # fmt: skip
    assert done.code == 0 and "1 handled, 1 refused" in done.stderr, done.output
    reasons = [p.parent for p in (exchange.inbox / "refused").glob("*.reason.txt")]
    assert reasons
    scanned = [pixiodoc_dirs.logs, pixiodoc_dirs.config, made_vault.folder]  # type: ignore[attr-defined]
    findings = plaintext_findings(scanned, names)
    findings += [
        f for f in plaintext_findings([exchange.inbox / "refused"], names) if ".reason.txt" in f
    ]
    assert findings == []
    assert list(pixiodoc_dirs.logs.rglob("*.log")), "the command wrote no log to scan"


def test_a_request_for_a_patient_the_clinician_may_not_see_is_refused_and_audited(
    exchange: Exchange, workstation: Workstation, actor: Actor, services: ClinicServices,
    second_clinician: Actor,
) -> None:  # fmt: skip
    private = services.patients.create(
        actor, family_name="Vertraulich", external_id="77", practice_level=None
    )
    events = Events()
    folder = GdtInFolder(
        exchange.inbox,
        lambda path: handle_file(workstation, second_clinician, path, exchange.settings),
        on_event=events,
        poll=3600,
    )
    folder.start()
    try:
        _drop(exchange.inbox, "PIXOPVS1.gdt", new_examination("77", "Vertraulich", "", "", "2"))
        (event,) = events.wait_for(1)
    finally:
        folder.stop()
    assert event.outcome is Outcome.REFUSED and "Vertraulich" not in event.reason
    with workstation.read_session() as session:
        denied = session.scalars(
            select(AuditEvent).where(
                AuditEvent.patient_id == private.id, AuditEvent.outcome == "denied"
            )
        ).all()
    assert [(e.event_type, e.actor_id) for e in denied] == [
        ("PATIENT_VIEWED", second_clinician.user_id)
    ]
    assert services.visits.list(actor, private.id) == []
