#!/usr/bin/env bash
# Backup round trip on PostgreSQL: demo content -> pages -> backup -> drop the database and the
# media -> restore -> the same pages, byte for byte, and the same media files.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/linkj_roundtrip scripts/backup_roundtrip.sh
#
# The database named in DATABASE_URL is DROPPED and recreated: give it one of its own.
# Exits non-zero, showing the differences, when anything differs.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/linkj_roundtrip}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "backup_roundtrip.sh needs a PostgreSQL DATABASE_URL" >&2; exit 2 ;;
esac
# dropdb and createdb read the connection from libpq's variables.
eval "$("$PY" - <<'PYTHON'
import os, shlex
from urllib.parse import unquote, urlsplit
url = urlsplit(os.environ["DATABASE_URL"])
values = {"PGHOST": url.hostname or "", "PGPORT": url.port or "", "PGUSER": unquote(url.username or ""),
          "PGPASSWORD": unquote(url.password or ""), "DBNAME": unquote(url.path.lstrip("/"))}
print("\n".join(f"export {key}={shlex.quote(str(value))}" for key, value in values.items() if value))
PYTHON
)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Development settings serve /media/ too; every fetch runs in a fresh process with an empty
# local-memory cache, so the pages after the restore come from the restored database.
export DJANGO_SETTINGS_MODULE=linkj.settings.dev MEDIA_ROOT="$work/media"
unset REDIS_URL

step() { printf '\n--- %s\n' "$*"; }
fresh_database() { dropdb --if-exists "$DBNAME"; createdb "$DBNAME"; }
media_checksums() { (cd "$MEDIA_ROOT" 2>/dev/null && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) || true; }

step "Fresh database $DBNAME with the demo content"
fresh_database
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py load_demo | tail -n 1
"$PY" scripts/snapshot_pages.py "$work/before" 2>/dev/null | tr '\n' ' '; echo
media_checksums > "$work/media-before.sha256"

step "Backup"
"$PY" manage.py backup --output "$work/backup.tar"

step "Drop the database and the media, restore"
fresh_database
rm -rf "$MEDIA_ROOT"
"$PY" manage.py restore "$work/backup.tar"
media_checksums > "$work/media-after.sha256"
"$PY" scripts/snapshot_pages.py "$work/after" 2>/dev/null | tr '\n' ' '; echo

step "Compare"
status=0
diff -u "$work/media-before.sha256" "$work/media-after.sha256" || status=1
diff -ru "$work/before" "$work/after" || status=1
pages=$(find "$work/before" -type f | wc -l)
files=$(wc -l < "$work/media-before.sha256")
if [ "$status" -ne 0 ]; then
  echo "Round trip FAILED: the restored site differs (above)." >&2
  exit 1
fi
# Identical 404s would prove nothing: every page must have answered 200.
not_ok=$(grep -L "^200 " "$work/after"/* || true)
if [ -n "$not_ok" ]; then
  echo "Round trip FAILED: pages that did not answer 200:" >&2
  for page in $not_ok; do head -n 2 "$page" >&2; done
  exit 1
fi
dropdb "$DBNAME"
echo "Round trip OK: $pages pages identical, $files media files identical."
