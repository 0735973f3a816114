"""What a report says a photo shows: a series photo its pose ('Total-body series: Front, arms
at the sides'; a pose shows a region of many sites, so no one body site would be true of
it), any other photo its body site and lesion; a comparison what its two photos show.
No Qt: the workstation hands in its translated words through the `ReportLocale`."""

from __future__ import annotations

from collections.abc import Iterable

from pixiodoc_desktop.clinic.records.body_series import POSE_PREFIX, pose_of
from pixiodoc_desktop.clinic.records.photo_summaries import PhotoSummary
from pixiodoc_desktop.exports.report_locale import ReportLocale


def pose_name(pose: str, names: Iterable[tuple[str, str]], say: ReportLocale) -> str:
    """The clinic's own name for the pose when it gave one, else the standard pose's."""
    return dict(names).get(pose, "") or say.pose(pose)


def where_line(
    photo: PhotoSummary, names: Iterable[tuple[str, str]], say: ReportLocale
) -> tuple[str, str]:
    """(what, value): ('Total-body series', 'Front, arms at the sides') or ('Body site', ...)."""
    pose = pose_of(photo)
    if pose is not None:
        return say.word("Total-body series"), pose_name(pose, names, say)
    return say.word("Body site"), say.body_site(photo.body_site)


def plain_tags(photo: PhotoSummary) -> list[str]:
    """The photo's tags without its pose tag (the pose is said in words)."""
    return [tag for tag in photo.tags if not tag.startswith(POSE_PREFIX)]


def subject(
    photo: PhotoSummary, lesion: str, names: Iterable[tuple[str, str]], say: ReportLocale
) -> str:
    """What a comparison compares, said by its first photo: 'Naevus 03 · Chest',
    'Cheek, left', 'Total-body series · Legs, front'."""
    what, value = where_line(photo, names, say)
    if pose_of(photo) is not None:
        return f"{what} · {value}"
    parts = [lesion, say.body_site(photo.body_site) if photo.body_site else ""]
    return " · ".join(p for p in parts if p) or say.word("Comparison")
