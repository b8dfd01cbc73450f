"""Load from wrk for benchmarks/pages.py: one measurement, one round, their summary."""

import os
import re
import shutil
import statistics
import subprocess
import tempfile

from benchmarks.serving import settle

WRK_SCRIPT = """
local people = {%(people)s}
local counter = 0
request = function()
  counter = counter + 1
  local person = people[(counter %% #people) + 1]
  local headers = {}
  if person[2] ~= "" then headers["Cookie"] = "sessionid=" .. person[2] end
  return wrk.format("GET", person[1], headers)
end
"""

LATENCY_LINE = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port, path_template, people, *, signed_out, connections, seconds):
    settle(port)  # nothing left over from the last load
    lines = []
    for person in people:
        path = person.path(path_template)
        key = "" if signed_out else person.session_key
        lines.append(f'{{"{path}", "{key}"}}')
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"people": ", ".join(lines)})
    try:
        output = subprocess.run(  # noqa: S603 - our own command line
            [
                shutil.which("wrk"),
                f"-t{min(2, connections)}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--latency",
                "-s",
                script.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        int(p): float(value) * UNITS[unit]
        for p, value, unit in LATENCY_LINE.findall(output)
    }
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: (.*)"):
        match = re.search(pattern, output)
        if match:
            errors += sum(int(n) for n in re.findall(r"\d+", match.group(1)))
    return {
        "rate": rate,
        "p50": latency.get(50),
        "p99": latency.get(99),
        "errors": errors,
    }


def measure_round(port, path, people_by_kind, *, ceiling, seconds, signed_out):
    """One round of a page: (ceiling, 16 connections, 4 connections) per kind.

    A shared machine drifts over seconds: the page's rate is compared with the
    ceiling's just before and just after it (their mean), and the two people's pages
    are measured one right after the other.
    """
    ceiling_path, ceiling_people = ceiling

    def ceiling_now():
        return wrk(
            port,
            ceiling_path,
            ceiling_people,
            connections=16,
            seconds=seconds,
            signed_out=False,
        )

    def load(kind, connections):
        return wrk(
            port,
            path,
            people_by_kind[kind],
            connections=connections,
            seconds=seconds,
            signed_out=signed_out,
        )

    before = ceiling_now()
    busy = {kind: load(kind, 16) for kind in people_by_kind}
    after = ceiling_now()
    beside = {"rate": (before["rate"] + after["rate"]) / 2}
    return {kind: (beside, busy[kind], load(kind, 4)) for kind in people_by_kind}


def summarise(rounds) -> dict:
    """A page's rounds (ceiling beside, 16 connections, 4 connections) as medians.

    Each ratio is to the ceiling measured around it; p99 is the median of the
    rounds' (a round the machine was busy elsewhere shows as ``p99_worst``).
    """
    median = statistics.median
    return {
        "rate": median(busy["rate"] for _, busy, _ in rounds),
        "ceiling": median(beside["rate"] for beside, _, _ in rounds),
        "ratio": median(busy["rate"] / beside["rate"] for beside, busy, _ in rounds),
        "p50": median(calm["p50"] for _, _, calm in rounds),
        "p99": median(calm["p99"] for _, _, calm in rounds),
        "p99_worst": max(calm["p99"] for _, _, calm in rounds),
        "errors": sum(busy["errors"] + calm["errors"] for _, busy, calm in rounds),
    }
