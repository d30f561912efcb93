#!/bin/sh
# docker-entrypoint-initdb.d script of the services' PostgreSQL containers (docker-compose.yml): runs once, when a
# container initializes its empty data directory. Creates the service's own role (SERVICE_DB_USER, owner of the
# database) and, where RELAY_DB_USER is set, the outbox relay's role, from the SQL files the local stack runs too.
set -eu
sql=/etc/tasksandbox/postgres
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v database="$POSTGRES_DB" -v owner="$SERVICE_DB_USER" -v owner_password="$SERVICE_DB_PASSWORD" \
  -f "$sql/owner-role.sql"
if [ -n "${RELAY_DB_USER:-}" ]; then
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v relay="$RELAY_DB_USER" -v relay_password="$RELAY_DB_PASSWORD" \
    -f "$sql/relay-role.sql"
fi
