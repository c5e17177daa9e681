# Shared by the load benchmarks: publish the release build, talk to the database, start the server, sign in, and run
# wrk printing one line per measured request. Source it after setting: db, work (a temp folder), connections, seconds.

publish() { # [directory]: the release build, as $app
  local dir=${1:-$work/app}
  dotnet publish src/CareerMap -c Release -o "$dir" -v quiet -nologo >/dev/null
  app="$dir/careermap"
}

postgres() { [[ "$db" == *Host=* ]]; }

database_name() { postgres && echo PostgreSQL || echo SQLite; }

sql() { # one statement; prints the first column of the first row
  if postgres; then psql "$(echo "$db" | sed -E 's/;/ /g; s/Username=/user=/; s/Database=/dbname=/; s/Host=/host=/; s/Port=/port=/; s/Password=/password=/')" -q -At -c "$1" | head -1
  else python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchone(); c.commit(); print(r[0] if r else "")' "${db#Data Source=}" "$1"; fi
}

password=load-test-password-1

account() { # email, role, [employee number]
  echo "$password" | "$app" users add --email "$1" --role "$2" ${3:+--employee "$3"} --password-stdin --db "$db" >/dev/null
}

serve() { # starts the server on a free port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$app" serve --urls "http://127.0.0.1:$port" --no-demo --db "$db" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && return; sleep 0.5; done
  echo "the server did not start; its log:" >&2; cat "$work/server.log" >&2; exit 1
}

token() { # email → bearer token
  curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/auth/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}

scim_token() { # a provisioning token issued by a new HR admin (after serve)
  account load.hr.scim@bench.example admin
  curl -fs -H "Authorization: Bearer $(token load.hr.scim@bench.example)" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    "http://127.0.0.1:$port/api/provisioning/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

warm() { # a few connections, so caches get built without leaving a backlog for the measured runs
  if [ $# -gt 1 ]; then curl -fs -o /dev/null --max-time 300 -H "$2" "${@: -1}" || true; else curl -fs -o /dev/null --max-time 300 "$1" || true; fi
  wrk -t2 -c4 -d3s "$@" >/dev/null
}

settle() { # until /health answers within 50 ms again (nothing left over from the warm-up)
  for _ in $(seq 1 120); do
    [ "$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/health" | awk '{print ($1 < 0.05)}')" = 1 ] && return
    sleep 1
  done
}

run() { # name, then wrk arguments; the last line of every run is one table row
  local name=$1; shift
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" | awk -v n="$name" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} /timeout/ {to=$NF}
    /Socket errors/ {se=$0} END {printf "| %-44s | %10s | %8s | %8s | %s |%s\n", n, rps, p50, p99, bad+to, se ? " " se : ""}'
  settle
}

table_head() { # [extra column]
  printf "| %-44s | %10s | %8s | %8s | %s |%s\n|---|---|---|---|---|%s\n" "request" "req/s" "p50" "p99" "errors" "${1:+ $1 |}" "${1:+---|}"
}
