"""The document's outer shape: what it is called and which version it is."""

from pathlib import Path

from portability import document
from portability.document import FORMAT_VERSION, READABLE_VERSIONS

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_module_names_the_version_the_export_writes():
    assert f"(version {FORMAT_VERSION})" in document.__doc__


def test_the_readme_example_is_of_the_version_the_export_writes():
    assert f'"version": {FORMAT_VERSION},' in README.read_text()


def test_import_reads_every_version_up_to_the_one_it_writes():
    assert tuple(range(1, FORMAT_VERSION + 1)) == READABLE_VERSIONS
