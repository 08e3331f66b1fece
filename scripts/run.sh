#!/bin/sh
# The entry point of every npm script: sets up the toolchain (Node 24, npm
# dependencies, the Pulumi CLI), builds and packs the package, then runs the task.
#   sh scripts/run.sh test|demo|emulator|bench|soak|build|typecheck [args…]
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/scripts/toolchain.sh"

task=${1:-test}
[ $# -gt 0 ] && shift

case "$task" in
  build)
    exec sh scripts/install-self.sh ;;
  typecheck)
    exec npx tsc -p tsconfig.json --noEmit ;;
  emulator)
    sh scripts/install-self.sh
    exec node dist/emulator/cli.js "$@" ;;
  test)
    step "type-checking"
    npx tsc -p tsconfig.json --noEmit
    ensure_pulumi
    sh scripts/install-self.sh
    step "running the tests (unit, emulator, client, provider, then the engine tests)"
    exec npx jest "$@" ;;
  demo)
    ensure_pulumi
    sh scripts/install-self.sh
    exec node -r ts-node/register/transpile-only scripts/demo.ts "$@" ;;
  bench)
    ensure_pulumi
    sh scripts/install-self.sh
    exec node -r ts-node/register/transpile-only bench/run.ts "$@" ;;
  soak)
    ensure_pulumi
    sh scripts/install-self.sh
    exec node -r ts-node/register/transpile-only bench/soak.ts "$@" ;;
  *)
    echo "unknown task: $task (test, demo, emulator, bench, soak, build, typecheck)" >&2
    exit 2 ;;
esac
