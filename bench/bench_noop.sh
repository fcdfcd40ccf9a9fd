#!/usr/bin/env bash
# No-op reruns on the peer corpus, two verlag installs interleaved: a no-op `verlag extract` and `verlag build -q`
# of each, ROUNDS times, each in a project of its own; prints per install and step the median and range of
# CPU (user + system) and wall seconds and the peak RSS, as /usr/bin/time measures them.
#
#   bash bench/bench_noop.sh BEFORE_VENV [AFTER_VENV]     (default AFTER_VENV: this checkout's .venv; ROUNDS=6, N=500,
#                                                          COUNT=instructions: see below)
#
# e.g. `bash bench/bench_noop.sh ../main/.venv`. Each project is the peer benchmark's corpus with its
# verlag.toml (one language, [publish] unreviewed = "machine"), made once by a cold extract, pretranslate
# --engine copy and build, then extract and build again untimed (the first runs of an install after a code
# change are not no-ops; so neither checkout may change while it runs: a merge into ../main makes that
# install's next runs cold ones). Bytecode is compiled first, as bench_peers.sh does. On a shared machine compare
# CPU seconds, not wall seconds. Needs the peer corpus (`../shared/peer-bench/run_peers.sh` makes it).
#
# COUNT=instructions: each step once under valgrind's callgrind instead, printing the instructions it executes in
# millions, all and without libcrypto's: one figure whatever the load. Under valgrind OpenSSL cannot use the
# CPU's SHA extensions and hashes in plain code, many times the instructions a real run spends on SHA-256 (about
# 1.2 GB/s on the build machine: 20 ms for the 23 MB a no-op extract hashes at N = 500); the kernel's work
# (open, read, stat) is not counted. It then counts the floor no verlag command goes below, with the second install's
# Python: starting it (`python -c pass`) and starting it and importing click (`python -c "import click"`).
# Needs valgrind.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${PEER_BENCH_HOME:-$HOME/.cache/peer-bench}
N=${N:-500}
ROUNDS=${ROUNDS:-6}
SRC=$BASE/work/corpus/n$N-none/src
[ -d "$SRC" ] || { echo "error: $SRC is absent: run ../shared/peer-bench/run_peers.sh side (NS=$N) once" >&2; exit 2; }
[ $# -ge 1 ] || { echo "usage: bash bench/bench_noop.sh BEFORE_VENV [AFTER_VENV]" >&2; exit 2; }
VENVS=("$(cd "$1" && pwd)" "$(cd "${2:-$ROOT/.venv}" && pwd)")
unset PYTHONDONTWRITEBYTECODE
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for i in 0 1; do
  venv=${VENVS[$i]}
  code=$("$venv/bin/python" -c 'import pipeline, pathlib; print(pathlib.Path(pipeline.__file__).parent.parent)')
  "$venv/bin/python" -m compileall -q "$code/pipeline" "$code"/*.py
  ws=$WORK/$i && mkdir -p "$ws" && cp -r "$SRC" "$ws/source_de"
  printf '%s\n' 'name = "bench"' 'source_language = "de"' 'languages = ["en"]' '' '[publish]' \
    'unreviewed = "machine"' >"$ws/verlag.toml"
  (cd "$ws" && "$venv/bin/verlag" extract -q && "$venv/bin/verlag" pretranslate --engine copy --lang en \
    && "$venv/bin/verlag" build -q && "$venv/bin/verlag" extract -q && "$venv/bin/verlag" build -q) >/dev/null 2>&1
done
if [ "${COUNT:-}" = instructions ]; then
  for i in 0 1; do
    for step in extract build; do
      args=$([ $step = build ] && echo "build -q" || echo extract)
      (cd "$WORK/$i" && valgrind --tool=callgrind --callgrind-out-file="$WORK/$i.$step.out" \
        "${VENVS[$i]}/bin/python" "${VENVS[$i]}/bin/verlag" $args >/dev/null 2>&1)
      callgrind_annotate --inclusive=no "$WORK/$i.$step.out" 2>/dev/null | awk -v step="$step" -v venv="${VENVS[$i]}" '
        /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
        /libcrypto/ { gsub(",", "", $1); crypto += $1 }
        END { printf "%-8s %s: %.0f M instructions, %.0f M without libcrypto\n", step, venv, total / 1e6,
              (total - crypto) / 1e6 }'
    done
  done
  for code in pass "import click"; do
    valgrind --tool=callgrind --callgrind-out-file="$WORK/floor.out" "${VENVS[1]}/bin/python" -c "$code" >/dev/null 2>&1
    callgrind_annotate "$WORK/floor.out" 2>/dev/null | awk -v code="$code" '/PROGRAM TOTALS/ {
      gsub(",", "", $1); printf "floor    python -c \"%s\": %.0f M instructions\n", code, $1 / 1e6 }'
  done
  exit 0
fi
for round in $(seq 1 "$ROUNDS"); do
  for i in 0 1; do
    for step in extract build; do
      args=$([ $step = build ] && echo "build -q" || echo extract)
      (cd "$WORK/$i" && /usr/bin/time -f "$i $step %e %U %S %M" -a -o "$WORK/times" \
        "${VENVS[$i]}/bin/verlag" $args >/dev/null 2>&1) || true
    done
  done
done
python3 - "$WORK/times" "${VENVS[@]}" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    who, step, wall, user, system, rss = line.split()
    rows.setdefault((step, int(who)), []).append((float(user) + float(system), float(wall), int(rss)))
for (step, who), runs in sorted(rows.items()):
    cpu, wall = [r[0] for r in runs], [r[1] for r in runs]
    print(f"{step:8} {sys.argv[2 + who]}: CPU median {statistics.median(cpu):.2f} s ({min(cpu):.2f}-{max(cpu):.2f}), "
          f"wall median {statistics.median(wall):.2f} s ({min(wall):.2f}-{max(wall):.2f}), "
          f"peak RSS {max(r[2] for r in runs) // 1024} MiB, {len(runs)} runs")
EOF
