"""Rules of dates in running text: which calendar expressions are dates, and how sure."""

from teikit.evidence import RuleTable
from teikit.weights.structure import CERT

DATE = RuleTable("date", "a calendar expression in running text", {
    "ordinal": (0.9, "'the first of May', 'the twenty-second of June, 1823'"),
    "calendar": (0.9, "a day, month and year, or month and year, or day and month"),
    "year-range": (0.9, "'1923–1926', '(1895–1944)'"),
    "year-pair": (0.9, "'from 1923 to 1930', 'between 1917 and 1921'"),
    "decade": (0.7, "'the 1920s'"),
    "year-strong-cue": (0.9, "a year after 'in', 'since', 'until', 'till'"),
    "year-cue": (0.7, "a year after another word that introduces years ('by 1926', 'of 1905')"),
    "parenthesised-year": (0.9, "a year alone in brackets"),
    "month-cue": (0.7, "a month's name in full after 'in', 'of', 'early' ..."),
}, CERT)
