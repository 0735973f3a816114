"""Total-body photography: the clinic's protocol of standard poses, one series per visit,
what is still missing from it, the previous series' photo of a pose (the ghost to frame
the next one by), and two series set side by side pose by pose.

A photo belongs to a pose by its tag ``pose:<code>``, so a series needs no table of its
own and travels (sync, case bundles, exports) with the photos. The protocol is a clinic
setting ("body_series_poses", a JSON list of codes, or of {"code", "name"} for a pose
the clinic has named itself): eight standard poses unless the clinic changes it (a
workspace admin; audited as SECURITY_SETTING_CHANGED).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.photo_summaries import PhotoSummary
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied
from pixiodoc_desktop.vault.schema import Setting

POSES_SETTING = "body_series_poses"
POSE_PREFIX = "pose:"
# The standard poses, in the order they are taken (code, English name).
STANDARD_POSES: dict[str, str] = {
    "front": "Front, arms at the sides",
    "back": "Back, arms at the sides",
    "left": "Left side, arms raised",
    "right": "Right side, arms raised",
    "front-arms-raised": "Front, arms raised",
    "back-arms-raised": "Back, arms raised",
    "legs-front": "Legs, front",
    "legs-back": "Legs, back",
    "head-front": "Head and neck, front",
    "head-back": "Head and neck, back",
    "head-left": "Head, left side",
    "head-right": "Head, right side",
    "soles": "Soles of the feet",
    "palms": "Palms",
    "hands-back": "Backs of the hands",
    "feet-top": "Tops of the feet",
}
DEFAULT_PROTOCOL: tuple[str, ...] = tuple(list(STANDARD_POSES)[:8])
FULL_PROTOCOL: tuple[str, ...] = tuple(STANDARD_POSES)  # the sixteen standard poses
MAX_POSES = 40
MAX_NAME = 60


@dataclass(frozen=True, slots=True)
class Pose:
    """One pose of the protocol: its code (in the photos' tags) and the clinic's own name
    for it ("" = the standard name, in the clinician's language)."""

    code: str
    name: str = ""


def pose_tag(pose: str) -> str:
    return POSE_PREFIX + pose


def pose_of(photo: PhotoSummary) -> str | None:
    """The pose a photo was taken in, from its tag (None: not part of a series)."""
    return next(
        (t.removeprefix(POSE_PREFIX) for t in photo.tags if t.startswith(POSE_PREFIX)), None
    )


def series_of(photos: Iterable[PhotoSummary], visit_id: str) -> dict[str, PhotoSummary]:
    """The visit's series: the latest photo of each pose taken at that visit."""
    out: dict[str, PhotoSummary] = {}
    for photo in sorted(
        (p for p in photos if p.visit_id == visit_id),
        key=lambda p: (p.captured_at is None, p.captured_at),
    ):
        pose = pose_of(photo)
        if pose is not None:
            out[pose] = photo
    return out


@dataclass(frozen=True, slots=True)
class Checklist:
    """Where a visit's series stands against the protocol."""

    done: tuple[str, ...]
    missing: tuple[str, ...]  # in protocol order; the first is the next pose to take

    @property
    def next_pose(self) -> str | None:
        return self.missing[0] if self.missing else None

    @property
    def complete(self) -> bool:
        return not self.missing


def checklist(protocol: Sequence[str], photos: Iterable[PhotoSummary], visit_id: str) -> Checklist:
    taken = series_of(photos, visit_id)
    return Checklist(
        tuple(p for p in protocol if p in taken), tuple(p for p in protocol if p not in taken)
    )


def ghost_for(pose: str, photos: Iterable[PhotoSummary], visit_id: str) -> PhotoSummary | None:
    """The same pose in the latest earlier series (the ghost to frame this one by)."""
    chosen = list(photos)
    current = next((p.visit_date for p in chosen if p.visit_id == visit_id), None)
    earlier = [
        p
        for p in chosen
        if pose_of(p) == pose
        and p.visit_id != visit_id
        and (current is None or p.visit_date < current)
    ]
    return max(earlier, key=lambda p: (p.visit_date, p.captured_at or p.visit_date), default=None)


def pose_pairs(
    protocol: Sequence[str], photos: Iterable[PhotoSummary], before_visit: str, after_visit: str
) -> list[tuple[str, PhotoSummary, PhotoSummary]]:
    """Two series side by side, pose by pose, in protocol order (poses both have)."""
    chosen = list(photos)
    before, after = series_of(chosen, before_visit), series_of(chosen, after_visit)
    order = list(protocol) + sorted((set(before) | set(after)) - set(protocol))
    return [(pose, before[pose], after[pose]) for pose in order if pose in before and pose in after]


def _checked_poses(poses: Sequence[str]) -> list[str]:
    cleaned = [p.strip().lower() for p in poses if isinstance(p, str) and p.strip()]
    if not cleaned:
        raise InvalidInput("A series protocol needs at least one pose")
    if len(cleaned) > MAX_POSES:
        raise InvalidInput(f"A series protocol has at most {MAX_POSES} poses")
    if len(set(cleaned)) != len(cleaned):
        raise InvalidInput("A pose appears twice in the series protocol")
    for pose in cleaned:
        if not pose.replace("-", "").isalnum() or len(pose) > 40:
            raise InvalidInput(f"{pose!r} is not a pose code (letters, digits and '-')")
    return cleaned


def _checked_protocol(poses: Sequence[Pose | str]) -> list[Pose]:
    """The poses cleaned and checked: codes as `_checked_poses`, names trimmed (at most
    MAX_NAME characters, printable)."""
    given = [p if isinstance(p, Pose) else Pose(str(p)) for p in poses]
    given = [p for p in given if p.code.strip()]
    codes = _checked_poses([p.code for p in given])
    out = []
    for code, pose in zip(codes, given, strict=True):
        name = " ".join(pose.name.split())
        if len(name) > MAX_NAME or not name.isprintable():
            raise InvalidInput(f"A pose's name has at most {MAX_NAME} printable characters")
        out.append(Pose(code, name))
    return out


def _stored(value: object) -> list[Pose]:
    if not isinstance(value, list):
        raise ValueError("not a list of poses")
    poses = []
    for item in value:
        if isinstance(item, dict):
            poses.append(Pose(str(item.get("code", "")), str(item.get("name", ""))))
        else:
            poses.append(Pose(str(item)))
    return _checked_protocol(poses)


def protocol_in(session: Session) -> tuple[Pose, ...]:
    """The clinic's protocol with its own names, read in an open session."""
    row = session.get(Setting, POSES_SETTING)
    if row is None or not row.value:
        return tuple(Pose(code) for code in DEFAULT_PROTOCOL)
    try:
        return tuple(_stored(json.loads(row.value)))
    except (ValueError, TypeError, InvalidInput):
        return tuple(Pose(code) for code in DEFAULT_PROTOCOL)


def poses_in(session: Session) -> tuple[str, ...]:
    """The clinic's protocol, read in an open session (the record's timeline carries it)."""
    return tuple(pose.code for pose in protocol_in(session))


def pose_names_in(session: Session) -> tuple[tuple[str, str], ...]:
    """The poses the clinic has named itself: (code, name)."""
    return tuple((pose.code, pose.name) for pose in protocol_in(session) if pose.name)


def slug(name: str, taken: Iterable[str]) -> str:
    """A pose code for a pose the clinic adds by its name ('Scalp, from above' ->
    'scalp-from-above'), unlike any code in `taken`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_name.lower()).split()
    base = "-".join(words)[:32].strip("-") or "pose"
    used = set(taken)
    code, number = base, 2
    while code in used:
        code = f"{base}-{number}"
        number += 1
    return code


class BodySeriesProtocol:
    """The clinic's protocol: which poses, in which order."""

    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def poses(self) -> tuple[str, ...]:
        with self.ws.read_session() as session:
            return poses_in(session)

    def protocol(self) -> tuple[Pose, ...]:
        with self.ws.read_session() as session:
            return protocol_in(session)

    def set_poses(self, actor: Actor, poses: Sequence[Pose | str]) -> tuple[str, ...]:
        """Store the clinic's protocol (codes, or poses with the clinic's own names)."""
        if not actor.is_workspace_admin:
            self.ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.SECURITY_SETTING_CHANGED,
                    actor.user_id,
                    object_type="setting",
                    object_id=POSES_SETTING,
                    outcome=audit.Outcome.DENIED,
                )
            )
            raise PermissionDenied("Only a workspace admin changes the clinic's settings")
        cleaned = _checked_protocol(poses)
        previous = [_plain(p) for p in self.protocol()]
        stored = [_plain(p) for p in cleaned]
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(Setting, POSES_SETTING)
            if row is None:
                uow.session.add(Setting(key=POSES_SETTING, value=json.dumps(stored)))
            else:
                row.value = json.dumps(stored)
            uow.audit(
                audit.EventDraft(
                    audit.EventType.SECURITY_SETTING_CHANGED,
                    actor.user_id,
                    object_type="setting",
                    object_id=POSES_SETTING,
                    details={"setting": "body series poses", "from": previous, "to": stored},
                )
            )
        return tuple(p.code for p in cleaned)


def _plain(pose: Pose) -> str | dict[str, str]:
    """As stored: the code alone, or code and the clinic's name."""
    return {"code": pose.code, "name": pose.name} if pose.name else pose.code
