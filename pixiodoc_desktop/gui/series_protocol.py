"""The clinic's total-body series protocol between the Settings dialog and the vault: read
for an Admin before the dialog opens, stored (audited by the service) when it is saved, and
the open record reloaded so that capture and the timeline follow at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from pixiodoc_desktop.clinic.records.body_series import BodySeriesProtocol, Pose
from pixiodoc_desktop.gui.context import GuiContext, run_as_clinician


def read_protocol(ctx: GuiContext, then: Callable[[tuple[Pose, ...]], object]) -> None:
    run_as_clinician(ctx, lambda ws, _actor: BodySeriesProtocol(ws).protocol(), then)


def store_protocol(ctx: GuiContext, poses: Sequence[Pose], patient_id: str | None) -> None:
    chosen = list(poses)

    def stored(_codes: tuple[str, ...]) -> None:
        ctx.notifier.info(
            QCoreApplication.translate("SeriesProtocol", "The series protocol was saved.")
        )
        if patient_id is not None:
            ctx.changes.patient_changed.emit(patient_id)

    run_as_clinician(ctx, lambda ws, actor: BodySeriesProtocol(ws).set_poses(actor, chosen), stored)
