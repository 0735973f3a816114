"""Records in and out of the practice: importing photo files, patients from the EHR's CSV,
and encrypted case bundles for outside colleagues."""
