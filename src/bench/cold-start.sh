#!/usr/bin/env bash
# Cold start beside the peer: the command line started as the README and the plugin start it (a fresh JVM, once per
# build) and Debian's pywinrm, each auditing the same lab fleet (HTTP, NTLMv2, every message sealed, LATENCY ms added
# to every request) in the same run, one after the other. Prints wall time, CPU (user + system) and peak RSS of each
# client process, and the ratios. Not a test: it asserts nothing. Needs the built jar (mvn -B -q package -DskipTests),
# Debian's python3-winrm and python3-requests-ntlm for /usr/bin/python3 (.ci/run installs them).
#
#   src/bench/cold-start.sh [HOSTS...]     e.g. src/bench/cold-start.sh 100 1000   (default: 100)
#   CONCURRENCY="16 64" LATENCY=20 JAVA_OPTS="-XX:TieredStopAtLevel=1" src/bench/cold-start.sh 100
# As the build step starts it, the command line maps a class-data archive that a first run made (ClassDataArchive):
# the script makes one first with a one-host audit, as a node's first build does, and prints what that cost.
# ARCHIVE=0 measures without one (a JDK older than 13, or the step's options alone from a shell). RUNS=3 runs each client three
# times per fleet and concurrency (a fresh lab each time) and adds the medians, of which the ratios are then taken.
# The lab gives every host its own loopback address (127.1.0.1 on) on WinRM's port 5985 (LAB_PORT to change it), as a
# fleet is addressed; requests per host are the lab's own count of what each client asked.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/dcom-protocol-compliance-cli.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
concurrencies=${CONCURRENCY:-16 64}
latency=${LATENCY:-20}
port=${LAB_PORT:-5985}
# The floor: what one command on a host costs over WinRM with NTLM: the logon's two requests (negotiate, then the
# answer to the challenge), then Create (the shell), Command, Receive, Signal and Delete, minus one because the logon's
# second request carries the first SOAP message (see docs/benchmark.md).
FLOOR=${FLOOR:-6}
work=$(mktemp -d)
export DCOM_BENCH_PASSWORD="Bench-$(date +%s)-Pw" WINRM_USER=labadmin
export WINRM_PASSWORD=$DCOM_BENCH_PASSWORD
lab=
trap '[ -n "$lab" ] && kill "$lab" 2>/dev/null; rm -rf "$work"' EXIT

requests() { # prints the lab's request count so far
  sed -n 's/^requests=\([0-9]*\) .*/\1/p' "$work/lab/counters.txt"
}

measure() { # label command...: prints "label wall cpu rss"
  local out=$work/time.txt
  /usr/bin/time -q -o "$out" -f "%e %U %S %M" "${@:2}" > "$work/out.txt" 2>&1 || true
  read -r wall user sys rss < "$out"
  awk -v l="$1" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN { printf "%s %s %.2f %d\n", l, w, u + s, r / 1024 }'
}

cds=()
make_archive() { # as a node's first build: a one-host audit writes the archive at exit (ClassDataArchive)
  start_lab 1
  # shellcheck disable=SC2086
  read -r _ awall acpu arss < <(measure archive java ${JAVA_OPTS:-} -Xlog:cds=off -Xlog:cds+dynamic=off \
      -XX:ArchiveClassesAtExit="$work/cli.jsa" -jar "$jar" audit --inventory "$work/lab/inventory.txt" --user labadmin \
      --password-env DCOM_BENCH_PASSWORD --report-dir "$work/reports-archive")
  stop_lab
  [ -s "$work/cli.jsa" ] || { echo "no class-data archive was made (JDK older than 13?); ARCHIVE=0 to go without" >&2; exit 1; }
  echo "class-data archive made by a one-host audit (a node's first build): $awall s wall, $acpu s CPU, $(du -m "$work/cli.jsa" | cut -f1) MB"
  cds=(-Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile="$work/cli.jsa")
}

start_lab() { # hosts: a fresh lab, so that no client finds logons another left behind (docs/lab.md, known limits)
  rm -rf "$work/lab"
  java -jar "$jar" lab --hosts "$1" --addresses --base-port "$port" --dir "$work/lab" --latency-ms "$latency" \
      --password-env DCOM_BENCH_PASSWORD > "$work/lab.log" 2>&1 &
  lab=$!
  for _ in $(seq 1 240); do [ -s "$work/lab/counters.txt" ] && break; sleep 0.5; done
  [ -s "$work/lab/counters.txt" ] || { cat "$work/lab.log" >&2; exit 1; }
}

