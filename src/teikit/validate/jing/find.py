"""Where jing is: Java, and jing's jar (``$TEIKIT_JING``, or the jar of the ``jing`` on PATH).

teikit runs the jar's driver class itself, never a ``jing`` launcher script (Debian's turns
XInclude on), so a launcher only tells teikit where the jar is. Anything missing or not jing is
a usage error of one line.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from teikit.errors import Diagnostic, UsageError

JING_ENV = "TEIKIT_JING"
OPTION = "--engine jing"  # where a usage error about jing is reported
DRIVER = "com.thaiopensource.relaxng.util.Driver"
_DRIVER_CLASS = DRIVER.replace(".", "/") + ".class"
_JAVA_OPTIONS = (
    # Xerces (jing's jar names it in its class path) without XInclude; the JDK's own parser has it off
    "-Dorg.apache.xerces.xni.parser.XMLParserConfiguration=org.apache.xerces.parsers.XML11Configuration",
    # and the JDK's parser may fetch no external DTD, entity or schema (teikit gives it none anyway)
    "-Djavax.xml.accessExternalDTD=", "-Djavax.xml.accessExternalSchema=",
)
_LAUNCHER_JAR = re.compile(r"[\w./+~-]*jing[\w.+-]*\.jar")
_LAUNCHER_MAX_BYTES = 256 * 1024  # a launcher script, not a binary


@dataclass(frozen=True)
class Jing:
    """The Java runtime and jing's jar teikit runs."""

    java: str
    jar: str

    def command(self, schema: str, files: Sequence[str]) -> list[str]:
        return [self.java, *_JAVA_OPTIONS, "-cp", self.jar, DRIVER, schema, *files]


def usage(message: str) -> UsageError:
    return UsageError(Diagnostic(OPTION, message, engine="validate"))


def _is_jing_jar(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as jar:
            return _DRIVER_CLASS in jar.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _jar_of_launcher(launcher: Path) -> Path | None:
    """The jar a ``jing`` launcher script runs: one it names (Homebrew's ``exec java -jar
    .../jing.jar``), or ``../share/java/jing.jar`` beside it when it runs jing's driver by class
    (Debian's). Anything that is not a script mentioning jing is no launcher."""
    real = launcher.resolve()
    try:
        if real.stat().st_size > _LAUNCHER_MAX_BYTES:
            return None
        text = real.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith("#!") or "jing" not in text.lower():
        return None
    candidates = [Path(os.path.expanduser(m)) for m in _LAUNCHER_JAR.findall(text)]
    if DRIVER in text or re.search(r"\bjing\b", text):
        candidates.append(real.parent.parent / "share" / "java" / "jing.jar")
    return next((c for c in candidates if c.is_file() and _is_jing_jar(c)), None)


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    found = shutil.which("java")
    if found is None:
        raise usage("no Java runtime found for jing (java on PATH or $JAVA_HOME/bin/java): install one "
                     "(e.g. apt-get install default-jre-headless)")
    return found


def locate() -> Jing:
    """Java and jing's jar: ``$TEIKIT_JING`` (the jar, or a launcher script that runs it), else the
    ``jing`` on PATH. Anything missing or not jing is a usage error of one line."""
    return _locate(os.environ.get(JING_ENV) or None, os.environ.get("JAVA_HOME"), os.environ.get("PATH"))


@functools.lru_cache(maxsize=8)
def _locate(configured: str | None, java_home: str | None, path: str | None) -> Jing:
    """(Cached per $TEIKIT_JING, $JAVA_HOME and $PATH, which decide the answer.)"""
    if configured:
        given = Path(configured)
        where = f"{JING_ENV}={configured}"
        if not given.is_file():
            raise usage(f"{where} does not exist: set it to jing's jar (jing.jar), or unset it to use the jing "
                         "on PATH")
    else:
        found = shutil.which("jing")
        if found is None:
            raise usage(f"jing is not installed: install it (apt-get install jing; brew install jing-trang) or "
                         f"set {JING_ENV} to jing's jar")
        given, where = Path(found), f"the jing on PATH ({found})"
    if zipfile.is_zipfile(given):
        if not _is_jing_jar(given):
            raise usage(f"{where} is not jing: the jar has no {DRIVER}")
        jar = given
    else:
        jar = _jar_of_launcher(given)
        if jar is None:
            raise usage(f"{where} is not jing's jar, nor a launcher naming it: set {JING_ENV} to jing.jar")
    return Jing(_java(), str(jar))
