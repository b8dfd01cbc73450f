"""The apps depend one way: core <- accounts <- safety <- journal | guide <- sharing |
portability | reminders.

The contract lives in pyproject.toml ([tool.importlinter]) and is checked by
import-linter, which reads every module's imports without running them.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib
from django.apps import apps

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _contract() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["tool"]["importlinter"]


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_imports_follow_the_direction_of_the_apps():
    result = _lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr


def test_every_app_of_ours_is_in_the_contract():
    # Ours: the apps whose folder sits at the top of the repository.
    ours = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT
    }
    layered = {
        name.strip()
        for layer in _contract()["contracts"][0]["layers"]
        for name in layer.split("|")
    }

    assert ours == set(_contract()["root_packages"]) == layered


@pytest.mark.parametrize(
    ("module", "forbidden_import"),
    [
        ("core/backwards.py", "import accounts.models"),
        ("accounts/backwards.py", "from journal import stats"),
        ("journal/sideways.py", "from guide.models import Article"),
        ("guide/sideways.py", "import journal.reports"),
        ("journal/backwards.py", "import sharing.models"),
        ("safety/backwards.py", "import journal.models"),
        ("safety/backwards_too.py", "from guide import apps"),
        ("accounts/backwards_too.py", "import safety.apps"),
        ("journal/backwards_too.py", "from portability import apps"),
        ("sharing/sideways.py", "import portability.apps"),
        ("portability/sideways.py", "from sharing import apps"),
        ("reminders/sideways.py", "import sharing.apps"),
    ],
)
def test_an_import_against_the_direction_is_caught(tmp_path, module, forbidden_import):
    for package in _contract()["root_packages"]:
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "content", "migrations"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / module).write_text(forbidden_import + "\n")

    result = _lint_imports(tmp_path)

    assert result.returncode != 0
    assert "BROKEN" in result.stdout
