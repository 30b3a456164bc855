"""Portuguese: month names (dates only, for now)."""

from __future__ import annotations

MONTHS = ("janeiro", "fevereiro", "março marco", "abril", "maio", "junho", "julho", "agosto", "setembro",
          "outubro", "novembro", "dezembro")
WEEKDAYS: tuple[str, ...] = ()
