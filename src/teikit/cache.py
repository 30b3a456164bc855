"""A small on-disk cache for derived data: simplified grammars, generated XSLT, word lists, gazetteers.

Entries are keyed by a hash of everything they were derived from, so a changed schema (or a
new teikit version) simply misses. Writes are atomic; a cache that cannot be written (read-only
home, full disk) is skipped silently: the cache only ever saves time.

Location: ``$TEIKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/teikit``, else the system's cache folder
as platformdirs knows it (``~/.cache/teikit`` on Linux, ``~/Library/Caches/teikit`` on macOS,
``%LOCALAPPDATA%/teikit/Cache`` on Windows). ``TEIKIT_CACHE_DIR=off`` disables it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from teikit import __version__
from teikit.xmlio import write_atomic

CACHE_ENV = "TEIKIT_CACHE_DIR"
_DISABLED = {"off", "0", "no", "none"}


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in _DISABLED else Path(configured)
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "teikit"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("teikit", appauthor=False))


def content_key(*parts: bytes | str) -> str:
    """A hex digest of the parts (and of teikit's version, since derivations change with it)."""
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _entry(kind: str, key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / kind / f"{key}"


def load(kind: str, key: str) -> bytes | None:
    """The cached bytes for ``key``, or None."""
    path = _entry(kind, key)
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def load_private(kind: str, key: str) -> bytes | None:
    """Like :func:`load`, but only from a file and folder that this user owns and nobody else can
    write: for entries that are executable in effect (pickles), so no other account can plant one."""
    path = _entry(kind, key)
    if path is None or not hasattr(os, "getuid"):
        return None
    try:
        for item in (path.parent, path):
            info = item.stat()
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
        return path.read_bytes()
    except OSError:
        return None


def store(kind: str, key: str, data: bytes) -> None:
    """Cache ``data`` under ``key``; failures are ignored (the cache is an optimisation)."""
    path = _entry(kind, key)
    if path is None:
        return
    try:
        write_atomic(path, data)
    except OSError:
        pass


def package_version(name: str) -> str:
    """The installed version of the distribution that provides package ``name``, for cache keys:
    read from the name of its ``.dist-info`` folder beside the package (``wordfreq-3.1.1.dist-info``)
    when there is exactly one, else from ``importlib.metadata`` (whose import alone costs a twentieth
    of a second at every start)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations:
        root = Path(next(iter(spec.submodule_search_locations))).parent
        prefix = f"{name.replace('-', '_')}-"
        found = [p.name for p in root.glob(f"{prefix}*.dist-info")]
        if len(found) == 1:
            return found[0][len(prefix):-len(".dist-info")]
    from importlib.metadata import version

    return version(name)


def cached_value(kind: str, sources: tuple[str, ...], build, check=None):
    """The value ``build()`` returns, kept on disk in marshal form between processes.

    ``sources`` names what the value is derived from (package versions, source files' text);
    any change there gives a new key. Only plain data (dicts, lists, tuples, strings,
    numbers, bytes) can be kept; entries are read only from files this user owns and nobody else
    can write, like pickles, since a planted entry could crash the interpreter. A cached value
    that cannot be read, or that ``check`` (if given) rejects, is built again."""
    import marshal

    key = content_key(kind, *sources)
    data = load_private(kind, key)
    if data is not None:
        try:
            value = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            pass
        else:
            if check is None or check(value):
                return value
    value = build()
    store(kind, key, marshal.dumps(value))
    return value
