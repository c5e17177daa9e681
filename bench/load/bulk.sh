#!/usr/bin/env bash
# What an HR system waits for on day one: a 100,000-person roster imported with the CLI (all new, then again with every
# name changed), and 10,000 users provisioned over SCIM one POST at a time by a client holding a few connections.
#   bench/load/bulk.sh [--rows N] [--users N] [--connections C] [--db CONNECTION] [--app DIR] [--skip-roster] [--skip-scim]
# With no --db, a fresh SQLite file is used; with a PostgreSQL --db, its database must be empty. --app reuses a published
# build (to compare with an older commit); else the worktree is published in Release.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=100000 users=10000 connections=8 db="" app_dir="" roster=1 scim=1 server="" limit=600
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --app) app_dir=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --skip-roster) roster=0; shift ;;
    --skip-scim) scim=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
[ -n "$db" ] || db="Data Source=$work/bulk.db"
. bench/load/lib.sh
if [ -n "$app_dir" ]; then app="$app_dir/careermap"; else publish; fi
"$app" seed --employees 100 --db "$db" >/dev/null
roles=$(sql "SELECT string_agg(\"Code\", ',') FROM (SELECT \"Code\" FROM roles ORDER BY \"Code\") r" 2>/dev/null || sql "SELECT group_concat(Code, ',') FROM (SELECT Code FROM roles ORDER BY Code)")
echo "$(postgres && echo PostgreSQL || echo SQLite), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # label, file
  /usr/bin/time -v timeout "$limit" "$app" import people "$2" --db "$db" >"$work/out" 2>"$work/time" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time")
  grep -q 'Command terminated by signal\|Exit status: 124' "$work/time" && wall="> ${limit}s (stopped)"
  printf "%-44s %14s   peak RSS %5s MB   %s\n" "$1" "$wall" "$rss" "$(head -c 120 "$work/out" | tr '\n' ' ')"
}

if [ "$roster" = 1 ]; then
  # Bench Person 1..N; each person's manager is an earlier row (ten reports each), roles spread over the framework.
  python3 - "$rows" "$roles" "$work" <<'PY'
import sys, datetime
rows, roles, work = int(sys.argv[1]), sys.argv[2].split(','), sys.argv[3]
start = datetime.date(2015, 1, 5)
for name, prefix in (("new", "Bench Person"), ("renamed", "Renamed Person")):
    with open(f"{work}/{name}.csv", "w") as f:
        f.write("EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths\n")
        for i in range(1, rows + 1):
            hire = start + datetime.timedelta(days=i % 3000)
            role_start = hire + datetime.timedelta(days=(i * 7) % 400)
            manager = f"B{(i - 2) // 10 + 1:06d}" if i > 1 else ""
            f.write(f"B{i:06d},{prefix} {i},b{i:06d}@bulk.example,{roles[i % len(roles)]},{manager},{hire},{role_start},"
                    f"\"Site {i % 40}, AZ\",English;Spanish,{'CCXP' if i % 5 == 0 else ''},{i % 60}\n")
PY
  echo "roster of $rows rows ($(du -h "$work/new.csv" | cut -f1)), careermap import people"
  measure "all new" "$work/new.csv"
  measure "again, every name changed" "$work/renamed.csv"
  echo "employees stored: $(sql 'SELECT COUNT(*) FROM employees')"
fi

if [ "$scim" = 1 ]; then

  serve
  token=$(scim_token)
  # One POST per user over C keep-alive connections; user i names user i/8 as manager by externalId, so reports and
  # their managers are often in flight at once.
  python3 - "$port" "$token" "$users" "$connections" "$roles" <<'PY'
import http.client, json, sys, threading, time
port, token, users, connections, roles = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5].split(',')
ent, ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:careermap:scim:schemas:extension:2.0:User"
lock, nxt, latencies, failures = threading.Lock(), [1], [], {}
def body(i):
    user = {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ent, ext], "userName": f"scim{i:06d}@bulk.example", "externalId": f"SX{i}",
            "name": {"givenName": "Scim", "familyName": f"User {i}"}, "emails": [{"value": f"scim{i:06d}@bulk.example", "type": "work", "primary": True}],
            ent: {"employeeNumber": f"SX{i}", "department": "Care"}, ext: {"roleCode": roles[i % len(roles)]}}
    if i > 8: user[ent]["manager"] = {"value": f"SX{i // 8}"}
    return json.dumps(user)
def work():
    c = http.client.HTTPConnection("127.0.0.1", port)
    while True:
        with lock:
            i = nxt[0]; nxt[0] += 1
        if i > users: return
        t = time.perf_counter()
        c.request("POST", "/scim/v2/Users", body(i), {"Authorization": f"Bearer {token}", "Content-Type": "application/scim+json"})
        r = c.getresponse(); r.read()
        with lock:
            latencies.append(time.perf_counter() - t)
            if r.status != 201: failures[r.status] = failures.get(r.status, 0) + 1
began = time.perf_counter()
threads = [threading.Thread(target=work) for _ in range(connections)]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.perf_counter() - began
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000
print(f"SCIM create, {users} users, {connections} connections: {users / elapsed:8.1f} users/s   p50 {pct(0.5):6.1f} ms   p99 {pct(0.99):6.1f} ms   "
      f"max {latencies[-1] * 1000:6.1f} ms   errors {sum(failures.values())} {failures or ''}")
PY
  echo "SCIM users linked: $(sql "SELECT COUNT(*) FROM scim_users WHERE \"EmployeeId\" IS NOT NULL"), with their manager: $(sql "SELECT COUNT(*) FROM scim_users s JOIN employees e ON e.\"Id\" = s.\"EmployeeId\" WHERE e.\"ManagerId\" IS NOT NULL")"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
