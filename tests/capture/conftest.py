"""Recordings that stand in for cameras: real encoded video made with cv2.VideoWriter
(MJPG .avi and mp4v .mp4) and an image sequence, all of synthetic skin."""

from __future__ import annotations

import cv2
import pytest
from capture_support import FRAMES, Recordings, moving, write_video

from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.demo.photos import render_photo, scene_for


@pytest.fixture(scope="session")
def recordings(tmp_path_factory: pytest.TempPathFactory) -> Recordings:
    folder = tmp_path_factory.mktemp("recordings")
    small = render_photo(scene_for(3, "naevus"), 0, 1, size=(640, 480))
    wide = render_photo(scene_for(4, "acne"), 0, 1, size=(1280, 720))
    avi = write_video(folder / "scope.avi", "MJPG", moving(small, FRAMES))
    mp4 = write_video(folder / "webcam.mp4", "mp4v", moving(wide, FRAMES))
    frames = folder / "frames"
    frames.mkdir()
    for i, frame in enumerate(moving(small, 12)):
        assert cv2.imwrite(str(frames / f"{i:04d}.jpg"), frame)
    return Recordings(avi, mp4, str(frames / "%04d.jpg"), small)


@pytest.fixture
def patient(services: ClinicServices, actor: Actor) -> PatientSummary:
    return services.patients.create(actor, family_name="Lindqvist", given_name="Maja")
