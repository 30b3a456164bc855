"""Writers: the document model -> output formats."""
