#!/usr/bin/env bash
# "Mijn taken" and a provision's overview for a coordinator with many pupils in trajectories:
# server-side latency from the server's own access log (microseconds per request, measured inside
# the server from request to response), over REQUESTS sequential requests each after WARMUP.
#
#   PUPILS=3000 TRAJECTORY_PUPILS=520 REQUESTS=400 bench/tasks/run.sh
#
# The demo region (SQLite) is made big enough here, for the benchmark only: TRAJECTORY_PUPILS
# more active maatwerk arrangements (copies of a demo arrangement, with an evaluation each, about a
# third overdue) for pupils of the schools an SWV consultant is linked to, coordinated by that
# consultant, on top of the demo's own. Ends with one line:
#   tasks_p50_ms=<x> tasks_p99_ms=<x> provision_p99_ms=<x>
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-build/eenplan}
PUPILS=${PUPILS:-3000}
TRAJECTORY_PUPILS=${TRAJECTORY_PUPILS:-520}
REQUESTS=${REQUESTS:-400}
WARMUP=${WARMUP:-20}
PORT=${PORT:-20089}
WORK=$(mktemp -d /tmp/eenplan-bench-tasks.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
DB="$WORK/bench.db"

echo "demo region: $PUPILS pupils (SQLite)" >&2
"$BIN" demo --db "sqlite:$DB" --seed 7 --pupils "$PUPILS" --accounts-out "$WORK/accounts.json" >/dev/null
consultant_id=$(sqlite3 "$DB" "SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id AND m.relation = 'linked'
  WHERE u.role = 'swv_consultant' GROUP BY u.id ORDER BY COUNT(*) DESC, u.username LIMIT 1")
username=$(sqlite3 "$DB" "SELECT username FROM users WHERE id = '$consultant_id'")
password=$(node -e "const a=require('$WORK/accounts.json');console.log(a.find(x=>x.username==='$username').password)")
sqlite3 "$DB" <<SQL
PRAGMA foreign_keys = ON;
CREATE TEMP TABLE extra AS
  SELECT p.id AS pupil_id, p.enrolment_school_id AS school_id, COALESCE(p.home_school_id, p.enrolment_school_id) AS home_id,
         lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' ||
               substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) AS id
  FROM pupils p
  WHERE p.enrolment_school_id IN (SELECT organisation_id FROM memberships WHERE user_id = '$consultant_id' AND relation = 'linked')
    AND p.id NOT IN (SELECT pupil_id FROM arrangements)
  ORDER BY p.id LIMIT $TRAJECTORY_PUPILS;
INSERT INTO arrangements (id, route, template_code, pupil_id, provision_id, enrolling_school_id, home_school_id,
  coordinator_id, phase_model_id, start_date, end_date, status, opp_id, cadence_unit, cadence_every, body, version,
  created_by, created_at, updated_at)
SELECT e.id, 'tailored', t.template_code, e.pupil_id, NULL, e.school_id, e.home_id, '$consultant_id', t.phase_model_id,
       t.start_date, t.end_date, 'active', '', t.cadence_unit, t.cadence_every, t.body, 1, '$consultant_id', t.created_at,
       t.updated_at
FROM extra e, (SELECT * FROM arrangements WHERE status = 'active' AND route = 'tailored' ORDER BY id LIMIT 1) t;
SQL
echo "coordinator $username: $(sqlite3 "$DB" "SELECT COUNT(DISTINCT pupil_id) FROM arrangements WHERE coordinator_id = '$consultant_id' AND status = 'active'") pupils in active arrangements" >&2
provision_id=$(sqlite3 "$DB" "SELECT provision_id FROM arrangements WHERE provision_id IS NOT NULL GROUP BY provision_id ORDER BY COUNT(*) DESC LIMIT 1")

"$BIN" serve --db "sqlite:$DB" --port "$PORT" --web-root web/dist >"$WORK/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

curl -fs -c "$WORK/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$username\",\"password\":\"$password\"}" "http://127.0.0.1:$PORT/api/v1/session" >/dev/null
hit() { # path count
  for _ in $(seq "$2"); do curl -fs -b "$WORK/cookies" -o /dev/null "http://127.0.0.1:$PORT$1"; done
}
total=$(curl -fs -b "$WORK/cookies" "http://127.0.0.1:$PORT/api/v1/tasks?pageSize=100" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).total))")
echo "GET /api/v1/tasks: $total open tasks for $username" >&2
hit "/api/v1/tasks?pageSize=25" "$WARMUP"
: >"$WORK/serve.log.mark"
start_line=$(wc -l <"$WORK/serve.log")
hit "/api/v1/tasks?pageSize=25" "$REQUESTS"
hit "/api/v1/provisions/$provision_id" "$WARMUP"
hit "/api/v1/provisions/$provision_id" "$REQUESTS"

percentile() { # path-substring p
  tail -n +"$((start_line + 1))" "$WORK/serve.log" | grep " GET $1 200 " | sed -E 's/.* ([0-9]+)us .*/\1/' |
    sort -n | awk -v p="$2" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }'
}
echo "tasks_p50_ms=$(percentile /api/v1/tasks 50) tasks_p99_ms=$(percentile /api/v1/tasks 99) provision_p99_ms=$(percentile "/api/v1/provisions/$provision_id" 99)"
