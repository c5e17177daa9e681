#!/usr/bin/env bash
# What a manager and an HR admin wait for when they open one person's readiness, measured whole: wrk against the
# release build, beside /health as the ceiling, in the same run.
#   bench/load/readiness.sh [--employees N] [--db CONNECTION] [--connections C] [--seconds S]
# With no --db, a fresh SQLite file is seeded; with a PostgreSQL --db, its database must be empty (it is seeded).
set -euo pipefail
cd "$(dirname "$0")/../.."
employees=50000 db="" connections=64 seconds=20 server=""
while [ $# -gt 0 ]; do
  case "$1" in
    --employees) employees=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
[ -n "$db" ] || db="Data Source=$work/load.db"
dotnet publish src/CareerMap -c Release -o "$work/app" -v quiet -nologo >/dev/null
app="$work/app/careermap"
"$app" seed --employees "$employees" --db "$db" >/dev/null

sql() {
  if [[ "$db" == *Host=* ]]; then psql "$(echo "$db" | sed -E 's/;/ /g; s/Username=/user=/; s/Database=/dbname=/; s/Host=/host=/; s/Port=/port=/; s/Password=/password=/')" -At -c "$1"
  else python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "${db#Data Source=}" "$1"; fi
}
# The demo manager persona and the demo employee who reports to them.
manager=$(sql "SELECT e.\"EmployeeNumber\" FROM \"AspNetUsers\" u JOIN employees e ON e.\"Id\" = u.\"EmployeeId\" WHERE u.\"Email\" = 'manager@demo.riverbend.example'")
employee=$(sql "SELECT e.\"EmployeeNumber\" FROM \"AspNetUsers\" u JOIN employees e ON e.\"Id\" = u.\"EmployeeId\" WHERE u.\"Email\" = 'employee@demo.riverbend.example'")
password=load-test-password-1
echo "$password" | "$app" users add --email load.manager@bench.example --role manager --employee "$manager" --password-stdin --db "$db" >/dev/null
echo "$password" | "$app" users add --email load.hr@bench.example --role admin --password-stdin --db "$db" >/dev/null

port=5099
"$app" serve --urls "http://127.0.0.1:$port" --no-demo --db "$db" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
token() { curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'; }
as_manager=$(token load.manager@bench.example)
as_hr=$(token load.hr@bench.example)
url="http://127.0.0.1:$port/api/employees/$employee/readiness?role=CC-REP-SR"
# Warm up both callers first (caches, JIT tiers), so neither measured run pays for it.
for t in "$as_manager" "$as_hr"; do wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $t" "$url" >/dev/null; done

run() { # name, then wrk arguments
  local name=$1; shift
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" | awk -v n="$name" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} /timeout/ {to=$NF}
    END {printf "%-28s %10s req/s   p50 %8s   p99 %8s   non-2xx %s   timeouts %s\n", n, rps, p50, p99, bad+0, to+0}'
}
echo "$employees people, $(if [[ "$db" == *Host=* ]]; then echo PostgreSQL; else echo SQLite; fi), $connections connections, ${seconds}s each"
run "/health (ceiling)" "http://127.0.0.1:$port/health"
run "readiness as manager" -H "Authorization: Bearer $as_manager" "$url"
run "readiness as HR admin" -H "Authorization: Bearer $as_hr" "$url"
