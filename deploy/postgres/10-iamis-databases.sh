#!/bin/sh
# Runs once, when the PostgreSQL container first initialises its data volume: one database per service,
# all owned by the application role (not the superuser). Each service only ever connects to its own.
set -eu
: "${IAMIS_DB_USER:?IAMIS_DB_USER must be set}"
: "${IAMIS_DB_PASSWORD:?IAMIS_DB_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v app_user="$IAMIS_DB_USER" -v app_password="$IAMIS_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
SQL

for database in identity marks sampling evidence reports moderation; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
         -v app_user="$IAMIS_DB_USER" -v database="$database" <<'SQL'
CREATE DATABASE :"database" OWNER :"app_user";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
done
