#!/usr/bin/env bash
# The peer benchmark's update step (`verlag extract` after 5 % of the paragraphs were edited) for two versions of
# verlag's code, interleaved; then whether both left the same translations/ and said the same.
#
#   bash bench/bench_update.sh BEFORE_COMMIT [AFTER_COMMIT]   (default AFTER: the work tree; ROUNDS=4, N=500,
#                                                              COUNT=instructions: see below)
#
# Each version is exported (`git archive`; the work tree as it is) to a scratch folder, its bytecode compiled, and
# run with this checkout's .venv ahead of the installed checkout (PYTHONPATH), as bench/profile_serial.sh does.
# Its workspace is made by its own code as ../shared/peer-bench/run_peers.sh makes the `update` one: the corpus
# in source_de/, a cold `extract`, `pretranslate --engine copy --lang en`, the sources replaced by the edited ones
# and touched (verlag's caches are keyed by its code, so a workspace made by other code would be extracted cold).
# Each round copies each workspace afresh and times `verlag extract -q` (default --jobs) in the copy with
# /usr/bin/time; SOURCE_DATE_EPOCH is fixed, so the copies of the last round must hold the same translations/
# byte for byte (`diff -r`) and the same report. On a shared machine compare CPU seconds, not wall seconds.
#
# COUNT=instructions: one run of each under valgrind's cachegrind instead (parent and pool workers, each counted
# apart, then added up): one figure whatever the load; the kernel's work (open, fsync, rename) is not in it.
# Needs the peer corpus (`../shared/peer-bench/run_peers.sh side` makes it) and, for COUNT, valgrind.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/code_copy.sh"
BASE=${PEER_BENCH_HOME:-$HOME/.cache/peer-bench}
N=${N:-500}
ROUNDS=${ROUNDS:-4}
CORPUS=$BASE/work/corpus/n$N-none
[ -d "$CORPUS/src-edited" ] || { echo "error: $CORPUS/src-edited is absent: run ../shared/peer-bench/run_peers.sh side (NS=$N) once" >&2; exit 2; }
[ $# -ge 1 ] || { echo "usage: bash bench/bench_update.sh BEFORE_COMMIT [AFTER_COMMIT]" >&2; exit 2; }
PY=$ROOT/.venv/bin/python
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1796000000
unset PYTHONDONTWRITEBYTECODE
echo 'import cli; cli.main()' >"$WORK/verlag.py"
NAMES=("$1" "${2:-worktree}")
for i in 0 1; do
  code=$WORK/code$i && code_copy "$ROOT" "${NAMES[$i]}" "$code" "$PY"
  ws=$WORK/base$i && mkdir -p "$ws" && cp -a "$CORPUS/src" "$ws/source_de"
  printf '%s\n' 'name = "bench"' 'source_language = "de"' 'languages = ["en"]' '' '[publish]' \
    'unreviewed = "machine"' >"$ws/verlag.toml"
  (cd "$ws" && PYTHONPATH=$code "$PY" "$WORK/verlag.py" extract -q &&
    PYTHONPATH=$code "$PY" "$WORK/verlag.py" pretranslate --engine copy --lang en) >/dev/null
  rm -rf "$ws/source_de" && cp -a "$CORPUS/src-edited" "$ws/source_de"
done
sleep 1
touch "$WORK"/base*/source_de/*.md
run() {  # run I PREFIX...: the update in a fresh copy of workspace I, the command after PREFIX
  local i=$1; shift
  rm -rf "$WORK/run$i" && cp -a "$WORK/base$i" "$WORK/run$i"
  (cd "$WORK/run$i" && PYTHONPATH=$WORK/code$i "$@" "$PY" "$WORK/verlag.py" extract -q >/dev/null 2>"$WORK/said$i")
}
if [ "${COUNT:-}" = instructions ]; then
  for i in 0 1; do
    mkdir -p "$WORK/cg$i"
    run "$i" valgrind --tool=cachegrind --cache-sim=no --trace-children=yes \
      --cachegrind-out-file="$WORK/cg$i/out.%p" --log-file="$WORK/cg$i/log.%p"
    awk -v who="${NAMES[$i]}" '/^summary:/ { n++; all += $2; each = each sprintf(" %.0f", $2 / 1e6) }
      END { printf "%-12s %.0f M instructions in all, by process (parent last):%s\n", who, all / 1e6, each }' \
      $(ls -tr "$WORK/cg$i"/out.*)  # by the time each was written: the parent, which waits for its workers, last
  done
else
  for round in $(seq 1 "$ROUNDS"); do
    for i in 0 1; do
      run "$i" /usr/bin/time -f "$i %e %U %S %M" -a -o "$WORK/times"
    done
  done
  "$PY" - "$WORK/times" "${NAMES[@]}" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    who, wall, user, system, rss = line.split()
    rows.setdefault(int(who), []).append((float(user) + float(system), float(wall), int(rss)))
for who, runs in sorted(rows.items()):
    cpu, wall = [r[0] for r in runs], [r[1] for r in runs]
    print(f"{sys.argv[2 + who]:12} CPU {' '.join(f'{c:.2f}' for c in cpu)} s, median {statistics.median(cpu):.2f}; "
          f"wall median {statistics.median(wall):.2f} s ({min(wall):.2f}-{max(wall):.2f}); "
          f"peak RSS {max(r[2] for r in runs) // 1024} MiB")
EOF
fi
if diff -rq "$WORK/run0/translations" "$WORK/run1/translations" >"$WORK/differ" && diff "$WORK/said0" "$WORK/said1" >>"$WORK/differ"; then
  echo "translations/ and the report: the same bytes"
else
  echo "translations/ or the report DIFFER:" && head -5 "$WORK/differ"
fi
