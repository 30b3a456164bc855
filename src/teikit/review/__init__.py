"""What needs an editor's eye: machine decisions, their certainty and the rules behind them.

For a plain text, the conversion runs and every pass reports what it guessed
(``Document.review``), each item with the evidence of its decision. For a TEI file, the markup
itself is read (``tei``): every element whose ``@cert`` is not high is listed, with richer
categories read by ``names`` and ``marks``; given the trace of the conversion that wrote the
file, each item shows its rules too. The review code lives in this package only.
"""

from teikit.review.items import item_record, snippet
from teikit.review.tei import review_tei

__all__ = ["item_record", "review_tei", "snippet"]
