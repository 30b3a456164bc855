"""What a build tells its user: a progress bar while it runs (on a terminal only), then a
summary table; ``--report FILE`` writes the same as JSON, with every document and diagnostic."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

from teikit import __version__
from teikit.build.records import BUILT, FAILED, INVALID, SKIPPED, DocumentResult

COLUMNS = ("documents", "built", "skipped", "invalid", "failed", "names", "quotations", "notes", "warnings")


def wants_progress(stream: TextIO) -> bool:
    """A progress bar only for a person watching: on a terminal, outside CI."""
    return not os.environ.get("CI") and hasattr(stream, "isatty") and stream.isatty()


class Progress:
    """``[#####.....] 12/100 name``, redrawn in place at most ten times a second."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, enabled: bool | None = None):
        self.total, self.done, self.stream = total, 0, stream
        self.enabled = wants_progress(stream) if enabled is None else enabled
        self._drawn = 0.0

    def advance(self, name: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn < 0.1 and self.done < self.total:
            return
        self._drawn = now
        columns = shutil.get_terminal_size((80, 24)).columns - 1
        width = max(10, min(40, columns - 30))
        filled = width * self.done // max(self.total, 1)
        line = f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name}"
        self.stream.write("\r" + line[:columns].ljust(columns))
        self.stream.flush()

    def clear(self) -> None:
        """Wipe the bar (before other lines are printed; the next step draws it again)."""
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((80, 24)).columns - 1) + "\r")
            self.stream.flush()
            self._drawn = 0.0

    close = clear


@dataclass
class Summary:
    """A build's outcome: counts over the corpus (documents built now and skipped as up to date)."""

    results: list[DocumentResult] = field(default_factory=list)  # in document order, skipped ones included
    seconds: float = 0.0
    executor: str = "local"
    jobs: int = 1
    corpus_pages: bool = False  # whether the corpus pages were made again

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def totals(self) -> dict[str, int]:
        listed = [r for r in self.results if r.status in (BUILT, SKIPPED)]
        return {"documents": len(self.results), "built": self.count(BUILT), "skipped": self.count(SKIPPED),
                "invalid": self.count(INVALID), "failed": self.count(FAILED),
                "names": sum(r.count("names") for r in listed),
                "quotations": sum(r.count("quotations") for r in listed),
                "notes": sum(r.count("notes") for r in listed),
                "warnings": sum(r.warnings for r in self.results if r.status != SKIPPED)}

    @property
    def ok(self) -> bool:
        return not (self.count(INVALID) or self.count(FAILED))

    def workers(self) -> dict[str, int]:
        """The peak resident memory of each process that built documents, in bytes."""
        peaks: dict[str, int] = {}
        for r in self.results:
            if r.worker:
                peaks[r.worker] = max(peaks.get(r.worker, 0), r.peak_memory)
        return peaks

    @property
    def lost_to_dead_workers(self) -> list[str]:
        """The documents that failed because the worker process building them died."""
        return [r.name for r in self.results if any(d.code == "worker-died" for d in r.diagnostics)]

    def notes(self) -> str:
        """What happened beyond the counts: documents lost with a worker process that died."""
        lost = self.lost_to_dead_workers
        if not lost:
            return ""
        which = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
        return (f"{len(lost)} document{'s' if len(lost) > 1 else ''} failed because the worker process building "
                f"{'them' if len(lost) > 1 else 'it'} died (killed, or out of memory): {which}; the workers were "
                "renewed and the other documents built. The next build tries again.\n")

    def table(self) -> str:
        totals = self.totals
        widths = [max(len(c), len(str(totals[c]))) for c in COLUMNS]
        header = "  ".join(c.rjust(w) for c, w in zip(COLUMNS, widths))
        row = "  ".join(str(totals[c]).rjust(w) for c, w in zip(COLUMNS, widths))
        return f"{header}\n{row}\n"

    def to_json(self) -> dict[str, Any]:
        return {
            "teikit": __version__,
            "ok": self.ok,
            "summary": self.totals,
            "seconds": round(self.seconds, 3),
            "executor": self.executor,
            "jobs": self.jobs,
            "corpus_pages": self.corpus_pages,
            "workers": [{"worker": w, "peak_memory": m} for w, m in sorted(self.workers().items())],
            "lost_to_dead_workers": self.lost_to_dead_workers,
            "documents": [_document(r) for r in self.results],
        }

    def write_json(self, path) -> None:
        from teikit.outputs import write_output

        write_output(path, json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n")


def _document(r: DocumentResult) -> dict[str, Any]:
    data = r.to_json()
    return {"name": r.name, "status": r.status, "page": r.page or None,
            "names": r.count("names"), "quotations": r.count("quotations"), "notes": r.count("notes"),
            "warnings": r.warnings, "seconds": round(r.seconds, 3),
            "works": data["works"], "diagnostics": data["diagnostics"]}

