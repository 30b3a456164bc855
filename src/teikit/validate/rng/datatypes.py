"""Datatype libraries for RELAX NG: the built-in one and W3C XML Schema's (XSD part 2).

A :class:`Datatype` checks a string (:meth:`~Datatype.error` says why it is refused, in jing's
words: "must be an ISO date"), turns it into a value (:meth:`~Datatype.value_of`) and compares
values (:meth:`~Datatype.same`), which is what ``data`` and ``value`` patterns need.
``data`` parameters are facets restricting the type, as the RELAX NG guidelines for XSD
datatypes say: ``length``, ``minLength``, ``maxLength``, ``pattern`` (several patterns must all
match), ``minInclusive``, ``minExclusive``, ``maxInclusive``, ``maxExclusive``,
``totalDigits`` and ``fractionDigits``; ``enumeration`` and ``whiteSpace`` are refused.

Dates and times compare as XSD orders them: with a time zone they are instants, without one
they are compared to a zoned value only when 14 hours either way cannot change the answer;
durations are ordered by adding them to XSD's four reference dates (so ``P1M`` and ``P30D``
are incomparable). Patterns are XSD regular expressions (translated by ``elementpath``).
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Callable


XSD_LIBRARY = "http://www.w3.org/2001/XMLSchema-datatypes"
BUILTIN_LIBRARY = ""


class DatatypeError(Exception):
    """A datatype or parameter the library cannot make (an incorrect schema)."""


# -- XML names -------------------------------------------------------------------------------------------

class _XmlName:
    """XML 1.0 (second edition) names, as jing checks them: a letter (Unicode categories Ll, Lu,
    Lo, Lt, Nl) or "_" first, then letters, digits, marks, extenders, ".", "-" and "_" (and ":"
    where allowed). ASCII names are checked by a regular expression; others character by character."""

    _START = frozenset(("Ll", "Lu", "Lo", "Lt", "Nl"))
    _CHAR = _START | {"Mc", "Me", "Mn", "Lm", "Nd"}
    _EXTENDERS = frozenset("\u00B7\u02D0\u02D1\u0387\u0640\u0E46\u0EC6\u3005\u3031\u3032\u3033\u3034\u3035"
                           "\u309D\u309E\u30FC\u30FD\u30FE")

    def __init__(self, colons: bool, start: bool = True):
        self.colons = colons
        self.start = start
        extra = ":" if colons else ""
        first = f"[A-Za-z_{extra}]" if start else f"[A-Za-z0-9_.\\-{extra}]"
        self._ascii = re.compile(f"{first}[A-Za-z0-9_.\\-{extra}]*\\Z")

    def match(self, s: str) -> bool:
        if not s:
            return False
        if s.isascii():
            return self._ascii.match(s) is not None
        import unicodedata

        for i, c in enumerate(s):
            if c == ":" and not self.colons:
                return False
            if c in "_:" or (c in ".-" and (i or not self.start)) or c in self._EXTENDERS and (i or not self.start):
                continue
            if 0xF900 <= ord(c) <= 0xFFFE or 0x20DD <= ord(c) <= 0x20E0:
                return False
            category = unicodedata.category(c)
            if category not in (self._START if i == 0 and self.start else self._CHAR):
                return False
        return True


NAME_RE = _XmlName(colons=True)
NCNAME_RE = _XmlName(colons=False)
NMTOKEN_RE = _XmlName(colons=True, start=False)


class _QName:
    """``prefix:local`` or ``local``, both NCNames: ``match`` gives (prefix or None, local) or None."""

    def match(self, s: str):
        prefix, colon, local = s.rpartition(":")
        if colon and not (NCNAME_RE.match(prefix) and NCNAME_RE.match(local)):
            return None
        if not colon and not NCNAME_RE.match(s):
            return None
        return (prefix or None, local)


QNAME_RE = _QName()

_WS_REPLACE = str.maketrans("\t\n\r", "   ")


def _collapse(s: str) -> str:
    return " ".join(t for t in re.split(r"[ \t\n\r]+", s) if t)


def _replace(s: str) -> str:
    return s.translate(_WS_REPLACE)


# -- lexical spaces and values -----------------------------------------------------------------------------

class Kind:
    """A primitive (or built-in derived) type: whitespace handling, lexical check, value, order."""

    def __init__(self, name: str, description: str, whitespace: str = "collapse", lexical=None,
                 value: Callable[[str, Any], Any] | None = None, ordered: bool = False, length=None,
                 digits: bool = False, context: bool = False, keeps_text: bool = False):
        self.name = name
        self.description = description  # "an ISO date": what "must be ..." says
        self.whitespace = whitespace
        self.lexical = re.compile(lexical + r"\Z") if isinstance(lexical, str) else lexical
        self.value = value or (lambda s, ctx: s)
        self.ordered = ordered
        self.length = length  # value -> length, for the length facets; None: no such facets
        self.digits = digits  # totalDigits and fractionDigits apply
        self.context = context
        self.keeps_text = keeps_text

    def normalize(self, s: str) -> str:
        if self.whitespace == "preserve":
            return s
        if self.whitespace == "replace":
            return _replace(s)
        return _collapse(s)


def _decimal(s: str, ctx) -> Decimal:
    return Decimal(s)


def _float(bits: int) -> Callable[[str, Any], float]:
    def convert(s: str, ctx) -> float:
        value = float(s.replace("INF", "inf"))
        if bits == 32 and value == value and abs(value) != float("inf"):
            try:
                value = struct.unpack("f", struct.pack("f", value))[0]
            except OverflowError:
                value = float("inf") if value > 0 else float("-inf")
        return value
    return convert


def _boolean(s: str, ctx) -> bool:
    return s in ("true", "1")


def _hex(s: str, ctx) -> bytes:
    return bytes.fromhex(s)


def _base64(s: str, ctx) -> bytes:
    return base64.b64decode(s.replace(" ", ""), validate=True)


def _qname(s: str, ctx):
    prefix, local = QNAME_RE.match(s)
    if ctx is None:
        return None
    ns = ctx.resolve(prefix or "")
    if ns is None:
        if prefix:
            return None
        ns = ""
    return (ns, local)


def _qname_error(s: str, ctx) -> str | None:
    prefix = QNAME_RE.match(s)[0]
    if prefix and (ctx is None or ctx.resolve(prefix) is None):
        return f'must be a QName whose prefix, if any, is declared ("{prefix}" is not declared)'
    return None


_DIGITS = r"\d"
_TZ = r"(Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"(-?(?:[1-9]\d{4,}|\d{4}))"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12]\d|3[01])"
_TIME = r"([01]\d|2[0-3]):([0-5]\d):([0-5]\d(?:\.\d+)?)|(24):(00):(00(?:\.0+)?)"

_DATE_FORMS = {
    "dateTime": re.compile(f"{_YEAR}-{_MONTH}-{_DAY}T(?:{_TIME}){_TZ}\\Z"),
    "time": re.compile(f"(?:{_TIME}){_TZ}\\Z"),
    "date": re.compile(f"{_YEAR}-{_MONTH}-{_DAY}{_TZ}\\Z"),
    "gYearMonth": re.compile(f"{_YEAR}-{_MONTH}{_TZ}\\Z"),
    "gYear": re.compile(f"{_YEAR}{_TZ}\\Z"),
    "gMonthDay": re.compile(f"--{_MONTH}-{_DAY}{_TZ}\\Z"),
    "gDay": re.compile(f"---{_DAY}{_TZ}\\Z"),
    "gMonth": re.compile(f"--{_MONTH}{_TZ}\\Z"),
}
_DATE_DESCRIPTIONS = {
    "dateTime": "an ISO date and time", "time": "an ISO time", "date": "an ISO date",
    "gYearMonth": "an ISO year and month", "gYear": "a year",
    "gMonthDay": "an ISO month and day (of the form --MM-DD)", "gDay": "an ISO day of the month (of the form ---DD)",
    "gMonth": "an ISO month (of the form --MM)",
}


def _leap(year: int) -> bool:
    # XSD 1.0 year numbering has no year 0: -0001 is the year before 0001, a leap year (as 1 BC)
    y = year + 1 if year < 0 else year
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class DateTimeValue:
    """A date/time value: fields, and the time zone offset in minutes (or None)."""

    __slots__ = ("kind", "fields", "tz", "key")

    def __init__(self, kind: str, year, month, day, hour, minute, second: Decimal, tz: int | None):
        self.kind = kind
        self.tz = tz
        # normalise to UTC when zoned (and 24:00:00 to the next day), as a comparable key
        y, mo, d = year or 2000, month or 1, day or 1
        if year is None and kind in ("gMonthDay", "gDay", "gMonth", "time"):
            y = 1972  # a leap year, so --02-29 exists
        total = _to_seconds(y, mo, d, hour or 0, minute or 0, second)
        if tz is not None:
            total -= tz * 60
        self.fields = (year, month, day, hour, minute, second)
        self.key = total

    def __eq__(self, other) -> bool:
        return isinstance(other, DateTimeValue) and other.kind == self.kind and \
            (other.tz is None) == (self.tz is None) and other.key == self.key

    def __hash__(self) -> int:
        return hash((self.kind, self.tz is None, self.key))


def _days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 0000-03-01 on the proleptic Gregorian calendar (astronomical year numbers)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe


def _to_seconds(year: int, month: int, day: int, hour: int, minute: int, second: Decimal) -> Decimal:
    astronomical = year + 1 if year < 0 else year
    days = _days_from_civil(astronomical, month, day)
    return Decimal(days) * 86400 + hour * 3600 + minute * 60 + second


def _datetime(kind: str):
    form = _DATE_FORMS[kind]

    def convert(s: str, ctx) -> DateTimeValue:
        m = form.match(s)
        groups = m.groups()
        year = month = day = hour = minute = None
        second = Decimal(0)
        i = 0
        if kind in ("dateTime", "date", "gYearMonth", "gYear"):
            year = int(groups[0])
            i = 1
        if kind in ("dateTime", "date", "gYearMonth", "gMonthDay", "gMonth"):
            month = int(groups[i])
            i += 1
        if kind in ("dateTime", "date", "gMonthDay", "gDay"):
            day = int(groups[i])
            i += 1
        if kind in ("dateTime", "time"):
            t = groups[i:i + 6]
            if t[0] is not None:
                hour, minute, second = int(t[0]), int(t[1]), Decimal(t[2])
            else:
                hour, minute, second = 24, 0, Decimal(0)
            i += 6
        zone = groups[i]
        tz = None
        if zone is not None:
            tz = 0 if zone == "Z" else (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 60 + int(zone[4:6]))
        return DateTimeValue(kind, year, month, day, hour, minute, second, tz)

    def check(s: str) -> bool:
        m = form.match(s)
        if m is None:
            return False
        groups = m.groups()
        if kind in ("dateTime", "date"):
            year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
            if year == 0 or day > _days_in_month(year, month):
                return False
        elif kind in ("gYearMonth", "gYear") and int(groups[0]) == 0:
            return False
        elif kind == "gMonthDay" and int(groups[1]) > _days_in_month(2000, int(groups[0])):
            return False
        return True

    return convert, check


class _Checked:
    """A lexical check given as a function."""

    def __init__(self, check: Callable[[str], bool]):
        self.check = check

    def match(self, s: str):
        return self.check(s)


# durations: (months, seconds), with XSD's order by the four reference dates

_DURATION = re.compile(r"(-)?P(?!\Z)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?"
                       r"(?:(\d+(?:\.\d*)?|\.\d+)S)?)?\Z")


class Duration:
    __slots__ = ("months", "seconds")

    def __init__(self, months: int, seconds: Decimal):
        self.months = months
        self.seconds = seconds

    def __eq__(self, other) -> bool:
        return isinstance(other, Duration) and (self.months, self.seconds) == (other.months, other.seconds)

    def __hash__(self) -> int:
        return hash((self.months, self.seconds))


def _duration(s: str, ctx) -> Duration:
    m = _DURATION.match(s)
    sign = -1 if m.group(1) else 1
    y, mo, d, h, mi = (int(g or 0) for g in m.group(2, 3, 4, 5, 6))
    sec = Decimal(m.group(7) or 0)
    return Duration(sign * (y * 12 + mo), sign * (((d * 24 + h) * 60 + mi) * 60 + sec))


_REFERENCE_DATES = ((1696, 9, 1), (1697, 2, 1), (1903, 3, 1), (1903, 7, 1))


def _add_duration(date: tuple[int, int, int], d: Duration) -> Decimal:
    """Seconds of ``date`` + ``d`` (XSD appendix E: months first, then the rest)."""
    year, month, day = date
    total_months = month - 1 + d.months
    year += total_months // 12
    month = total_months % 12 + 1
    day = min(day, _days_in_month(year, month))
    return _to_seconds(year, month, day, 0, 0, Decimal(0)) + d.seconds


def _compare(kind: Kind, a, b) -> int | None:
    """-1, 0, 1, or None when incomparable."""
    if isinstance(a, Duration):
        results = set()
        for ref in _REFERENCE_DATES:
            x, y = _add_duration(ref, a), _add_duration(ref, b)
            results.add((x > y) - (x < y))
        return results.pop() if len(results) == 1 else None
    if isinstance(a, DateTimeValue):
        if (a.tz is None) == (b.tz is None):
            return (a.key > b.key) - (a.key < b.key)
        # one zoned, one not: the unzoned one could be anywhere from -14:00 to +14:00
        zoned, plain, flip = (a, b, 1) if a.tz is not None else (b, a, -1)
        low, high = plain.key - 14 * 3600, plain.key + 14 * 3600
        if zoned.key < low:
            return -flip
        if zoned.key > high:
            return flip
        return None
    if a != a or b != b:  # NaN
        return None
    return (a > b) - (a < b)


# anyURI: what jing accepts (RFC 2396 with the characters XSD would escape)

_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*\Z")
_URI_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _uri_check(s: str) -> bool:
    if _URI_ESCAPE.search(s) or s.count("#") > 1:
        return False
    before = re.split(r"[/?#]", s, maxsplit=1)[0]
    if ":" in before and not _URI_SCHEME.match(before.split(":", 1)[0]):
        return False
    return True


# -- the kinds of the XSD library ---------------------------------------------------------------------------

_INTEGER = r"[+-]?\d+"
_DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_FLOAT = r"(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)"
_HEX = r"(?:[0-9a-fA-F]{2})*"
_B64 = (r"(?:(?:(?:[A-Za-z0-9+/] ?){4})*(?:(?:[A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]|(?:[A-Za-z0-9+/] ?){2}"
        r"[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=))?")
_LANGUAGE = r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*"


def _kinds() -> dict[str, Kind]:
    kinds = {
        "string": Kind("string", "a string", "preserve", length=len, keeps_text=True),
        "normalizedString": Kind("normalizedString", "a string", "replace", length=len, keeps_text=True),
        "token": Kind("token", "a string", length=len, keeps_text=True),
        "boolean": Kind("boolean", "a boolean", lexical="true|false|1|0", value=_boolean),
        "decimal": Kind("decimal", "a decimal number", lexical=_DECIMAL, value=_decimal, ordered=True, digits=True),
        "integer": Kind("integer", "an integer", lexical=_INTEGER, value=_decimal, ordered=True, digits=True),
        "float": Kind("float", "a floating-point number", lexical=_FLOAT, value=_float(32), ordered=True),
        "double": Kind("double", "a floating-point number", lexical=_FLOAT, value=_float(64), ordered=True),
        "duration": Kind("duration", "a duration", lexical=_DURATION, value=_duration, ordered=True),
        "hexBinary": Kind("hexBinary", "a hexadecimal string", lexical=_HEX, value=_hex, length=len),
        "base64Binary": Kind("base64Binary", "a base64 string", lexical=_B64, value=_base64, length=len),
        "anyURI": Kind("anyURI", "a URI", lexical=_Checked(_uri_check), length=len, keeps_text=True),
        "QName": Kind("QName", "an XML QName", lexical=QNAME_RE, value=_qname, length=None, context=True),
        "NOTATION": Kind("NOTATION", "an XML QName", lexical=QNAME_RE, value=_qname, length=None, context=True),
        "Name": Kind("Name", "an XML name", lexical=NAME_RE, length=len, keeps_text=True),
        "NCName": Kind("NCName", "an XML name without colons", lexical=NCNAME_RE, length=len, keeps_text=True),
        "NMTOKEN": Kind("NMTOKEN", "an XML NMTOKEN", lexical=NMTOKEN_RE, length=len, keeps_text=True),
        "language": Kind("language", "an RFC 3066 language identifier", lexical=_LANGUAGE, length=len,
                         keeps_text=True),
        "untypedAtomic": Kind("untypedAtomic", "a string", "preserve", length=len, keeps_text=True),
        "anyAtomicType": Kind("anyAtomicType", "a string", "preserve", length=len, keeps_text=True),
    }
    for name in ("ID", "IDREF", "ENTITY"):
        kinds[name] = Kind(name, "an XML name without colons", lexical=NCNAME_RE, length=len, keeps_text=True,
                           context=name == "ENTITY")
    for name in _DATE_FORMS:
        convert, check = _datetime(name)
        kinds[name] = Kind(name, _DATE_DESCRIPTIONS[name], lexical=_Checked(check), value=convert, ordered=True)
    return kinds


KINDS = _kinds()
_LISTS = {"NMTOKENS": ("NMTOKEN", "a list of XML NMTOKENs"), "IDREFS": ("IDREF", "a list of XML names without colons"),
          "ENTITIES": ("ENTITY", "a list of XML names without colons")}
_INTEGER_RANGES = {
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1), "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None), "long": (-2 ** 63, 2 ** 63 - 1), "int": (-2 ** 31, 2 ** 31 - 1),
    "short": (-2 ** 15, 2 ** 15 - 1), "byte": (-128, 127), "unsignedLong": (0, 2 ** 64 - 1),
    "unsignedInt": (0, 2 ** 32 - 1), "unsignedShort": (0, 2 ** 16 - 1), "unsignedByte": (0, 255),
}
_LENGTH_PARAMS = ("length", "minLength", "maxLength")
_BOUND_PARAMS = ("minInclusive", "minExclusive", "maxInclusive", "maxExclusive")


class Datatype:
    """One usable datatype: a kind with its facets (for ``data``) or the built-in string/token."""

    def __init__(self, library: str, name: str, kind: Kind, *, item: "Datatype | None" = None,
                 facets: dict | None = None, patterns: list | None = None):
        self.library = library
        self.name = name
        self.kind = kind
        self.item = item  # lists (NMTOKENS...): the type of each item
        self.facets = facets or {}
        self.patterns = patterns or []  # (source, compiled), all must match
        self.params: tuple = ()  # as the schema gave them
        self.needs_context = kind.context or (item is not None and item.needs_context)
        self.keeps_text = kind.keeps_text
        self.allows_any_string = (kind.name in ("string", "token", "normalizedString", "untypedAtomic",
                                                "anyAtomicType") and not self.facets and not self.patterns)

    # -- what patterns ask -----------------------------------------------------------------------------
    def error(self, s: str, ctx) -> str | None:
        """None when ``s`` is a valid instance, else jing's reason ("must be ...")."""
        if self.allows_any_string:
            return None
        normal = self.kind.normalize(s)
        if self.item is not None:
            items = normal.split(" ") if normal else []
            for token in items:
                problem = self.item.error(token, ctx)
                if problem is not None:
                    return problem
            if not items:
                return f"must be {self.kind.description}"
            value = items
        else:
            lexical = self.kind.lexical
            if lexical is not None and not lexical.match(normal):
                return f"must be {self.kind.description}"
            if self.kind.context:
                problem = _qname_error(normal, ctx) if self.kind.name in ("QName", "NOTATION") else \
                    _entity_error(normal, ctx)
                if problem is not None:
                    return problem
            value = self._value(normal, ctx)
        for source, compiled in self.patterns:
            if not compiled.match(normal):
                return f'must be {self.kind.description} matching the regular expression "{source}"'
        return self._facet_error(value, normal)

    def value_of(self, s: str, ctx):
        """The value of ``s``, or None when ``s`` is not an instance."""
        if self.error(s, ctx) is not None:
            return None
        normal = self.kind.normalize(s)
        if self.item is not None:
            return tuple(self.item.value_of(t, ctx) for t in normal.split(" "))
        return self._value(normal, ctx)

    def same(self, a, b) -> bool:
        if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
            return True
        return a == b

    def key(self, value):
        """A hashable stand-in for a value (equal values, equal keys)."""
        if isinstance(value, float) and value != value:
            return "NaN"
        return value

    def display(self, value, text: str) -> str:
        return self.kind.normalize(text)

    # -- inside -----------------------------------------------------------------------------------------
    def _value(self, normal: str, ctx):
        try:
            return self.kind.value(normal, ctx)
        except (ValueError, InvalidOperation, binascii.Error, OverflowError):
            return None

    def _facet_error(self, value, normal: str) -> str | None:
        facets = self.facets
        if not facets:
            return None
        what = self.kind.description
        if _LENGTH_PARAMS[0] in facets or _LENGTH_PARAMS[1] in facets or _LENGTH_PARAMS[2] in facets:
            length = len(value) if self.item is not None else self.kind.length(value)
            if "length" in facets and length != facets["length"]:
                return f"must be {what} with length equal to {facets['length']} (actual length was {length})"
            if "minLength" in facets and length < facets["minLength"]:
                return f"must be {what} with length at least {facets['minLength']} (actual length was {length})"
            if "maxLength" in facets and length > facets["maxLength"]:
                return f"must be {what} with length at most {facets['maxLength']} (actual length was {length})"
        for name, test, words in (("minInclusive", (0, 1), "greater than or equal to"),
                                  ("minExclusive", (1,), "greater than"),
                                  ("maxInclusive", (0, -1), "less than or equal to"),
                                  ("maxExclusive", (-1,), "less than")):
            if name in facets:
                limit, text = facets[name]
                if _compare(self.kind, value, limit) not in test:
                    return f"must be {what} {words} {text}"
        if "totalDigits" in facets or "fractionDigits" in facets:
            digits, fraction = _digits(value)
            if "totalDigits" in facets and digits > facets["totalDigits"]:
                n = facets["totalDigits"]
                if n == 1:
                    return f"must be {what} with exactly one significant digit (found {digits} digits)"
                return f"must be {what} with at most {n} significant digits (found {digits} digits)"
            if "fractionDigits" in facets and fraction > facets["fractionDigits"]:
                n = facets["fractionDigits"]
                if n == 0:
                    return "must be a decimal number without any significant digits after the decimal point"
                return (f"must be a decimal number with at most {n} significant digit{'s' if n > 1 else ''} after "
                        f"the decimal point (found {fraction} digits)")
        return None


