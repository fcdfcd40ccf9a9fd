#!/usr/bin/env bash
# Issue 14's build goal in one run: verlag's cold two-page `build -q -j JOBS` (a German and an English page per
# article, editions and site) and po4a's one-catalog generate, timed back to back, ROUNDS interleaved pairs (odd
# rounds po4a first, even rounds verlag first), by the peer benchmark's own timer; prints every run's wall, CPU
# (user + system) and peak RSS, the medians, and the ratio of verlag's median wall to po4a's with the per-pair ratios.
#
#   bash bench/bench_side_build.sh [VENV]      (default: this checkout's .venv; ROUNDS=5, N=500, JOBS=2)
#
# Why a script of its own: the peer benchmark fills verlag's catalogs with `pretranslate --engine copy`, whose drafts
# are the German unchanged, so its `build` makes one page per article (the English edition is untranslated and
# left out). This project is the one bench_jobs.sh builds: the peer corpus, a cold `extract`, `pretranslate --engine
# pseudo --lang en` (every sentence a draft that differs from the German), [publish] unreviewed = "machine"; before
# each run it loses editions/, site/ and the build's records, as the peer benchmark's generate step does. po4a's
# side is the peer benchmark's own workspace and command (`rm -rf out && po4a --no-update -q po4a.cfg` on its
# filled one-catalog project), so run `../shared/peer-bench/run_peers.sh side` with NS=N and TOOLS including po4a1
# first, and read the ratio from a quiet machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${PEER_BENCH_HOME:-$HOME/.cache/peer-bench}
PEERS=${PEER_BENCH:-$ROOT/../shared/peer-bench}
N=${N:-500}
ROUNDS=${ROUNDS:-5}
JOBS=${JOBS:-2}
SRC=$BASE/work/corpus/n$N-none/src
PO4A=$BASE/work/side/po4a1/n$N
for need in "$SRC" "$PO4A/po/en.po" "$PEERS/tools/timecmd.py" "$BASE/.venv/bin/python"; do
  [ -e "$need" ] || { echo "error: $need is absent: run ../shared/peer-bench/run_peers.sh side with NS=$N and TOOLS including po4a1 once" >&2; exit 2; }
done
VENV=$(cd "${1:-$ROOT/.venv}" && pwd)
VERLAG=$VENV/bin/verlag
unset PYTHONDONTWRITEBYTECODE
export LC_ALL=C.UTF-8
code=$("$VENV/bin/python" -c 'import pipeline, pathlib; print(pathlib.Path(pipeline.__file__).parent.parent)')
"$VENV/bin/python" -m compileall -q "$code/pipeline" "$code"/*.py
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/build" && cp -r "$SRC" "$WORK/build/source_de"
printf '%s\n' 'name = "bench"' 'source_language = "de"' 'languages = ["en"]' '' '[publish]' \
  'unreviewed = "machine"' >"$WORK/build/verlag.toml"
(cd "$WORK/build" && "$VERLAG" extract -q && "$VERLAG" pretranslate --engine pseudo --lang en \
  && "$VERLAG" build -q) >/dev/null 2>&1
run() {  # run TOOL DIR COMMAND: one timed run, a line "TOOL WALL CPU PEAK_MIB EXIT" appended to $WORK/times
  "$BASE/.venv/bin/python" "$PEERS/tools/timecmd.py" -n 1 --warmup 0 --timeout 3600 -- \
    sh -c "cd '$2' && { $3 ; } >/dev/null 2>&1" >"$WORK/one" 2>&1 || true
  awk -v tool="$1" '/^A wall s/ {w = $(NF-1)} /^A cpu s/ {c = $(NF-1)} /^A peak MiB/ {p = $(NF-1)}
    /^A exit/ {e = $3} END {print tool, w, c, p, e}' "$WORK/one" >>"$WORK/times"
}
for round in $(seq 1 "$ROUNDS"); do
  order=$([ $((round % 2)) = 1 ] && echo "po4a verlag" || echo "verlag po4a")
  for tool in $order; do
    case $tool in
      po4a) run po4a "$PO4A" "rm -rf out && po4a --no-update -q po4a.cfg" ;;
      verlag) run verlag "$WORK/build" "rm -rf editions site .verlag/build.json .verlag/site.json \
.verlag/site-bodies.sqlite && $VERLAG build -q -j $JOBS" ;;
    esac
  done
done
python3 - "$WORK/times" "$N" "$JOBS" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    tool, wall, cpu, peak, code = line.split()
    if code != "0":
        sys.exit(f"error: a {tool} run exited {code}")
    rows.setdefault(tool, []).append((float(wall), float(cpu), float(peak)))
names = {"po4a": "po4a generate (one catalog)", "verlag": f"verlag build -j {sys.argv[3]} (two pages)"}
for tool in ("po4a", "verlag"):
    runs = rows[tool]
    print(f"{names[tool]:34} N={sys.argv[2]}: wall {', '.join(f'{r[0]:.2f}' for r in runs)} s "
          f"(median {statistics.median(r[0] for r in runs):.2f}), CPU median "
          f"{statistics.median(r[1] for r in runs):.2f} s, peak RSS {max(r[2] for r in runs):.0f} MiB")
ratio = statistics.median(r[0] for r in rows["verlag"]) / statistics.median(r[0] for r in rows["po4a"])
pairs = [v[0] / p[0] for v, p in zip(rows["verlag"], rows["po4a"])]
print(f"ratio of medians, verlag / po4a: {ratio:.2f}x (per pair: {', '.join(f'{r:.2f}' for r in pairs)})")
EOF
