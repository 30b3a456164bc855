"""The Project: settings found from the working directory up (or named), paths relative to the
file that states them, the command line winning; authority lists and schemas as configured, a
setting naming something missing a usage error when it is used."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.errors import UsageError
from teikit.project import STATE_FILE, Project, schema_dir_for
from teikit.validate.schemas import SCHEMATRON, XSD

HOUSE_RULES = ('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron"><sch:pattern><sch:rule context="/">'
               '<sch:assert test="true()">x</sch:assert></sch:rule></sch:pattern></sch:schema>')


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "work" / "sub").mkdir(parents=True)
    return tmp_path / "work"


def test_without_settings_the_working_directory_and_the_defaults(folder):
    project = Project.load(start=folder / "sub")
    assert project.root == (folder / "sub").resolve()
    assert (project.texts, project.tei, project.site) == tuple(project.root / n for n in ("texts", "tei", "site"))
    assert project.state_file == project.root / STATE_FILE
    assert project.authority == () and [r.kind for r in project.schemas] == [XSD, SCHEMATRON]


def test_settings_are_found_upwards_and_teikit_toml_wins_over_pyproject(folder):
    (folder / "pyproject.toml").write_text('[tool.teikit]\ntexts = "from-pyproject"\ntei = "editions"\n')
    project = Project.load(start=folder / "sub")
    assert project.root == folder.resolve() and project.texts == folder.resolve() / "from-pyproject"
    (folder / "teikit.toml").write_text('texts = "sources"\n')
    project = Project.load(start=folder / "sub")
    assert project.texts == folder.resolve() / "sources" and project.tei == folder.resolve() / "editions"


def test_a_pyproject_without_a_teikit_table_is_not_a_project(folder):
    (folder / "pyproject.toml").write_text('[tool.other]\nx = 1\n')
    assert Project.load(start=folder / "sub").root == (folder / "sub").resolve()


def test_a_named_settings_file_is_the_root(folder, tmp_path):
    config = tmp_path / "elsewhere" / "teikit.toml"
    config.parent.mkdir()
    config.write_text('site = "public"\n')
    assert Project.load(config, start=folder).site == config.parent.resolve() / "public"
    with pytest.raises(UsageError, match="configuration file not found"):
        Project.load(tmp_path / "missing.toml")


def test_bad_toml_is_a_usage_error_naming_the_file(folder):
    (folder / "teikit.toml").write_text("texts = \n")
    with pytest.raises(UsageError) as caught:
        Project.load(start=folder)
    assert caught.value.diagnostic.file.endswith("teikit.toml") and "invalid TOML" in caught.value.diagnostic.message


def test_texts_are_listed_in_name_order_and_a_missing_folder_is_a_usage_error(folder):
    project = Project.load(start=folder)
    with pytest.raises(UsageError, match="no texts folder"):
        project.text_files()
    (folder / "texts").mkdir()
    for name in ("b.txt", "a.txt", "a.edits.toml"):
        (folder / "texts" / name).write_text("x")
    assert [p.name for p in project.text_files()] == ["a.txt", "b.txt"]


def test_authority_lists_command_line_then_settings_then_the_register(folder, tmp_path):
    (folder / "tei" / "authority").mkdir(parents=True)
    (folder / "authority").mkdir()
    (folder / "authority" / "proposed.xml").write_text("<TEI/>")  # generated: no list yet
    assert Project.load(start=folder).authority == ()
    (folder / "tei" / "authority" / "places.xml").write_text("<TEI/>")  # an older project's lists
    assert Project.load(start=folder).authority == (folder.resolve() / "tei" / "authority",)
    assert Project.load(start=folder).register == folder.resolve() / "authority"  # never written under tei/
    (folder / "authority" / "persons.xml").write_text("<TEI/>")
    assert Project.load(start=folder).authority == (folder.resolve() / "authority",
                                                    folder.resolve() / "tei" / "authority")
    (folder / "lists").mkdir()
    (folder / "teikit.toml").write_text('authority = ["lists"]\n')
    assert Project.load(start=folder).authority == (folder.resolve() / "lists",)
    given = tmp_path / "given.xml"
    given.write_text("<listPerson/>")
    assert Project.load(start=folder, authority=[given]).authority == (given,)


def test_a_missing_authority_list_is_a_usage_error_only_when_used(folder):
    (folder / "teikit.toml").write_text('authority = "nowhere"\n')
    project = Project.load(start=folder)  # (teikit validate never asks)
    with pytest.raises(UsageError, match="authority list not found"):
        project.authority


def test_schema_files_in_settings_are_relative_to_the_project_root(folder):
    (folder / "house.sch").write_text(HOUSE_RULES)
    (folder / "teikit.toml").write_text('schema = ["teikit", "house.sch"]\n')
    project = Project.load(start=folder / "sub")
    assert project.schema_names == ("teikit", "house.sch")
    assert [(r.kind, Path(r.path).name) for r in project.schemas] == [
        (XSD, "teikit.xsd"), (SCHEMATRON, "teikit.sch"), (SCHEMATRON, "house.sch")]


@pytest.mark.parametrize("setting, message", [
    ('schema = 3', "'schema' must be a schema name"),
    ('schema = []', "'schema' must be a schema name"),
    ('schema = "missing.sch"', "does not exist"),
])
def test_a_bad_schema_setting_is_a_usage_error(folder, setting, message):
    (folder / "teikit.toml").write_text(setting + "\n")
    with pytest.raises(UsageError, match=message):
        Project.load(start=folder).schemas


def test_schema_dir_is_the_nearest_schema_folder_with_teikit_xsd(folder):
    assert schema_dir_for(folder / "sub") is None
    (folder / "schema").mkdir()
    (folder / "schema" / "teikit.xsd").write_text("<x/>")
    assert schema_dir_for(folder / "sub") == "../schema"
    assert schema_dir_for(folder) == "schema"