def _entity_error(s: str, ctx) -> str | None:
    entities = getattr(ctx, "unparsed_entities", None) or ()
    if s not in entities:
        return "must be a name declared in the DTD as an unparsed entity"
    return None


def _digits(value: Decimal) -> tuple[int, int]:
    """(total significant digits, digits after the point) of a decimal, trailing zeros dropped."""
    sign, digits, exponent = value.normalize().as_tuple() if value else (0, (0,), 0)
    if not isinstance(exponent, int):
        return 0, 0
    fraction = max(0, -exponent)
    total = max(len(digits), fraction) if digits != (0,) else max(1, fraction)
    return total, fraction


# -- libraries ----------------------------------------------------------------------------------------------

_BUILTIN = {"string": Kind("string", "a string", "preserve", keeps_text=True),
            "token": Kind("token", "a string", keeps_text=True)}


def known_library(uri: str) -> bool:
    return uri in (BUILTIN_LIBRARY, XSD_LIBRARY)


@lru_cache(maxsize=None)
def _plain(library: str, name: str) -> Datatype:
    return _make(library, name, ())


def datatype(library: str, name: str, params: tuple = ()) -> Datatype:
    """The datatype ``name`` of ``library`` restricted by ``params`` ((name, value) pairs);
    DatatypeError when the library does not know it or a parameter is wrong."""
    if not params:
        return _plain(library, name)
    return _cached(library, name, tuple(params))


