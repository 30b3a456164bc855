"""Enrichers: passes over the document model after reading (the editor's file, quotations,
languages, names, dates) and the proposals ``teikit review`` makes (transcription errors)."""
