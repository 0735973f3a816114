"""The capture screen's device profile: what the scope is, and its calibration.

A profile (dermatoscope or not, polarised light, contact, magnification, pixels
per mm) is stored per name, several for one camera if it has several heads, and
goes with every photo taken. Calibration comes from a known field of view or from
two clicks on a ruler in the live picture.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from pixiodoc_desktop.capture.profiles import (
    DeviceProfile,
    ProfileStore,
    px_per_mm_from_field_of_view,
    px_per_mm_from_ruler,
)
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import number_text, short_number
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.widgets.live_preview import LivePreview


class DeviceProfilePanel(QGroupBox):
    """The profile of the camera being used, as edited on screen."""

    changed = Signal()  # anything the caption shows changed
    edited = Signal()  # the kind of scope changed (it may decide the modality)

    def __init__(
        self,
        ctx: GuiContext,
        live: LivePreview,
        profiles: ProfileStore,
        camera_name: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Device profile"))
        self.ctx = ctx
        self.live = live
        self.profiles = profiles
        self._camera_name = camera_name
        self._calibrated_width: int | None = None
        self._build()
        self.live.ruler_measured.connect(self._ruler_measured)

    def _build(self) -> None:
        pform = QFormLayout(self)
        pform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dermatoscope_check = QCheckBox(self.tr("Dermatoscope"))
        self.dermatoscope_check.setAccessibleName(self.tr("Dermatoscope"))
        self.polarised_check = QCheckBox(self.tr("Polarised light"))
        self.polarised_check.setAccessibleName(self.tr("Polarised light"))
        self.contact_combo = QComboBox()
        self.contact_combo.setAccessibleName(self.tr("Contact"))
        self.contact_combo.addItem(self.tr("Not stated"), None)
        self.contact_combo.addItem(self.tr("Contact"), True)
        self.contact_combo.addItem(self.tr("Non-contact"), False)
        self.magnification_spin = QDoubleSpinBox()
        self.magnification_spin.setAccessibleName(self.tr("Magnification"))
        self.magnification_spin.setRange(0.0, 400.0)
        self.magnification_spin.setDecimals(1)
        self.magnification_spin.setSuffix(" ×")
        self.magnification_spin.setSpecialValueText(self.tr("Not stated"))
        self.calibration_spin = QDoubleSpinBox()
        self.calibration_spin.setAccessibleName(self.tr("Calibration in pixels per mm"))
        self.calibration_spin.setRange(0.0, 10000.0)
        self.calibration_spin.setDecimals(2)
        self.calibration_spin.setSuffix(self.tr(" px/mm"))
        self.calibration_spin.setSpecialValueText(self.tr("Not calibrated"))
        self.fov_spin = QDoubleSpinBox()
        self.fov_spin.setAccessibleName(self.tr("Field of view width in mm"))
        self.fov_spin.setRange(0.0, 1000.0)
        self.fov_spin.setDecimals(1)
        self.fov_spin.setValue(25.0)
        self.fov_spin.setSuffix(self.tr(" mm"))
        self.fov_button = QPushButton(self.tr("Calibrate from field of view"))
        self.fov_button.setAccessibleName(self.tr("Calibrate from field of view"))
        self.ruler_spin = QDoubleSpinBox()
        self.ruler_spin.setAccessibleName(self.tr("Distance on the ruler in mm"))
        self.ruler_spin.setRange(0.1, 1000.0)
        self.ruler_spin.setDecimals(1)
        self.ruler_spin.setValue(10.0)
        self.ruler_spin.setSuffix(self.tr(" mm"))
        self.ruler_button = QPushButton(self.tr("Calibrate on a ruler (two clicks)"))
        self.ruler_button.setAccessibleName(self.tr("Calibrate on a ruler (two clicks)"))
        self.save_profile_button = QPushButton(self.tr("Save profile"))
        self.save_profile_button.setAccessibleName(self.tr("Save profile"))
        # Several profiles for one camera (two scope heads, say): pick one or type a new
        # name and save. The profile's name is the device stored with each photo.
        self.profile_combo = QComboBox()
        self.profile_combo.setEditable(True)
        self.profile_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.profile_combo.setAccessibleName(self.tr("Device profile"))
        pform.addRow(self.profile_combo)
        # The two kinds side by side across the group: the Camera tab shows whole on a
        # 1366x768 screen, down to its trigger keys' hint, without scrolling.
        kinds = QHBoxLayout()
        kinds.addWidget(self.dermatoscope_check)
        kinds.addWidget(self.polarised_check)
        kinds.addStretch(1)
        pform.addRow(kinds)
        pform.addRow(self._buddy(self.tr("Con&tact"), self.contact_combo), self.contact_combo)
        pform.addRow(
            self._buddy(self.tr("Ma&gnification"), self.magnification_spin),
            self.magnification_spin,
        )
        pform.addRow(
            self._buddy(self.tr("Calib&ration"), self.calibration_spin), self.calibration_spin
        )
        pform.addRow(self._buddy(self.tr("&Field of view"), self.fov_spin), self.fov_spin)
        pform.addRow("", self.fov_button)
        pform.addRow(self._buddy(self.tr("R&uler distance"), self.ruler_spin), self.ruler_spin)
        pform.addRow("", self.ruler_button)
        pform.addRow("", self.save_profile_button)
        self.dermatoscope_check.toggled.connect(self._profile_edited)
        self.polarised_check.toggled.connect(self._profile_edited)
        self.contact_combo.currentIndexChanged.connect(self._profile_edited)
        self.magnification_spin.valueChanged.connect(lambda _value: self.changed.emit())
        self.calibration_spin.valueChanged.connect(lambda _value: self.changed.emit())
        self.profile_combo.activated.connect(self._profile_chosen)
        self.profile_combo.editTextChanged.connect(lambda _text: self.changed.emit())
        self.fov_button.clicked.connect(self.calibrate_from_field_of_view)
        self.ruler_button.clicked.connect(self.start_ruler)
        self.save_profile_button.clicked.connect(self.save_profile)

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def show_camera(self, current: str) -> None:
        """A camera is being opened: offer its profile first, then the other stored ones."""
        names = [
            current,
            *(p.device_name for p in self.profiles.all() if p.device_name != current),
        ]
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItems(names)
        self.profile_combo.setCurrentIndex(0)
        self.profile_combo.blockSignals(False)
        self._show_profile(self.profiles.get(current) or DeviceProfile(current, False))

    def choose_profile(self, name: str) -> None:
        """Use a stored profile (or start a new one under `name`)."""
        index = self.profile_combo.findText(name)
        if index >= 0:
            self.profile_combo.setCurrentIndex(index)
        else:
            self.profile_combo.setEditText(name)
        self._profile_chosen()

    def _profile_chosen(self, _index: int = -1) -> None:
        name = self.profile_combo.currentText().strip()
        if name:
            self._show_profile(self.profiles.get(name) or DeviceProfile(name, False))

    def _show_profile(self, profile: DeviceProfile) -> None:
        widgets = (
            self.dermatoscope_check,
            self.polarised_check,
            self.contact_combo,
            self.magnification_spin,
            self.calibration_spin,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.dermatoscope_check.setChecked(profile.dermatoscope)
        self.polarised_check.setChecked(profile.polarised)
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findData(profile.contact)))
        if profile.contact is None:
            self.contact_combo.setCurrentIndex(0)
        self.magnification_spin.setValue(profile.magnification or 0.0)
        self.calibration_spin.setValue(profile.px_per_mm or 0.0)
        for widget in widgets:
            widget.blockSignals(False)
        self._calibrated_width = profile.calibrated_width_px
        self._profile_edited()

    def profile(self) -> DeviceProfile | None:
        """The profile as shown on screen; it is stored with each photo taken."""
        camera_name = self._camera_name()
        if camera_name is None:
            return None
        contact = self.contact_combo.currentData()
        px_per_mm = self.calibration_spin.value() or None
        width = self._calibrated_width
        if px_per_mm is not None and not width:
            width = self.live.frame_size().width() or None
        return DeviceProfile(
            device_name=self.profile_combo.currentText().strip() or camera_name,
            dermatoscope=self.dermatoscope_check.isChecked(),
            polarised=self.polarised_check.isChecked(),
            contact=contact if isinstance(contact, bool) else None,
            magnification=self.magnification_spin.value() or None,
            px_per_mm=px_per_mm,
            calibrated_width_px=width if px_per_mm is not None else None,
        )

    def _profile_edited(self) -> None:
        self.changed.emit()
        scope = self.dermatoscope_check.isChecked()
        self.polarised_check.setEnabled(scope)
        self.edited.emit()

    def save_profile(self) -> None:
        profile = self.profile()
        if profile is None:
            return
        try:
            self.profiles.put(profile)
        except (InvalidInput, OSError) as error:
            text = error_text(error) if isinstance(error, InvalidInput) else str(error.strerror)
            self.ctx.notifier.warning(text)
            return
        if self.profile_combo.findText(profile.device_name) < 0:
            self.profile_combo.addItem(profile.device_name)
            self.profile_combo.setCurrentIndex(self.profile_combo.count() - 1)
        self.ctx.notifier.info(
            self.tr("The profile of %1 was saved.").replace("%1", profile.device_name)
        )

    # --- calibration ------------------------------------------------------------------------

    def _set_calibration(self, px_per_mm: float) -> None:
        self._calibrated_width = self.live.frame_size().width() or None
        self.calibration_spin.setValue(px_per_mm)
        self.ctx.notifier.info(
            self.tr("Calibrated: %1 pixels per mm.").replace("%1", number_text(px_per_mm, 2))
        )

    def calibrate_from_field_of_view(self) -> None:
        width = self.live.frame_size().width()
        try:
            value = px_per_mm_from_field_of_view(width, self.fov_spin.value())
        except InvalidInput as error:
            self.ctx.notifier.warning(error_text(error))
            return
        self._set_calibration(value)

    def start_ruler(self) -> None:
        if not self.live.has_frame():
            return
        self.live.start_ruler()
        self.live.set_message(
            self.tr("Click two points on the ruler, %1 mm apart.").replace(
                "%1", short_number(self.ruler_spin.value())
            ),
            dimmed=False,
        )
        self.live.setFocus()

    def _ruler_measured(self, first: QPointF, second: QPointF) -> None:
        self.live.set_message("")
        try:
            value = px_per_mm_from_ruler(
                (first.x(), first.y()), (second.x(), second.y()), self.ruler_spin.value()
            )
        except InvalidInput as error:
            self.ctx.notifier.warning(error_text(error))
            return
        self._set_calibration(value)
