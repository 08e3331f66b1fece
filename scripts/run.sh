#!/bin/sh
# The entry point of every npm script: sets up the toolchain (Node 24 and the
# npm dependencies; the Pulumi CLI only for the tasks that run the engine),
# then runs the task.
#   sh scripts/run.sh test|test:quick|test:mutation|lint|format|docs|typecheck|build|emulator|demo|bench|soak|chaos [args…]
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/toolchain.sh
. "$ROOT/scripts/toolchain.sh"

task=${1:-test}
[ $# -gt 0 ] && shift

# The tests that need neither the engine nor a Pulumi CLI.
QUICK_TESTS="test/unit test/emulator test/client test/provider test/plugin"

lint() {
  step "linting (Biome, shellcheck)"
  npx biome check .
  if ! command -v shellcheck >/dev/null 2>&1; then
    echo "shellcheck is not installed: install it (Debian/Ubuntu: apt-get install shellcheck; macOS: brew install shellcheck) and rerun." >&2
    return 1
  fi
  shellcheck -s sh scripts/*.sh .ci/run
}

case "$task" in
  build)
    exec sh scripts/install-self.sh ;;
  typecheck)
    exec npx tsc -p tsconfig.json --noEmit ;;
  lint)
    lint ;;
  format)
    exec npx biome check --write . ;;
  docs)
    exec node -r ts-node/register/transpile-only scripts/docs.ts ;;
  test:quick)
    step "type-checking"
    npx tsc -p tsconfig.json --noEmit
    lint
    step "running the quick tests (unit, emulator, client, provider, plugin; no engine)"
    # shellcheck disable=SC2086 # a list of folders
    exec npx jest $QUICK_TESTS "$@" ;;
  test:mutation)
    # Stryker (stryker.config.mjs): mutates the provider's core, runs the quick
    # tests against each mutant, only those changed since .stryker/incremental.json.
    # `set -e` (above) stops here if the core's score falls below its bar.
    step "mutation testing of the provider's core (Stryker; quick tests; incremental)"
    npx stryker run stryker.config.mjs "$@"
    # Then the resources' lifecycles and the plugin's values and functions, with their own results and bar.
    step "mutation testing of the resources' lifecycles and the plugin's functions (Stryker; quick tests; incremental)"
    npx stryker run stryker.resources.config.mjs "$@"
    # Then the emulator's validation rules, against the emulator's own tests (stryker.emulator.config.mjs).
    step "mutation testing of the emulator's validation rules (Stryker; emulator tests; incremental)"
    exec npx stryker run stryker.emulator.config.mjs "$@" ;;
  test)
    step "type-checking"
    npx tsc -p tsconfig.json --noEmit
    ensure_pulumi
    ensure_yaml_host
    ensure_python_host || step "no Python language host or SDK: the engine tests of Python programs cannot run"
    sh scripts/install-self.sh
    sh scripts/install-sdk.sh
    step "type-checking the programs that use the plugin's generated SDK"
    npx tsc -p tsconfig.plugin-programs.json --noEmit
    step "running the tests (unit, emulator, client, provider, then the engine tests)"
    exec npx jest "$@" ;;
  emulator)
    sh scripts/build.sh
    exec node dist/emulator/cli.js "$@" ;;
  demo)
    ensure_pulumi
    sh scripts/install-self.sh
    exec node -r ts-node/register/transpile-only scripts/demo.ts "$@" ;;
  bench)
    ensure_pulumi
    sh scripts/install-self.sh
    sh scripts/install-sdk.sh
    exec node -r ts-node/register/transpile-only bench/run.ts "$@" ;;
  soak)
    ensure_pulumi
    sh scripts/install-self.sh
    exec node -r ts-node/register/transpile-only bench/soak.ts "$@" ;;
  chaos)
    ensure_pulumi
    sh scripts/install-self.sh
    sh scripts/install-sdk.sh
    exec node -r ts-node/register/transpile-only bench/chaos.ts "$@" ;;
  *)
    echo "unknown task: $task (test, test:quick, test:mutation, lint, format, docs, typecheck, build, emulator, demo, bench, soak, chaos)" >&2
    exit 2 ;;
esac