@lru_cache(maxsize=4096)
def _cached(library: str, name: str, params: tuple) -> Datatype:
    return _make(library, name, params)


def _make(library: str, name: str, params: tuple) -> Datatype:
    made = _make_type(library, name, params)
    made.params = params
    return made


def _make_type(library: str, name: str, params: tuple) -> Datatype:
    if library == BUILTIN_LIBRARY:
        if name not in _BUILTIN:
            raise DatatypeError(f'no such builtin datatype "{name}": must be "string" or "token"')
        if params:
            raise DatatypeError("builtin datatypes do not have any parameters")
        return Datatype(library, name, _BUILTIN[name])
    if library != XSD_LIBRARY:
        raise DatatypeError(f'datatype library "{library}" not recognized')
    facets: dict = {}
    if name in _LISTS:
        item_name, description = _LISTS[name]
        kind = Kind(name, description, length=len)
        item = Datatype(library, item_name, KINDS[item_name])
        base = Datatype(library, name, kind, item=item, facets={"minLength": 1})
    elif name in _INTEGER_RANGES:
        low, high = _INTEGER_RANGES[name]
        kind = KINDS["integer"]
        if low is not None:
            facets["minInclusive"] = (Decimal(low), str(low))
        if high is not None:
            facets["maxInclusive"] = (Decimal(high), str(high))
        base = Datatype(library, name, kind, facets=dict(facets))
    elif name in KINDS:
        base = Datatype(library, name, KINDS[name])
    else:
        raise DatatypeError(f'datatype "{name}" from library "{library}" not recognized')
    if not params:
        return base
    return _restrict(base, params)


