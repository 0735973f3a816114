"""A German report says body sites, sexes, modalities, dates and numbers in German, whoever
builds it: the command line (`pixiodoc export pdf --language de`) has no Qt translations."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from vault_support import LOGIN, PASSWORD, CliRunner

from pixiodoc_desktop.exports import report_locale
from pixiodoc_desktop.exports.report_locale import ReportLocale
from tests.exports.exports_support import pdf_text

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "pixiodoc_de.ts"


def test_the_command_line_writes_a_german_report_in_german(
    run_cli: CliRunner, made_vault_with_case: tuple[Path, str], tmp_path: Path
) -> None:
    folder, patient_id = made_vault_with_case
    out = tmp_path / "Befund.pdf"
    done = run_cli(
        "export", "pdf", "--vault", folder, "--user", LOGIN, "--password-stdin",
        "--patient", patient_id, "--out", out, "--language", "de", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.code == 0, done.output
    text = pdf_text(out)
    for german in (
        "Befundbericht",
        "Männlich",
        "Körperstelle: Gesicht",
        "Körperstelle: Unterarm, links",
        "Dermatoskopie, polarisiert",
        "Dermatoskopie, nicht polarisiert",
        "Klinische Übersicht",
        "Besuch vom 14.03.2025",
        "01.05.1970",
    ):
        assert german in text, german
    for english in ("Male", "Face", "Forearm", "Dermoscopy", "overview", "2025-03-14"):
        assert english not in text, english

    done = run_cli(
        "export", "pdf", "--vault", folder, "--user", LOGIN, "--password-stdin",
        "--patient", patient_id, "--out", out, "--language", "fr", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.code != 0 and "--language" in done.output


def test_a_german_locale_without_the_workstations_words_is_german() -> None:
    say = ReportLocale(language="de")
    assert say.body_site("forearm-left") == "Unterarm, links"
    assert say.body_site(None) == "nicht erfasst"
    assert say.sex("female") == "Weiblich"
    assert say.date(dt.date(2026, 12, 5)) == "05.12.2026"
    assert say.millimetres(0.5) == "0,5 mm"
    # What a caller hands in is kept (the workstation's own translations).
    assert ReportLocale(language="de", sex=str.upper).sex("female") == "FEMALE"
    # English stays English with ISO dates.
    assert ReportLocale().body_site("forearm-left") == "Forearm, left"
    assert ReportLocale().date(dt.date(2026, 12, 5)) == "2026-12-05"


def test_the_german_vocabulary_says_what_the_workstation_says() -> None:
    words = {
        message.findtext("source"): message.findtext("translation")
        for context in ET.parse(TS).getroot()  # noqa: S314 (our own file)
        if context.findtext("name") == "Vocabulary"
        for message in context.iter("message")
    }
    for code, english in report_locale.MODALITIES.items():
        assert report_locale.GERMAN_MODALITIES[code] == words[english], code
    for code, english in {**report_locale.SEXES, "unknown": "Not stated"}.items():
        assert report_locale.GERMAN_SEXES[code] == words[english], code
