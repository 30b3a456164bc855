"""Publishing TEI with teikit's XSLT 3.0 stylesheets (``xslt/``), run by saxonche.

- ``targets``: the output formats (html, text), their stylesheets, and the address a
  project's customisation imports them by;
- ``params``: the parameters a stylesheet declares, and checking ``NAME=VALUE`` against them;
- ``saxon``: a compiled stylesheet run on parsed TEI, its messages and failures as diagnostics;
  each stylesheet compiled once per process, on ``teikit.runtime.saxon`` (which reads nothing
  when a stylesheet runs, and only teikit's stylesheets and the one compiled when it compiles);
  inputs are parsed by ``teikit.xmlio`` (no DTD, no entities, no network) and reach Saxon as a
  serialised tree without a DOCTYPE;
- ``batch``: many inputs to their outputs, in parallel across processes where it pays.

Publishing reads TEI files and knows nothing of how they were made.
"""

from teikit.publish.batch import Batch, plan_jobs, run_batch
from teikit.publish.params import ParamSpec, declared_params, parse_assignments
from teikit.publish.saxon import Stylesheet, compiled
from teikit.publish.targets import TARGETS, Target

__all__ = ["TARGETS", "Target", "ParamSpec", "declared_params", "parse_assignments", "Stylesheet",
           "compiled", "Batch", "plan_jobs", "run_batch"]
