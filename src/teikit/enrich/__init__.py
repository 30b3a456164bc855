"""Enrichers: passes that add inline markup, standOff entries and review items to a document."""
