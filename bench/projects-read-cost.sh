#!/usr/bin/env bash
# The cost of a change on projects-service's read path, paired in one run: two builds of projects-service
# (BEFORE_JAR and AFTER_JAR), each on a database of its own, read in turn by wrk with tokens of one user, the same
# 10-task project and the same JVM options, rounds alternating which goes first.
#
#   ./run-local.sh &                                  # PostgreSQL, Kafka and accounts-service of the stack
#   bench/projects-read-cost.sh BEFORE_JAR AFTER_JAR [ROUNDS]
#
# Needs wrk, curl and psql (apt-get install wrk curl postgresql-client). Ports 18082/18083
# (services) and 19082/19083 (their actuators). Measures only once the JIT has settled (see the warm-up).
# Prints one line per run (bench/wrk-cpu.sh) and the medians of each side.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 2 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
jars=("$1" "$2") labels=(before after) rounds=${3:-3} settled=${JIT_SETTLED_PERCENT:-2}
accounts=http://localhost:${ACCOUNTS_PORT:-8081}
postgres_port=${LOCAL_POSTGRES_PORT:-15432}
kafka=localhost:${LOCAL_KAFKA_PORT:-19092}
export PGPASSWORD=postgres

pids=()
trap 'kill "${pids[@]}" 2> /dev/null || true' EXIT

for i in 0 1; do
  database=projects_bench_${labels[$i]}
  psql -q -h localhost -p "$postgres_port" -U postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" \
    -c "CREATE DATABASE $database"
  # A consumer group of its own, so that the bench does not take partitions from the stack's projects-service.
  SPRING_KAFKA_CONSUMER_GROUP_ID=$database SERVER_PORT=$((18082 + i)) MANAGEMENT_PORT=$((19082 + i)) \
    DB_PORT=$postgres_port DB_NAME=$database DB_USER=postgres DB_PASSWORD=postgres KAFKA_BOOTSTRAP_SERVERS=$kafka \
    ACCOUNTS_JWKS_URI=$accounts/.well-known/jwks.json \
    java -Xms128m -Xmx384m -jar "${jars[$i]}" > "target/projects-bench-${labels[$i]}.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do
  for _ in $(seq 300); do
    curl -sf "http://localhost:$((19082 + i))/actuator/health/readiness" > /dev/null && break
    sleep 0.5
  done
  curl -sf "http://localhost:$((19082 + i))/actuator/health/readiness" > /dev/null \
    || { echo "${labels[$i]} did not become ready; see target/projects-bench-${labels[$i]}.log" >&2; exit 1; }
done

email="bench-$(date +%s%N)@example.com"
curl -sf -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"correct horse battery\"}" "$accounts/api/users"
# A fresh token for every run: access tokens live 15 minutes, and the warm-up can take longer.
fresh_token() {
  curl -sf -d "username=$email&password=correct+horse+battery" "$accounts/api/users/login" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
token=$(fresh_token)
paths=()
for i in 0 1; do
  base=http://localhost:$((18082 + i))
  project=$(curl -sf -o /dev/null -w '%{redirect_url}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"Read cost"}' "$base/api/projects")
  project=/api/projects/${project##*/api/projects/}
  for n in $(seq 10); do
    curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"name\":\"Task number $n\"}" "$base$project/tasks"
  done
  paths+=("$base$project/tasks")
done

run() { # side, seconds
  token=$(fresh_token)
  bench/wrk-cpu.sh -d "$2" -H "Authorization: Bearer $token" \
    "${labels[$1]}" "${paths[$1]}" "projects=${pids[$1]}"
}
# Warm-up until the JIT has settled: on two cores a JVM's one C2 thread needs minutes of load to compile what
# the load makes hot, and until then a read costs several times its settled CPU (measured on one JVM: 186 req/s
# while C2 was busy, 1,400 req/s once it was idle). A fixed warm-up measured the JIT, not the change. Settled:
# each JVM's C2 threads spent under JIT_SETTLED_PERCENT (default 2) of a warm-up pass compiling.
c2_ticks() { # CPU ticks so far of a JVM's C2 compiler threads
  local total=0 task
  for task in /proc/"$1"/task/*; do
    grep -q '^C2 Compiler' "$task/comm" 2> /dev/null \
      && total=$((total + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
hertz=$(getconf CLK_TCK) pass_seconds=15
for pass in $(seq 40); do
  busy=()
  for i in 0 1; do
    before_ticks=$(c2_ticks "${pids[$i]}")
    run "$i" "$pass_seconds" > /dev/null
    busy+=($(( ($(c2_ticks "${pids[$i]}") - before_ticks) * 100 / (hertz * pass_seconds) )))
  done
  echo "warm-up pass $pass: C2 busy ${busy[0]} % (before), ${busy[1]} % (after)" >&2
  [ "${busy[0]}" -lt "$settled" ] && [ "${busy[1]}" -lt "$settled" ] && break
done
results=()
for round in $(seq "$rounds"); do
  order=(0 1)
  [ $((round % 2)) -eq 0 ] && order=(1 0)
  for i in "${order[@]}"; do
    line=$(run "$i" 20)
    echo "$line"
    results+=("$line")
  done
done
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for label in "${labels[@]}"; do
  mine=$(printf '%s\n' "${results[@]}" | grep "^$label:")
  printf 'median %s: %s req/s, projects CPU %s ms/request (%s runs)\n' "$label" \
    "$(awk '{print $2}' <<< "$mine" | median)" "$(awk '{print $NF}' <<< "$mine" | median)" "$(wc -l <<< "$mine")"
done
