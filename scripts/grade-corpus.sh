#!/usr/bin/env bash
# Grades the fact engine on labelled sets, with the graders that come with the shared corpus.
# Usage: bash scripts/grade-corpus.sh [folder-of-sets ...]   (default: ../shared/corpus)
# Replay sets (a folder with expected.json and feeds/) run through `replay --fresh --json`;
# sentence sets (a folder with sentences.json) run one item at a time, as the grader feeds them.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/node-env.sh
graders="${GRADERS:-../shared/corpus}"
[ -f "$graders/grade-replay.mjs" ] && [ -f "$graders/grade-sentences.py" ] || { echo "grade-corpus: the graders are not in $graders (set GRADERS)" >&2; exit 2; }
[ $# -gt 0 ] || set -- "$graders"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for folder in "$@"; do
  [ -d "$folder" ] || { echo "grade-corpus: no folder $folder" >&2; status=2; continue; }
  for set in "$folder"/*/; do
    name="$(basename "$set")"
    if [ -f "$set/expected.json" ]; then
      node src/cli.ts replay --fresh --json "$set"/feeds/* > "$tmp/$name.jsonl" || status=1
      echo "== $name (replay)"
      node "$graders/grade-replay.mjs" "$set/expected.json" "$tmp/$name.jsonl" | tail -1
    elif [ -f "$set/sentences.json" ]; then
      echo "== $name (sentences)"
      python3 "$graders/grade-sentences.py" --set "$set" --cwd . --cmd 'node src/cli.ts replay --fresh --json {feed}' | tail -1
    fi
  done
done
exit $status
