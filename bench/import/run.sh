#!/usr/bin/env bash
# Absence import benchmark: `eenplan import absences` (validation, all-or-nothing transaction,
# rule evaluation, signals, tasks, audit) against the database's own bulk loader reading the same
# file into a bare table: `sqlite3 .import` for SQLite, `COPY` for PostgreSQL (a throw-away server
# from scripts/with-postgres). Medians of RUNS runs; peak RSS of eenplan from /usr/bin/time -v.
#
#   ROWS=5000000 RUNS=3 PUPILS=30000 bench/import/run.sh
#
# The CSV is for the pupils of the demo region's largest school (the import resolves pupil numbers
# within one school), canonical layout, school year 2026-2027. Ends with one line:
#   import_rows_per_s=<n> sqlite3_import_rows_per_s=<n> ratio=<x> peak_rss_mb=<x> pg_ratio_vs_copy=<x>
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${EENPLAN_PG_URL:-}" ]; then exec scripts/with-postgres bash "$0" "$@"; fi
BIN=${BIN:-build/eenplan}
ROWS=${ROWS:-5000000}
RUNS=${RUNS:-3}
PUPILS=${PUPILS:-30000}
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
WORK=$(mktemp -d /tmp/eenplan-bench-import.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
timed() { # OUT_FILE command…: wall seconds and peak RSS (KiB) of the command into OUT_FILE
  local out=$1
  shift
  /usr/bin/time -f "%e %M" -o "$out" "$@" >"$WORK/last.out" 2>"$WORK/last.err" ||
    { cat "$WORK/last.out" "$WORK/last.err" >&2; return 1; }
}

echo "demo region: $PUPILS pupils (SQLite)" >&2
"$BIN" demo --db "sqlite:$WORK/template.db" --seed 11 --pupils "$PUPILS" >/dev/null
sqlite3 "$WORK/template.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
read -r school_id brin <<<"$(sqlite3 -separator ' ' "$WORK/template.db" \
  "SELECT o.id, o.brin FROM pupils p JOIN organisations o ON o.id = p.enrolment_school_id
   GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT 1")"
coordinator=$(sqlite3 "$WORK/template.db" "SELECT u.username FROM users u JOIN memberships m ON m.user_id = u.id
  WHERE m.organisation_id = '$school_id' AND u.role = 'school_coordinator' ORDER BY u.username LIMIT 1")
sqlite3 "$WORK/template.db" "SELECT school_pupil_number FROM pupils WHERE enrolment_school_id = '$school_id'
  ORDER BY school_pupil_number" >"$WORK/numbers.txt"
echo "school $brin: $(wc -l <"$WORK/numbers.txt") pupils, coordinator $coordinator; generating $ROWS rows" >&2
node bench/import/generate-absences.mjs --rows "$ROWS" --numbers "$WORK/numbers.txt" --seed 1 >"$WORK/absences.csv"
echo "file: $(du -m "$WORK/absences.csv" | cut -f1) MB" >&2

BARE="CREATE TABLE bare (leerlingnummer TEXT, datum TEXT, lesuur INTEGER, soort TEXT, opmerking TEXT);"
for run in $(seq 1 "$RUNS"); do
  cp "$WORK/template.db" "$WORK/run.db"
  rm -f "$WORK/run.db-wal" "$WORK/run.db-shm"
  timed "$WORK/t" "$BIN" import absences "$WORK/absences.csv" --db "sqlite:$WORK/run.db" --school "$brin" --as "$coordinator"
  read -r seconds rss <"$WORK/t"
  echo "sqlite run $run: eenplan $seconds s, peak RSS $((rss / 1024)) MB: $(cat "$WORK/last.out")" >&2
  echo "$seconds" >>"$WORK/eenplan.s"
  echo "$rss" >>"$WORK/eenplan.rss"
  rm -f "$WORK/bare.db"
  sqlite3 "$WORK/bare.db" "$BARE"
  timed "$WORK/t" sqlite3 "$WORK/bare.db" ".import --csv --skip 1 $WORK/absences.csv bare"
  read -r seconds _ <"$WORK/t"
  echo "sqlite run $run: sqlite3 .import $seconds s" >&2
  echo "$seconds" >>"$WORK/sqlite3.s"
done
rm -f "$WORK/run.db" "$WORK/bare.db"

echo "demo region: $PUPILS pupils (PostgreSQL)" >&2
base=${EENPLAN_PG_URL%/*}
"${PSQL[@]}" "$EENPLAN_PG_URL" -c "CREATE DATABASE bench_template"
"$BIN" demo --db "$base/bench_template" --seed 11 --pupils "$PUPILS" >/dev/null
for run in $(seq 1 "$RUNS"); do
  "${PSQL[@]}" "$EENPLAN_PG_URL" -c "DROP DATABASE IF EXISTS bench_run" -c "CREATE DATABASE bench_run TEMPLATE bench_template"
  timed "$WORK/t" "$BIN" import absences "$WORK/absences.csv" --db "$base/bench_run" --school "$brin" --as "$coordinator"
  read -r seconds _ <"$WORK/t"
  echo "postgres run $run: eenplan $seconds s: $(cat "$WORK/last.out")" >&2
  echo "$seconds" >>"$WORK/pg-eenplan.s"
  "${PSQL[@]}" "$EENPLAN_PG_URL" -c "DROP DATABASE IF EXISTS bench_bare" -c "CREATE DATABASE bench_bare"
  "${PSQL[@]}" "$base/bench_bare" -c "$BARE"
  timed "$WORK/t" "${PSQL[@]}" "$base/bench_bare" -c "\\copy bare FROM '$WORK/absences.csv' WITH (FORMAT csv, HEADER true)"
  read -r seconds _ <"$WORK/t"
  echo "postgres run $run: COPY $seconds s" >&2
  echo "$seconds" >>"$WORK/pg-copy.s"
done

eenplan_s=$(median <"$WORK/eenplan.s")
sqlite3_s=$(median <"$WORK/sqlite3.s")
pg_eenplan_s=$(median <"$WORK/pg-eenplan.s")
pg_copy_s=$(median <"$WORK/pg-copy.s")
rss_kb=$(sort -g "$WORK/eenplan.rss" | tail -1)
echo "medians: eenplan $eenplan_s s, sqlite3 .import $sqlite3_s s, eenplan on PostgreSQL $pg_eenplan_s s, COPY $pg_copy_s s" >&2
awk -v rows="$ROWS" -v e="$eenplan_s" -v s="$sqlite3_s" -v pe="$pg_eenplan_s" -v pc="$pg_copy_s" -v rss="$rss_kb" 'BEGIN {
  printf "import_rows_per_s=%d sqlite3_import_rows_per_s=%d ratio=%.2f peak_rss_mb=%.0f pg_ratio_vs_copy=%.2f\n",
    rows / e, rows / s, s / e, rss / 1024, pc / pe }'
