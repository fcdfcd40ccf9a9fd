# Sourced by the benchmarks that compare two versions of verlag's code (bench_update.sh, bench_similar_rows.sh).
#
#   code_copy ROOT NAME DEST PY
#
# Exports version NAME of the checkout at ROOT into the new folder DEST (a commit by `git archive`; `worktree`: the
# work tree as it is, tracked and untracked files that are not ignored) and compiles its bytecode with PY, so that a
# run with PYTHONPATH=DEST uses that code.
code_copy() {
  local root=$1 name=$2 dest=$3 py=$4
  mkdir -p "$dest"
  if [ "$name" = worktree ]; then
    (cd "$root" && git ls-files -z --cached --others --exclude-standard | tar -c --null -T -) | tar -x -C "$dest"
  else
    git -C "$root" archive "$name" | tar -x -C "$dest"
  fi
  "$py" -m compileall -q "$dest/pipeline" "$dest"/*.py
}
