#!/usr/bin/env bash
# Grades the fact engine on labelled sets written outside the project, with the sets' own graders.
# Usage: bash scripts/grade-corpus.sh [corpus-folder] (default ../shared/corpus).
# Replay sets (a folder with expected.json and feeds/) run through `replay --fresh --json`; sentence
# sets (a folder with sentences.json) run one item at a time, as the grader feeds them.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/node-env.sh
corpus="${1:-../shared/corpus}"
[ -d "$corpus" ] || { echo "grade-corpus: no corpus at $corpus" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for set in "$corpus"/*/; do
  name="$(basename "$set")"
  if [ -f "$set/expected.json" ]; then
    node src/cli.ts replay --fresh --json "$set"/feeds/* > "$tmp/$name.jsonl" || status=1
    echo "== $name (replay)"
    node "$corpus/grade-replay.mjs" "$set/expected.json" "$tmp/$name.jsonl" | tail -1
  elif [ -f "$set/sentences.json" ]; then
    echo "== $name (sentences)"
    python3 "$corpus/grade-sentences.py" --set "$set" --cwd . --cmd 'node src/cli.ts replay --fresh --json {feed}' | tail -1
  fi
done
exit $status
