"""Domain services of the clinic: patients, visits, lesions, photos, consent,
access and the audit trail. No Qt. Every service takes the acting clinician."""
