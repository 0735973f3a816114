"""Settings › Total-body series: the clinic's protocol of standard poses, for an Admin.

The poses in the order they are taken: add one by its name, remove, move up or down
(or drag), rename (F2 or double click; an empty name brings the standard one back), and
start again from the eight or sixteen standard poses. The dialog stores the protocol in
the vault when saved (`BodySeriesProtocol.set_poses`, audited as a settings change).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.body_series import (
    DEFAULT_PROTOCOL,
    FULL_PROTOCOL,
    MAX_NAME,
    MAX_POSES,
    Pose,
    slug,
)
from pixiodoc_desktop.gui.pose_labels import standard_pose_label

CODE = Qt.ItemDataRole.UserRole


class SeriesProtocolEditor(QWidget):
    """The protocol as a list the Admin edits; `protocol()` is what it shows."""

    def __init__(self, protocol: Sequence[Pose], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SeriesProtocolEditor")
        self._stored = tuple(protocol)
        intro = QLabel(
            self.tr(
                "The poses of a total-body series, in the order they are taken. The "
                "capture screen offers them and checks what is missing; every workstation "
                "of the clinic uses the same protocol."
            )
        )
        intro.setWordWrap(True)
        self.poses = QListWidget()
        self.poses.setObjectName("SeriesPoses")
        self.poses.setAccessibleName(self.tr("Poses of the series"))
        self.poses.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.poses.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("NewPoseName")
        self.new_name.setMaxLength(MAX_NAME)
        self.new_name.setPlaceholderText(self.tr("Name of a new pose"))
        self.new_name.setAccessibleName(self.tr("Name of a new pose"))
        self.add_button = QPushButton(self.tr("Add pose"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.standard = QComboBox()
        self.standard.setObjectName("StandardPoses")
        self.standard.setAccessibleName(self.tr("Standard protocol"))
        self.standard.addItem(self.tr("8 standard poses"), DEFAULT_PROTOCOL)
        self.standard.addItem(self.tr("16 standard poses"), FULL_PROTOCOL)
        self.reset_button = QPushButton(self.tr("Reset to standard"))
        self.reset_button.setObjectName("ResetPoses")

        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.rename_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.poses, 0, 0)
        grid.addLayout(side, 0, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        standard_row = QHBoxLayout()
        standard_row.addWidget(self.standard, 1)
        standard_row.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(self.count)
        layout.addLayout(add_row)
        layout.addLayout(standard_row)

        self.add_button.clicked.connect(self.add_pose)
        self.new_name.returnPressed.connect(self.add_pose)
        self.remove_button.clicked.connect(self.remove_pose)
        self.up_button.clicked.connect(lambda: self.move_pose(-1))
        self.down_button.clicked.connect(lambda: self.move_pose(1))
        self.rename_button.clicked.connect(self._rename)
        self.reset_button.clicked.connect(self.reset)
        self.poses.itemChanged.connect(self._renamed)
        self.poses.currentRowChanged.connect(lambda _row: self._update())
        self.poses.model().rowsMoved.connect(lambda *_args: self._update())
        self.new_name.textChanged.connect(lambda _text: self._update())
        self.show_protocol(self._stored)

    # --- what it shows ---------------------------------------------------------------

    def show_protocol(self, protocol: Sequence[Pose]) -> None:
        self.poses.blockSignals(True)
        self.poses.clear()
        for pose in protocol:
            self._append(pose)
        self.poses.blockSignals(False)
        self.poses.setCurrentRow(0)
        self._update()

    def _append(self, pose: Pose) -> QListWidgetItem:
        item = QListWidgetItem(pose.name or standard_pose_label(pose.code))
        item.setData(CODE, pose.code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        self.poses.addItem(item)
        return item

    def protocol(self) -> list[Pose]:
        """The poses as shown: a name the clinic gave differs from the standard one."""
        out = []
        for row in range(self.poses.count()):
            item = self.poses.item(row)
            code = str(item.data(CODE))
            name = " ".join(item.text().split())
            out.append(Pose(code, "" if name == standard_pose_label(code) else name))
        return out

    def changed(self) -> bool:
        return tuple(self.protocol()) != self._stored

    def _update(self) -> None:
        rows, row = self.poses.count(), self.poses.currentRow()
        self.count.setText(self.tr("%n pose(s)", "", rows))
        self.remove_button.setEnabled(rows > 1 and row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < rows - 1)
        self.rename_button.setEnabled(row >= 0)
        self.add_button.setEnabled(bool(self.new_name.text().strip()) and rows < MAX_POSES)

    # --- editing ---------------------------------------------------------------------

    def add_pose(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name or self.poses.count() >= MAX_POSES:
            return
        taken = [str(self.poses.item(r).data(CODE)) for r in range(self.poses.count())]
        code = slug(name, taken)
        self.poses.blockSignals(True)
        self._append(Pose(code, name))
        self.poses.blockSignals(False)
        self.poses.setCurrentRow(self.poses.count() - 1)
        self.new_name.clear()
        self._update()

    def remove_pose(self) -> None:
        row = self.poses.currentRow()
        if row >= 0 and self.poses.count() > 1:
            self.poses.takeItem(row)
            self._update()

    def move_pose(self, by: int) -> None:
        row = self.poses.currentRow()
        to = row + by
        if row < 0 or not 0 <= to < self.poses.count():
            return
        item = self.poses.takeItem(row)
        self.poses.insertItem(to, item)
        self.poses.setCurrentRow(to)
        self._update()

    def _rename(self) -> None:
        item = self.poses.currentItem()
        if item is not None:
            self.poses.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        """An emptied name brings the standard name back (or the code of an added pose)."""
        name = " ".join(item.text().split())[:MAX_NAME]
        if not name:
            name = standard_pose_label(str(item.data(CODE)))
        if name != item.text():
            self.poses.blockSignals(True)
            item.setText(name)
            self.poses.blockSignals(False)

    def reset(self) -> None:
        """The standard poses chosen (8 or 16) under their standard names."""
        codes = self.standard.currentData()
        self.show_protocol([Pose(code) for code in codes])
