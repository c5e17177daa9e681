# What the load scripts share, sourced after they set $db and $work: the release build, SQL against either database,
# the server and a provisioning token.

publish() { # directory
  dotnet publish src/CareerMap -c Release -o "$1" -v quiet -nologo >/dev/null
}

postgres() { [[ "$db" == *Host=* ]]; }

sql() { # statement; prints the first column of the first row
  if postgres; then psql "$(echo "$db" | sed -E 's/;/ /g; s/Username=/user=/; s/Database=/dbname=/; s/Host=/host=/; s/Port=/port=/; s/Password=/password=/')" -q -At -c "$1"
  else python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchone(); c.commit(); print(r[0] if r else "")' "${db#Data Source=}" "$1"; fi
}

serve() { # app, port: starts the release build in the background ($server) and waits until it answers
  "$1" serve --urls "http://127.0.0.1:$2" --no-demo --db "$db" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$2/health" >/dev/null && break; sleep 0.5; done
}

scim_token() { # app, port: a provisioning token issued by a new HR admin
  local password=load-test-password-1 bearer
  echo "$password" | "$1" users add --email "load.hr.$2@bench.example" --role admin --password-stdin --db "$db" >/dev/null
  bearer=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"load.hr.$2@bench.example\",\"password\":\"$password\"}" "http://127.0.0.1:$2/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  curl -fs -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' -d '{"name":"bench"}' "http://127.0.0.1:$2/api/provisioning/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