def _restrict(base: Datatype, params: tuple) -> Datatype:
    kind = base.kind
    facets = dict(base.facets)
    patterns = list(base.patterns)
    seen: set[str] = set()
    for name, value in params:
        if name == "pattern":
            patterns.append((value, re.compile(python_regex(value), re.DOTALL)))
            continue
        if name in seen:
            raise DatatypeError(f'invalid parameter: "{name}" appears more than once')
        seen.add(name)
        if name == "enumeration":
            raise DatatypeError('"enumeration" facet is not allowed as a parameter: use "value" element instead')
        if name == "whiteSpace":
            raise DatatypeError('"whiteSpace" facet is not allowed as a parameter')
        if name in _LENGTH_PARAMS:
            if kind.length is None and base.item is None:
                raise DatatypeError("base datatype does not define a units of length")
            number = _non_negative(value, name)
            facets[name] = number
        elif name in _BOUND_PARAMS:
            if not kind.ordered:
                raise DatatypeError("parameter can only be applied to ordered datatype")
            limit = base.value_of(value, None) if base.error(value, None) is None else None
            if limit is None:
                raise DatatypeError(f'"{value}" is not allowed by the base type: {base.error(value, None) or ""}')
            facets[name] = (limit, kind.normalize(value))
        elif name in ("totalDigits", "fractionDigits"):
            if not kind.digits:
                raise DatatypeError(f'"{name}" parameter can only be applied to datatype derived from "decimal"')
            number = _non_negative(value, name)
            if name == "totalDigits" and number == 0:
                raise DatatypeError('"totalDigits" parameter must be positive integer')
            facets[name] = number
        else:
            raise DatatypeError(f'unrecognized parameter "{name}"')
    if "length" in facets and ("minLength" in facets or "maxLength" in facets) and \
            any(p in seen for p in _LENGTH_PARAMS):
        low = facets.get("minLength", 0)
        high = facets.get("maxLength", facets["length"])
        if not low <= facets["length"] <= high:
            raise DatatypeError("invalid parameters: length conflicts with minLength or maxLength")
    if facets.get("minLength", 0) > facets.get("maxLength", float("inf")):
        raise DatatypeError("invalid parameters: minLength is greater than maxLength")
    return Datatype(base.library, base.name, kind, item=base.item, facets=facets, patterns=patterns)


