#!/usr/bin/env bash
# The account commands end to end: eenplan user add | disable | reset-password, checked by
# logging in through a started server. Prints "N passed, N failed".
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
check "the audit chain holds" "$BIN" audit verify --db "$DB"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
