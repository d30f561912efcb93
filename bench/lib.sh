# What the read benchmarks share (bench/read-cost.sh, bench/profile.sh, bench/floor.sh): a projects-service on a
# database of its own, a gateway in front of it, a user with a token, a 10-task project, the JIT's settling and
# medians. Sourced, never run. Expects to run from the checkout's root against ./run-local.sh's PostgreSQL, Kafka
# and accounts-service.

accounts=http://localhost:${ACCOUNTS_PORT:-8081}
postgres_port=${LOCAL_POSTGRES_PORT:-15432}
kafka=localhost:${LOCAL_KAFKA_PORT:-19092}
export PGPASSWORD=postgres
# The services' collector, as the image and the local stack start them (Dockerfile); a side's
# JAVA_TOOL_OPTIONS=... assignment replaces it, say -XX:+UseG1GC to measure against the JVM's own choice.
services_gc=-XX:+UseParallelGC

jar() { compgen -G "$1/$2/target/$2-*.jar" | head -1; } # checkout, module

fresh_database() { # name
  psql -q -h localhost -p "$postgres_port" -U postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" \
    -c "CREATE DATABASE $1"
}

# Starts a projects-service in the background on a fresh database; its pid in $! as with any `&`.
start_projects() { # jar, database, port, management port, log file, [NAME=value ...]
  local jar=$1 database=$2 port=$3 management=$4 log=$5
  shift 5
  fresh_database "$database"
  # A consumer group of its own, so that the bench does not take partitions from the stack's projects-service.
  SPRING_KAFKA_CONSUMER_GROUP_ID=$database SERVER_PORT=$port MANAGEMENT_PORT=$management \
    DB_PORT=$postgres_port DB_NAME=$database DB_USER=postgres DB_PASSWORD=postgres KAFKA_BOOTSTRAP_SERVERS=$kafka \
    ACCOUNTS_JWKS_URI=$accounts/.well-known/jwks.json \
    JAVA_TOOL_OPTIONS=$services_gc env "$@" java -Xms128m -Xmx384m -jar "$jar" > "$log" 2>&1 &
}

# Starts an api-gateway in the background in front of the projects-service at UPSTREAM, the stack's accounts-service
# behind it; its pid in $! as with any `&`.
start_gateway() { # jar, port, management port, upstream URL, log file, [NAME=value ...]
  local jar=$1 port=$2 management=$3 upstream=$4 log=$5
  shift 5
  SERVER_PORT=$port MANAGEMENT_PORT=$management ACCOUNTS_URI=$accounts PROJECTS_URI=$upstream \
    JAVA_TOOL_OPTIONS=$services_gc env "$@" java -Xms128m -Xmx384m -jar "$jar" > "$log" 2>&1 &
}

await_ready() { # URL...: each must answer 2xx within 150 s
  local probe
  for probe in "$@"; do
    for _ in $(seq 300); do
      curl -sf "$probe" > /dev/null && break
      sleep 0.5
    done
    curl -sf "$probe" > /dev/null || { echo "$probe did not answer; see the logs in target/" >&2; return 1; }
  done
}

bench_email="bench-$(date +%s%N)@example.com"
register_bench_user() {
  curl -sf -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$bench_email\",\"password\":\"correct horse battery\"}" "$accounts/api/users"
}
# A fresh token for every run: access tokens live 15 minutes, and the warm-up can take longer.
fresh_token() {
  curl -sf -d "username=$bench_email&password=correct+horse+battery" "$accounts/api/users/login" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

project_with_ten_tasks() { # base URL of a projects-service, token; prints the project's path
  local project n
  project=$(curl -sf -o /dev/null -w '%{redirect_url}' -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' -d '{"name":"Read cost"}' "$1/api/projects")
  project=/api/projects/${project##*/api/projects/}
  for n in $(seq 10); do
    curl -sf -o /dev/null -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
      -d "{\"name\":\"Task number $n\"}" "$1$project/tasks"
  done
  echo "$project"
}

# Warm-up until the JIT has settled: on two cores a JVM's one C2 thread needs minutes of load to compile what
# the load makes hot, and until then a read costs several times its settled CPU (measured on one JVM: 186 req/s
# while C2 was busy, 1,400 req/s once it was idle). A fixed warm-up measured the JIT, not the change. Settled:
# each JVM's C2 threads spent under JIT_SETTLED_PERCENT (default 2) of a warm-up pass compiling.
settled=${JIT_SETTLED_PERCENT:-2} hertz=$(getconf CLK_TCK) pass_seconds=15
c2_ticks() { # PID...: CPU ticks so far of the JVMs' C2 compiler threads, together
  local total=0 pid task
  for pid in "$@"; do
    for task in /proc/"$pid"/task/*; do
      grep -q '^C2 Compiler' "$task/comm" 2> /dev/null \
        && total=$((total + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')))
    done
  done
  echo "$total"
}

# Warm-up passes of every side until, in one pass, the JIT has settled in all of them. The caller defines
# `run SIDE SECONDS` (one load run of that side); each argument names a side's JVMs, their pids separated by
# commas. A fresh token in $token for every pass, which a caller's `run` may use.
warm_up_until_settled() { # PIDS_OF_SIDE_0 [PIDS_OF_SIDE_1 ...]
  local sides=("$@") pass i before busy all_settled
  for pass in $(seq 40); do
    token=$(fresh_token)
    busy=() all_settled=true
    for i in "${!sides[@]}"; do
      before=$(c2_ticks ${sides[$i]//,/ })
      run "$i" "$pass_seconds" > /dev/null
      busy[i]=$(( ($(c2_ticks ${sides[$i]//,/ }) - before) * 100 / (hertz * pass_seconds) ))
      [ "${busy[$i]}" -lt "$settled" ] || all_settled=false
    done
    echo "warm-up pass $pass: C2 busy, side by side: ${busy[*]} %" >&2
    $all_settled && return
  done
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One label's medians from bench/wrk-cpu.sh lines on stdin: requests per second and each named process's CPU.
print_medians() { # label, process names...
  local label=$1 mine cpu="" name
  shift
  mine=$(grep "^$label:")
  for name in "$@"; do
    if grep -q " $name [0-9]" <<< "$mine"; then
      cpu+=", $name CPU $(sed "s/.* $name \([0-9.]*\).*/\1/" <<< "$mine" | median) ms/request"
    fi
  done
  printf 'median %s: %s req/s%s (%s runs)\n' "$label" "$(awk '{print $2}' <<< "$mine" | median)" "$cpu" \
    "$(wc -l <<< "$mine")"
}
