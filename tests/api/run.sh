#!/usr/bin/env bash
# Black-box API tests against a running `eenplan serve`.
#
#   EENPLAN_BASE_URL  server root (default http://localhost:8080)
#   EENPLAN_ACCOUNTS  JSON file from `eenplan demo --accounts-out FILE` (required)
#   EENPLAN_OPENAPI   OpenAPI document as JSON to check bodies against; by default generated here
#                     from docs/api/openapi.yaml (so the tests hold the server to the source)
#
# Files run one at a time in name order (zz-throttle.test.mjs last: it locks out one account).
# Extra arguments go to node, e.g.  tests/api/run.sh --test-name-pattern='PATCH'
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${EENPLAN_ACCOUNTS:?set EENPLAN_ACCOUNTS to the file written by eenplan demo --accounts-out}"
export EENPLAN_ACCOUNTS

if [ -z "${EENPLAN_OPENAPI:-}" ]; then
  EENPLAN_OPENAPI="$(mktemp "${TMPDIR:-/tmp}/eenplan-openapi.XXXXXX.json")"
  trap 'rm -f "$EENPLAN_OPENAPI"' EXIT
  "$root/scripts/openapi-to-json" > "$EENPLAN_OPENAPI"
fi
export EENPLAN_OPENAPI

cd "$root"
node --test --test-concurrency=1 "$@" tests/api/
