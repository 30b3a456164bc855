"""Readers: input formats -> the document model."""
