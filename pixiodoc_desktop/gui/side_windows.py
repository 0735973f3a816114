"""The windows the workspace opens beside itself: capture, comparison, audit trail, clinicians.

They are built by other parts of the GUI against `GuiContext`; here they are
opened for the right patient or photo and all closed at once when the
workstation locks. Their modules are imported when first used, so that the
camera stack (OpenCV) does not slow down the start.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QWidget

from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.thumbnails import ThumbnailLoader
from pixiodoc_desktop.gui.views.patient_screen import PatientScreen


def place_on_parent_screen(window: QWidget, parent: QWidget) -> None:
    """Open `window` on the screen its parent is on, no larger than that screen, centred."""
    screen = parent.screen()
    area = screen.availableGeometry()
    window.setScreen(screen)
    width = min(window.width(), int(area.width() * 0.96))
    height = min(window.height(), int(area.height() * 0.92))
    window.resize(width, height)
    window.move(area.center().x() - width // 2, area.center().y() - height // 2)


class SideWindows:
    def __init__(
        self,
        ctx: GuiContext,
        parent: QWidget,
        *,
        camera: str | None = None,
        thumbnails: ThumbnailLoader | None = None,
    ) -> None:
        self.ctx = ctx
        self.parent = parent
        self.camera = camera
        self.thumbnails = thumbnails
        self._open: list[QWidget] = []
        self._captures: dict[QWidget, str] = {}  # capture window -> the patient it adds to
        self._compares: dict[QWidget, str] = {}  # compare window -> the patient it compares
        # The one patient-facing screen, whichever compare window drives it.
        self.patient_screen = PatientScreen(parent, keep_blank=True)

    def _track(self, window: QWidget) -> QWidget:
        place_on_parent_screen(window, self.parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _obj=None, w=window: self._forget(w))
        self._open.append(window)
        return window

    def _forget(self, window: QWidget) -> None:
        self._open = [w for w in self._open if w is not window]
        self._captures.pop(window, None)
        self._compares.pop(window, None)

    def capture(self, patient_id: str, selected: str | None = None) -> QWidget:
        """The patient's capture window, its context starting from the photo selected in
        the timeline (`selected`; None: the record's newest photo)."""
        from pixiodoc_desktop.gui.views.capture_view import CaptureView

        for window, aimed_at in list(self._captures.items()):
            if aimed_at == patient_id:
                if selected is not None and isinstance(window, CaptureView):
                    window.aim(selected)
                window.raise_()
                window.activateWindow()
                return window  # one capture window per patient
        view = CaptureView(self.ctx, patient_id, self.parent, camera=self.camera, selected=selected)
        self._captures[view] = patient_id
        self._track(view).show()
        return view

    def patient_opened(self, patient_id: str) -> None:
        """Another patient's record is open: capture never stays aimed at the one before, and
        the one before's compare windows close (the clinician must never look at A's photos
        over B's record). Unsaved marks are saved as the comparison rather than asked about
        in the middle of a consultation; the status bar says so."""
        from pixiodoc_desktop.gui.views.compare_view import CompareView

        for window, aimed_at in list(self._captures.items()):
            if aimed_at != patient_id:
                self._captures.pop(window, None)
                window.close()
        for window, compared in list(self._compares.items()):
            if compared == patient_id:
                continue
            self._compares.pop(window, None)
            if isinstance(window, CompareView):
                name = window.patient_name
                if window.keep_and_close():
                    self.ctx.notifier.info(
                        QCoreApplication.translate(
                            "SideWindows", "{name}'s comparison closed; its marks were saved"
                        ).format(name=name)
                    )
            else:
                window.close()

    def compare(self, photo_id: str, patient_id: str) -> QWidget:
        """One compare window per patient: opening it again raises it (on the pair of the
        photo now selected, when that is not one of the two it shows)."""
        from pixiodoc_desktop.gui.views.compare_view import CompareView

        for window, compared in self._compares.items():
            if compared == patient_id and isinstance(window, CompareView) and window.isVisible():
                window.raise_()
                window.activateWindow()
                shown = {p.id for p in (window.before, window.after) if p is not None}
                if photo_id not in shown:
                    window.open_photo(photo_id)
                return window
        view = CompareView(
            self.ctx, self.parent, thumbnails=self.thumbnails, patient_screen=self.patient_screen
        )
        view.setWindowFlag(Qt.WindowType.Window, True)
        view.resize(1280, 820)
        self._compares[view] = patient_id
        self._track(view).show()
        view.open_photo(photo_id)
        return view

    def audit_trail(self) -> QWidget:
        from pixiodoc_desktop.gui.views.audit_view import AuditView

        view = AuditView(self.ctx, self.parent)
        self._track(view).show()
        return view

    def clinicians(self) -> QWidget:
        from pixiodoc_desktop.gui.views.clinicians_dialog import CliniciansDialog

        view = CliniciansDialog(self.ctx, self.parent, sync=getattr(self.parent, "sync", None))
        self._track(view).show()
        return view

    def review_emergencies(self) -> None:
        """After an Admin logs in: emergency accesses nobody has acknowledged yet, if any."""
        from pixiodoc_desktop.gui.views.audit_view import review_emergencies_after_login

        review_emergencies_after_login(self.ctx, self.parent)

    def taking(self) -> bool:
        """A capture window is taking a photo (quitting waits until it is being stored)."""
        return any(getattr(window, "taking", lambda: False)() for window in self._captures)

    def close_all(self) -> None:
        """Locking: every side window forgets what it shows and closes."""
        for window in list(self._open):
            clear: Any = getattr(window, "clear", None)
            if callable(clear):
                clear()
            if isinstance(window, QDialog):
                window.reject()
            window.close()
        self._open.clear()
        self._captures.clear()
        self._compares.clear()
