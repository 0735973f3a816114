"""The compare view's link to the patient's consultation screen: consent first, then follow.

Opening the screen, and moving it to another pair of photos, both go
through the same consent check and audit (PHOTO_VIEWED, screen
"consultation"); a refusal closes the screen. While it is open it follows
the clinician's mode, slider, zoom and marks. The window it opens
(views/consultation_window.py) only paints what it is given; it belongs to
the workstation's `PatientScreen` (views/patient_screen.py), which blanks it
when the patient changes, another compare window takes the focus, this one
closes, or the session locks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from pixiodoc_desktop.clinic.records.comparisons import Comparisons, Screen
from pixiodoc_desktop.clinic.records.photos import ImageSize
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.views.consultation_window import ComparisonPicture, ConsultationWindow
from pixiodoc_desktop.gui.views.patient_screen import PatientScreen
from pixiodoc_desktop.gui.widgets.compare_canvas import CompareState
from pixiodoc_desktop.gui.widgets.compare_marks import Mark

# Strings are translated in the compare view's context: this link is part of it.
Run = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]], None]
Pair = tuple[str, str]


def screen_words(number: int, rect: QRect, rects: list[QRect]) -> str:
    """'Screen 2 (1920×1080, right)': the words a clinician knows a monitor by, never the
    system's name for it ('screen', 'HDMI-1')."""
    place = ""
    xs = sorted({r.center().x() for r in rects})
    ys = sorted({r.center().y() for r in rects})
    if len(xs) > 1:
        x = rect.center().x()
        place = "left" if x == xs[0] else "right" if x == xs[-1] else "middle"
    elif len(ys) > 1:
        place = "top" if rect.center().y() == ys[0] else "bottom"
    words = {
        "left": QCoreApplication.translate("CompareView", "left"),
        "right": QCoreApplication.translate("CompareView", "right"),
        "middle": QCoreApplication.translate("CompareView", "middle"),
        "top": QCoreApplication.translate("CompareView", "top"),
        "bottom": QCoreApplication.translate("CompareView", "bottom"),
    }
    size = f"{rect.width()}×{rect.height()}"
    if not place:
        return QCoreApplication.translate("CompareView", "Screen {number} ({size})").format(
            number=number, size=size
        )
    return QCoreApplication.translate("CompareView", "Screen {number} ({size}, {place})").format(
        number=number, size=size, place=words[place]
    )


class ConsultationLink(QObject):
    """Opens, feeds and closes the consultation screen of one compare view.

    `pair()` names the photos on screen (None before any), `picture()` says
    what the patient would see now, `name()` the name to show ("" unless
    the clinician allows it), `patient()` whose photos they are. `screen`
    is the workstation's patient screen (a view on its own makes its own). `run` is the view's DB runner (results only
    while the view is open); `failed` reports a refusal while following.
    """

    refused = Signal(str)
    changed = Signal()  # the patient's screen opened, blanked, changed hands or closed

    def __init__(
        self,
        ctx: GuiContext,
        clinician: QWidget,
        *,
        run: Run,
        failed: Callable[[BaseException], None],
        pair: Callable[[], Pair | None],
        picture: Callable[[], ComparisonPicture | None],
        name: Callable[[], str],
        patient: Callable[[], str | None],
        screen: PatientScreen | None = None,
    ) -> None:
        super().__init__(clinician)
        self.screen = screen if screen is not None else PatientScreen(self)
        self.screen.changed.connect(self.changed)
        self._patient = patient
        self.ctx = ctx
        self.clinician = clinician
        self._run = run
        self._failed = failed
        self._pair = pair
        self._picture = picture
        self._name = name
        self._shown_pair: Pair | None = None  # checked and audited for it

    @property
    def window(self) -> ConsultationWindow | None:
        """The patient's screen while it shows this view's comparison."""
        return self.screen.window if self.screen.drives(self) else None

    def _check(self, pair: Pair) -> Callable[[], None]:
        session = self.ctx.session

        def check() -> None:
            services, actor = session.require()
            Comparisons(services.workstation).images(
                actor, pair[0], pair[1], size=ImageSize.SCREEN, screen=Screen.CONSULTATION
            )

        return check

    def show(self, screen: QScreen | None = None, geometry: QRect | None = None) -> None:
        """Open the patient-facing screen (the consent is checked first, and the view audited)."""
        pair = self._pair()
        if pair is None or self._picture() is None:
            return

        def refused(error: Exception) -> None:
            message = error_text(error) if isinstance(error, PixioDocError) else str(type(error))
            self.ctx.notifier.error(message)
            self.refused.emit(message)

        self._run(self._check(pair), lambda _: self._open(screen, geometry), refused)

    def choose_screen(self, button: QToolButton) -> None:
        """With two or more monitors the clinician picks the patient's; else the only one."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            self.show()
            return
        menu = QMenu(self.clinician)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new menu on every click
        mine = self.clinician.screen()
        rects = [s.geometry() for s in screens]
        for index, screen in enumerate(screens, start=1):
            text = screen_words(index, screen.geometry(), rects)
            if screen is mine:
                text = QCoreApplication.translate("CompareView", "{screen} — this window").format(
                    screen=text
                )
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, s=screen: self.show(s))
        menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def _open(self, screen: QScreen | None, geometry: QRect | None) -> None:
        patient = self._patient()
        if patient is None:
            return
        window = self.screen.take(self, patient)
        window.show_name(self._name())
        window.show_picture(self._picture())
        self._shown_pair = self._pair()
        window.show_on(screen, geometry, clinician=self.clinician)

    def follow(self) -> None:
        """The patient's screen follows to another pair only through the same consent
        check and audit as opening it; a refusal closes it."""
        window = self.window
        pair = self._pair()
        if window is None or pair is None:
            return
        if pair == self._shown_pair:
            window.show_picture(self._picture())
            return

        def allowed(_: object) -> None:
            now = self._pair()
            if self.window is window and now is not None:
                self._shown_pair = now
                window.show_picture(self._picture())

        def refused(error: Exception) -> None:
            if self.window is window:
                self.screen.blank()
            self._failed(error)

        self._run(self._check(pair), allowed, refused)

    def follow_state(self, state: CompareState) -> None:
        if self.window is not None:
            self.window.set_state(state)

    def follow_marks(self, marks: list[Mark]) -> None:
        if self.window is not None:
            self.window.set_marks(marks)

    def took_focus(self) -> None:
        """This compare window became active: another's comparison leaves the patient's screen."""
        self.screen.focus_moved_to(self)

    def stop(self) -> None:
        """The clinician's Stop: the patient's screen closes."""
        if self.window is not None:
            self.screen.stop()

    def close(self) -> None:
        """This compare window closes or forgets its photos: the patient's screen blanks."""
        self.screen.release(self)
