"""Screenshots of every design component, light and dark, for docs/design.md.

Run with `make screenshots`: it builds a throw-away SQLite database with the demo
account, serves the app on a local port, and photographs each component with
Debian's Chromium. The test suite never writes here, so CI leaves the tree clean.
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# (file name, page, CSS selector of the component, viewport)
COMPONENTS = [
    ("header", "/journal/", ".site-header", PHONE),
    ("skill-chips", "/journal/", ".skill-field", PHONE),
    ("rating-scale", "/journal/", ".scale-field", PHONE),
    ("entry-card", "/journal/", ".entry-card", PHONE),
    ("star-button", "/journal/", ".entry-actions", PHONE),
    ("day-strip", "/journal/", ".day-strip", PHONE),
    ("plan", "/journal/", ".plan-item", PHONE),
    ("diary-card", "/journal/week/", "section:has(#card-heading)", PHONE),
    ("distress-cards", "/journal/week/", "section:has(#distress-heading)", PHONE),
    ("week-summary", "/journal/week/", "section:has(#summary-heading)", PHONE),
    (
        "exercise-answers",
        "/journal/entries/?skill=cognitive-restructuring",
        ".entry-card",
        PHONE,
    ),
    (
        "exercise-step",
        "/journal/exercises/cognitive-restructuring/",
        "form[data-steps]",
        PHONE,
    ),
    # On a phone the choices wait on step 2; a wider window shows every step.
    (
        "exercise-choices",
        "/journal/exercises/distress-tolerance/",
        ".choice-group",
        {"width": 800, "height": 900},
    ),
    ("talk-list", "/journal/sessions/next/", "section:has(#talk-heading)", PHONE),
    ("progress-chart", "/journal/progress/", ".chart-fit", PHONE),
    ("year-calendar", "/journal/progress/", "section:has(#calendar-heading)", PHONE),
    ("progress-desktop", "/journal/progress/", "main", DESKTOP),
    ("strength-bars", "/journal/progress/", "section:has(#strength-heading)", DESKTOP),
    ("help-cards", "/help/", ".help-options", PHONE),
    ("first-run", "/journal/welcome/", "main", PHONE),
    ("next-session", "/journal/sessions/", "section:has(#next-heading)", PHONE),
    ("reminder-days", "/accounts/reminders/", "main", PHONE),
    # Issue 31, one voice: the history filters (open while one is in use), an
    # entry's star and "⋯" menu, and a checked radio in our colours.
    (
        "history-filters",
        "/journal/entries/?skill=communication",
        ".filters-fold",
        PHONE,
    ),
    ("entry-actions", "/journal/entries/", ".entry-actions", PHONE),
    ("form-controls", "/journal/sharing/", "main form:has(.form-check)", PHONE),
]


def run(*args, env):
    # Our own interpreter and manage.py, with fixed arguments: nothing untrusted.
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True
    )


def main():
    # ``make_screenshots.py FOLDER`` writes elsewhere (docs/design.md's "before"
    # pictures are made by running this file against an older checkout).
    out = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{folder}/screenshots.sqlite3",
        }
        run("migrate", "--noinput", "-v0", env=env)
        run("load_guide", env=env)
        run("seed_demo", env=env)
        server = subprocess.Popen(  # noqa: S603 - our manage.py, fixed arguments
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                f"127.0.0.1:{PORT}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_server()
            photograph(out)
        finally:
            server.terminate()
            server.wait(timeout=10)


def wait_for_server():
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1)  # noqa: S310 - local
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("The development server did not start.")


def photograph(out: Path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        for scheme in ("light", "dark"):
            context = browser.new_context(
                base_url=BASE,
                viewport=PHONE,
                color_scheme=scheme,
                reduced_motion="reduce",
            )
            page = context.new_page()
            page.goto("/accounts/login/")
            page.fill("input[name=username]", "demo")
            page.fill("input[name=password]", "demo-practice-journal")
            with page.expect_navigation():
                page.click("main button[type=submit]")
            for name, path, selector, viewport in COMPONENTS:
                page.set_viewport_size(viewport)
                response = page.goto(path)
                found = page.locator(selector).first
                if not response.ok or not found.count() or not found.is_visible():
                    # An older checkout may not have the component yet.
                    print(f"{name}: not on {path}, skipped")
                    continue
                found.screenshot(
                    path=out / f"{name}-{scheme}.png", animations="disabled"
                )
                print(out / f"{name}-{scheme}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
