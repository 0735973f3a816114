"""Error messages from the Qt-free core reach the German interface in German.

1. Every message a core raise site builds for a clinician-facing error has a
   template in `error_catalogue` (found by reading the raise sites).
2. Every catalogued template has a finished German translation in the .ts,
   with the same placeholders.
3. In the German window, importing a file that is not an image lists the
   refusal reason in German; other common errors read German too.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import first_run_into_workspace, write_jpegs
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pixiodoc_desktop import error_catalogue, errors
from pixiodoc_desktop.clinic.access.plans import UPGRADE_HINT
from pixiodoc_desktop.clinic.records.names import check_name
from pixiodoc_desktop.clinic.records.patients import parse_date
from pixiodoc_desktop.error_catalogue import CONTEXT, TEMPLATES, explain
from pixiodoc_desktop.errors import InvalidInput, PixioDocError, PlanLimitReached, VaultDamaged
from pixiodoc_desktop.gui.i18n import ts_path
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.notify import error_text, translated_message
from pixiodoc_desktop.gui.resources import ROOT
from pixiodoc_desktop.gui.views.dialogs import PatientDialog
from pixiodoc_desktop.imaging import metadata, sniff
from pixiodoc_desktop.vault.header import RESTORE_HINT

PACKAGE = ROOT / "pixiodoc_desktop"
PLACEHOLDER = re.compile(r"\{(\w+)\}")

# Every typed error the core raises: a clinician reads any of them in the GUI (the CLI
# prints the English). Read from errors.py, so that a new type is covered the day it exists.
CATALOGUED = frozenset(
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, PixioDocError)
)


def _skeletons(node: ast.expr, local: dict[str, ast.expr]) -> list[str]:
    """The message an expression builds, with "{}" for each value filled in at run time."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        out = [""]
        for value in node.values:
            piece = value.value if isinstance(value, ast.Constant) else "{}"
            out = [o + str(piece) for o in out]
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _skeletons(node.left, local) for b in _skeletons(node.right, local)]
    if isinstance(node, ast.IfExp):
        return _skeletons(node.body, local) + _skeletons(node.orelse, local)
    if isinstance(node, ast.Name) and node.id in local:
        return _skeletons(local[node.id], local)
    return ["{}"]


