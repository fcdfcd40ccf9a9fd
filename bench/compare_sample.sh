#!/usr/bin/env bash
# The shipped sample (source_de/, translations/, verlag.toml of the checkout's HEAD), its German edited by a seeded
# script (a word reworded, a sentence deleted, a sentence split at its first comma, two joined, a paragraph's
# sentences shuffled; about a third of the paragraphs), then `extract -j1` with two versions of verlag's code: a
# change of the merge that should keep its results must leave the same catalogs and print the same report.
#
#   bash bench/compare_sample.sh BEFORE_COMMIT [AFTER_COMMIT] [SEED]   (default AFTER: the work tree; SEED 1)
#
# Prints whether the catalogs and the report are the same, and how many files the edit and the extract changed.
set -eu
[ $# -ge 1 ] || { echo "usage: bash bench/compare_sample.sh BEFORE_COMMIT [AFTER_COMMIT] [SEED]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd); PY=$ROOT/.venv/bin/python
SEED=${3:-1}
. "$ROOT/bench/code_copy.sh"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1796000000
echo 'import cli; cli.main()' >"$W/verlag.py"
code_copy "$ROOT" "$1" "$W/code0" "$PY"; code_copy "$ROOT" "${2:-worktree}" "$W/code1" "$PY"
mkdir "$W/p"; (cd "$ROOT" && git archive HEAD source_de translations verlag.toml templates | tar -x -C "$W/p")
"$PY" - "$W/p/source_de" "$SEED" <<'PYEOF'
import random, re, sys
from pathlib import Path
rng = random.Random(int(sys.argv[2]))
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    head, sep, body = path.read_text(encoding="utf-8").partition("\n---\n")
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if not line.strip() or line.startswith(("#", "!", "|", "<", "```", "    ")) or rng.random() > 0.3:
            continue
        what = rng.choice(["reword", "delete", "split", "join", "move"])
        sentences = re.split(r"(?<=[.!?]) ", line)
        if what == "reword":
            words = line.split(" ")
            k = rng.randrange(len(words)); words[k] = words[k][::-1] if len(words[k]) > 3 else words[k] + "e"
            lines[i] = " ".join(words)
        elif what == "delete" and len(sentences) > 1:
            del sentences[rng.randrange(len(sentences))]; lines[i] = " ".join(sentences)
        elif what == "split" and ", " in line:
            lines[i] = line.replace(", ", ". ", 1)
        elif what == "join" and len(sentences) > 1:
            lines[i] = re.sub(r"\. (?=\S)", ", und ", line, count=1)
        elif what == "move" and len(sentences) > 1:
            rng.shuffle(sentences); lines[i] = " ".join(sentences)
    path.write_text(head + sep + "\n".join(lines), encoding="utf-8")
PYEOF
for i in 0 1; do
  cp -a "$W/p" "$W/run$i"
  (cd "$W/run$i" && PYTHONPATH=$W/code$i "$PY" "$W/verlag.py" extract -j1 >"$W/out$i" 2>&1 || echo "exit $?" >>"$W/out$i")
done
diff -r "$W/run0/translations" "$W/run1/translations" >/dev/null && echo "seed $SEED: translations the same" || echo "seed $SEED: translations DIFFER"
cmp -s "$W/out0" "$W/out1" && echo "seed $SEED: report the same ($(wc -l <"$W/out0") lines, $(grep -c fuzzy "$W/out0" || true) fuzzy mentions)" || echo "seed $SEED: report DIFFERS"
diff -rq "$W/p/source_de" "$ROOT/source_de" | wc -l | sed "s/^/seed $SEED: source files edited: /"
diff -rq "$W/p/translations" "$W/run1/translations" | wc -l | sed "s/^/seed $SEED: catalogs changed by extract: /"
