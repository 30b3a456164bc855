"""RELAX NG: simplification (cached), pruning to a batch, and the libxml2 and jing engines."""
