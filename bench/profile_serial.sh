#!/usr/bin/env bash
# cProfile of a cold `verlag extract -j 1`, the editions stage alone (`build_editions(jobs=1)`, what the peer
# bench's tools/verlag_editions.py times) and a cold `verlag build -j 1` on the peer corpus, for any commit.
#
#   bash bench/profile_serial.sh [COMMIT]        (default: the work tree; N=500 as in the peer benchmark)
#
# With one job every article is segmented, checked and rendered in the profiled process, so the summary
# accounts for all of the work (run_peers.sh's `profile` mode uses the default --jobs and sees only the
# main process). COMMIT is exported with `git archive` to a scratch folder and imported ahead of the
# installed checkout (PYTHONPATH), with this checkout's .venv: before/after profiles of one machine and
# one corpus. Needs the peer corpus (`../shared/peer-bench/run_peers.sh side` or `profile` makes it) and
# the peer bench's tools/profile_summary.py. Writes $OUT/{extract,editions,build}.{prof,md}
# (default OUT: $PEER_BENCH_HOME/results/serial-<commit or worktree>).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=$ROOT/../shared/peer-bench
[ -f "$PEERS/tools/profile_summary.py" ] || { echo "error: $PEERS is absent (the shared folder beside the checkout)" >&2; exit 2; }
BASE=${PEER_BENCH_HOME:-$HOME/.cache/peer-bench}
N=${N:-500}
SRC=$BASE/work/corpus/n$N-none/src
[ -d "$SRC" ] || { echo "error: $SRC is absent: run ../shared/peer-bench/run_peers.sh profile (PROFILE_N=$N) once" >&2; exit 2; }
PY=${VERLAG_VENV:-$ROOT/.venv}/bin/python
COMMIT=${1:-}
OUT=${OUT:-$BASE/results/serial-${COMMIT:-worktree}}
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
CODE=$ROOT
if [ -n "$COMMIT" ]; then
  CODE=$SCRATCH/code && mkdir -p "$CODE" && git -C "$ROOT" archive "$COMMIT" | tar -x -C "$CODE"
fi
echo 'import cli; cli.main()' >"$SCRATCH/verlag.py"
verlag() { PYTHONPATH=$CODE "$PY" "$SCRATCH/verlag.py" "$@"; }
profile() { PYTHONPATH=$CODE "$PY" -m cProfile -o "$1" "$SCRATCH/verlag.py" "${@:2}"; }
WS=$SCRATCH/ws && mkdir -p "$WS" "$OUT" && cp -a "$SRC" "$WS/source_de"
printf '%s\n' 'name = "bench"' 'source_language = "de"' 'languages = ["en"]' '' \
  '[publish]' 'unreviewed = "machine"' >"$WS/verlag.toml"
cd "$WS"
profile "$OUT/extract.prof" extract -q -j 1 >/dev/null
verlag pretranslate --engine copy --lang en >/dev/null
cp -a "$WS" "$SCRATCH/ws-editions"  # the editions stage alone, in a copy: build below still makes them itself
printf '%s\n' 'from pathlib import Path' 'from pipeline.config import load_config' \
  'from pipeline.editions import build_editions' 'build_editions(load_config(Path(".")), jobs=1)' >"$SCRATCH/editions.py"
(cd "$SCRATCH/ws-editions" && PYTHONPATH=$CODE "$PY" -m cProfile -o "$OUT/editions.prof" "$SCRATCH/editions.py")
profile "$OUT/build.prof" build -q -j 1 >/dev/null
for f in extract editions build; do
  "$PY" "$PEERS/tools/profile_summary.py" "$OUT/$f.prof" --top 15 >"$OUT/$f.md"
done
echo "$OUT/extract.md $OUT/editions.md $OUT/build.md"
