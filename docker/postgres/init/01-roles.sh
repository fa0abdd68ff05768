#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory
# (/docker-entrypoint-initdb.d). Creates the hub's two roles and its database:
#   hub_owner  owns database `hub` and everything in it; `npm run migrate` connects as it.
#   hub_api    the API's login: no DDL, no role or database creation. The migrations grant it
#              exactly the table privileges it needs (the audit table: insert and select only).
# Passwords come from the container environment (docker/.env); psql quotes them (:'var').
set -Eeo pipefail

: "${HUB_OWNER_PASSWORD:?HUB_OWNER_PASSWORD must be set (docker/.env)}"
: "${HUB_API_PASSWORD:?HUB_API_PASSWORD must be set (docker/.env)}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v owner_password="$HUB_OWNER_PASSWORD" \
  -v api_password="$HUB_API_PASSWORD" <<'SQL'
CREATE ROLE hub_owner LOGIN PASSWORD :'owner_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE ROLE hub_api LOGIN PASSWORD :'api_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;

CREATE DATABASE hub OWNER hub_owner;
REVOKE ALL ON DATABASE hub FROM PUBLIC;
GRANT CONNECT ON DATABASE hub TO hub_api;
SQL

# Inside `hub`: only the owner may create objects (PostgreSQL 15 already revokes CREATE on
# schema public from PUBLIC; stated here so an older server behaves the same).
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname hub <<'SQL'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO hub_owner;
GRANT USAGE ON SCHEMA public TO hub_api;
SQL
