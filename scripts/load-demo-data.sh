#!/usr/bin/env bash
# Loads the seed story and the demo stories (fictional people) into a data folder that has no story yet.
# Usage: scripts/load-demo-data.sh STORYBANK_BINARY DATA_DIR
set -euo pipefail
binary=$1
data=$2
cd "$(dirname "$0")/.."
if [ -n "$("$binary" --data "$data" list --limit 1)" ]; then
  exit 0
fi
echo "Loading the demo stories into $data"
"$binary" --data "$data" import demo/*.txt demo/*.md >/dev/null
# Published, so that anyone opening the pages sees them (drafts are for their writers and reviewers).
for id in $("$binary" --data "$data" list --limit 100 | cut -f1); do
  for state in submitted approved published; do
    "$binary" --data "$data" move "$id" --to "$state" >/dev/null
  done
done
"$binary" --data "$data" list
