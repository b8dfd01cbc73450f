#!/usr/bin/env bash
# Smoke test of the container set, not part of CI (it needs a container engine and
# builds images): builds the image, checks `check --deploy` inside it, starts
# compose.yaml (db, cache, migrate, web, scheduler) with a throw-away .env, signs
# up, logs an entry, runs the periodic job once, backs up and restores into a
# scratch database, and stops and removes everything, volumes included.
#
#   scripts/smoke.sh
#
# Variables: CONTAINER (docker or podman; docker when its daemon answers), COMPOSE
# (default "docker compose" or podman-compose), SMOKE_PORT (18080),
# IMAGE_BUILD_ARGS (passed to `make image`), and, where the registry's images
# cannot be pulled, SMOKE_DEBIAN_IMAGE: a local Debian bookworm image from which
# stand-ins for postgres and redis are built (docker/stand-ins/).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CONTAINER:-}" ]; then
    if docker info >/dev/null 2>&1; then CONTAINER=docker; else CONTAINER=podman; fi
fi
if [ -z "${COMPOSE:-}" ]; then
    if [ "$CONTAINER" = docker ]; then COMPOSE="docker compose"; else COMPOSE=podman-compose; fi
fi
PORT=${SMOKE_PORT:-18080}
PROJECT=bs-smoke
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
APP_IMAGE=localhost/between-sessions:$VERSION
POSTGRES_IMAGE=${POSTGRES_IMAGE:-postgres:15-bookworm}
REDIS_IMAGE=${REDIS_IMAGE:-redis:7-bookworm}
WORK=$(mktemp -d)

say() { printf '\n== %s\n' "$*"; }
compose() { (cd "$WORK" && $COMPOSE -p "$PROJECT" "$@"); }
cleanup() {
    say "stop and remove everything"
    compose down -v >/dev/null 2>&1 || true
    rm -rf "$WORK"
    echo "removed"
}
trap cleanup EXIT

if [ -n "${SMOKE_DEBIAN_IMAGE:-}" ]; then
    say "stand-in images for postgres and redis, from $SMOKE_DEBIAN_IMAGE"
    POSTGRES_IMAGE=localhost/between-sessions-standin/postgres:15
    REDIS_IMAGE=localhost/between-sessions-standin/redis:7
    for name in postgres redis; do
        image=$([ $name = postgres ] && echo "$POSTGRES_IMAGE" || echo "$REDIS_IMAGE")
        $CONTAINER build --quiet ${SMOKE_BUILD_NETWORK:+--network "$SMOKE_BUILD_NETWORK"} \
            --build-arg DEBIAN_IMAGE="$SMOKE_DEBIAN_IMAGE" -t "$image" \
            -f docker/stand-ins/$name.Containerfile docker/stand-ins >/dev/null
        echo "$image"
    done
fi

say "build the image"
make --no-print-directory image CONTAINER="$CONTAINER" IMAGE="$APP_IMAGE" \
    IMAGE_BUILD_ARGS="${IMAGE_BUILD_ARGS:-}" | tail -n 1
$CONTAINER run --rm "$APP_IMAGE" sh -c 'echo "runs as $(id -un) (uid $(id -u)); no .env inside: $(ls -a /app | grep -c "^\.env$")"'

# The real deployment's settings (secrets made here, never kept), and the same with
# the "trying it on http://localhost" block that this test serves.
python3 - "$WORK" "$PORT" "$APP_IMAGE" "$POSTGRES_IMAGE" "$REDIS_IMAGE" <<'PY'
import base64, os, secrets, sys
work, port, app, postgres, redis = sys.argv[1:]
real = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    "POSTGRES_PASSWORD": secrets.token_hex(16),
    "BETWEEN_SESSIONS_IMAGE": app,
    "POSTGRES_IMAGE": postgres,
    "REDIS_IMAGE": redis,
    "WEB_PORT": f"127.0.0.1:{port}",
}
localhost = {
    **real,
    "DJANGO_ALLOWED_HOSTS": "localhost",
    "DJANGO_SITE_URL": f"http://localhost:{port}",
    "DJANGO_EMAIL_BACKEND": "none",
    "DJANGO_TRUST_PROXY": "0",
}
def write(name, values, uncomment=()):
    lines = []
    for line in open(".env.example").read().splitlines():
        key = line.lstrip("# ").partition("=")[0]
        if line.startswith("# ") and key in uncomment:
            line = line[2:]
        elif not line.startswith("#") and key in values:
            line = f"{key}={values[key]}"
        lines.append(line)
    open(os.path.join(work, name), "w").write("\n".join(lines) + "\n")
