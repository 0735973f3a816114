"""Image preparation for the one ingest path: recognise a file by its content, refuse
what is not a safe, whole image, strip identifying metadata and make the preview
pyramid. Pure functions on bytes in memory: no database, no encryption, no Qt."""
