"""What every screen needs, passed in explicitly (no global registry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.gui.notify import Notifier
from pixiodoc_desktop.gui.session import ClinicSession
from pixiodoc_desktop.gui.workers import ChangeNotifier, DbOperation, DbWorker, ImagePool

if TYPE_CHECKING:  # the unlock screen paints before SQLAlchemy and the vault load (issue 19)
    from pixiodoc_desktop.clinic.workstation import Actor, Workstation
    from pixiodoc_desktop.gui.ondemand_images import BucketImages

T = TypeVar("T")


@dataclass(slots=True)
class GuiContext:
    settings: Settings
    session: ClinicSession
    worker: DbWorker
    images: ImagePool
    changes: ChangeNotifier
    notifier: Notifier
    bucket: BucketImages | None = None  # images left in the clinic's bucket, fetched when shown


def run_as_clinician(
    ctx: GuiContext,
    job: Callable[[Workstation, Actor], T],
    done: Callable[[T], object],
    failed: Callable[[Exception], None] | None = None,
) -> None:
    """`job` on the vault worker as the logged-in clinician; its result to `done` on the
    GUI thread, or its error to `failed` (by default the window's failure message)."""
    session = ctx.session

    def work() -> T:
        services, actor = session.require()
        return job(services.workstation, actor)

    def deliver(value: T) -> None:
        done(value)

    DbOperation(work).success(deliver).failure(failed or ctx.notifier.failure).run(ctx.worker)
