"""The error catalogue's part for sync: the bucket, the clinic's other workstations, the data
that came.
"""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Sync
    QT_TRANSLATE_NOOP(
        "errors",
        "Sync is not set up on this workstation: a practice Admin sets it up in Practice › Sync settings… (or with pixiodoc sync configure).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync access key and secret are missing from this PC's credential store; enter them again (pixiodoc sync configure).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint {endpoint} cannot be reached (offline, or a wrong address). Changes stay on this PC and go out with the next sync.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint {endpoint} is having trouble (error {code}); sync will try again later.",
    ),
    QT_TRANSLATE_NOOP("errors", "The sync endpoint {endpoint} refused a request (error {code})."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint {endpoint} rejects the access key or secret (check them under sync settings: pixiodoc sync configure).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint {endpoint} does not answer as S3 storage (a proxy may be in the way, or the endpoint URL is wrong).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint answered with a web page, not as S3 storage (a proxy or login portal is in the way, or the endpoint URL is wrong).",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The bucket {bucket} does not exist at {endpoint}; create it or correct the name."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This PC's clock is too far off the sync endpoint's time; set the date and time correctly (automatic time), then sync again.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The disk of this PC is full: the changes from the other workstations could not be saved. Free some space, then sync again; nothing was lost.",
    ),
    QT_TRANSLATE_NOOP("errors", "The sync object {object} is not a PixioDoc object."),
    QT_TRANSLATE_NOOP("errors", "The sync object {object} is unreadable."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync object {object} fails authentication (altered, or not this clinic's); it was not applied.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Changes of workstation {device} are missing from the clinic's bucket or damaged there (batch {batch}); they are not applied here until that workstation puts them back at its next sync.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Changes of workstation {device} in the clinic's bucket were replaced or reordered (batch {batch} does not follow the one before it); they are not applied here until that workstation puts its own copy back at its next sync.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Workstation {device} has no missing batch {batch} on this PC, so there is nothing to accept; pixiodoc sync status lists what is missing.",
    ),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may accept lost changes."),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may write a snapshot for new PCs."),
    QT_TRANSLATE_NOOP(
        "errors",
        "A snapshot of the clinic's records in the bucket is damaged ({reason}); the next sync reads the clinic's changes one by one instead.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "A snapshot is written only when this workstation has sent all its changes; sync first, then write it.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This workstation is still receiving the clinic's records ({applied} of {total} parts are in); a snapshot is written once they are all here.",
    ),
    QT_TRANSLATE_NOOP("errors", "The manifest of snapshot {snapshot} is not one this PC can use."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The audit trail of workstation {device} does not match what the clinic's workstations have seen of it (event {event}): it was cut short or rewritten. Check it with pixiodoc audit verify and tell the practice Admin.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{count} image(s) from the other workstations are missing from the clinic's bucket or damaged there; sync fetches them again at its next round.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This image is still in the clinic's bucket and not yet on this PC; connect to the clinic's network and try again (it is fetched first).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "A photo of patient {mrn} from the visit of {visit_date} could not be fetched from the clinic's bucket: {reason}. Nothing was exported.",
    ),
    QT_TRANSLATE_NOOP("errors", "the clinic's bucket cannot be reached (is this PC offline?)"),
    QT_TRANSLATE_NOOP("errors", "it is missing there or damaged"),
    QT_TRANSLATE_NOOP(
        "errors",
        "This image is missing from the clinic's bucket or damaged there; it is tried again at the next sync round or when it is shown again.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This workstation's vault was restored from a backup or copied from another PC, and its sync identity is already in use. Its changes are kept; set this PC up again with an enrollment code (pixiodoc sync join) and re-enter them.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "An enrollment code has {count} letters and digits in groups of 4; check what you typed.",
    ),
    QT_TRANSLATE_NOOP("errors", "The enrollment code has a typo (its last group does not match)."),
    QT_TRANSLATE_NOOP("errors", "An enrollment code is valid for 1 minute to 24 hours."),
    QT_TRANSLATE_NOOP("errors", "This enrollment code has expired; ask an Admin for a new one."),
    QT_TRANSLATE_NOOP(
        "errors",
        "This enrollment code was already used to join a PC ({when} UTC); it works once. Ask an Admin for a new one.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Another PC is joining with this enrollment code right now; ask an Admin for a new code.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "No enrollment waits under this code in the bucket (it was used, expired, or the bucket or prefix differs from the Admin's PC).",
    ),
    QT_TRANSLATE_NOOP("errors", "This enrollment code does not open the enrollment."),
    QT_TRANSLATE_NOOP(
        "errors", "No clinic in this bucket and prefix opens with that recovery key."
    ),
    QT_TRANSLATE_NOOP("errors", "Joining needs an enrollment code or the recovery key."),
    # --- Keys renewed on another workstation (sync/renewal.py)
    QT_TRANSLATE_NOOP(
        "errors",
        "The practice's keys were renewed on another workstation ({renewed_at} UTC); this workstation no longer syncs with the old keys and sent nothing. Ask a practice Admin for an enrollment code and re-join this workstation with it (pixiodoc sync rejoin --code CODE); its changes are kept and go out then.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This enrollment code belongs to another clinic's vault; ask a practice Admin of this clinic for one.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This workstation already has the practice's current keys; there is nothing to re-join (the code can still set up a new PC while it is valid).",
    ),
)
