"""Plain helpers for the browser tests: log-in, page watching, page types, sizes."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from tests.factories import sign_in

ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "has_touch": True,
    "is_mobile": True,
}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Schemes that never leave the machine (Bootstrap draws some icons as data: URLs).
LOCAL_SCHEMES = {"data", "blob", "about"}

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}

SHARE_PATH = re.compile(r"/share/[A-Za-z0-9_-]{20,}/")

# Collects every Content-Security-Policy violation a page reports, in the page and,
# through a binding, in Python too: a page navigated away from keeps nothing.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  var text = event.violatedDirective + " blocked " + event.blockedURI;
  window.__cspViolations.push(text);
  if (window.__reportCspViolation) window.__reportCspViolation(text);
});
"""


def login(context, user, live_server):
    """Sign the browser context in as user, without going through the log-in form.

    As after typing the password: sensitive actions ask for nothing more.
    """
    client = sign_in(Client(), user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@dataclass
class PageWatch:
    """What the pages of one browser context did that nobody should see happen."""

    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[tuple[str, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def attach(self, context):
        context.on("request", self.on_request)
        context.on("console", self.on_console)
        context.on("weberror", self.on_web_error)
        context.expose_function("__reportCspViolation", self.on_csp_violation)
        context.add_init_script(CSP_LISTENER)

    def on_request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts.hostname not in LOCAL_HOSTS:
            self.foreign_requests.append(request.url)

    def on_console(self, message):
        if message.type == "error":
            self.console_errors.append((message.text, message.location.get("url", "")))

    def on_web_error(self, web_error):
        self.page_errors.append(str(web_error.error))

    def on_csp_violation(self, text):
        self.csp_violations.append(text)

    def problems(self, page, expected_not_found=False):
        """Everything wrong so far, as readable lines; CSP violations read from page."""
        lines = [f"request to another host: {url}" for url in self.foreign_requests]
        for text, url in self.console_errors:
            # The browser logs a 404 page's own status as an error; that one is meant.
            if expected_not_found and url == page.url and "404" in text:
                continue
            lines.append(f"console error: {text} ({url})")
        lines += [f"page error: {text}" for text in self.page_errors]
        in_page = page.evaluate("window.__cspViolations || []")
        for text in dict.fromkeys(self.csp_violations + in_page):
            lines.append(f"CSP violation: {text}")
        return lines


def wait_until(page, script: str, timeout_ms: int = 10_000) -> None:
    """Until the function ``script`` returns true in the page.

    page.wait_for_function compiles its predicate inside the page, which our
    Content-Security-Policy (no 'unsafe-eval') refuses; page.evaluate is not.
    """
    for _ in range(timeout_ms // 50):
        if page.evaluate(script):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {timeout_ms} ms: {script}")


def save_screenshot(page, name):
    folder = ARTIFACTS_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True, animations="disabled")


def submit_and_wait(page, button):
    """Click a submit button and wait until the answer page has loaded."""
    with page.expect_navigation():
        button.click()


def create_share_link(page, weeks="4", include_notes=True, expires_in_days="7"):
    """Make a therapist link on the sharing page; return its path, shown only once."""
    page.goto("/journal/sharing/")
    form = page.locator("form:has(select[name=weeks])")
    form.locator("select[name=weeks]").select_option(weeks)
    form.locator("input[name=include_notes]").set_checked(include_notes)
    form.locator("select[name=expires_in_days]").select_option(expires_in_days)
    submit_and_wait(page, form.locator("button[type=submit]"))
    found = SHARE_PATH.search(page.content())
    assert found, "The sharing page shows no /share/<token>/ link after making one."
    return found.group(0)


@dataclass(frozen=True)
class PageType:
    path: str
    is_signed_in: bool = False
    needs_guide: bool = False
    status: int = 200


# Every kind of page a person can meet. Paths not starting with "/" are made by the
# `visit_page_type` fixture (a form sent empty, a share link made on the spot).
PAGE_TYPES = {
    "landing": PageType("/"),
    "signup": PageType("/accounts/signup/"),
    "login": PageType("/accounts/login/"),
    "logged-out": PageType("/accounts/logged-out/"),
    "help": PageType("/help/"),
    "privacy": PageType("/privacy/"),
    "today": PageType("/journal/", is_signed_in=True),
    "history": PageType("/journal/entries/", is_signed_in=True),
    "history-by-named-skill": PageType(
        "/journal/entries/?technique=thought-record", is_signed_in=True
    ),
    "entry-form-errors": PageType("empty entry form sent", is_signed_in=True),
    "week": PageType("/journal/week/", is_signed_in=True),
    "progress": PageType("/journal/progress/", is_signed_in=True),
    "progress-with-card": PageType(
        "progress with robin's diary card", is_signed_in=True
    ),
    "settings": PageType("/accounts/settings/", is_signed_in=True),
    "two-factor": PageType("/accounts/two-factor/", is_signed_in=True),
    "sessions": PageType("/accounts/sessions/", is_signed_in=True),
    "reminders": PageType("/accounts/reminders/", is_signed_in=True),
    "rest-days": PageType("/journal/rest-days/", is_signed_in=True),
    "named-skills": PageType("/journal/skills/", is_signed_in=True),
    "exercises": PageType("/journal/exercises/", is_signed_in=True),
    "exercise": PageType("/journal/exercises/distress-tolerance/", is_signed_in=True),
    "exercise-errors": PageType("empty thought record sent", is_signed_in=True),
    "exercise-edit": PageType("a thought record's edit page", is_signed_in=True),
    "activity-plan": PageType(
        "/journal/exercises/behavioral-activation/", is_signed_in=True
    ),
    "plan-outcome": PageType("today's plan: how did it go?", is_signed_in=True),
    "therapy-sessions": PageType("/journal/sessions/", is_signed_in=True),
    "first-run-session": PageType("/journal/welcome/", is_signed_in=True),
    "first-run-reminder": PageType("/accounts/reminders/welcome/", is_signed_in=True),
    "first-run-country": PageType("/accounts/welcome/country/", is_signed_in=True),
    "since-last-session": PageType("/journal/sessions/next/", is_signed_in=True),
    "past-session": PageType("robin's last session", is_signed_in=True),
    "session-move": PageType("robin's next session, moved", is_signed_in=True),
    "confirm": PageType("/accounts/confirm/?next=/journal/", is_signed_in=True),
    "data": PageType("/accounts/import/", is_signed_in=True),
    "sharing": PageType("/journal/sharing/", is_signed_in=True),
    "share": PageType("new share link", is_signed_in=True),
    "guide-index": PageType("/guide/", needs_guide=True),
    "guide-article": PageType("/guide/how-therapy-helps-you-heal/", needs_guide=True),
    "guide-skill": PageType("/guide/distress-tolerance/", needs_guide=True),
    "guide-search": PageType("/guide/search/?q=anxiety", needs_guide=True),
    "not-found": PageType("/no-such-page/", status=404),
    "offline": PageType("/offline/"),
    "safety-plan": PageType("/journal/safety-plan/", is_signed_in=True),
    "practice-plan": PageType("robin's practice plan", is_signed_in=True),
    "practice-plan-form": PageType("/journal/practice-plan/new/", is_signed_in=True),
    "safety-plan-edit": PageType("/journal/safety-plan/edit/", is_signed_in=True),
    "help-with-plan": PageType("/help/", is_signed_in=True),
}

# Controls and navigation links a finger must hit: every one at least 44 px tall.
# Links inside running text (a sentence in <p>, a list item, a definition) are exempt,
# as WCAG 2.5.8 allows; navigation links in <nav> or the header never are.
UNDERSIZED_TARGETS = """
(minimum) => {
  const controls = "button, select, textarea, input, summary, .btn, .nav-link, " +
    ".navbar-toggler, .dropdown-item, .page-link, a[href]";
  const inText = "p, li, dd, dt, blockquote, figcaption";
  function isShown(element) {
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return false;
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
      return false;
    }
    const style = getComputedStyle(element);
    return style.clip !== "rect(0px, 0px, 0px, 0px)" && style.clipPath !== "inset(50%)";
  }
  function describe(element, height) {
    const text = (element.innerText || element.value || element.name || "").trim();
    return element.tagName.toLowerCase() +
      (element.className ? "." + String(element.className).trim().replace(/\\s+/g, ".") : "") +
      ' "' + text.slice(0, 40) + '" is ' + height.toFixed(1) + " px tall";
  }
  const found = [];
  for (const element of document.querySelectorAll(controls)) {
    if (element.matches("input[type=hidden], .btn-check")) continue;
    const isPlainLink = element.matches("a") &&
      !element.matches(".btn, .nav-link, .dropdown-item, .page-link");
    if (isPlainLink && element.closest(inText) && !element.closest("nav, .site-header")) {
      continue;
    }
    if (!isShown(element)) continue;
    let height = element.getBoundingClientRect().height;
    if (element.matches("input[type=checkbox], input[type=radio]")) {
      // A check box is tapped through its label as much as through the box.
      for (const label of element.labels) {
        height = Math.max(height, label.getBoundingClientRect().height);
      }
    }
    if (height + 0.5 < minimum) found.push(describe(element, height));
  }
  return found;
}
"""
