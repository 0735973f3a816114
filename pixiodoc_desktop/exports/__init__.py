"""PDF reports, DICOM and patient data exports, without Qt."""
