#!/usr/bin/env bash
# One load run from wrk (its own process, so the load's CPU is not the system's), reported as throughput,
# latency and the CPU each named process spent per request, read from /proc over the run. CPU per request is
# the figure that stays comparable on a machine whose speed varies: compare runs paired in one session.
#
#   bench/wrk-cpu.sh [-d seconds] [-c connections] [-t threads] [-H header] LABEL URL NAME=PID [NAME=PID ...]
#
# A process's CPU includes its live descendants and the children it reaped (PostgreSQL's backends).
# Prints one line: LABEL: R req/s (N requests, E non-2xx or socket errors), p50 X ms, p99 Y ms, CPU ms/request: NAME C ...
set -euo pipefail

seconds=20 connections=32 threads=1 headers=()
while getopts "d:c:t:H:" option; do
  case "$option" in
    d) seconds=$OPTARG ;;
    c) connections=$OPTARG ;;
    t) threads=$OPTARG ;;
    H) headers+=(-H "$OPTARG") ;;
    *) sed -n '2,9p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 3 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
label=$1 url=$2
shift 2
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

# utime + stime (+ reaped children) of a process and its live descendants, in clock ticks.
ticks() {
  local pid=$1 total child stat
  # A backend that ended since its parent listed it counts nothing here: its parent has reaped its CPU (or will).
  stat=$(cat "/proc/$pid/stat" 2> /dev/null) || { echo 0; return; }
  # The command name may hold spaces: fields are counted after its closing parenthesis.
  total=$(sed 's/.*) //' <<< "$stat" | awk '{print $12 + $13 + $14 + $15}')
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
    total=$((total + $(ticks "$child")))
  done
  echo "$total"
}

names=() pids=() before=()
for process in "$@"; do
  names+=("${process%%=*}")
  pids+=("${process#*=}")
done
for pid in "${pids[@]}"; do before+=("$(ticks "$pid")"); done

output=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency ${headers[@]+"${headers[@]}"} "$url")

hertz=$(getconf CLK_TCK)
# wrk prints latencies with a unit (us, ms, s): in milliseconds.
millis() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }'; }
requests=$(awk '/requests in/ {print $1}' <<< "$output")
rate=$(awk '/^Requests\/sec:/ {print $2}' <<< "$output")
errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i} END {print n + 0}' <<< "$output")
p50=$(millis "$(awk '$1 == "50%" {print $2}' <<< "$output")")
p99=$(millis "$(awk '$1 == "99%" {print $2}' <<< "$output")")

cpu=""
for i in "${!pids[@]}"; do
  spent=$(( $(ticks "${pids[$i]}") - before[i] ))
  cpu+=$(awk -v t="$spent" -v hz="$hertz" -v n="$requests" -v name="${names[$i]}" \
    'BEGIN { printf " %s %.3f", name, (t * 1000 / hz) / n }')
done
printf '%s: %.0f req/s (%d requests, %d non-2xx or socket errors), p50 %.2f ms, p99 %.2f ms, CPU ms/request:%s\n' \
  "$label" "$rate" "$requests" "$errors" "$p50" "$p99" "$cpu"
