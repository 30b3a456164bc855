"""Portuguese: month names (dates only, for now)."""

from __future__ import annotations

MONTHS = ("janeiro", "fevereiro", "março marco", "abril", "maio", "junho", "julho", "agosto", "setembro",
          "outubro", "novembro", "dezembro")
WEEKDAYS: tuple[str, ...] = ()
# Words that say a text is a speech (its date line, headnote or credits)
SPEECH_PATTERNS = (r"discurso", r"proferid[oa]", r"confer[êe]ncia")
