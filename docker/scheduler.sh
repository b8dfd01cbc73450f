#!/bin/sh
# The scheduler container: the site's periodic work at the start of every minute,
# for ever. A failed run is logged by run_periodic and the next minute tries again;
# `docker compose stop` ends the loop at once.
set -u
trap 'exit 0' TERM INT
while true; do
    python manage.py run_periodic || echo "run_periodic exited $?; next run in a minute" >&2
    seconds=$(date +%S | sed 's/^0//')
    sleep $((60 - ${seconds:-0})) &
    wait $!
done
