"""The clinical record: patients, visits, lesions, photos, consent, comparisons, the timeline,
and the fixed vocabularies (body sites with SNOMED CT codes, modalities, consent scopes);
`record_changes` is how a change to a record is checked and audited."""
