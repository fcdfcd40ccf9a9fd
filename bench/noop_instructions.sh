#!/usr/bin/env bash
# Instructions of a no-op `verlag extract` and `verlag build -q` on the peer corpus, two verlag installs side by
# side, counted by valgrind's callgrind: the same figure on every run, whatever the load of a shared machine.
#
#   bash bench/noop_instructions.sh BEFORE_VENV [AFTER_VENV]     (default AFTER_VENV: this checkout's .venv; N=500)
#
# Each project is made as bench_noop.sh makes it (cold extract, pretranslate --engine copy, build, then extract
# and build again, untimed). Prints per install and step the instructions in millions, all and without
# libcrypto's: valgrind hides the CPU's SHA extensions, so OpenSSL hashes in plain code under it, many times
# the instructions a real run spends on SHA-256 (about 1.2 GB/s on this machine: 20 ms for the 23 MB a
# no-op extract hashes at N = 500). Instructions leave out the kernel's work (open, read, stat): compare
# CPU seconds (bench_noop.sh) for the whole. Needs valgrind and the peer corpus.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${PEER_BENCH_HOME:-$HOME/.cache/peer-bench}
N=${N:-500}
SRC=$BASE/work/corpus/n$N-none/src
[ -d "$SRC" ] || { echo "error: $SRC is absent: run ../shared/peer-bench/run_peers.sh side (NS=$N) once" >&2; exit 2; }
[ $# -ge 1 ] || { echo "usage: bash bench/noop_instructions.sh BEFORE_VENV [AFTER_VENV]" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "error: valgrind is not installed" >&2; exit 2; }
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
  for step in extract build; do
    args=$([ $step = build ] && echo "build -q" || echo extract)
    (cd "$ws" && valgrind --tool=callgrind --callgrind-out-file="$WORK/$i.$step.out" \
      "$venv/bin/python" "$venv/bin/verlag" $args >/dev/null 2>&1)
    callgrind_annotate --inclusive=no "$WORK/$i.$step.out" 2>/dev/null | awk -v step="$step" -v venv="$venv" '
      /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
      /libcrypto/ { gsub(",", "", $1); crypto += $1 }
      END { printf "%-8s %s: %.0f M instructions, %.0f M without libcrypto\n", step, venv, total / 1e6,
            (total - crypto) / 1e6 }'
  done
done
