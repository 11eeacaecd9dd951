#!/usr/bin/env bash
# The account commands end to end: eenplan user add | disable | reset-password, checked by
# logging in through a started server; eenplan import absences against the database. Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-build/eenplan}
PORT=${EENPLAN_CLI_TEST_PORT:-18390}
WORK=$(mktemp -d /tmp/eenplan-cli.XXXXXX)
DB="sqlite:$WORK/cli.db"
passed=0
failed=0
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$WORK"' EXIT

check() { # description, then the command that must succeed
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then
    passed=$((passed + 1))
    echo "ok - $what"
  else
    failed=$((failed + 1))
    echo "not ok - $what"
  fi
}
login_status() { # username password
  curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" "http://127.0.0.1:$PORT/api/v1/session"
}

"$BIN" demo --db "$DB" --seed 3 --pupils 50 >/dev/null || { echo "demo failed"; exit 1; }
school=$(sqlite3 "$WORK/cli.db" "SELECT name FROM organisations WHERE kind = 'school' ORDER BY name LIMIT 1")
"$BIN" serve --db "$DB" --port "$PORT" >"$WORK/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

check "user add creates a coordinator of an existing school" \
  "$BIN" user add ib.nieuw --db "$DB" --name "Ilse Nieuw" --role school_coordinator --org "$school" --password 'Lange-Zin-1234'
check "the new account can log in" test "$(login_status ib.nieuw 'Lange-Zin-1234')" = 201
check "user add refuses an existing username" bash -c "! '$BIN' user add ib.nieuw --db '$DB' --role teacher --password 'Lange-Zin-1234'"
check "user add refuses a password under 12 characters" bash -c "! '$BIN' user add kort --db '$DB' --role teacher --password 'kort'"
check "user add refuses an unknown role" bash -c "! '$BIN' user add rol --db '$DB' --role directeur --password 'Lange-Zin-1234'"
check "user add refuses an unknown organisation" bash -c "! '$BIN' user add org --db '$DB' --role teacher --org 'Bestaat Niet' --password 'Lange-Zin-1234'"
check "user disable succeeds" "$BIN" user disable ib.nieuw --db "$DB"
check "a disabled account cannot log in" test "$(login_status ib.nieuw 'Lange-Zin-1234')" = 401
check "reset-password refuses a short password" bash -c "! '$BIN' user reset-password ib.nieuw --db '$DB' --password 'kort'"
check "reset-password sets a new password" "$BIN" user reset-password ib.nieuw --db "$DB" --password 'Nieuwe-Zin-5678'
check "the old password no longer works" test "$(login_status ib.nieuw 'Lange-Zin-1234')" = 401
check "the new password works" test "$(login_status ib.nieuw 'Nieuwe-Zin-5678')" = 201
check "disable of an unknown user fails" bash -c "! '$BIN' user disable niemand --db '$DB'"

# eenplan import absences: the same use case as the API, all or nothing, idempotent.
read -r coordinator brin number <<<"$(sqlite3 -separator ' ' "$WORK/cli.db" \
  "SELECT u.username, o.brin, p.school_pupil_number FROM users u JOIN memberships m ON m.user_id = u.id
   JOIN organisations o ON o.id = m.organisation_id JOIN pupils p ON p.enrolment_school_id = o.id
   WHERE u.role = 'school_coordinator' AND o.brin <> ''
     AND NOT EXISTS (SELECT 1 FROM absences a JOIN pupil_keys k ON k.pupil_key = a.pupil_key WHERE k.pupil_id = p.id) ORDER BY u.username, p.id LIMIT 1")"
printf 'leerlingnummer,datum,lesuur,soort,opmerking\n' >"$WORK/ok.csv"
for h in 1 2 3 4 5 6 7 8; do printf '%s,2026-09-07,%s,ongeoorloofd,\n%s,2026-09-08,%s,ongeoorloofd,\n' "$number" "$h" "$number" "$h"; done >>"$WORK/ok.csv"
cp "$WORK/ok.csv" "$WORK/bad.csv"
printf '%s,2026-09-31,1,ziek,\n' "$number" >>"$WORK/bad.csv"
count_absences() { sqlite3 "$WORK/cli.db" "SELECT COUNT(*) FROM absences WHERE import_key IS NOT NULL"; }
before=$(count_absences)
check "import absences refuses a file with a bad line (exit 2) and names the line" \
  bash -c "'$BIN' import absences '$WORK/bad.csv' --db '$DB' --school '$brin' --as '$coordinator' 2>&1 >/dev/null | grep -q 'Regel 18, kolom datum'; test \${PIPESTATUS[0]} = 2"
check "the refused import stored nothing" test "$(count_absences)" = "$before"
check "import absences reads a good file by BRIN" \
  bash -c "'$BIN' import absences '$WORK/ok.csv' --db '$DB' --school '$brin' --as '$coordinator' | grep -q '16 regels gelezen, 16 nieuw, [1-9]'"
check "the same file again adds nothing" \
  bash -c "'$BIN' import absences '$WORK/ok.csv' --db '$DB' --school '$brin' --as '$coordinator' | grep -q '16 regels gelezen, 0 nieuw, 0 signalen'"
check "import absences refuses a user who is not the school's coordinator" \
  bash -c "! '$BIN' import absences '$WORK/ok.csv' --db '$DB' --school '$brin' --as niemand"
check "the audit chain holds" "$BIN" audit verify --db "$DB"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
