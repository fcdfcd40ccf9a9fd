#!/usr/bin/env bash
# The first no-op `verlag extract` after a cold one, as the peer benchmark times it, for two checkouts interleaved:
# per round and checkout `rm -rf translations .verlag`, a cold `extract`, the first and the second no-op, each under
# /usr/bin/time; prints each step's CPU (user + system) per round and median, and the first no-op's share of the
# cold extract per round.
#
#   bash bench/bench_first_noop.sh BEFORE_CODE [AFTER_CODE]    (default AFTER_CODE: this checkout; ROUNDS=6, N=500)
#
# A CODE is a checkout or a `git archive` of one (e.g. `git archive main | tar -x -C /tmp/main`), run with this
# checkout's .venv and PYTHONPATH=CODE; bytecode is compiled first. Needs the peer corpus
# (`../shared/peer-bench/run_peers.sh` makes it). On a shared machine compare CPU seconds, not wall seconds.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${PEER_BENCH_HOME:-$HOME/.cache/peer-bench}
N=${N:-500}
SRC=$BASE/work/corpus/n$N-none/src
[ -d "$SRC" ] || { echo "error: $SRC is absent: run ../shared/peer-bench/run_peers.sh side (NS=$N) once" >&2; exit 2; }
[ $# -ge 1 ] || { echo "usage: bash bench/bench_first_noop.sh BEFORE_CODE [AFTER_CODE]" >&2; exit 2; }
CODES=("$(cd "$1" && pwd)" "$(cd "${2:-$ROOT}" && pwd)")
unset PYTHONDONTWRITEBYTECODE
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for i in 0 1; do
  "$ROOT/.venv/bin/python" -m compileall -q "${CODES[$i]}/pipeline" "${CODES[$i]}"/*.py
  mkdir -p "$WORK/$i" && cp -r "$SRC" "$WORK/$i/source_de"
  printf '%s\n' 'name = "bench"' 'source_language = "de"' 'languages = ["en"]' '' '[publish]' \
    'unreviewed = "machine"' >"$WORK/$i/verlag.toml"
done
for round in $(seq 1 "${ROUNDS:-6}"); do
  for i in $([ $((round % 2)) = 1 ] && echo 0 1 || echo 1 0); do
    rm -rf "$WORK/$i/translations" "$WORK/$i/.verlag"
    for step in cold noop1 noop2; do
      (cd "$WORK/$i" && PYTHONPATH=${CODES[$i]} /usr/bin/time -f "$i $step %U %S" -a -o "$WORK/times" \
        "$ROOT/.venv/bin/verlag" extract >/dev/null 2>&1) || true
    done
  done
done
python3 - "$WORK/times" "${CODES[@]}" <<'PY'
import collections, statistics, sys
cpu = collections.defaultdict(list)
for line in open(sys.argv[1]):
    who, step, user, system = line.split()
    cpu[(int(who), step)].append(float(user) + float(system))
for who in (0, 1):
    print(sys.argv[2 + who])
    for step in ("cold", "noop1", "noop2"):
        runs = cpu[(who, step)]
        print(f"  {step:6} CPU {' '.join(f'{c:.2f}' for c in runs)}, median {statistics.median(runs):.3f} s")
    share = [a / b * 100 for a, b in zip(cpu[(who, "noop1")], cpu[(who, "cold")])]
    print(f"  first no-op / cold: {' '.join(f'{s:.1f}' for s in share)} %, median {statistics.median(share):.1f} %")
PY
