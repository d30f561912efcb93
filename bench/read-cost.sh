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
# (see bench/lib.sh). Prints one line per run (bench/wrk-cpu.sh) and the medians of each side.
set -euo pipefail
cd "$(dirname "$0")/.."

gateway=false
if [ "${1:-}" = --through-gateway ]; then
  gateway=true
  shift
fi
[ $# -ge 2 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
checkouts=("$1" "$2") labels=(before after) rounds=${3:-3}
side_env=("${READ_COST_ENV_BEFORE:-}" "${READ_COST_ENV_AFTER:-}") # split into assignments where used
source bench/lib.sh

pids=() gateway_pids=() readiness=()
trap 'kill "${pids[@]}" "${gateway_pids[@]}" 2> /dev/null || true' EXIT

for i in 0 1; do
  # shellcheck disable=SC2086 # the side's assignments, one argument each
  start_projects "$(jar "${checkouts[$i]}" projects-service)" "projects_bench_${labels[$i]}" $((18082 + i)) \
    $((19082 + i)) "target/projects-bench-${labels[$i]}.log" ${side_env[$i]}
  pids+=($!)
  readiness+=("http://localhost:$((19082 + i))/actuator/health/readiness")
  if $gateway; then
    # shellcheck disable=SC2086 # the side's assignments, one argument each
    start_gateway "$(jar "${checkouts[$i]}" api-gateway)" $((18180 + i)) $((19180 + i)) \
      "http://localhost:$((18082 + i))" "target/gateway-bench-${labels[$i]}.log" ${side_env[$i]}
    gateway_pids+=($!)
    readiness+=("http://localhost:$((19180 + i))/actuator/health/readiness")
  fi
done
await_ready "${readiness[@]}"

register_bench_user
token=$(fresh_token)
paths=()
for i in 0 1; do
  base=http://localhost:$((18082 + i))
  project=$(project_with_ten_tasks "$base" "$token")
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
if $gateway; then
  warm_up_until_settled "${pids[0]},${gateway_pids[0]}" "${pids[1]},${gateway_pids[1]}"
else
  warm_up_until_settled "${pids[0]}" "${pids[1]}"
fi
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
for label in "${labels[@]}"; do
  printf '%s\n' "${results[@]}" | print_medians "$label" projects gateway
done
