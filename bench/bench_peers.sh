#!/usr/bin/env bash
# verlag side by side with po4a, translate-toolkit and mdpo on the shared peer benchmark, then cProfile.
#
#   bash bench/bench_peers.sh            (from anywhere; NS, REPS, TOOLS as in run_peers.sh)
#
# Runs ../shared/peer-bench/run_peers.sh (the folder beside the checkout) in `side` mode (every step
# timed for every tool back to back, REPS times, medians) and in `profile` mode (cProfile of verlag's
# cold extract, cold build and editions stage at N = PROFILE_N) with this checkout's .venv as verlag.
# Needs `bash ../shared/peer-bench/setup.sh` once. Results: $PEER_BENCH_HOME/results/side-tables.md
# and $PEER_BENCH_HOME/results/profile/*.md (default PEER_BENCH_HOME: ~/.cache/peer-bench).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=$ROOT/../shared/peer-bench
[ -x "$PEERS/run_peers.sh" ] || { echo "error: $PEERS is absent (the shared folder beside the checkout)" >&2; exit 2; }
export NS=${NS:-500} REPS=${REPS:-3} TOOLS=${TOOLS:-"po4a1 tt mdpo verlag"}
export VERLAG_VENV=${VERLAG_VENV:-$ROOT/.venv} PROFILE_N=${PROFILE_N:-$NS}
cd "$ROOT"
# pip compiles an installed package's bytecode; run_peers.sh sets PYTHONDONTWRITEBYTECODE=1, under which
# this editable checkout's modules would be compiled again in every timed run (0.3-0.4 s each): compile once.
"$VERLAG_VENV/bin/python" -m compileall -q "$ROOT/pipeline" "$ROOT"/*.py
"$PEERS/run_peers.sh" side
"$PEERS/run_peers.sh" profile
