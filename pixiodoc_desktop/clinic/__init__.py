"""Domain services of the clinic, no Qt; every service takes the acting clinician.

Rooms: `records` (patients, visits, lesions, photos, consent, comparisons, timeline),
`access` (clinicians, login, grants, sharing, emergency access, plans), `audit` (the trail
and reading it), `exchange` (imports, EHR CSV, case bundles), `safekeeping` (backup, verify,
retention holds, erasure). `workstation` is the unlocked clinic and its unit of work;
`services` bundles the services one logged-in workstation uses.
"""