def _raised_messages() -> Iterator[tuple[str, str]]:
    """(where, skeleton) for every catalogued error built in the core."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            # `msg = ...; raise X(msg)`: the assignment nearest above the call.
            assigned = sorted(
                (n.lineno, n.value)
                for n in ast.walk(function)
                if isinstance(n, ast.Assign)
                and len(n.targets) == 1
                and isinstance(n.targets[0], ast.Name)
                and n.targets[0].id == "msg"
            )
            for call in ast.walk(function):
                if not (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in CATALOGUED
                    and call.args
                ):
                    continue
                before = [value for line, value in assigned if line < call.lineno]
                local = {"msg": before[-1]} if before else {}
                for skeleton in _skeletons(call.args[0], local):
                    if skeleton.replace("{}", "").strip():
                        where = f"{path.relative_to(ROOT)}:{call.lineno} {call.func.id}"
                        yield where, skeleton


def _literal(text: str) -> str:
    return PLACEHOLDER.sub("", text)


def _covered(message: str) -> bool:
    """A template produced `message`, and every value in it is a run-time value or covered too."""
    explained = explain(message)
    if explained is None:
        return False
    return all(
        re.fullmatch(r"[7\s.,]*", value) or _covered(value.strip())
        for value in explained.params.values()
    )


def _composed_messages() -> dict[str, list[str]]:
    """Messages whose raise site fills in a whole clause: the ones it really builds."""
    made = {}
    for text in ("Kr\u202eamer", "Kr\x1bamer"):
        with pytest.raises(InvalidInput) as refused:
            check_name(text, "family name")
        made.setdefault("The patient's {}", []).append(refused.value.message)
    return made


def test_every_core_error_message_has_a_template() -> None:
    composed = _composed_messages()
    for message in (m for made in composed.values() for m in made):
        explained = explain(message)
        assert explained is not None and explain(explained.params["field"]), message
    found = [(where, s) for where, s in _raised_messages() if s not in composed]
    assert len(found) > 300, "the raise-site scan found too little; is it still reading them?"
    # "7" (or nothing: an optional clause) stands for each value filled in at run time.
    missing = [
        f"{where}: {skeleton!r}"
        for where, skeleton in found
        if not (_covered(skeleton.replace("{}", "7")) or _covered(skeleton.replace("{}", "")))
    ]
    assert not missing, (
        "error messages without a template in pixiodoc_desktop/error_catalogue/ "
        "(add one with {placeholders}, then its German to the .ts):\n" + "\n".join(missing)
    )


def _phrases_of_describe_non_image() -> set[str]:
    source = Path(sniff.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    phrases = {words for _magic, words in sniff._KNOWN_MAGIC}
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and function.name == "describe_non_image":
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and node.value
                    and not node.value.startswith("A few words")
                ):
                    phrases.add(node.value)
    return phrases


def test_values_filled_into_messages_are_catalogued_too() -> None:
    """Hints, reasons and "it looks like ..." phrases are translated inside their sentence."""
    expected = {RESTORE_HINT, UPGRADE_HINT, metadata._TRUNCATED, *_phrases_of_describe_non_image()}
    assert not sorted(p for p in expected if explain(p) is None)


def _german_errors() -> dict[str, ET.Element]:
    root = ET.parse(ts_path("de")).getroot()  # noqa: S314 - our own .ts file
    for context in root.iter("context"):
        if context.findtext("name") == CONTEXT:
            return {m.findtext("source") or "": m for m in context.iter("message")}
    return {}


def test_every_template_has_finished_german() -> None:
    german = _german_errors()
    problems = []
    for template in TEMPLATES:
        message = german.get(template)
        translation = message.find("translation") if message is not None else None
        if translation is None:
            problems.append(f"missing: {template!r}")
        elif translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{translation.get('type')}: {template!r}")
        elif not (translation.text or "").strip():
            problems.append(f"empty: {template!r}")
        elif sorted(PLACEHOLDER.findall(translation.text or "")) != sorted(
            PLACEHOLDER.findall(template)
        ):
            problems.append(f"placeholders differ: {template!r}")
    stale = sorted(set(german) - set(TEMPLATES))
    problems += [f"not in the catalogue any more: {source!r}" for source in stale]
    assert not problems, "\n".join(problems)


def test_templates_are_unique_and_not_bare_placeholders() -> None:
    assert len(set(TEMPLATES)) == len(TEMPLATES)
    assert all(_literal(t).strip() for t in TEMPLATES)
    assert error_catalogue.QT_TRANSLATE_NOOP("errors", "x") == "x"


def test_english_interface_shows_the_core_message_unchanged(qapp: QApplication) -> None:
    message = f"scan.pdf is not an image PixioDoc accepts: it looks like a PDF document (accepted: {sniff.ACCEPTED_LABELS})"
    assert translated_message(message) == message
    assert translated_message("Something nobody catalogued") == "Something nobody catalogued"


def test_common_errors_read_german(german: None) -> None:
    damaged = VaultDamaged(f"The vault database is missing from /praxis/tresor. {RESTORE_HINT}")
    assert error_text(damaged) == (
        "Die Tresordatenbank fehlt in /praxis/tresor. Stellen Sie den Tresor aus Ihrer "
        "letzten Sicherung wieder her (pixiodoc vault restore)."
    )
    limit = PlanLimitReached(
        "The Free plan keeps up to 10 patients and this clinic has 10. "
        f"Existing records stay available. {UPGRADE_HINT}"
    )
    assert error_text(limit).startswith(
        "Der Tarif Free umfasst bis zu 10 Patienten, und diese Praxis hat 10. "
        "Vorhandene Akten bleiben verfügbar. Wechseln Sie zu PixioDoc Pro oder Teams"
    )
    assert translated_message(
        "a.weber may not edit this patient's record (needs Editor access; ask the record's Admin to share it)."
    ) == (
        "a.weber darf die Akte dieses Patienten nicht bearbeiten (nötig ist Zugriff "
        "„Bearbeiten“; bitten Sie den Admin der Akte, sie freizugeben)."
    )
    assert translated_message(
        "IMG_7.jpg is damaged: the JPEG data ends early (truncated file)"
    ) == ("IMG_7.jpg ist beschädigt: die JPEG-Daten enden vorzeitig (unvollständige Datei)")
    assert translated_message(
        "Wrong password for a.weber. Wait 4 seconds before the next try."
    ) == ("Falsches Passwort für a.weber. Warten Sie 4 Sekunden bis zum nächsten Versuch.")
    assert error_text(PixioDocError("Not catalogued")) == "Not catalogued"


def test_german_import_lists_the_refusal_reason_in_german(
    german: None, qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    window.show()
    first_run_into_workspace(qtbot, window)
    window.new_patient()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None
    dialog.family.setText("Becker")
    dialog.submit()
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    folder = tmp_path / "in"
    good = write_jpegs(folder, 1)
    letter = folder / "brief.pdf"
    letter.write_bytes(b"%PDF-1.7\n" + b"\0" * 64)
    broken = folder / "abgebrochen.jpg"
    broken.write_bytes(good[0].read_bytes()[:600])
    window.import_paths([*good, letter, broken])
    importer = window.importer
    qtbot.waitUntil(
        lambda: importer.dialog is not None and importer.dialog.isFinished(), timeout=20000
    )
    assert importer.dialog is not None
    table = importer.dialog.refused
    reasons = {}
    for row in range(table.rowCount()):
        name, reason = table.item(row, 0), table.item(row, 1)
        assert name is not None and reason is not None
        reasons[name.text()] = reason.text()
    assert reasons["brief.pdf"] == (
        "brief.pdf ist kein Bild, das PixioDoc annimmt: Die Datei sieht aus wie ein "
        f"PDF-Dokument (angenommen werden: {sniff.ACCEPTED_LABELS})"
    )
    assert reasons["abgebrochen.jpg"].startswith("abgebrochen.jpg ist beschädigt: die JPEG-Daten")


def test_case_bundle_refusals_read_german(german: None) -> None:
    assert translated_message(
        "The case bundle was refused: its entry photos/p0/original unpacks to 1536 MB "
        "(limit 300 MB)"
    ) == (
        "Das Fallpaket wurde abgelehnt: Sein Eintrag photos/p0/original entpackt sich auf "
        "1536 MB (Grenze 300 MB)"
    )
    assert translated_message(
        "scan.tif holds 3 pages; PixioDoc takes one picture per file (save each as its own file)"
    ) == (
        "scan.tif enthält 3 Seiten; PixioDoc nimmt ein Bild pro Datei an "
        "(speichern Sie jede Seite als eigene Datei)"
    )


def test_a_wrong_date_typed_in_a_form_reads_german(german: None) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_date("31.02.1987", "date of birth")
    assert error_text(refused.value) == (
        "'31.02.1987' ist kein gültiges Geburtsdatum; bitte als TT.MM.JJJJ oder JJJJ-MM-TT "
        "(z. B. 23.04.1980)"
    )


def test_form_and_record_refusals_read_german(german: None) -> None:
    """Forms (InvalidInput), records gone (RecordNotFound), the practice's connections."""
    from pixiodoc_desktop.clinic.records.patient_fields import clean_name
    from pixiodoc_desktop.config import Settings
    from pixiodoc_desktop.exports.pacs import check_ae
    from pixiodoc_desktop.imaging.measure import MeasureKind, measure

    refusals: list[PixioDocError] = []
    for attempt in (
        lambda: clean_name("  ", "family name", required=True),
        lambda: check_name("Kr\u202eamer", "given name"),
        lambda: Settings(auto_lock_minutes=0).validate(),
        lambda: check_ae("A" * 20, "PACS's AE title"),
        lambda: measure(MeasureKind.DISTANCE, ((0.0, 0.0),), 10.0),
    ):
        with pytest.raises(PixioDocError) as refused:
            attempt()
        refusals.append(refused.value)
    assert [error_text(e) for e in refusals] == [
        "Das Feld „Familienname“ des Patienten muss ausgefüllt sein",
        "Das Feld „Vorname“ des Patienten enthält eine Schreibrichtungsumkehr (U+202E), "
        "durch die ein anderer Name angezeigt werden könnte",
        "Die automatische Sperre muss zwischen 1 und 240 Minuten liegen",
        "AE-Titel des PACS: 1–16 einfache Zeichen (z. B. ORTHANC, PIXIODOC)",
        "Ein Abstand braucht genau zwei Punkte",
    ]
