"""A teikit project: its settings and what they mean, in one object for every command and the build.

Settings come from ``[tool.teikit]`` in pyproject.toml or teikit.toml, found from the working
directory upwards or named by ``--config`` (``teikit.config`` reads the files); paths in them are
relative to the project root. What the command line gives wins over them, with paths relative
to the working directory. The project says where its texts, TEI and site are, which authority
lists names are linked to, and which schemas every TEI is checked against; a setting that names
something missing is a usage error when it is asked for, so that a command only fails for the
settings it uses (``teikit convert`` never for a bad schema).
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from teikit.config import Settings, load_settings
from teikit.errors import Diagnostic, UsageError

if TYPE_CHECKING:
    from teikit.validate.schemas import SchemaRef

DEFAULTS = {"texts": "texts", "tei": "tei", "site": "site", "schema": "teikit", "source": "texts"}
# What a build starts from: plain texts converted to tei/, or the TEI already in tei/ (an existing
# edition, which the build reads and never writes).
SOURCES = ("texts", "tei")
STATE_FILE = ".teikit-state.json"  # what a build has built, beside the settings, in the project root
TEXT_GLOB = "*.txt"
TEI_GLOB = "*.xml"
AUTHORITY_FOLDER = "authority"  # the register: this folder at the project root (formerly inside tei/)
REFS = ("register", "uri")  # what a document's names point at: the register's entry, or its authority URI
SCHEMA_NAMES = ("teikit", "tei_all")  # schemas named rather than given as files


class Project:
    """The project at ``settings.root``; ``authority``: lists given on the command line, which
    replace the configured ones."""

    def __init__(self, settings: Settings, authority: Sequence[Path] = (), source: str | None = None):
        self.settings = settings
        self._given_authority = tuple(authority)
        self._given_source = source

    @classmethod
    def load(cls, config: str | os.PathLike | None = None, authority: Sequence[Path] = (),
             start: Path | None = None, source: str | None = None) -> "Project":
        """The project whose settings are in ``config``, or found from ``start`` (the working
        directory) upwards; without settings, the working directory with the defaults.
        ``source`` (``--source``) wins over the setting."""
        return cls(load_settings(config, start), authority, source)

    # -- folders -----------------------------------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self.settings.root

    @property
    def texts(self) -> Path:
        return self.settings.path("texts", DEFAULTS["texts"])

    @property
    def tei(self) -> Path:
        return self.settings.path("tei", DEFAULTS["tei"])

    @property
    def split(self) -> bool:
        """``split = true``: a text of several works is built as one TEI file a work (NAME-1.xml,
        NAME-2.xml, ...) instead of a teiCorpus, as ``teikit convert --split`` writes them."""
        value = self.settings.get("split", False)
        if not isinstance(value, bool):
            where = self.settings.sources[-1] if self.settings.sources else self.settings.root
            raise UsageError(Diagnostic(str(where), f"split = {value!r}: the setting is true or false"))
        return value

    @property
    def site(self) -> Path:
        return self.settings.path("site", DEFAULTS["site"])

    @property
    def state_file(self) -> Path:
        return self.root / STATE_FILE

    @property
    def source(self) -> str:
        """What a build starts from: ``texts`` (converted to TEI) or ``tei`` (the TEI in the tei
        folder, an existing edition)."""
        value = self._given_source or self.settings.get("source", DEFAULTS["source"])
        if value not in SOURCES:
            where = "--source" if self._given_source else ", ".join(map(str, self.settings.sources)) or "source"
            raise UsageError(Diagnostic(where, f"source = {value!r}: expected one of {', '.join(SOURCES)}"))
        return value

    def text_files(self) -> list[Path]:
        """The project's texts, in name order; no texts folder is a usage error."""
        if not self.texts.is_dir():
            raise UsageError(Diagnostic(str(self.texts), "no texts folder: set 'texts' in teikit.toml or "
                                                         "[tool.teikit] (or source = \"tei\" to build the TEI in "
                                                         f"{self.tei.name}/)"))
        return sorted(self.texts.glob(TEXT_GLOB))

    def tei_files(self) -> list[Path]:
        """The project's TEI documents (source = "tei"), in name order: the tei folder's ``*.xml``,
        never an authority list (the authority folder holds the register, not editions); no tei
        folder is a usage error."""
        if not self.tei.is_dir():
            raise UsageError(Diagnostic(str(self.tei), "no tei folder: set 'tei' in teikit.toml or [tool.teikit]"))
        lists = [path.resolve() for path in self.authority]
        return sorted(path for path in self.tei.glob(TEI_GLOB) if path.is_file()
                      and not any(path.resolve() == p or p in path.resolve().parents for p in lists))

    # -- authority lists ---------------------------------------------------------------------------------

    @cached_property
    def authority(self) -> tuple[Path, ...]:
        """The lists names are linked to: those given on the command line (each a TEI file or a
        folder of them); else the settings' ``authority = [...]``; else the register,
        ``authority/`` at the project root, when it exists (else an older project's
        ``tei/authority/``). The lists packaged with teikit are its samples' lists: used only
        when named, never by default outside the teikit project itself. A named list must exist."""
        if self._given_authority:
            paths = list(self._given_authority)
        elif "authority" not in self.settings.values:
            from teikit.authority.register import holds_lists

            found = (self.root / AUTHORITY_FOLDER, self.tei / AUTHORITY_FOLDER)
            return tuple(dict.fromkeys(folder for folder in found if holds_lists(folder)))
        else:
            paths = self.settings.paths("authority")
        for path in paths:
            if not path.exists():
                raise UsageError(Diagnostic(str(path), "authority list not found (--authority, or 'authority' "
                                                       "in teikit.toml / [tool.teikit])"))
        return tuple(paths)

    @property
    def register(self) -> Path:
        """The register: the authority folder where editors' entries and decisions live and the
        build writes ``proposed.xml`` (``teikit.authority.register``). The first configured
        folder; else ``authority/`` at the project root (made when something is first written)."""
        try:
            folders = [path for path in self.authority if path.is_dir()]
        except UsageError:
            folders = []
        old = (self.tei / AUTHORITY_FOLDER).resolve()  # read, never written to: nothing goes under tei/
        folders = [folder for folder in folders if folder.resolve() != old]
        return folders[0] if folders else self.root / AUTHORITY_FOLDER

    @property
    def refs(self) -> str:
        """``refs``: what names point at, the register's entry (``register``, the default) or the
        entry's authority URI when it has one (``uri``)."""
        value = self.settings.get("refs", REFS[0])
        if value not in REFS:
            raise UsageError(Diagnostic(", ".join(map(str, self.settings.sources)) or "refs",
                                        f"'refs' must be one of {', '.join(REFS)}"))
        return value

    def authority_folders(self) -> tuple[str, ...]:
        """The configured authority lists that are folders (``teikit validate`` does not search them
        below a folder it is given: they are lists, not editions); none when a setting is wrong
        (the commands that use the lists report that)."""
        try:
            return tuple(str(path) for path in self.authority if path.is_dir())
        except UsageError:
            return ()

    # -- schemas -----------------------------------------------------------------------------------------

    @property
    def schema_configured(self) -> bool:
        """Whether the settings name the schemas (else: teikit's pair for converted texts; each
        document's own <?xml-model?>, else tei_all, for an existing edition)."""
        return "schema" in self.settings.values

    @cached_property
    def schema_names(self) -> tuple[str, ...]:
        """The ``schema`` setting: schema names (teikit, tei_all) and files, as configured."""
        value = self.settings.get("schema", DEFAULTS["schema"])
        names = value if isinstance(value, list) else [value]
        if not names or not all(isinstance(n, str) and n for n in names):
            raise UsageError(Diagnostic(", ".join(map(str, self.settings.sources)) or "schema",
                                        "'schema' must be a schema name (teikit, tei_all) or file, or a list of them"))
        return tuple(names)

    @cached_property
    def schemas(self) -> tuple[SchemaRef, ...]:
        """What every TEI of the project is checked against (files relative to the project root)."""
        values = []
        for name in self.schema_names:
            path = Path(os.path.expanduser(name))
            values.append(name if name in SCHEMA_NAMES or path.is_absolute() else str(self.root / path))
        return tuple(self.schema_option(values))

    def schema_option(self, values: Sequence[str], embedded_rules: bool = False) -> list[SchemaRef]:
        """The schemas ``--schema`` values name (files relative to the working directory), each once."""
        from teikit.validate.schemas import from_option

        refs: list[SchemaRef] = []
        for value in values:
            refs.extend(r for r in from_option(value, self.settings, embedded_rules) if r not in refs)
        return refs

    @property
    def tei_all(self) -> Path:
        """The tei_all schema: $TEIKIT_TEI_ALL, else ``tei_all`` in the settings, else teikit's copy."""
        from teikit.validate.schemas import configured_tei_all

        return configured_tei_all(self.settings)


def schema_dir_for(output_dir: Path) -> str | None:
    """The relative path from ``output_dir`` to the nearest ``schema/`` folder holding teikit.xsd
    (the project's), for the ``<?xml-model?>`` lines of the TEI written there."""
    here = output_dir.resolve()
    for folder in (here, *here.parents):
        if (folder / "schema" / "teikit.xsd").is_file():
            return Path(os.path.relpath(folder / "schema", here)).as_posix()
    return None
