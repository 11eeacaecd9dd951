#!/usr/bin/env bash
# Side-by-side load test: authenticated, audited GET /api/v1/pupils/{id} on the demo region
# (SQLite) against nginx serving the same JSON bytes as a static file; wrk, 64 connections.
# Ends with one line: api_rps=<n> nginx_rps=<n> ratio=<x> p99_ms=<x> rss_mb=<x>
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-build/eenplan}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WORK=$(mktemp -d /tmp/eenplan-bench.XXXXXX)
chmod 755 "$WORK" # nginx workers run as another user
API_PORT=${API_PORT:-18180}
NGINX_PORT=${NGINX_PORT:-18181}
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

DB="sqlite:$WORK/bench.db"
"$BIN" demo --db "$DB" --seed 11 --pupils 3000 --accounts-out "$WORK/accounts.json" >/dev/null
"$BIN" serve --db "$DB" --port $API_PORT >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$API_PORT/healthz" >/dev/null && break; sleep 0.1; done

user=$(node -e 'const a=require(process.argv[1]).find(x=>x.role==="school_coordinator");console.log(a.username+" "+a.password)' "$WORK/accounts.json")
set -- $user
curl -fs -c "$WORK/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" "http://127.0.0.1:$API_PORT/api/v1/session" >/dev/null
token=$(awk '/eenplan_session/ {print $7}' "$WORK/cookies")
pupil=$(curl -fs -b "eenplan_session=$token" "http://127.0.0.1:$API_PORT/api/v1/pupils?pageSize=1" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items[0].id))')
url="http://127.0.0.1:$API_PORT/api/v1/pupils/$pupil"
mkdir -p "$WORK/www"
curl -fs -b "eenplan_session=$token" "$url" >"$WORK/www/pupil.json"

cat >"$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
NGINX
nginx -c "$WORK/nginx.conf"
sleep 0.3

count_reads() { sqlite3 "$WORK/bench.db" "SELECT COUNT(*) FROM audit_events WHERE resource = 'pupil' AND action = 'read'"; }

# warm-up, then the measured runs
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "Cookie: eenplan_session=$token" "$url" >/dev/null
sleep 1 # let the warm-up's last requests finish
# CPU time (user + system, clock ticks) a process used: on a shared machine requests per
# second follow the load of others, the CPU time per request much less.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
nginx_worker=$(pgrep -P "$(cat "$WORK/nginx.pid")" | head -1)
before=$(count_reads)
api_cpu0=$(cpu_ticks "$server_pid")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: eenplan_session=$token" "$url" >"$WORK/api.txt"
api_cpu1=$(cpu_ticks "$server_pid")
after=$(count_reads)
nginx_cpu0=$(cpu_ticks "$nginx_worker")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/pupil.json" >"$WORK/nginx.txt"
nginx_cpu1=$(cpu_ticks "$nginx_worker")

echo "--- eenplan"; cat "$WORK/api.txt"
echo "--- nginx";   cat "$WORK/nginx.txt"
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
api_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/api.txt")
nginx_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/nginx.txt")
requests=$(awk '/requests in/ {print $1}' "$WORK/api.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/api.txt")
p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' "$WORK/api.txt")
nginx_requests=$(awk '/requests in/ {print $1}' "$WORK/nginx.txt")
ticks=$(getconf CLK_TCK)
echo "reads served: $requests, audit events written: $((after - before)), non-2xx: ${non2xx:-0}"
echo "cpu per request: eenplan $(((api_cpu1 - api_cpu0) * 1000000 / ticks / requests)) us," \
  "nginx $(((nginx_cpu1 - nginx_cpu0) * 1000000 / ticks / nginx_requests)) us; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "api_rps=${api_rps%.*} nginx_rps=${nginx_rps%.*} ratio=$(awk -v a="$api_rps" -v n="$nginx_rps" 'BEGIN{printf "%.2f", a/n}') p99_ms=$p99 rss_mb=$((rss_kb / 1024))"