_REGEXES: dict[str, str] = {}  # XSD regular expression -> Python's


def python_regex(xsd: str) -> str:
    """An XSD regular expression as Python's ``re`` (DatatypeError when it is not valid XSD).
    Translating (elementpath) takes long for Unicode classes; a translation is made once, and
    the cache keeps a schema's (:func:`regexes`, :func:`remember_regexes`)."""
    found = _REGEXES.get(xsd)
    if found is None:
        from elementpath.regex import RegexError, translate_pattern  # only new patterns need it

        try:
            found = translate_pattern(xsd, anchors=False)
            re.compile(found)
        except (RegexError, re.error, ValueError) as exc:
            raise DatatypeError(f"invalid regular expression: {exc}") from None
        _REGEXES[xsd] = found
    return found


def regexes(sources) -> dict[str, str]:
    """The translations of these XSD regular expressions (made already)."""
    return {xsd: _REGEXES[xsd] for xsd in sources if xsd in _REGEXES}


def remember_regexes(translations: dict[str, str]) -> None:
    _REGEXES.update(translations)


def _non_negative(value: str, name: str) -> int:
    text = _collapse(value)
    if not re.fullmatch(r"\+?\d+", text):
        raise DatatypeError(f'"{name}" parameter must be non negative integer')
    return int(text)
