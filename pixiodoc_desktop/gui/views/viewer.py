"""The viewer window: hosts PhotoViewer and feeds it images from the vault.

The screen-size image comes first (decrypted on the DB worker, an audited
PHOTO_VIEWED, decoded on the image pool; fetched from the clinic's bucket first on a
PC that keeps images there until shown). When the clinician zooms to 1:1 or
closer, the full-resolution original follows in the same way and takes its
place, so that 1:1 shows the camera's own pixels. The window title never
names the patient.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from pixiodoc_desktop.clinic.records.photos import ImageSize, PhotoSummary
from pixiodoc_desktop.clinic.records.second_opinions import PhotoMark, SecondOpinionSummary
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.ondemand_images import fetching_text, submit_on
from pixiodoc_desktop.gui.theme import icon
from pixiodoc_desktop.gui.thumbnails import decode_image, decode_original
from pixiodoc_desktop.gui.widgets.photo_viewer import PhotoViewer
from pixiodoc_desktop.imaging.prepare import SCREEN_EDGE


class ViewerWindow(QDialog):
    def __init__(self, ctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ViewerWindow")
        self.setWindowTitle(self.tr("Viewer"))  # Qt appends " — PixioDoc"
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.viewer = PhotoViewer(self, submit=self._submit)
        self.viewer.setAccessibleName(self.tr("Photo"))
        self.caption = QLabel()
        self.caption.setProperty("role", "muted")
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 6)
        for name, text, slot in (
            ("fit", self.tr("Fit"), self.viewer.fitToWindow),
            ("viewer", self.tr("1:1"), self.viewer.showActualSize),
            ("fullscreen", self.tr("Full screen"), self.viewer.toggleFullScreen),
        ):
            button = QToolButton()
            button.setIcon(icon(name))
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.viewer, 1)
        self.resize(1100, 800)
        self._photos: dict[str, PhotoSummary] = {}
        self._marks: dict[str, int] = {}  # photo id -> how many second-opinion marks
        self.viewer.photoRequested.connect(self._load)
        self.viewer.detailWanted.connect(self._load_original)
        self.viewer.currentChanged.connect(self._caption)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)
        self.loaded: list[str] = []
        self.refined: list[str] = []  # photos whose original replaced the screen image

    def _submit(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.ctx.images.submit(job, on_done, on_error)

    def show_photos(
        self,
        photos: list[PhotoSummary],
        current_id: str,
        opinions: Sequence[SecondOpinionSummary] = (),
    ) -> None:
        """Show `photos` from `current_id`; second opinions' marks are drawn over theirs."""
        self._photos = {p.id: p for p in photos}
        marks: dict[str, tuple[int, list[PhotoMark]]] = {}
        for opinion in opinions:
            for mark in opinion.marks:
                photo = self._photos.get(mark.photo_id)
                if photo is not None:
                    marks.setdefault(photo.id, (photo.width, []))[1].append(mark)
        self._marks = {pid: len(found) for pid, (_w, found) in marks.items()}
        self.viewer.setMarks(marks)
        ids = [p.id for p in photos]
        index = ids.index(current_id) if current_id in ids else 0
        self.viewer.setPhotos(ids, index)
        self.show()
        self.raise_()
        self.viewer.setFocus()

    def _caption(self, photo_id: str) -> None:
        photo = self._photos.get(photo_id)
        if photo is None:
            self.caption.clear()
            return
        parts = [
            date_text(photo.visit_date),
            labels.body_site(photo.body_site),
            labels.modality(photo.modality),
            f"{self.viewer.currentIndex() + 1} / {self.viewer.count()}",
        ]
        if self._marks.get(photo_id):
            marked = self.tr("Second opinion marks: %1").replace("%1", str(self._marks[photo_id]))
            parts.append(marked)
        self.caption.setText(" · ".join(parts))

    def _load(self, photo_id: str) -> None:
        self._fetch(
            photo_id,
            ImageSize.SCREEN,
            decode_image,
            lambda image: self._decoded(photo_id, image),
            lambda exc: self._failed(photo_id, exc),
            lambda: self.viewer.showNote(photo_id, fetching_text()),
        )

    def _load_original(self, photo_id: str) -> None:
        photo = self._photos.get(photo_id)
        if photo is None or max(photo.width, photo.height) <= SCREEN_EDGE:
            return  # the screen image already is the whole photo
        self._fetch(
            photo_id,
            ImageSize.ORIGINAL,
            decode_original,
            lambda image: self._refined(photo_id, image),
            lambda _exc: None,  # the screen image stays; nothing is lost
        )

    def _fetch(
        self,
        photo_id: str,
        size: ImageSize,
        decode: Callable[[bytes], QImage],
        done: Callable[[QImage], None],
        failed: Callable[[Exception], None],
        fetching: Callable[[], None] | None = None,
    ) -> None:
        """Decrypt one image of the photo on the DB worker, decode it on the image pool;
        one still in the clinic's bucket is fetched first (`fetching()` says so).

        Only the screen image is audited: the original that may follow is the same view.
        """
        session = self.ctx.session

        def fetch() -> bytes:
            services, actor = session.require()
            return services.photos.image(actor, photo_id, size, audited=size is ImageSize.SCREEN)

        def fetched(data: bytes) -> None:
            self.ctx.images.submit(lambda: decode(data), done, failed)

        submit_on(self.ctx.bucket, self.ctx.worker)(fetch, fetched, failed, fetching)

    def _refined(self, photo_id: str, image: QImage) -> None:
        self.refined.append(photo_id)
        self.viewer.refineImage(photo_id, image)

    def _decoded(self, photo_id: str, image: QImage) -> None:
        self.loaded.append(photo_id)
        self.viewer.showImage(photo_id, image)

    def _failed(self, photo_id: str, exc: Exception) -> None:
        message = (
            error_text(exc)
            if isinstance(exc, PixioDocError)
            else self.tr("The photo could not be opened.")
        )
        self.viewer.showError(photo_id, message)

    def _escape(self) -> None:
        if self.viewer.isFullScreen():
            self.viewer.setFullScreen(False)
        else:
            self.close()

    def clear(self) -> None:
        self.viewer.clear()
        self._photos = {}
        self.caption.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear()
        super().closeEvent(event)
