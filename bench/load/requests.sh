#!/usr/bin/env bash
# What people wait for, request by request, measured whole: wrk against the release build at N generated people,
# beside /health (the ceiling) in the same run, as an employee, as a manager three levels above the front line, and as
# an HR admin. Prints a table (req/s, p50, p99, errors) and each request's share of /health.
#   bench/load/requests.sh [--employees N] [--db CONNECTION] [--seeded] [--connections C] [--seconds S] [--only REGEX]
# --only keeps the requests whose name matches the extended regular expression (the /health ceiling always runs).
# With no --db, a fresh SQLite file is seeded; with a PostgreSQL --db, its database must be empty (it is seeded).
# --seeded uses the --db as it is, e.g. `careermap bench reports`' database with this cycle's plans for three in ten.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/load/lib.sh
employees=50000 db="" seeded="" connections=64 seconds=10 server="" only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --employees) employees=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --seeded) seeded=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
[ -n "$db" ] || db="Data Source=$work/load.db"
publish
[ -n "$seeded" ] || "$app" seed --employees "$employees" --db "$db" >/dev/null

# The demo employee; a manager three levels above a front-line person, and that person.
employee=$(sql "SELECT e.\"EmployeeNumber\" FROM \"AspNetUsers\" u JOIN employees e ON e.\"Id\" = u.\"EmployeeId\" WHERE u.\"Email\" = 'employee@demo.riverbend.example'")
read -r leader report <<<"$(sql "SELECT m3.\"EmployeeNumber\" || ' ' || e.\"EmployeeNumber\" FROM employees e JOIN employees m1 ON m1.\"Id\" = e.\"ManagerId\"
  JOIN employees m2 ON m2.\"Id\" = m1.\"ManagerId\" JOIN employees m3 ON m3.\"Id\" = m2.\"ManagerId\"
  WHERE NOT EXISTS (SELECT 1 FROM employees r WHERE r.\"ManagerId\" = e.\"Id\") ORDER BY e.\"Id\" LIMIT 1")"
# On a database used before, the accounts may be there already.
account load.employee@bench.example employee "$employee" || [ -n "$seeded" ]
account load.leader@bench.example manager "$leader" || [ -n "$seeded" ]
account load.hr@bench.example admin || [ -n "$seeded" ]
serve
as_employee=$(token load.employee@bench.example)
as_leader=$(token load.leader@bench.example)
as_hr=$(token load.hr@bench.example)
base="http://127.0.0.1:$port"

requests=(
  "own readiness (employee)|$as_employee|$base/api/employees/$employee/readiness?role=CC-REP-SR"
  "a report's readiness (manager 3 levels up)|$as_leader|$base/api/employees/$report/readiness?role=CC-REP-SR"
  "recommendations (employee)|$as_employee|$base/api/employees/$employee/recommendations"
  "candidates, top 10, filtered (HR)|$as_hr|$base/api/roles/CC-REP-SR/candidates?top=10&minTenure=6"
  "candidates for their line (manager)|$as_leader|$base/api/roles/CC-REP-SR/candidates?top=10"
  "people list, page 1 (manager)|$as_leader|$base/api/employees"
  "people search (HR)|$as_hr|$base/api/employees?q=garcia"
  "map page (employee)|$as_employee|$base/map"
  "plan page (employee)|$as_employee|$base/plans/$employee"
  "capability heatmap by unit (HR)|$as_hr|$base/api/reports/capability?by=unit"
  "capability heatmap by location (HR)|$as_hr|$base/api/reports/capability?by=location"
  "capability heatmap, their line (manager)|$as_leader|$base/api/reports/capability?by=role"
  "capability page (HR)|$as_hr|$base/reports/capability"
  "people behind a cell (HR)|$as_hr|$base/api/reports/capability/people?by=unit&group=CARE&competency=DEESC"
  "capability as CSV (HR)|$as_hr|$base/api/reports/capability/export?format=csv"
  "bench and succession (HR)|$as_hr|$base/api/reports/succession"
  "bench and succession, their line (manager)|$as_leader|$base/api/reports/succession"
  "succession page (HR)|$as_hr|$base/reports/succession"
  "mobility, last eight quarters (HR)|$as_hr|$base/api/reports/mobility"
  "mobility, their line (manager)|$as_leader|$base/api/reports/mobility"
  "routes taken, CC-REP-1 to CC-SUP (HR)|$as_hr|$base/api/reports/mobility/routes?fromRole=CC-REP-1&toRole=CC-SUP"
  "development health (HR)|$as_hr|$base/api/reports/development"
  "development health, their line (manager)|$as_leader|$base/api/reports/development"
  "development page (HR)|$as_hr|$base/reports/development"
)
if [ -n "$only" ]; then
  kept=()
  for r in "${requests[@]}"; do [[ "${r%%|*}" =~ $only ]] && kept+=("$r"); done
  requests=("${kept[@]}")
fi
# Warm every request first (caches, rating index, JIT tiers), so no measured run pays for it.
warm "$base/health"
for r in "${requests[@]}"; do IFS='|' read -r _ t u <<<"$r"; warm -H "Authorization: Bearer $t" "$u"; done
settle

echo "$employees people, $(database_name), $connections connections, ${seconds}s each"
table_head "of /health"
rows=$(
  run "/health (ceiling)" "$base/health"
  for r in "${requests[@]}"; do IFS='|' read -r n t u <<<"$r"; run "$n" -H "Authorization: Bearer $t" "$u"; done
)
# Each row with its share of the ceiling measured in the same run.
echo "$rows" | awk -F'|' 'NR == 1 {ceiling = $3 + 0} {share = ceiling > 0 ? sprintf("%.0f %%", 100 * ($3 + 0) / ceiling) : "-"; printf "%s %7s |\n", $0, share}'
echo "server memory after the run: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$server/status) resident, peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$server/status)"
