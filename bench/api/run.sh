#!/usr/bin/env bash
# Side-by-side load test: authenticated, audited GET /api/v1/pupils/{id} on the demo region
# (SQLite) against nginx serving the same JSON bytes as a static file; wrk, 64 connections.
# Runs ROUNDS rounds, the two taking turns; ends with one line of medians:
# api_rps=<n> nginx_rps=<n> ratio=<x> p99_ms=<x> rss_mb=<x>
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-build/eenplan}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
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

# warm-up, then the measured rounds
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "Cookie: eenplan_session=$token" "$url" >/dev/null
sleep 1 # let the warm-up's last requests finish
# CPU time (user + system, clock ticks) a process used: on a shared machine requests per
# second follow the load of others, the CPU time per request much less.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks=$(getconf CLK_TCK)
nginx_worker=$(pgrep -P "$(cat "$WORK/nginx.pid")" | head -1)
rps_of() { awk '/Requests\/sec/ {print $2}' "$1"; }
requests_of() { awk '/requests in/ {print $1}' "$1"; }
p99_of() {
  awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' "$1"
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

run_api() { # round
  local before after c0 c1
  before=$(count_reads)
  c0=$(cpu_ticks "$server_pid")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: eenplan_session=$token" "$url" >"$WORK/api-$1.txt"
  c1=$(cpu_ticks "$server_pid")
  sleep 0.5 # the requests still in flight when wrk stopped get their audit events too
  after=$(count_reads)
  echo "$((after - before))" >"$WORK/events-$1"
  echo "$(((c1 - c0) * 1000000 / ticks / $(requests_of "$WORK/api-$1.txt")))" >"$WORK/api-cpu-$1"
}
run_nginx() { # round
  local c0 c1
  c0=$(cpu_ticks "$nginx_worker")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/pupil.json" >"$WORK/nginx-$1.txt"
  c1=$(cpu_ticks "$nginx_worker")
  echo "$(((c1 - c0) * 1000000 / ticks / $(requests_of "$WORK/nginx-$1.txt")))" >"$WORK/nginx-cpu-$1"
}

# The machine's speed drifts over minutes, so the two servers take turns, ROUNDS times, the
# first one alternating; each round's ratio compares runs seconds apart.
for round in $(seq 1 "$ROUNDS"); do
  if ((round % 2)); then run_api "$round" && run_nginx "$round"; else run_nginx "$round" && run_api "$round"; fi
  a=$(rps_of "$WORK/api-$round.txt")
  n=$(rps_of "$WORK/nginx-$round.txt")
  echo "round $round: api_rps=${a%.*} nginx_rps=${n%.*} ratio=$(awk -v a="$a" -v n="$n" 'BEGIN{printf "%.2f", a/n}')" \
    "p99_ms=$(p99_of "$WORK/api-$round.txt") cpu_us eenplan $(cat "$WORK/api-cpu-$round") nginx $(cat "$WORK/nginx-cpu-$round")" \
    "reads $(requests_of "$WORK/api-$round.txt") audit_events $(cat "$WORK/events-$round") non2xx $(awk '/Non-2xx/ {print $5}' "$WORK/api-$round.txt")"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
rounds=$(seq 1 "$ROUNDS")
api_rps=$(for r in $rounds; do rps_of "$WORK/api-$r.txt"; done | median)
nginx_rps=$(for r in $rounds; do rps_of "$WORK/nginx-$r.txt"; done | median)
ratio=$(for r in $rounds; do awk -v a="$(rps_of "$WORK/api-$r.txt")" -v n="$(rps_of "$WORK/nginx-$r.txt")" 'BEGIN{print a/n}'; done | median)
p99=$(for r in $rounds; do p99_of "$WORK/api-$r.txt"; done | median)
# Every read answered has its audit event: wrk counts the answers it read, the database also
# holds the events of the requests still in flight when wrk stopped (at most one a connection).
for r in $rounds; do
  reads=$(requests_of "$WORK/api-$r.txt")
  events=$(cat "$WORK/events-$r")
  if ((events < reads || events > reads + CONNECTIONS)); then
    echo "round $r: $reads reads answered but $events audit events written" >&2
    exit 1
  fi
done
echo "medians of $ROUNDS rounds of $DURATION each:"
echo "api_rps=${api_rps%.*} nginx_rps=${nginx_rps%.*} ratio=$(printf '%.2f' "$ratio") p99_ms=$p99 rss_mb=$((rss_kb / 1024))"
