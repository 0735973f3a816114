"""The practice software's wing: GDT file exchange with the PVS and the DICOM Modality
Worklist of a hospital or a clinic's PACS (DESIGN.md §10). Qt-free."""
