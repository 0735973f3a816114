"""The consultation report: pages rendered by poppler, not blank, comparisons with their
marks and measurements, clinic logo, Admin grant, audit, and the CLI."""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from vault_support import LOGIN, PASSWORD, CliRunner

from pixiodoc_desktop.clinic.records.comparisons import (
    Annotation,
    AnnotationKind,
    Comparisons,
    MeasurementTrace,
    Side,
)
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied
from pixiodoc_desktop.exports.pdf_report import export_pdf
from pixiodoc_desktop.exports.records import report_logo, set_report_logo
from pixiodoc_desktop.imaging.measure import MeasureKind
from tests.exports.exports_support import ExportCase, audit_events, pdf_pages_as_png, pdf_text

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (Debian poppler-utils) missing"
)


def _ink(png: Path) -> float:
    """The share of the page that is not white."""
    with Image.open(png) as page:
        grey = page.convert("L")
        dark = sum(grey.histogram()[:240])
        return dark / (grey.width * grey.height)


def _logo() -> bytes:
    image = Image.new("RGB", (120, 60), (20, 90, 160))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@needs_poppler
def test_report_with_comparison_renders_pages_with_content(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    set_report_logo(workstation, actor, _logo())
    before, _, after = export_case.photo_ids
    comparison = Comparisons(workstation).save(
        actor,
        before,
        after,
        title="Naevus forearm",
        annotations=[
            Annotation(AnnotationKind.ARROW, Side.AFTER, ((10, 10), (80, 60)), "new dot"),
            Annotation(AnnotationKind.CIRCLE, Side.BEFORE, ((150, 120), (170, 120))),
        ],
        measurements=[
            MeasurementTrace(MeasureKind.DISTANCE, Side.BEFORE, ((10, 10), (50, 10)), "A"),
            MeasurementTrace(MeasureKind.DISTANCE, Side.AFTER, ((10, 10), (60, 10)), "A"),
        ],
    )
    pdf = export_pdf(
        workstation,
        actor,
        export_case.patient_id,
        tmp_path / "report",
        comparison_ids=[comparison.id],
        photo_ids=list(export_case.photo_ids),
    )
    assert pdf.suffix == ".pdf" and pdf.read_bytes().startswith(b"%PDF")
    pages = pdf_pages_as_png(pdf, tmp_path / "page")
    # Page 1: header and the first visit's two photos; page 2: the second visit with
    # the comparison (before/after, filed under the later visit) and its own photo.
    assert len(pages) == 2
    assert all(_ink(p) > 0.02 for p in pages)
    with Image.open(pages[0]) as first:
        top = first.crop((0, 0, first.width, first.height // 8))
        assert max(ImageStat.Stat(top.convert("RGB")).extrema[2]) > 150  # the blue logo
    # What the clinician asked for is on the pages, as text a reader (or poppler) can read:
    # clinic header, patient, visit dates, the visit's reason and notes, the comparison
    # with its labels and the measurement's change between the visits.
    text = pdf_text(pdf)
    for expected in (
        "Hautarztpraxis Teststraße",
        "Müller, Jürgen",
        "1970-05-01",
        "PAT-4711",
        "Visit of 2025-03-14",
        "Reason: Check of a changing mole",
        "Notes: Itches since January.",
        "Visit of 2025-09-02",
        "Naevus forearm: before",
        "Naevus forearm: after",
        "new dot",
        "A, distance: 40.0 px -> 50.0 px (+10.0 px, +25%)",
        "Body site: Forearm, left",
        "Lesion: naevus forearm",
        "Page 2",
    ):
        assert expected in text, expected
    assert text.index("Visit of 2025-03-14") < text.index("Visit of 2025-09-02")
    # No plaintext temp file is left beside the report.
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".tmp", ".pdf")) == [
        "report.pdf"
    ]
    _, outcome, details = audit_events(workstation, "DATA_EXPORTED")[0]
    assert outcome == "success"
    assert details == {
        "format": "PDF",
        "what": "consultation report",
        "visits": 2,
        "comparisons": 1,
        "figures": 5,
    }


@needs_poppler
def test_report_of_one_visit_is_one_page(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    pdf = export_pdf(
        workstation,
        actor,
        export_case.patient_id,
        tmp_path / "one.pdf",
        visit_ids=[export_case.second_visit],
    )
    pages = pdf_pages_as_png(pdf, tmp_path / "one")
    assert len(pages) == 1
    assert _ink(pages[0]) > 0.02


def test_report_needs_the_admin_grant(
    workstation: Workstation, second_clinician: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        export_pdf(workstation, second_clinician, export_case.patient_id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    _, outcome, _ = audit_events(workstation, "DATA_EXPORTED")[0]
    assert outcome == "denied"


def test_export_pdf_command(
    run_cli: CliRunner, made_vault_with_case: tuple[Path, str], tmp_path: Path
) -> None:
    folder, patient_id = made_vault_with_case
    out = tmp_path / "cli-report.pdf"
    done = run_cli(
        "export", "pdf", "--vault", folder, "--user", LOGIN, "--password-stdin",
        "--patient", patient_id, "--out", out, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.code == 0, done.output
    assert out.read_bytes().startswith(b"%PDF")


def test_logo_is_checked_and_only_for_admins(
    workstation: Workstation, actor: Actor, second_clinician: Actor
) -> None:
    with pytest.raises(InvalidInput, match="not a readable PNG or JPEG"):
        set_report_logo(workstation, actor, b"<svg/>")
    with pytest.raises(PermissionDenied):
        set_report_logo(workstation, second_clinician, _logo())
    set_report_logo(workstation, actor, _logo())
    set_report_logo(workstation, actor, None)
    assert report_logo(workstation) is None


def test_exports_leave_nothing_in_the_temp_folder(
    workstation: Workstation,
    actor: Actor,
    export_case: ExportCase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pixiodoc_desktop.exports.patient_data import export_patient_data

    scratch = tmp_path / "temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("TMPDIR", str(scratch))
    out = tmp_path / "out"
    out.mkdir()
    export_pdf(workstation, actor, export_case.patient_id, out / "r.pdf")
    export_patient_data(workstation, actor, export_case.patient_id, out / "d.zip")
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["d.zip", "r.pdf"]
