#!/usr/bin/env bash
# The floor under a read (issue 17): what GET /api/projects/{id}/tasks (ten tasks) costs in CPU on the very
# libraries the services run on, rung by rung, in one run. Two ladders:
#
# reads (default), each answering straight:
#   netty          Reactor Netty alone, answering bytes serialised once (bench/floor/Floor.java)
#   webflux        Spring WebFlux, an annotated controller, ten records serialised by Jackson per read
#   webflux-r2dbc  the same, the tasks read per request with projects-service's query, DatabaseClient, R2DBC pool
#   unobserved     projects-service itself, every observation off (no spans, no timers; r2dbc-proxy's listener
#                  is left out too: with observations off it fails every statement's ending with a ClassCastException)
#   projects       projects-service as it ships: security and token checks, observations, access lines
# --gateway, each in front of the netty floor, so that nearly all of the CPU is the proxy's:
#   straight              the netty floor read directly, no proxy
#   netty-proxy           Reactor Netty's server and client alone (bench/floor/GatewayFloor.java)
#   spring-cloud-gateway  Spring Cloud Gateway, one route, nothing else
#   unobserved            api-gateway itself, every observation off
#   api-gateway           api-gateway as it ships: balancing, limits, retries, observations, access lines
#
# Each rung is its own JVM (same heap, two event loops), read in turn by wrk with a valid token (the floors
# ignore it), warmed until the JIT of every rung has settled, then ROUNDS rounds in a rotating order.
#
#   ./run-local.sh &            # PostgreSQL, Kafka, Zipkin and accounts-service of the stack
#   bench/floor.sh [--gateway] [ROUNDS]
#
# Needs wrk, curl, psql and built jars (./mvnw package). Ports 18090 to 18098 and 19093 to 19098. Prints one line
# per run (bench/wrk-cpu.sh) and each rung's medians.
set -euo pipefail
cd "$(dirname "$0")/.."
ladder=reads
if [ "${1:-}" = --gateway ]; then
  ladder=gateway
  shift
fi
rounds=${1:-3}
source bench/lib.sh

compile() { # module whose jar's libraries to compile against and run on, source file
  local libraries=target/floor/$1
  rm -rf "$libraries" && mkdir -p "$libraries/lib" "$libraries/classes"
  unzip -q -j -d "$libraries/lib" "$(jar . "$1")" 'BOOT-INF/lib/*'
  javac -proc:none -d "$libraries/classes" -cp "$libraries/lib/*" "$2"
  echo "$libraries/classes:$libraries/lib/*"
}
floor() { # rung, class path, main class, arguments...: a floor JVM in the background, its pid in $!
  local rung=$1 classpath=$2 main=$3
  shift 3
  SPRING_R2DBC_URL=r2dbc:postgresql://localhost:$postgres_port/projects_floor SPRING_R2DBC_USERNAME=postgres \
    SPRING_R2DBC_PASSWORD=postgres SPRING_R2DBC_POOL_INITIAL_SIZE=4 SPRING_R2DBC_POOL_MAX_SIZE=20 \
    JAVA_TOOL_OPTIONS=$services_gc \
    java -Xms128m -Xmx384m -Dreactor.netty.ioWorkerCount="$(nproc)" -cp "$classpath" "$main" "$@" \
    > "target/$rung-floor.log" 2>&1 &
}