stop_lab() {
  sleep 0.5 # the lab writes its counters every 200 ms
  kill "$lab"; wait "$lab" 2>/dev/null || true; lab=
}

[ "${ARCHIVE:-1}" = 0 ] || make_archive
printf '%-6s %-4s %-9s %8s %8s %9s %9s   %s\n' hosts conc client "wall s" "CPU s" "RSS MB" "req/host" "note"
median() { # numbers...: prints the middle one (the lower middle of an even count)
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

row() { # hosts conc client wall cpu rss req note
  printf '%-6s %-4s %-9s %8s %8s %9s %9s   %s\n' "$@"
}

runs=${RUNS:-1}
for hosts in ${@:-100}; do
  for conc in $concurrencies; do
    jw=(); jc=(); jr=(); jq=(); pw=(); pc=(); pr=(); pq=()
    for _ in $(seq 1 "$runs"); do
      start_lab "$hosts"
      # shellcheck disable=SC2086
      read -r _ jwall jcpu jrss < <(measure cli java ${JAVA_OPTS:-} "${cds[@]}" -jar "$jar" audit --inventory "$work/lab/inventory.txt" \
          --user labadmin --password-env DCOM_BENCH_PASSWORD --concurrency "$conc" --report-dir "$work/reports-$conc")
      jnote=$(grep -m1 -o '^[0-9]* hosts[^(]*' "$work/out.txt" || tail -1 "$work/out.txt" | cut -c1-70)
      sleep 0.5; jreq=$(awk -v r="$(requests)" -v h="$hosts" 'BEGIN { printf "%.1f", r / h }')
      stop_lab
      start_lab "$hosts"
      read -r _ pwall pcpu prss < <(measure pywinrm env OPENSSL_CONF=src/test/resources/pywinrm/openssl-legacy.cnf "${PYTHON:-/usr/bin/python3}" src/bench/pywinrm_fleet.py "$work/lab/inventory.txt" "$conc")
      pnote=$(tail -1 "$work/out.txt")
      sleep 0.5; preq=$(awk -v r="$(requests)" -v h="$hosts" 'BEGIN { printf "%.1f", r / h }')
      stop_lab
      row "$hosts" "$conc" cli "$jwall" "$jcpu" "$jrss" "$jreq" "$jnote"
      row "$hosts" "$conc" pywinrm "$pwall" "$pcpu" "$prss" "$preq" "$pnote"
      jw+=("$jwall"); jc+=("$jcpu"); jr+=("$jrss"); jq+=("$jreq"); pw+=("$pwall"); pc+=("$pcpu"); pr+=("$prss"); pq+=("$preq")
    done
    what="cli / pywinrm"
    if [ "$runs" -gt 1 ]; then # each figure the median of its client's runs
      jwall=$(median "${jw[@]}"); jcpu=$(median "${jc[@]}"); jrss=$(median "${jr[@]}"); jreq=$(median "${jq[@]}")
      pwall=$(median "${pw[@]}"); pcpu=$(median "${pc[@]}"); prss=$(median "${pr[@]}"); preq=$(median "${pq[@]}")
      row "$hosts" "$conc" cli-med "$jwall" "$jcpu" "$jrss" "$jreq" "median of $runs runs"
      row "$hosts" "$conc" py-med "$pwall" "$pcpu" "$prss" "$preq" "median of $runs runs"
      what="medians: cli / pywinrm"
    fi
    awk -v h="$hosts" -v c="$conc" -v a="$jwall" -v b="$pwall" -v d="$jcpu" -v e="$pcpu" -v f="$jrss" -v g="$prss" \
        -v x="$jreq" -v y="$preq" -v fl="$FLOOR" -v w="$what" \
        'BEGIN { printf "%-6s %-4s %-9s %8.2f %8.2f %9.2f %9.2f   %s (requests: cli / floor %.2f)\n", h, c, "ratio", a / b, d / e, f / g, x / y, w, x / fl }'
  done
done
