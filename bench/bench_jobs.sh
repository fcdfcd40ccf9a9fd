#!/usr/bin/env bash
# Parallel speed-up on the peer corpus: a cold `verlag extract -j J` and a cold `verlag build -q -j J` for J = 1
# and 2, ROUNDS interleaved pairs (odd rounds -j 1 first, even rounds -j 2 first); prints per step and J the wall
# and CPU (user + system) seconds of every run with their medians, the peak RSS, and the speed-up of each pair
# (wall of -j 1 / wall of -j 2) with its median.
#
#   bash bench/bench_jobs.sh [VENV]      (default: this checkout's .venv; ROUNDS=5, N=500)
#
# Two projects, each the peer benchmark's corpus with its verlag.toml (one language, [publish] unreviewed =
# "machine"): the extract project is emptied of translations/ and .verlag/ before each run; the build project is
# extracted and filled by `pretranslate --engine pseudo` once (a German and an English page per article), and
# loses editions/, site/ and the build's records before each run (as the peer benchmark's generate step does),
# so only the segment cache carries over. Bytecode is compiled first, as bench_peers.sh does. The speed-up is a
# ratio of wall times: read it from a quiet machine, and say the load it was measured at. Needs the peer corpus
# (`../shared/peer-bench/run_peers.sh` makes it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${PEER_BENCH_HOME:-$HOME/.cache/peer-bench}
N=${N:-500}
ROUNDS=${ROUNDS:-5}
SRC=$BASE/work/corpus/n$N-none/src
[ -d "$SRC" ] || { echo "error: $SRC is absent: run ../shared/peer-bench/run_peers.sh side (NS=$N) once" >&2; exit 2; }
VENV=$(cd "${1:-$ROOT/.venv}" && pwd)
VERLAG=$VENV/bin/verlag
unset PYTHONDONTWRITEBYTECODE
code=$("$VENV/bin/python" -c 'import pipeline, pathlib; print(pathlib.Path(pipeline.__file__).parent.parent)')
"$VENV/bin/python" -m compileall -q "$code/pipeline" "$code"/*.py
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for p in extract build; do
  mkdir -p "$WORK/$p" && cp -r "$SRC" "$WORK/$p/source_de"
  printf '%s\n' 'name = "bench"' 'source_language = "de"' 'languages = ["en"]' '' '[publish]' \
    'unreviewed = "machine"' >"$WORK/$p/verlag.toml"
done
(cd "$WORK/build" && "$VERLAG" extract -q && "$VERLAG" pretranslate --engine pseudo --lang en \
  && "$VERLAG" build -q) >/dev/null 2>&1
for round in $(seq 1 "$ROUNDS"); do
  order=$([ $((round % 2)) = 1 ] && echo "1 2" || echo "2 1")
  for j in $order; do
    (cd "$WORK/extract" && rm -rf translations .verlag \
      && /usr/bin/time -f "extract $j %e %U %S %M" -a -o "$WORK/times" "$VERLAG" extract -j "$j" >/dev/null 2>&1)
    (cd "$WORK/build" && rm -rf editions site .verlag/build.json .verlag/site.json .verlag/site-bodies.sqlite \
      && /usr/bin/time -f "build $j %e %U %S %M" -a -o "$WORK/times" "$VERLAG" build -q -j "$j" >/dev/null 2>&1)
  done
done
python3 - "$WORK/times" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    step, jobs, wall, user, system, rss = line.split()
    rows.setdefault((step, jobs), []).append((float(wall), float(user) + float(system), int(rss) // 1024))
for (step, jobs), runs in sorted(rows.items()):
    wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
    print(f"{step:8} -j {jobs}: wall {', '.join(f'{w:.1f}' for w in wall)} s (median {statistics.median(wall):.1f}), "
          f"CPU {', '.join(f'{c:.1f}' for c in cpu)} s (median {statistics.median(cpu):.1f}), "
          f"peak RSS {max(r[2] for r in runs)} MiB")
for step in ("extract", "build"):
    ratios = [a[0] / b[0] for a, b in zip(rows[(step, "1")], rows[(step, "2")])]
    print(f"{step:8} speed-up -j 2 over -j 1, per pair: {', '.join(f'{r:.2f}' for r in ratios)} "
          f"(median {statistics.median(ratios):.2f})")
EOF
