"""The clinical record: patients, visits and lesions, photos, consent, comparisons, the timeline,
and the fixed vocabularies (body sites with SNOMED CT codes, modalities, consent scopes)."""