reads=$(compile projects-service bench/floor/Floor.java)
r2dbc_observation=org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration
rungs=() pids=() urls=() upstream_pid=""
trap 'kill "${pids[@]}" $upstream_pid 2> /dev/null || true' EXIT
register_bench_user
token=$(fresh_token)
if [ "$ladder" = reads ]; then
  rungs=(netty webflux webflux-r2dbc unobserved projects)
  # The full service first: its migrations create the tables the webflux-r2dbc floor reads.
  start_projects "$(jar . projects-service)" projects_floor 18094 19094 target/projects-floor.log
  pids[4]=$!
  await_ready http://localhost:19094/actuator/health/readiness
  SPRING_KAFKA_CONSUMER_GROUP_ID=projects_floor_unobserved SERVER_PORT=18093 MANAGEMENT_PORT=19093 \
    DB_PORT=$postgres_port DB_NAME=projects_floor DB_USER=postgres DB_PASSWORD=postgres \
    KAFKA_BOOTSTRAP_SERVERS=$kafka ACCOUNTS_JWKS_URI=$accounts/.well-known/jwks.json \
    MANAGEMENT_OBSERVATIONS_ENABLE_ALL=false SPRING_AUTOCONFIGURE_EXCLUDE=$r2dbc_observation \
    java -Xms128m -Xmx384m -jar "$(jar . projects-service)" > target/unobserved-floor.log 2>&1 &
  pids[3]=$!
  for i in 0 1 2; do
    floor "${rungs[$i]}" "$reads" Floor "${rungs[$i]}" $((18090 + i))
    pids[i]=$!
  done
  await_ready http://localhost:19093/actuator/health/readiness
  path=$(project_with_ten_tasks http://localhost:18094 "$token")/tasks
  for i in "${!rungs[@]}"; do
    urls[i]=http://localhost:$((18090 + i))$path
  done
  # The services want a token; they are ready already.
  await_ready "${urls[@]:0:3}"
else
  rungs=(straight netty-proxy spring-cloud-gateway unobserved api-gateway)
  proxies=$(compile api-gateway bench/floor/GatewayFloor.java)
  upstream=http://localhost:18090
  floor straight "$reads" Floor netty 18090
  upstream_pid=$! pids[0]=$!
  floor netty-proxy "$proxies" GatewayFloor netty-proxy 18095 "$upstream"
  pids[1]=$!
  floor spring-cloud-gateway "$proxies" GatewayFloor spring-cloud-gateway 18096 "$upstream"
  pids[2]=$!
  for i in 3 4; do
    # shellcheck disable=SC2046 # no assignment, or one
    start_gateway "$(jar . api-gateway)" $((18094 + i)) $((19094 + i)) "$upstream" "target/${rungs[$i]}-floor.log" \
      $([ "$i" = 3 ] && echo MANAGEMENT_OBSERVATIONS_ENABLE_ALL=false)
    pids[i]=$!
  done
  await_ready http://localhost:19097/actuator/health/readiness http://localhost:19098/actuator/health/readiness
  urls=("$upstream") path=/api/projects/00000000-0000-0000-0000-000000000001/tasks
  for i in 1 2 3 4; do
    urls[i]=http://localhost:$((18094 + i))
  done
  for i in "${!rungs[@]}"; do
    urls[i]+=$path
  done
  await_ready "${urls[@]}"
fi

run() { # rung, seconds
  local measured=("${rungs[$1]}=${pids[$1]}")
  if [ -n "$upstream_pid" ] && [ "$1" != 0 ]; then
    measured+=("upstream=$upstream_pid")
  fi
  bench/wrk-cpu.sh -d "$2" -H "Authorization: Bearer $token" "${rungs[$1]}" "${urls[$1]}" "${measured[@]}"
}
echo "warm-up sides: ${rungs[*]}" >&2
warm_up_until_settled "${pids[@]}"
results=()
for round in $(seq "$rounds"); do
  token=$(fresh_token)
  for step in "${!rungs[@]}"; do
    i=$(( (step + round - 1) % ${#rungs[@]} ))
    line=$(run "$i" 20)
    echo "$line"
    results+=("$line")
  done
done
for rung in "${rungs[@]}"; do
  printf '%s\n' "${results[@]}" | print_medians "$rung" "$rung" upstream
done
# A rung that logs errors measures its error handling, not a read.
for rung in "${rungs[@]}"; do
  errors=$(grep -c ' ERROR ' "target/$rung-floor.log" || true)
  [ "$errors" = 0 ] || { echo "$rung logged $errors ERROR lines (target/$rung-floor.log): its figures are void" >&2; exit 1; }
done
