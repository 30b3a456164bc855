"""Reading plain-text inputs: decoding, and refusing what is not text.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM decode silently. UTF-16 without a BOM
is told from binary data by where its NUL bytes fall. Anything else is identified with
charset-normalizer. Both are decoded with a warning that names the encoding, so that a user
can check the guess. Empty files, directories, missing files and binary data
(NUL or other control bytes) are errors.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from teikit.errors import Diagnostic, InputError, Severity

STDIN_NAME = "-"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than TAB, LF, VT, FF and CR, DEL, and the code points XML 1.0 cannot carry.
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


@dataclass
class TextInput:
    """A decoded input text and what reading it found worth saying."""

    name: str  # the path as the user gave it, or "-" for stdin
    text: str
    encoding: str
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return "stdin" if self.name == STDIN_NAME else Path(self.name).stem


# The largest input read by default (--max-size): conversion holds a text, its model and its TEI
# in memory (docs/measurements.md has the memory a text of each size needs).
DEFAULT_MAX_SIZE = 500_000_000


def size_text(size: int) -> str:
    """A size as people read it: 500 MB, 1.5 GB, 12 KB, 300 bytes (powers of 1000)."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _too_large(name: str, size: str, max_size: int) -> InputError:
    return InputError.at(name, f"{size}, larger than the largest input allowed (--max-size "
                               f"{size_text(max_size)}): split it, or raise --max-size if the memory allows")


def read_bytes(name: str, max_size: int | None = None) -> bytes:
    """The raw bytes of a path or of stdin, with missing files and directories as errors, and an
    input larger than ``max_size`` bytes refused before it is read."""
    if name == STDIN_NAME:
        data = sys.stdin.buffer.read() if max_size is None else sys.stdin.buffer.read(max_size + 1)
        if max_size is not None and len(data) > max_size:
            raise _too_large(name, f"is more than {size_text(max_size)}", max_size)
        return data
    path = Path(name)
    if path.is_dir():
        raise InputError.at(name, "is a directory, not a text file")
    try:
        if max_size is not None and path.stat().st_size > max_size:
            raise _too_large(name, f"is {size_text(path.stat().st_size)}", max_size)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError.at(name, "no such file") from None
    except PermissionError:
        raise InputError.at(name, "permission denied") from None
    except OSError as exc:
        raise InputError.at(name, f"cannot read: {exc.strerror or exc}") from None


def decode(name: str, data: bytes) -> TextInput:
    """Decode bytes into text, normalising line ends to LF; see the module docstring."""
    if not data.strip():
        raise InputError.at(name, "empty input: nothing to convert")
    warnings: list[Diagnostic] = []
    encoding = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            encoding = codec
            break
    if encoding is None and b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError.at(name, "binary data (NUL bytes), and not UTF-16 either: not a text file")
        warnings.append(Diagnostic(name, f"no byte-order mark: decoded as {_UTF16_NAMES[encoding]} (detected from "
                                         "the pattern of its NUL bytes); check the result or convert the file "
                                         "to UTF-8", severity=Severity.WARNING))
    if encoding is None:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = _detect(name, data)
            warnings.append(Diagnostic(name, f"not UTF-8: decoded as {encoding} (detected); "
                                             "check the result or convert the file to UTF-8",
                                       severity=Severity.WARNING))
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError.at(name, f"cannot decode as {encoding}: {exc}") from None
    # Page breaks (FF) and vertical tabs are white space XML cannot carry: they become line
    # breaks, which "nothing lost" counts as the same white space.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    bad = _BINARY_CHARS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError.at(name, f"binary data: control character U+{ord(bad.group()):04X} "
                                  "is not text", line=line, column=col)
    if not text.strip():
        raise InputError.at(name, "empty input: only white space")
    return TextInput(name=name, text=text, encoding=encoding, warnings=warnings)


_UTF16_NAMES = {"utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE"}
# UTF-16 of a text in an alphabet: the high byte of every ASCII character (spaces, digits,
# punctuation; every letter too in Latin script) is NUL, and it is the same byte of each code
# unit (the second in little-endian order, the first in big-endian); the low byte almost never is.
UTF16_NUL_SHARE = 0.1  # of the code units, at least, have a NUL high byte
UTF16_OTHER_NUL_SHARE = 0.01  # of the code units, at most, have a NUL low byte
UTF16_SPACE_SHARE = 0.05  # of the decoded characters, at least, are white space (as in any text)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NULs of ``data`` fall as UTF-16 text's do and it
    decodes to something with spaces or line breaks between words; else None (binary data)."""
    if len(data) % 2:
        return None
    units = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= UTF16_NUL_SHARE * units and low <= UTF16_OTHER_NUL_SHARE * units:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            spaces = sum(1 for char in text if char.isspace())
            return encoding if spaces >= UTF16_SPACE_SHARE * len(text) else None
    return None


# Legacy encodings most transcriptions come in: preferred when the detector finds them
# about as plausible as a rarer one (short texts give it little evidence).
_COMMON_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "mac_roman",
                     "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr")


def _detect(name: str, data: bytes) -> str:
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 inputs need it

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError.at(name, "not text in any known encoding (binary data?)")
    # near-ties (as messy as the best guess) are resolved towards the common encodings
    plausible = [m for m in results if m.chaos <= best.chaos + 0.05]
    for encoding in _COMMON_ENCODINGS:
        for match in plausible:
            if encoding in (match.encoding, *match.could_be_from_charset):
                return encoding
    chosen = best
    return chosen.encoding


def read_text(name: str, max_size: int | None = None) -> TextInput:
    """Read and decode one input path (or '-' for stdin); see read_bytes for ``max_size``."""
    return decode(name, read_bytes(name, max_size))


_WS = re.compile(r"\s+")


def comparable(text: str) -> str:
    """The form in which two texts are compared for 'nothing lost': NFC, all Unicode white
    space (no-break spaces included) collapsed to one space, trimmed."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
