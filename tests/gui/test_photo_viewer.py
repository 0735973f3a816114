"""The photo viewer: fit and 1:1, zoom around the cursor, pan, stepping through photos."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.gui.widgets.photo_viewer import MAX_ZOOM, MIN_ZOOM, PhotoViewer

IDS = ["p1", "p2", "p3", "p4", "p5"]


def pattern(width: int = 1600, height: int = 1200) -> QImage:
    """Every pixel tells where it is: red = x % 256, green = y % 256, blue = 64 + x // 256."""
    x = np.arange(width, dtype=np.uint32)[None, :]
    y = np.arange(height, dtype=np.uint32)[:, None]
    argb = 0xFF000000 | ((x % 256) << 16) | ((y % 256) << 8) | (64 + x // 256)
    data = np.ascontiguousarray(np.broadcast_to(argb, (height, width)), dtype=np.uint32)
    return QImage(data.data, width, height, 4 * width, QImage.Format.Format_RGB32).copy()


def pixel_of(x: int, y: int) -> tuple[int, int, int]:
    return (x % 256, y % 256, 64 + x // 256)


@pytest.fixture
def viewer(qtbot: QtBot) -> Iterator[PhotoViewer]:
    widget = PhotoViewer()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def showing(viewer: PhotoViewer, image: QImage, index: int = 0) -> PhotoViewer:
    viewer.setPhotos(IDS, index)
    viewer.showImage(IDS[index], image)
    return viewer


def wheel(viewer: PhotoViewer, at: QPointF, delta: int) -> None:
    event = QWheelEvent(
        at,
        viewer.mapToGlobal(at),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewer, event)


def mouse(viewer: PhotoViewer, kind: QEvent.Type, at: QPointF, held: bool) -> None:
    buttons = Qt.MouseButton.LeftButton if held else Qt.MouseButton.NoButton
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(
        kind, at, viewer.mapToGlobal(at), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewer, event)


def assert_close(a: QPointF, b: QPointF, tolerance: float = 1e-6) -> None:
    assert abs(a.x() - b.x()) <= tolerance and abs(a.y() - b.y()) <= tolerance, (a, b)


# --- the list of photos --------------------------------------------------------------------


def test_empty_viewer_says_no_photo_is_selected(viewer: PhotoViewer) -> None:
    assert viewer.currentId() is None
    assert viewer.currentIndex() == -1
    assert viewer.accessibleName() == "Photo viewer"
    assert viewer.accessibleDescription() == "No photo selected"
    frame = viewer.grab().toImage()
    assert frame.pixelColor(5, 5) == QColor(32, 32, 32)  # the neutral surround
    centre_row = [frame.pixelColor(x, 150) for x in range(100, 300)]
    assert any(colour != QColor(32, 32, 32) for colour in centre_row)  # the message


def test_set_photos_asks_for_the_current_one_and_ignores_stale_images(
    viewer: PhotoViewer, qtbot: QtBot
) -> None:
    with (
        qtbot.waitSignal(viewer.photoRequested) as requested,
        qtbot.waitSignal(viewer.currentChanged) as changed,
    ):
        viewer.setPhotos(IDS, 2)
    assert requested.args == ["p3"]
    assert changed.args == ["p3"]
    assert viewer.accessibleDescription() == "Photo 3 of 5, loading"

    viewer.showImage("p2", pattern())  # arrived too late: p3 is current
    assert viewer.accessibleDescription() == "Photo 3 of 5, loading"

    viewer.showImage("p3", pattern())
    assert viewer.isFit()
    assert viewer.accessibleDescription().startswith("Photo 3 of 5, zoom")


def test_refreshing_the_list_keeps_the_shown_photo(viewer: PhotoViewer, qtbot: QtBot) -> None:
    showing(viewer, pattern(), 1)
    with qtbot.assertNotEmitted(viewer.photoRequested):
        viewer.setPhotos(["new", *IDS], 2)
    assert viewer.currentId() == "p2"
    assert viewer.accessibleDescription().startswith("Photo 3 of 6, zoom")


def test_arrow_keys_ask_for_the_neighbours(viewer: PhotoViewer, qtbot: QtBot) -> None:
    showing(viewer, pattern(), 2)
    requested: list[str] = []
    viewer.photoRequested.connect(requested.append)
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert requested == ["p4"]
    assert viewer.currentId() == "p4"
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert requested == ["p4", "p3", "p2"]
    assert viewer.currentIndex() == 1


def test_no_step_past_either_end(viewer: PhotoViewer, qtbot: QtBot) -> None:
    showing(viewer, pattern(), 0)
    with qtbot.assertNotEmitted(viewer.photoRequested):
        qtbot.keyClick(viewer, Qt.Key.Key_Left)
    viewer.setPhotos(IDS, 4)
    with qtbot.assertNotEmitted(viewer.photoRequested):
        qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.currentId() == "p5"


def test_clear_drops_the_image(viewer: PhotoViewer, qtbot: QtBot) -> None:
    showing(viewer, pattern())
    with qtbot.waitSignal(viewer.currentChanged) as changed:
        viewer.clear()
    assert changed.args == [""]
    assert viewer.currentId() is None
    assert viewer.accessibleDescription() == "No photo selected"
    viewer.showImage("p1", pattern())  # a late delivery shows nothing
    assert viewer.accessibleDescription() == "No photo selected"


def test_a_failed_load_is_said(viewer: PhotoViewer) -> None:
    viewer.setPhotos(IDS, 0)
    viewer.showImage("p1", QImage())
    frame = viewer.grab().toImage()
    assert any(frame.pixelColor(x, 150) != QColor(32, 32, 32) for x in range(50, 350))


# --- fit, 1:1 and zoom ---------------------------------------------------------------------


def test_fit_shows_the_whole_photo_centred(viewer: PhotoViewer) -> None:
    showing(viewer, pattern())
    top_left = viewer.imageToWidget(QPointF(0, 0))
    bottom_right = viewer.imageToWidget(QPointF(1600, 1200))
    assert top_left.x() >= 0 and top_left.y() >= 0
    assert bottom_right.x() <= 400 and bottom_right.y() <= 300
    assert (top_left.x() + bottom_right.x()) / 2 == pytest.approx(200)
    assert (top_left.y() + bottom_right.y()) / 2 == pytest.approx(150)
    assert viewer.zoom() == pytest.approx(min(376 / 1600, 276 / 1200))


def test_one_to_one_shows_the_photo_s_own_pixels(viewer: PhotoViewer, qtbot: QtBot) -> None:
    showing(viewer, pattern())
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.zoom() == 1.0
    frame = viewer.grab().toImage()
    for wx, wy in [(0, 0), (17, 33), (200, 150), (399, 299), (123, 280)]:
        at = viewer.widgetToImage(QPointF(wx + 0.5, wy + 0.5))
        ix, iy = int(at.x()), int(at.y())
        colour = frame.pixelColor(wx, wy)
        assert (colour.red(), colour.green(), colour.blue()) == pixel_of(ix, iy)


def test_wheel_zoom_keeps_the_point_under_the_cursor(viewer: PhotoViewer) -> None:
    showing(viewer, pattern())
    viewer.showActualSize()
    cursor = QPointF(123.0, 87.0)
    under = viewer.widgetToImage(cursor)
    for delta in (120, 120, 60, -240, -120, 15):
        before = viewer.zoom()
        wheel(viewer, cursor, delta)
        assert viewer.zoom() == pytest.approx(before * 2 ** (delta / 480))
        assert_close(viewer.widgetToImage(cursor), under)
        assert_close(viewer.imageToWidget(under), cursor)


def test_zoom_is_clamped(viewer: PhotoViewer) -> None:
    showing(viewer, pattern())
    for _ in range(60):
        wheel(viewer, QPointF(200, 150), 480)
    assert viewer.zoom() == MAX_ZOOM
    for _ in range(60):
        wheel(viewer, QPointF(200, 150), -480)
    assert viewer.zoom() == MIN_ZOOM
    viewer.setZoom(1e-9)
    assert viewer.zoom() == MIN_ZOOM


def test_keys_zoom_fit_and_one_to_one(viewer: PhotoViewer, qtbot: QtBot) -> None:
    showing(viewer, pattern())
    fit = viewer.zoom()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.zoom() > fit
    assert not viewer.isFit()
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.zoom() < fit
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.isFit()
    assert viewer.zoom() == pytest.approx(fit)


def test_double_click_toggles_fit_and_one_to_one_at_the_cursor(
    viewer: PhotoViewer, qtbot: QtBot
) -> None:
    showing(viewer, pattern())
    spot = QPoint(250, 120)
    under = viewer.widgetToImage(QPointF(spot))
    qtbot.mouseDClick(viewer, Qt.MouseButton.LeftButton, pos=spot)
    assert viewer.zoom() == 1.0
    assert_close(viewer.widgetToImage(QPointF(spot)), under)
    qtbot.mouseDClick(viewer, Qt.MouseButton.LeftButton, pos=spot)
    assert viewer.isFit()


def test_drag_pans_the_photo(viewer: PhotoViewer) -> None:
    showing(viewer, pattern())
    viewer.showActualSize()
    start, end = QPointF(200, 150), QPointF(140, 110)
    grabbed = viewer.widgetToImage(start)
    mouse(viewer, QEvent.Type.MouseButtonPress, start, held=True)
    mouse(viewer, QEvent.Type.MouseMove, QPointF(170, 130), held=True)
    mouse(viewer, QEvent.Type.MouseMove, end, held=True)
    mouse(viewer, QEvent.Type.MouseButtonRelease, end, held=False)
    assert_close(viewer.widgetToImage(end), grabbed)


def test_pan_stops_at_the_photo_s_edge(viewer: PhotoViewer) -> None:
    showing(viewer, pattern())
    viewer.showActualSize()
    mouse(viewer, QEvent.Type.MouseButtonPress, QPointF(10, 10), held=True)
    mouse(viewer, QEvent.Type.MouseMove, QPointF(390, 290), held=True)
    mouse(viewer, QEvent.Type.MouseMove, QPointF(3000, 3000), held=True)
    mouse(viewer, QEvent.Type.MouseButtonRelease, QPointF(3000, 3000), held=False)
    assert_close(viewer.imageToWidget(QPointF(0, 0)), QPointF(0, 0))


def test_resizing_refits(viewer: PhotoViewer, qtbot: QtBot) -> None:
    showing(viewer, pattern())
    small = viewer.zoom()
    viewer.resize(800, 600)
    qtbot.waitUntil(lambda: viewer.zoom() > small)
    assert viewer.isFit()


# --- images in other formats, big photos -----------------------------------------------------


def synthetic_photo() -> QImage:
    bgr = render_photo(scene_for(7, "naevus"), 1, 3, size=(640, 480))
    rgb = np.ascontiguousarray(bgr[:, :, ::-1])
    return QImage(rgb.data, 640, 480, 3 * 640, QImage.Format.Format_RGB888).copy()


def test_other_formats_are_converted_off_the_gui_thread(viewer: PhotoViewer, qtbot: QtBot) -> None:
    photo = synthetic_photo()
    viewer.setPhotos(IDS, 0)
    viewer.showImage("p1", photo)
    qtbot.waitUntil(lambda: "zoom" in viewer.accessibleDescription())
    viewer.showActualSize()
    frame = viewer.grab().toImage()
    at = viewer.widgetToImage(QPointF(200.5, 150.5))
    assert frame.pixelColor(200, 150) == photo.pixelColor(int(at.x()), int(at.y()))


def test_a_conversion_for_a_photo_left_behind_is_dropped(viewer: PhotoViewer, qtbot: QtBot) -> None:
    viewer.setPhotos(IDS, 0)
    viewer.showImage("p1", synthetic_photo())
    viewer.showNext()
    viewer.shutdown()  # wait for the conversion, then let its delivery arrive
    qtbot.wait(20)
    assert viewer.currentId() == "p2"
    assert viewer.accessibleDescription() == "Photo 2 of 5, loading"


def test_fit_paints_a_smoothly_scaled_copy(viewer: PhotoViewer, qtbot: QtBot) -> None:
    # Stripes one pixel wide average to grey when scaled smoothly; a nearest-neighbour
    # shortcut would show pure black or white.
    width, height = 1600, 1200
    stripes = np.zeros((height, width), dtype=np.uint32)
    stripes[:, ::2] = 0xFFFFFFFF
    stripes[:, 1::2] = 0xFF000000
    image = QImage(stripes.data, width, height, 4 * width, QImage.Format.Format_RGB32).copy()
    showing(viewer, image)

    def grey_in_the_middle() -> bool:
        colour = viewer.grab().toImage().pixelColor(200, 150)
        return 60 < colour.red() < 200

    qtbot.waitUntil(grey_in_the_middle)


# --- full screen -----------------------------------------------------------------------------


def test_f_toggles_full_screen_and_escape_leaves(viewer: PhotoViewer, qtbot: QtBot) -> None:
    showing(viewer, pattern())
    with qtbot.waitSignal(viewer.fullScreenChanged) as entered:
        qtbot.keyClick(viewer, Qt.Key.Key_F)
    assert entered.args == [True]
    assert viewer.window().isFullScreen()
    with qtbot.waitSignal(viewer.fullScreenChanged) as left:
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert left.args == [False]
    assert not viewer.window().isFullScreen()
    qtbot.keyClick(viewer, Qt.Key.Key_F11)
    assert viewer.window().isFullScreen()
    qtbot.keyClick(viewer, Qt.Key.Key_F11)
    assert not viewer.window().isFullScreen()


def test_full_screen_applies_to_the_hosting_window(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    viewer = PhotoViewer(host)
    layout.addWidget(viewer)
    host.resize(500, 400)
    host.show()
    qtbot.waitExposed(host)
    showing(viewer, pattern())
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_F)
    assert host.isFullScreen()
    assert viewer.isFullScreen()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not host.isFullScreen()
    viewer.shutdown()


# --- the full-resolution original ------------------------------------------------------------


def test_zooming_to_the_preview_s_pixels_asks_once_for_the_original(
    viewer: PhotoViewer, qtbot: QtBot
) -> None:
    asked: list[str] = []
    viewer.detailWanted.connect(asked.append)
    showing(viewer, pattern(800, 600))
    assert asked == []  # fit: the preview is detailed enough
    viewer.setZoom(0.9)
    assert asked == []
    viewer.setZoom(1.5)
    viewer.setZoom(3.0)
    assert asked == ["p1"]
    viewer.showNext()
    viewer.showImage("p2", pattern(800, 600))
    qtbot.keyClick(viewer, Qt.Key.Key_1)  # 1:1 of the preview asks too
    assert asked == ["p1", "p2"]


def test_the_original_takes_the_preview_s_place_without_a_jump(viewer: PhotoViewer) -> None:
    showing(viewer, pattern(800, 600))
    viewer.setZoom(2.0, QPointF(100, 80))
    centre = QPointF(200, 150)
    under = viewer.widgetToImage(centre)
    viewer.refineImage("p2", pattern(1600, 1200))  # another photo's: ignored
    viewer.refineImage("p1", pattern(400, 300))  # less detailed: ignored
    assert viewer.zoom() == pytest.approx(2.0)
    viewer.refineImage("p1", pattern(1600, 1200))
    # Same place and size on screen, twice the pixels behind it.
    assert viewer.zoom() == pytest.approx(1.0)
    assert_close(viewer.widgetToImage(centre), QPointF(under.x() * 2, under.y() * 2), 1e-3)
    frame = viewer.grab().toImage()
    at = viewer.widgetToImage(QPointF(10.5, 20.5))
    colour = frame.pixelColor(10, 20)
    assert (colour.red(), colour.green(), colour.blue()) == pixel_of(int(at.x()), int(at.y()))


def test_one_to_one_means_the_original_s_pixels_once_it_is_there(viewer: PhotoViewer) -> None:
    showing(viewer, pattern(800, 600))
    viewer.showActualSize()
    under = viewer.widgetToImage(QPointF(200, 150))
    viewer.refineImage("p1", pattern(1600, 1200))
    assert viewer.zoom() == 1.0  # 1:1 of the original, not of the preview
    assert_close(viewer.widgetToImage(QPointF(200, 150)), QPointF(under.x() * 2, under.y() * 2))
