#!/usr/bin/env bash
# Peak memory and CPU of the `verlag extract` that merges an article of ROWS list items alike but for their numbers
# ("Dosis 17: 85 mg am Morgen, vor dem Essen."), each signed off in English, after the author reworded every one:
# each new sentence is at least 60 alike to every old one, so the merge's fuzzy matching meets ROWS² candidate
# pairs. Two versions of verlag's code, interleaved, as bench/bench_update.sh runs them.
#
#   bash bench/bench_similar_rows.sh BEFORE_COMMIT [AFTER_COMMIT]   (default AFTER: the work tree; ROUNDS=3,
#                                                                   ROWS="2000 4000 8000", BEFORE_UP_TO=4000)
#
# BEFORE runs only up to BEFORE_UP_TO rows: a version whose memory grows with the square of the rows needs about
# 1.1 GB at 2,000 rows, 4.4 at 4,000 and 18 at 8,000.
#
# Prints, per version and size, /usr/bin/time's peak RSS (%M, KiB) and user + system CPU seconds of each round,
# then whether both versions left the same catalog byte for byte.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/code_copy.sh"
ROUNDS=${ROUNDS:-3}
ROWS=${ROWS:-2000 4000 8000}
BEFORE_UP_TO=${BEFORE_UP_TO:-4000}
[ $# -ge 1 ] || { echo "usage: bash bench/bench_similar_rows.sh BEFORE_COMMIT [AFTER_COMMIT]" >&2; exit 2; }
PY=$ROOT/.venv/bin/python
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1796000000
echo 'import cli; cli.main()' >"$WORK/verlag.py"
NAMES=("$1" "${2:-worktree}")
for i in 0 1; do
  code=$WORK/code$i && code_copy "$ROOT" "${NAMES[$i]}" "$code" "$PY"
done
article() {  # article ROWS WORDING: the German of the article, one list item a row
  "$PY" - "$1" "$2" <<'EOF'
import sys
rows, wording = int(sys.argv[1]), sys.argv[2]
print("---\ntitle: Dosierung\ndate: 2026-05-26\n---\nDie Tabelle nennt jede Dosis.\n")
for i in range(1, rows + 1):
    print(f"- Dosis {i}: {5 * i} mg {wording}")
EOF
}
for rows in $ROWS; do
  ws=$WORK/base$rows && mkdir -p "$ws/source_de"
  printf '%s\n' 'name = "bench"' 'source_language = "de"' 'languages = ["en"]' >"$ws/verlag.toml"
  article "$rows" "am Morgen, vor dem Essen." >"$ws/source_de/dosis.md"
  (cd "$ws" && PYTHONPATH=$WORK/code0 "$PY" "$WORK/verlag.py" extract -q >/dev/null)
  "$PY" - "$ws/translations/en/dosis.po" <<'EOF'
import re, sys
import polib
po = polib.pofile(sys.argv[1])
for entry in po:  # signed off: a translation, no fuzzy flag
    found = re.match(r"Dosis (\d+): (\d+) mg", entry.msgid)
    entry.msgstr = f"Dose {found[1]}: {found[2]} mg in the morning, before meals." if found else "Translated."
po.save(sys.argv[1])
EOF
  (cd "$ws" && PYTHONPATH=$WORK/code0 "$PY" "$WORK/verlag.py" extract -q >/dev/null)
  article "$rows" "morgens, jeweils vor dem Frühstück." >"$ws/source_de/dosis.md"
  for round in $(seq 1 "$ROUNDS"); do
    for i in 0 1; do
      [ "$i" = 0 ] && [ "$rows" -gt "$BEFORE_UP_TO" ] && continue
      rm -rf "$WORK/run$i" && cp -a "$ws" "$WORK/run$i"
      (cd "$WORK/run$i" && PYTHONPATH=$WORK/code$i /usr/bin/time -f "$rows $i %U %S %M" -a -o "$WORK/times" \
        "$PY" "$WORK/verlag.py" extract -q -j1 >/dev/null)
    done
  done
  [ "$rows" -gt "$BEFORE_UP_TO" ] && continue
  cmp -s "$WORK/run0/translations/en/dosis.po" "$WORK/run1/translations/en/dosis.po" \
    && echo "$rows rows: both catalogs the same byte for byte" || echo "$rows rows: the catalogs DIFFER"
done
"$PY" - "$WORK/times" "${NAMES[@]}" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    size, who, user, system, rss = line.split()
    rows.setdefault((int(size), int(who)), []).append((float(user) + float(system), int(rss)))
for (size, who), runs in sorted(rows.items()):
    print(f"{size:5} rows {sys.argv[2 + who]:12} CPU {' '.join(f'{c:.2f}' for c, _ in runs)} s; "
          f"peak RSS {' '.join(f'{r / 1024:.0f}' for _, r in runs)} MiB")
EOF
