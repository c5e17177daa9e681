#!/usr/bin/env bash
# What an HR system waits for when it searches provisioned users (SCIM co / sw / ew / eq filters), measured whole: wrk
# against the release build at N provisioned users, beside /health as the ceiling, in the same run.
#   bench/load/scim.sh [--users N] [--db CONNECTION] [--connections C] [--seconds S]
# With no --db, a fresh SQLite file is used; with a PostgreSQL --db, its database must be empty.
# The users are written straight into scim_users (waiting, unlinked), as provisioning would store them.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/load/lib.sh
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
publish
"$app" seed --employees 100 --db "$db" >/dev/null

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
serve
token=$(scim_token)
users_url() { echo "http://127.0.0.1:$port/scim/v2/Users?filter=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1")"; }

filters=('userName eq "user054321@bench.example"' 'userName co "r05432"' 'userName sw "user05432"' 'userName ew "054321@bench.example"'
         'emails co "home54321@"' 'emails.value sw "home5432"' 'emails ew "54321@mail.example"')
for f in "${filters[@]}"; do
  total=$(curl -fs -H "Authorization: Bearer $token" "$(users_url "$f")" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalResults"])')
  echo "  $f → $total user(s)"
  wrk -t2 -c"$connections" -d3s -H "Authorization: Bearer $token" "$(users_url "$f")" >/dev/null
done
echo "$users SCIM users, $(database_name), $connections connections, ${seconds}s each"
table_head
run "/health (ceiling)" "http://127.0.0.1:$port/health"
for f in "${filters[@]}"; do run "$f" -H "Authorization: Bearer $token" "$(users_url "$f")"; done
