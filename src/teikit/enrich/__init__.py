"""Enrichers: passes over the document model after reading (quotations, the editor's file,
languages) and the proposals ``teikit review`` makes (transcription errors)."""
