#!/usr/bin/env bash
# What an HR system waits for when it searches provisioned users (SCIM co / sw / ew / eq filters), measured whole: wrk
# against the release build at N provisioned users, beside /health as the ceiling, in the same run.
#   bench/load/scim.sh [--users N] [--db CONNECTION] [--connections C] [--seconds S]
# With no --db, a fresh SQLite file is used; with a PostgreSQL --db, its database must be empty.
# The users are written straight into scim_users (waiting, unlinked), as provisioning would store them.
set -euo pipefail
cd "$(dirname "$0")/../.."
users=100000 db="" connections=16 seconds=10 server=""
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=$2; shift 2 ;;
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
"$app" seed --employees 100 --db "$db" >/dev/null

postgres() { [[ "$db" == *Host=* ]]; }
sql() {
  if postgres; then psql "$(echo "$db" | sed -E 's/;/ /g; s/Username=/user=/; s/Database=/dbname=/; s/Host=/host=/; s/Port=/port=/; s/Password=/password=/')" -q -At -c "$1"
  else python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchone(); c.commit(); print(r[0] if r else "")' "${db#Data Source=}" "$1"; fi
}
# user000042@bench.example, emails work and home, externalId X42: the shape Okta and Entra send.
if postgres; then
  sql "INSERT INTO scim_users (\"ResourceId\", \"UserName\", \"UserNameKey\", \"ExternalId\", \"EmployeeNumber\", \"EmailsKey\", \"Active\", \"Resource\", \"Waiting\", \"Created\", \"LastModified\", \"Version\")
       SELECT gen_random_uuid()::text, u, lower(u), 'X' || i, 'X' || i, lower(u) || E'\n' || 'home' || i || '@mail.example', true,
              '{\"userName\":\"' || u || '\",\"externalId\":\"X' || i || '\",\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User ' || i || '\"},\"emails\":[{\"value\":\"' || u || '\",\"type\":\"work\",\"primary\":true},{\"value\":\"home' || i || '@mail.example\",\"type\":\"home\"}],\"title\":\"Unmapped\",\"active\":true,\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}',
              'bench', now(), now(), 1
       FROM generate_series(1, $users) i, LATERAL (SELECT 'user' || lpad(i::text, 6, '0') || '@bench.example' AS u) n; ANALYZE scim_users;"
else
  sql "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $users), n(i, u) AS (SELECT i, 'user' || substr('000000' || i, -6) || '@bench.example' FROM s)
       INSERT INTO scim_users (ResourceId, UserName, UserNameKey, ExternalId, EmployeeNumber, EmailsKey, Active, Resource, Waiting, Created, LastModified, Version)
       SELECT lower(hex(randomblob(16))), u, lower(u), 'X' || i, 'X' || i, lower(u) || char(10) || 'home' || i || '@mail.example', 1,
              json_object('userName', u, 'externalId', 'X' || i, 'name', json_object('givenName', 'Bench', 'familyName', 'User ' || i),
                'emails', json_array(json_object('value', u, 'type', 'work', 'primary', json('true')), json_object('value', 'home' || i || '@mail.example', 'type', 'home')),
                'title', 'Unmapped', 'active', json('true'), 'schemas', json_array('urn:ietf:params:scim:schemas:core:2.0:User')),
              'bench', strftime('%Y-%m-%d %H:%M:%S', 'now'), strftime('%Y-%m-%d %H:%M:%S', 'now'), 1 FROM n"
  sql "ANALYZE"
fi
password=load-test-password-1
echo "$password" | "$app" users add --email load.hr@bench.example --role admin --password-stdin --db "$db" >/dev/null

port=5098
"$app" serve --urls "http://127.0.0.1:$port" --no-demo --db "$db" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
bearer=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"load.hr@bench.example\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
token=$(curl -fs -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' -d '{"name":"bench"}' "http://127.0.0.1:$port/api/provisioning/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
users_url() { echo "http://127.0.0.1:$port/scim/v2/Users?filter=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1")"; }

run() { # name, then wrk arguments
  local name=$1; shift
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" | awk -v n="$name" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} /timeout/ {to=$NF}
    END {printf "%-40s %10s req/s   p50 %8s   p99 %8s   non-2xx %s   timeouts %s\n", n, rps, p50, p99, bad+0, to+0}'
}
filters=('userName eq "user054321@bench.example"' 'userName co "r05432"' 'userName sw "user05432"' 'userName ew "054321@bench.example"'
         'emails co "home54321@"' 'emails.value sw "home5432"' 'emails ew "54321@mail.example"')
for f in "${filters[@]}"; do
  total=$(curl -fs -H "Authorization: Bearer $token" "$(users_url "$f")" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalResults"])')
  echo "  $f → $total user(s)"
  wrk -t2 -c"$connections" -d3s -H "Authorization: Bearer $token" "$(users_url "$f")" >/dev/null
done
echo "$users SCIM users, $(postgres && echo PostgreSQL || echo SQLite), $connections connections, ${seconds}s each"
run "/health (ceiling)" "http://127.0.0.1:$port/health"
for f in "${filters[@]}"; do run "$f" -H "Authorization: Bearer $token" "$(users_url "$f")"; done
