"""The promises of Dockerfile and compose.yaml that a careless edit could break:
nothing of the database or cache published, images as variables, migrations only
in the one-shot service, a non-root image with no secret in it, a liveness check.
(scripts/smoke.sh runs them for real; it is not part of CI.)"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE = (ROOT / "compose.yaml").read_text()


def service(name: str) -> str:
    """The text of one service in compose.yaml (services are indented two spaces)."""
    services = COMPOSE.split("\nservices:\n", 1)[1].split("\n\n" + "networks:", 1)[0]
    blocks = re.split(r"\n(?=  [a-z]+:\n)", "\n" + services)
    for block in blocks:
        if block.startswith(f"  {name}:\n"):
            return block
    raise AssertionError(f"no service {name} in compose.yaml")


def anchor() -> str:
    return COMPOSE.split("x-app: &app", 1)[1].split("\nservices:", 1)[0]


def test_the_database_and_the_cache_publish_no_port():
    assert "ports:" not in service("db")
    assert "ports:" not in service("cache")
    assert "127.0.0.1:8000" in service("web")


def test_every_image_is_a_variable():
    images = re.findall(r"image: (.+)", COMPOSE)

    assert len(images) == 3
    assert all(image.startswith("${") for image in images)


def test_only_the_one_shot_service_migrates():
    assert "manage.py migrate" in service("migrate")
    assert 'restart: "no"' in service("migrate")
    for name in ("web", "scheduler"):
        assert "migrate --" not in service(name)
        assert "condition: service_completed_successfully" in service(name)
    assert "migrate" not in DOCKERFILE.split("\nCMD ", 1)[1]


def test_the_one_shot_service_waits_for_the_database_itself():
    # Whatever the compose tool does with `condition: service_healthy` (podman-compose
    # on podman < 4.6 ignores it), migrate first waits for PostgreSQL to answer.
    command = service("migrate")

    assert "condition: service_healthy" in command
    assert command.index("manage.py wait_for_database") < command.index(
        "manage.py migrate"
    )


def test_the_scheduler_runs_the_periodic_work_every_minute():
    loop = (ROOT / "docker" / "scheduler.sh").read_text()

    assert "docker/scheduler.sh" in service("scheduler")
    assert "manage.py run_periodic" in loop
    assert "sleep $((60 -" in loop


def test_the_image_runs_as_a_user_other_than_root():
    (user,) = re.findall(r"^USER (\S+)", DOCKERFILE, flags=re.MULTILINE)

    assert user not in ("root", "0")


def test_the_image_checks_liveness_on_healthz():
    (check,) = re.findall(r"^HEALTHCHECK .*(?:\n    .*)*", DOCKERFILE, re.MULTILINE)

    assert "/healthz" in check and "/readyz" not in check


def test_no_secret_is_built_into_the_image():
    settings_in_env = re.findall(r"^ENV [^\n]*(?:\\\n[^\n]*)*", DOCKERFILE, re.M)
    ignored = (ROOT / ".dockerignore").read_text().splitlines()

    for secret in ("SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "PASSWORD", "DSN"):
        assert not any(secret in block for block in settings_in_env)
    assert ".env" in ignored
    assert "COPY .env" not in DOCKERFILE


def test_the_application_settings_reach_every_app_service():
    assert "env_file: .env" in anchor()
    for name in ("migrate", "web", "scheduler"):
        assert "<<: *app" in service(name)