write("real.env", real)
write(".env", localhost, uncomment={"DJANGO_SECURE_SSL_REDIRECT", "DJANGO_SECURE_COOKIES"})
PY
cp compose.yaml "$WORK/"

say "check --deploy in the image, with the real deployment's settings"
$CONTAINER run --rm --env-file "$WORK/real.env" -e DATABASE_URL=postgres://u:p@db/x \
    -e DJANGO_CACHE_URL=redis://cache:6379/0 "$APP_IMAGE" \
    python manage.py check --deploy --fail-level WARNING
say "check --deploy with the http://localhost block (expected: those two warnings)"
$CONTAINER run --rm --env-file "$WORK/.env" -e DATABASE_URL=postgres://u:p@db/x \
    -e DJANGO_CACHE_URL=redis://cache:6379/0 "$APP_IMAGE" \
    python manage.py check --deploy 2>&1 | grep -E "^System check|W0|issues" || true

say "compose up"
case "$COMPOSE" in
*podman-compose* | "podman compose")
    # podman-compose on podman older than 4.6 ignores `condition: service_healthy`
    # and `service_completed_successfully`, so the set comes up in compose.yaml's
    # order by hand: db and cache until healthy, migrate to its end, then the rest.
    compose up -d --no-deps db cache
    for _ in $(seq 1 90); do
        $CONTAINER healthcheck run "${PROJECT}_db_1" >/dev/null 2>&1 &&
            $CONTAINER healthcheck run "${PROJECT}_cache_1" >/dev/null 2>&1 && break
        sleep 1
    done
    echo "db: $($CONTAINER healthcheck run "${PROJECT}_db_1" >/dev/null 2>&1 && echo healthy || echo NOT healthy)," \
        "cache: $($CONTAINER healthcheck run "${PROJECT}_cache_1" >/dev/null 2>&1 && echo healthy || echo NOT healthy)"
    compose up -d --no-deps migrate
    status=$($CONTAINER wait "${PROJECT}_migrate_1")
    echo "migrate exited with $status"
    if [ "$status" != 0 ]; then
        compose logs migrate | tail -n 20
        exit 1
    fi
    compose up -d --no-deps web scheduler
    ;;
*)
    # Docker Compose honours the health conditions in compose.yaml.
    compose up -d
    ;;
esac
for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 1
done
echo "/healthz: $(curl -fsS "http://127.0.0.1:$PORT/healthz")"
echo "/readyz, asked by address:"
curl -sS -w '  (HTTP %{http_code})\n' "http://127.0.0.1:$PORT/readyz" | sed 's/^/  /'
echo "migrate service: $(compose logs migrate 2>/dev/null | grep -m1 "accepts connections" || true) $(compose logs migrate 2>/dev/null | grep -cE 'Applying|Created|Updated|loaded' || true) lines of work, then it exited"
if [ "$CONTAINER" = podman ]; then
    $CONTAINER healthcheck run "${PROJECT}_web_1" && echo "web HEALTHCHECK: healthy"
else
    sleep 35
    echo "web HEALTHCHECK: $($CONTAINER inspect --format '{{.State.Health.Status}}' "$(compose ps -q web)")"
fi
echo "published ports: $($CONTAINER ps --format '{{.Names}} {{.Ports}}' | grep "^${PROJECT}" | sort | tr '\n' ';')"

say "sign up, log an entry, find it on Today"
python3 scripts/smoke_visit.py "http://localhost:$PORT"

say "the scheduler, once by hand (its loop runs every minute too)"
compose exec -T scheduler python manage.py run_periodic

say "back up, then restore into a scratch database"
compose exec -T web python manage.py backup /srv/backups/smoke.backup
compose exec -T db createdb -U between_sessions scratch
POSTGRES_PASSWORD=$(sed -n 's/^POSTGRES_PASSWORD=//p' "$WORK/.env")
compose exec -T -e DATABASE_URL="postgres://between_sessions:$POSTGRES_PASSWORD@db:5432/scratch" \
    web python manage.py restore /srv/backups/smoke.backup
compose exec -T -e DATABASE_URL="postgres://between_sessions:$POSTGRES_PASSWORD@db:5432/scratch" \
    web python manage.py reencrypt --dry-run

say "smoke test passed"
