#!/usr/bin/env bash
# The cost of a change on the read path, paired in one run: two builds (BEFORE and AFTER, each a checkout whose
# jars are built), each with a projects-service on a database of its own and, with --through-gateway, an
# api-gateway of its own in front of it, read in turn by wrk with tokens of one user, the same 10-task project
# and the same JVM options, rounds alternating which goes first.
#
#   ./run-local.sh &                                  # PostgreSQL, Kafka and accounts-service of the stack
#   bench/read-cost.sh [--through-gateway] BEFORE_CHECKOUT AFTER_CHECKOUT [ROUNDS]
#
# A change of configuration is measured with one checkout on both sides and READ_COST_ENV_BEFORE or
# READ_COST_ENV_AFTER, NAME=value assignments (space-separated) given to that side's services only.
#
# Needs wrk, curl and psql (apt-get install wrk curl postgresql-client). Ports 18082/18083 (projects) and
# 18180/18181 (gateways), their actuators 19082/19083 and 19180/19181. Measures only once the JIT has settled
# (see the warm-up). Prints one line per run (bench/wrk-cpu.sh) and the medians of each side.
set -euo pipefail
cd "$(dirname "$0")/.."

gateway=false
if [ "${1:-}" = --through-gateway ]; then
  gateway=true
  shift
fi
[ $# -ge 2 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
checkouts=("$1" "$2") labels=(before after) rounds=${3:-3} settled=${JIT_SETTLED_PERCENT:-2}
side_env=("${READ_COST_ENV_BEFORE:-}" "${READ_COST_ENV_AFTER:-}") # split into assignments where used
accounts=http://localhost:${ACCOUNTS_PORT:-8081}
postgres_port=${LOCAL_POSTGRES_PORT:-15432}
kafka=localhost:${LOCAL_KAFKA_PORT:-19092}
export PGPASSWORD=postgres
jar() { compgen -G "$1/$2/target/$2-*.jar" | head -1; } # checkout, module

pids=() gateway_pids=() readiness=()
trap 'kill "${pids[@]}" "${gateway_pids[@]}" 2> /dev/null || true' EXIT

for i in 0 1; do
  database=projects_bench_${labels[$i]}
  psql -q -h localhost -p "$postgres_port" -U postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" \
    -c "CREATE DATABASE $database"
  # A consumer group of its own, so that the bench does not take partitions from the stack's projects-service.
  SPRING_KAFKA_CONSUMER_GROUP_ID=$database SERVER_PORT=$((18082 + i)) MANAGEMENT_PORT=$((19082 + i)) \
    DB_PORT=$postgres_port DB_NAME=$database DB_USER=postgres DB_PASSWORD=postgres KAFKA_BOOTSTRAP_SERVERS=$kafka \
    ACCOUNTS_JWKS_URI=$accounts/.well-known/jwks.json \
    env ${side_env[$i]} java -Xms128m -Xmx384m -jar "$(jar "${checkouts[$i]}" projects-service)" \
    > "target/projects-bench-${labels[$i]}.log" 2>&1 &
  pids+=($!)
  readiness+=("http://localhost:$((19082 + i))/actuator/health/readiness")
  if $gateway; then
    SERVER_PORT=$((18180 + i)) MANAGEMENT_PORT=$((19180 + i)) ACCOUNTS_URI=$accounts \
      PROJECTS_URI=http://localhost:$((18082 + i)) \
      env ${side_env[$i]} java -Xms128m -Xmx384m -jar "$(jar "${checkouts[$i]}" api-gateway)" \
      > "target/gateway-bench-${labels[$i]}.log" 2>&1 &
    gateway_pids+=($!)
    readiness+=("http://localhost:$((19180 + i))/actuator/health/readiness")
  fi
done
for probe in "${readiness[@]}"; do
  for _ in $(seq 300); do
    curl -sf "$probe" > /dev/null && break
    sleep 0.5
  done
  curl -sf "$probe" > /dev/null || { echo "$probe did not answer; see target/*-bench-*.log" >&2; exit 1; }
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
  if $gateway; then
    base=http://localhost:$((18180 + i))
  fi
  paths+=("$base$project/tasks")
done

run() { # side, seconds
  token=$(fresh_token)
  local measured=("projects=${pids[$1]}")
  if $gateway; then
    measured+=("gateway=${gateway_pids[$1]}")
  fi
  bench/wrk-cpu.sh -d "$2" -H "Authorization: Bearer $token" "${labels[$1]}" "${paths[$1]}" "${measured[@]}"
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
side_c2_ticks() { # the C2 ticks of a side's JVMs together
  local total
  total=$(c2_ticks "${pids[$1]}")
  if $gateway; then
    total=$((total + $(c2_ticks "${gateway_pids[$1]}")))
  fi
  echo "$total"
}
hertz=$(getconf CLK_TCK) pass_seconds=15
for pass in $(seq 40); do
  busy=()
  for i in 0 1; do
    before_ticks=$(side_c2_ticks "$i")
    run "$i" "$pass_seconds" > /dev/null
    busy+=($(( ($(side_c2_ticks "$i") - before_ticks) * 100 / (hertz * pass_seconds) )))
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
  cpu=""
  for name in projects gateway; do
    if grep -q " $name [0-9]" <<< "$mine"; then
      cpu+=", $name CPU $(sed "s/.* $name \([0-9.]*\).*/\1/" <<< "$mine" | median) ms/request"
    fi
  done
  printf 'median %s: %s req/s%s (%s runs)\n' "$label" "$(awk '{print $2}' <<< "$mine" | median)" "$cpu" \
    "$(wc -l <<< "$mine")"
done
