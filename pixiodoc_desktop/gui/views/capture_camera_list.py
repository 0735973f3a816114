"""The capture screen's camera list: the cameras found, the one named when the screen
was opened, the video files chosen this session, and last "Video file…" (a recorded
examination is a camera too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget

from pixiodoc_desktop.capture.devices import DeviceChoice

VIDEO_FILE = "\x00video-file"  # the camera list's "Video file…" entry


class CameraList(QComboBox):
    """Each entry's data is the camera's name; "Video file…" has VIDEO_FILE."""

    def __init__(self, camera: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CameraList")
        self.setAccessibleName(self.tr("Camera"))
        self.setPlaceholderText(self.tr("No camera found"))
        self._camera_path = camera
        self._video_files: list[DeviceChoice] = []  # chosen with "Video file…" this session
        self.choices: list[DeviceChoice] | None = None  # None: never looked for yet

    def show_found(self, found: list[DeviceChoice]) -> list[DeviceChoice]:
        """List what was found, with the named camera first and this session's video
        files after; returns the list (empty: no camera at all)."""
        choices = list(found)
        if self._camera_path:
            name = Path(self._camera_path).name or self._camera_path
            choices.insert(0, DeviceChoice(name, path=self._camera_path))
        choices += [c for c in self._video_files if c not in choices]
        self.choices = choices
        self._fill()
        return choices

    def add_video_file(self, path: str) -> DeviceChoice:
        """A video file chosen as the camera: listed (once) and selected."""
        choice = DeviceChoice(Path(path).name or path, path=path)
        if choice not in self._video_files:
            self._video_files.append(choice)
        choices = self.choices or []
        if choice not in choices:
            choices.append(choice)
        self.choices = choices
        self._fill()
        self.setCurrentIndex(choices.index(choice))
        return choice

    def select(self, name: str | None) -> None:
        """Show the camera of that name as chosen (None or unknown: no choice shown)."""
        self.setCurrentIndex(self.findData(name) if name is not None else -1)

    def is_video_file_entry(self, index: int) -> bool:
        return bool(self.itemData(index) == VIDEO_FILE)

    def choice_at(self, index: int) -> DeviceChoice | None:
        if self.choices is not None and 0 <= index < len(self.choices):
            return self.choices[index]
        return None

    def _fill(self) -> None:
        self.clear()
        for choice in self.choices or []:
            self.addItem(choice.name, choice.name)
        self.addItem(self.tr("Video file…"), VIDEO_FILE)
