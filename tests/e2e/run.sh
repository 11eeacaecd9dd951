#!/usr/bin/env bash
# Runs the Eenplan browser journeys against a running server.
#   EENPLAN_BASE_URL  where the server is (default http://localhost:8080)
#   EENPLAN_ACCOUNTS  JSON file [{"username","password","role","organisation"}] written by the demo
#                     generator; without it the dev mock's web/dev/mock-accounts.json is used
#   EENPLAN_CHROMIUM  browser binary (default /usr/bin/chromium, Debian's package)
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x "${EENPLAN_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Chromium not found; install it with: apt-get install -y chromium" >&2
  exit 1
fi
# Install exactly the locked versions when they are missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

base="${EENPLAN_BASE_URL:-http://localhost:8080}"
if ! node -e "fetch('$base/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
  echo "No Eenplan server answers at $base/healthz (start one, or: node web/dev/mock-server.mjs)" >&2
  exit 1
fi

exec node --test --test-concurrency=1 journeys/
