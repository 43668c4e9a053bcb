#!/usr/bin/env bash
# Rebuilds dist/ and fails when it differs from what is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is not up to date with the sources. Run 'npm run build' and commit dist/." >&2
  git status --porcelain -- dist >&2
  git --no-pager diff --stat -- dist >&2 || true
  exit 1
fi
echo "dist/ is up to date"
