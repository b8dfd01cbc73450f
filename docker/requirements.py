"""Print requirement lines from pyproject.toml, for the image's build stage.

python docker/requirements.py [EXTRA ...]   the dependencies, plus those extras
python docker/requirements.py --build-tools the build stage's own tools (polib,
                                            from the dev extra), never shipped
"""

import re
import sys
from pathlib import Path

import tomllib

BUILD_TOOLS = {"polib"}


def main(arguments: list[str]) -> None:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text())["project"]
    extras = project["optional-dependencies"]
    if arguments == ["--build-tools"]:
        lines = [line for line in extras["dev"] if _name(line) in BUILD_TOOLS]
    else:
        lines = list(project["dependencies"])
        for extra in arguments:
            lines += extras[extra]
    print("\n".join(lines))


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower()


if __name__ == "__main__":
    main(sys.argv[1:])
