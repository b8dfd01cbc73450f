"""The page benchmark's targets (issue #19) and its report: a table and what missed."""

import statistics

TARGETS = {
    "Today": 0.3,
    "week": 0.3,
    "history": 0.3,
    "entry form": 0.3,
    "share page": 0.3,
    "progress": 0.25,
    "guide page": 0.5,
    # Issue #32: the plan and the help page that shows it, like the other pages of one
    # person's rows (a handful of encrypted lists: no history behind them).
    "safety plan": 0.3,
    "help with a plan": 0.3,
    # Issues #33–35: the person's own card, its check-in, named skills and the
    # practice plan, the same target as every page of one person's rows.
    "diary card": 0.3,
    "check-in": 0.3,
    "named skills": 0.3,
    "practice plan": 0.3,
}
P99_TARGET_MS = 50
ONE_WEEK_TOLERANCE = 0.20
FIRST_VISIT_BYTES = 80 * 1024
FIRST_VISIT_REQUESTS = 12


def make_report(args, results, queries, weight, pages) -> tuple[str, bool]:
    ceilings = [result["ceiling"] for result in results.values()]
    ceiling = statistics.median(ceilings)
    workers = args.workers or "config default"
    lines = [
        f"Pages: {args.users} people with 3 years, {args.new_users} with 1 week; "
        f"gunicorn workers: {workers}; {args.rounds} rounds of {args.seconds} s "
        "per page and person, between two measurements of the ceiling "
        f"(median ceiling {ceiling:.0f} requests/s). Figures are the rounds' "
        "medians; each ratio is to the mean of the ceiling just before and just "
        "after the page; p99 worst "
        "is the slowest round's; 3 years ÷ 1 week compares the two people's times "
        "measured back to back.",
        "",
        "| page | req/s (16) | × ceiling | target | p50 ms (4) | p99 ms (4) "
        "| p99 worst | errors | queries | 1 week × ceiling | 3 years ÷ 1 week "
        "| 1 week queries | KB (gzip) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    failures = []
    for name, _path in pages:
        three = results[(name, "3 years")]
        ratio = three["ratio"]
        target = TARGETS.get(name)
        week = results.get((name, "1 week"))
        q3 = queries[(name, "3 years")]
        q1 = queries.get((name, "1 week"))
        if target and ratio < target:
            failures.append(f"{name}: {ratio:.2f}× the ceiling (target {target}×)")
        if three["p99"] is None or three["p99"] >= P99_TARGET_MS:
            failures.append(f"{name}: p99 {three['p99']} ms at 4 connections")
        if three["errors"]:
            failures.append(f"{name}: {three['errors']} errors")
        if week:
            if week["errors"]:
                failures.append(f"{name} (1 week): {week['errors']} errors")
            if q1["queries"] != q3["queries"]:
                failures.append(
                    f"{name}: {q3['queries']} queries for 3 years, "
                    f"{q1['queries']} for 1 week"
                )
            if week["time_against_three_years"] > 1 + ONE_WEEK_TOLERANCE:
                failures.append(
                    f"{name}: 3 years takes {week['time_against_three_years']:.2f}× "
                    "the time of 1 week"
                )
        first = (
            f"| {name} | {three['rate']:.0f} | {ratio:.2f} | "
            f"{f'≥ {target}' if target else '—'} | {three['p50']:.1f} | "
            f"{three['p99']:.1f} | {three['p99_worst']:.1f} | {three['errors']} | "
            f"{q3['queries']} | "
        )
        if week:
            lines.append(
                f"{first}{week['ratio']:.2f} | "
                f"{week['time_against_three_years']:.2f} | {q1['queries']} | "
            )
        else:
            lines.append(f"{first}— | — | — | ")
        lines[-1] += f"{q3['gzip'] / 1024:.1f} |"
    if weight:
        lines += [
            "",
            f"First visit to Today: {weight['requests']} requests, "
            f"{weight['bytes'] / 1024:.1f} KB transferred (compressed).",
        ]
        if weight["requests"] > FIRST_VISIT_REQUESTS:
            failures.append(f"first visit: {weight['requests']} requests")
        if weight["bytes"] > FIRST_VISIT_BYTES:
            failures.append(f"first visit: {weight['bytes']} bytes")
    lines += ["", "All targets met." if not failures else "Missed:"]
    lines += [f"- {failure}" for failure in failures]
    return "\n".join(lines), not failures
