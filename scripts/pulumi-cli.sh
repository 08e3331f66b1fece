# Sourced by toolchain.sh: puts a Pulumi CLI and its Node.js language host on PATH
# (ensure_pulumi), and the YAML and Python language hosts for the tasks that
# run programs in those languages (ensure_yaml_host, ensure_python_host).
# - A `pulumi` already on PATH is used as it is when it is PULUMI_MIN_VERSION or newer
#   (the oldest release the whole test suite has passed with; see the README).
# - Else the version of @pulumi/pulumi in package-lock.json, built from its Go
#   modules into a cache outside the work tree (keyed by version) when not built yet.
# shellcheck shell=sh

PULUMI_MIN_VERSION=3.224.0
PULUMI_VERSION=$(node -p "require('$ROOT/package-lock.json').packages['node_modules/@pulumi/pulumi'].version")
CACHE_ROOT=${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-sinch-fax/pulumi-cli}
CLI_DIR="$CACHE_ROOT/v$PULUMI_VERSION"
LAUNCHER="$ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
# The Go proxy here serves pulumi-language-nodejs and pulumi-language-python
# (modules without tags) only at the commit of pkg/v3.163.0; used when the
# commit of our version is refused.
LANGHOST_FALLBACK_VERSION=v3.163.0
LANGHOST_FALLBACK_PSEUDO=v3.0.0-20250417110128-49fb14839a5a
# The YAML language host: module github.com/pulumi/pulumi-yaml (tagged; the Go
# proxy here serves v1.25.0 and v1.11.1), built into $CLI_DIR beside `pulumi`.
YAML_HOST_VERSION=v1.25.0

# True when version $1 (with or without a leading v) is $2 or newer.
version_at_least() {
  node -e 'const [a, b] = process.argv.slice(1).map((v) => v.replace(/^v/, "").split(/[.+-]/).slice(0, 3).map(Number));
    process.exit(((a[0] - b[0]) || (a[1] - b[1]) || (a[2] - b[2])) >= 0 ? 0 : 1)' "$1" "$2"
}

# Go flags of Pulumi's own release builds; the version goes into the Pulumi
# SDK's version variable, or into the variable $4 names.
go_build() { # version output package [version variable]
  CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-w -s -X ${4:-github.com/pulumi/pulumi/sdk/v3/go/common/version.Version}=$1" -o "$2" "$3"
}

# A throwaway module that pins pkg/v3 and sdk/v3 (their go.mod files use
# replace directives, so `go install …@version` refuses them).
throwaway_module() { # dir pkgVersion main [extra module@version]
  mkdir -p "$1"
  printf 'module pulumibuild\n\ngo 1.26\n' > "$1/go.mod"
  modfile=$(cd "$1" && go mod download -json "github.com/pulumi/pulumi/pkg/v3@$2" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).GoMod||""))') || return 1
  clipboard=$(grep -h 'atotto/clipboard =>' "$modfile" | sed 's/^[[:space:]]*//;s/^replace //' | head -1)
  [ -n "$clipboard" ] && printf '\nreplace %s\n' "$clipboard" >> "$1/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$3" > "$1/tools.go"
  # shellcheck disable=SC2086 # $4 is an optional extra module, absent or one word
  (cd "$1" && go get "github.com/pulumi/pulumi/pkg/v3@$2" "github.com/pulumi/pulumi/sdk/v3@$2" $4 >&2 && go mod tidy >&2)
}

# Go settings of the builds from Pulumi's repository: the language hosts are
# modules without tags, whose pseudo-versions the checksum database lacks.
pulumi_go_env() {
  export GOFLAGS=-mod=mod
  export GONOSUMDB=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs,github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python
}

build_language_host() { # work out language (nodejs or python)
  host=github.com/pulumi/pulumi/sdk/$3/cmd/pulumi-language-$3/v3
  info=$(go list -m -json "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" 2>/dev/null)
  origin=$(printf '%s' "$info" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const m=JSON.parse(s);process.stdout.write(m.Origin&&m.Origin.Hash?m.Origin.Hash.slice(0,12)+" "+m.Time:"")}catch{}})')
  if [ -n "$origin" ]; then
    stamp=$(echo "$origin" | cut -d' ' -f2 | tr -d 'TZ:-')
    commit=$(echo "$origin" | cut -d' ' -f1)
    if throwaway_module "$1/host" "v$PULUMI_VERSION" "$host" "$host@v3.0.0-$stamp-$commit" 2>/dev/null &&
      (cd "$1/host" && go_build "v$PULUMI_VERSION" "$2/pulumi-language-$3" "$host"); then
      return 0
    fi
  fi
  echo "    pulumi-language-$3 at the commit of v$PULUMI_VERSION is not served here; using the one at $LANGHOST_FALLBACK_VERSION (the language protocol is stable across these versions)" >&2
  rm -rf "$1/host"
  throwaway_module "$1/host" "$LANGHOST_FALLBACK_VERSION" "$host" "$host@$LANGHOST_FALLBACK_PSEUDO" &&
    (cd "$1/host" && go_build "$LANGHOST_FALLBACK_VERSION" "$2/pulumi-language-$3" "$host")
}

# Builds into $CLI_DIR; in a subshell, so its Go settings, trap and temporary
# folders end with it, on success and on every failure alike.
build_pulumi() (
  work=$(mktemp -d)
  out="$CLI_DIR.partial"
  beat=
  # shellcheck disable=SC2317 # called by the trap below
  cleanup() {
    [ -n "$beat" ] && kill "$beat" 2>/dev/null
    rm -rf "$work" "$out"
  }
  trap cleanup EXIT
  trap 'exit 1' INT TERM
  (while sleep 30; do printf '    … still building (%s)\n' "$(date +%T)" >&2; done) &
  beat=$!
  pulumi_go_env
  rm -rf "$out" && mkdir -p "$out" || exit 1
  step "building the Pulumi CLI v$PULUMI_VERSION from its Go modules (several minutes the first time; cached in $CLI_DIR)"
  throwaway_module "$work/cli" "v$PULUMI_VERSION" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi || exit 1
  (cd "$work/cli" && go_build "v$PULUMI_VERSION" "$out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) || exit 1
  step "building pulumi-language-nodejs"
  build_language_host "$work" "$out" nodejs || exit 1
  rm -rf "$CLI_DIR" && mv "$out" "$CLI_DIR"
)

no_cli_message() {
  cat >&2 <<EOF
No Pulumi CLI found: this needs \`pulumi\` v$PULUMI_MIN_VERSION or newer on PATH.
Install Pulumi (https://www.pulumi.com/docs/install/, e.g. \`curl -fsSL https://get.pulumi.com | sh\`, then open a new shell),
or install Go 1.26+ and rerun: the set-up then builds pulumi v$PULUMI_VERSION from its Go modules.
EOF
}

# The Pulumi CLI on PATH, if it is new enough and has its Node.js language host beside it.
usable_pulumi_on_path() {
  command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-nodejs >/dev/null 2>&1 &&
    version_at_least "$(pulumi version 2>/dev/null || echo 0.0.0)" "$PULUMI_MIN_VERSION"
}

ensure_pulumi() {
  if ! usable_pulumi_on_path; then
    if [ ! -x "$CLI_DIR/pulumi" ] || [ ! -x "$CLI_DIR/pulumi-language-nodejs" ]; then
      if ! command -v go >/dev/null 2>&1; then
        no_cli_message
        return 1
      fi
      build_pulumi || return 1
    fi
    PATH="$CLI_DIR:$PATH"
  fi
  # The dynamic-provider launcher ships in the npm package. The engine finds it beside `pulumi`, or on
  # PATH with a warning on every command: so it goes beside the CLI this set-up built (Pulumi's installer
  # puts it beside its own), and on PATH only for a CLI of the user's that lacks it.
  cli_dir=$(dirname "$(command -v pulumi)")
  if [ "$cli_dir" = "$CLI_DIR" ]; then
    cmp -s "$LAUNCHER" "$CLI_DIR/pulumi-resource-pulumi-nodejs" 2>/dev/null ||
      { cp "$LAUNCHER" "$CLI_DIR/pulumi-resource-pulumi-nodejs" && chmod +x "$CLI_DIR/pulumi-resource-pulumi-nodejs"; }
  elif [ ! -x "$cli_dir/pulumi-resource-pulumi-nodejs" ] && ! command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1; then
    mkdir -p "$ROOT/.tools/bin"
    cp "$LAUNCHER" "$ROOT/.tools/bin/pulumi-resource-pulumi-nodejs" && chmod +x "$ROOT/.tools/bin/pulumi-resource-pulumi-nodejs"
    PATH="$ROOT/.tools/bin:$PATH"
  fi
  export PATH
  step "using $(command -v pulumi) ($(pulumi version))"
}

# In a build's subshell: $work, a temporary folder removed however the subshell ends.
temp_workdir() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  trap 'exit 1' INT TERM
}

# Puts $CLI_DIR on PATH once, after the rest, so the pulumi found first stays in use.
path_after_cli_dir() {
  case ":$PATH:" in
    *":$CLI_DIR:"*) ;;
    *) PATH="$PATH:$CLI_DIR" && export PATH ;;
  esac
}

# Builds pulumi-language-yaml $YAML_HOST_VERSION into $CLI_DIR, with a stamp
# naming its version; in a subshell, like build_pulumi. Its module has no
# replace directives: a throwaway module that requires it builds it with the
# dependencies of its release.
build_yaml_host() (
  temp_workdir
  host=github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
  step "building pulumi-language-yaml $YAML_HOST_VERSION from its Go module (a minute or two the first time; cached in $CLI_DIR)"
  printf 'module yamlbuild\n\ngo 1.26\n' > "$work/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$host" > "$work/tools.go"
  (cd "$work" && go get "github.com/pulumi/pulumi-yaml@$YAML_HOST_VERSION" >&2 && go mod tidy >&2 &&
    go_build "$YAML_HOST_VERSION" "$work/pulumi-language-yaml" "$host" github.com/pulumi/pulumi-yaml/pkg/version.Version) || exit 1
  mkdir -p "$CLI_DIR" && mv "$work/pulumi-language-yaml" "$CLI_DIR/pulumi-language-yaml" &&
    echo "$YAML_HOST_VERSION" > "$CLI_DIR/pulumi-language-yaml.version"
)

# After ensure_pulumi: a pulumi-language-yaml on PATH is used as it is, unless
# it is the cached one; that one is built when absent or of another version.
# $CLI_DIR goes after the rest of PATH, so the pulumi found first stays in use.
ensure_yaml_host() {
  found=$(command -v pulumi-language-yaml 2>/dev/null || true)
  if [ -z "$found" ] || [ "$found" = "$CLI_DIR/pulumi-language-yaml" ]; then
    if [ ! -x "$CLI_DIR/pulumi-language-yaml" ] ||
      [ "$(cat "$CLI_DIR/pulumi-language-yaml.version" 2>/dev/null)" != "$YAML_HOST_VERSION" ]; then
      if ! command -v go >/dev/null 2>&1; then
        echo "No pulumi-language-yaml on PATH: install it beside pulumi (https://github.com/pulumi/pulumi-yaml/releases), or install Go 1.26+ and rerun." >&2
        return 1
      fi
      build_yaml_host || return 1
    fi
    path_after_cli_dir
  fi
  step "using $(command -v pulumi-language-yaml)"
}

# Builds pulumi-language-python into $CLI_DIR, like the Node.js host (at the
# commit of our version, else at the fallback), with the program runner it
# runs from beside itself, pulumi-language-python-exec, taken from the sdk/v3
# module at our version; in a subshell, like build_pulumi.
build_python_host() (
  temp_workdir
  pulumi_go_env
  step "building pulumi-language-python from its Go module (a minute or two the first time; cached in $CLI_DIR)"
  build_language_host "$work" "$work" python || exit 1
  sdk=$(go mod download -json "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).Dir||""))')
  cp "$sdk/python/cmd/pulumi-language-python-exec" "$work/" && chmod 755 "$work/pulumi-language-python-exec" || exit 1
  mkdir -p "$CLI_DIR" && mv "$work/pulumi-language-python-exec" "$work/pulumi-language-python" "$CLI_DIR/"
)

# After ensure_pulumi, for Python programs: a pulumi-language-python on PATH is
# used as it is, unless it is the cached one; that one is built when absent
# (like ensure_yaml_host). Then the Python SDK at our version, installed from
# PyPI into a virtual environment in $CLI_DIR once; PYTHON_SDK_VENV names it,
# for programs' `runtime: {name: python, options: {virtualenv: …}}`.
ensure_python_host() {
  if ! command -v python3 >/dev/null 2>&1; then
    echo "No python3 on PATH: install Python 3.9 or newer for the Python programs." >&2
    return 1
  fi
  found=$(command -v pulumi-language-python 2>/dev/null || true)
  if [ -z "$found" ] || [ "$found" = "$CLI_DIR/pulumi-language-python" ]; then
    if [ ! -x "$CLI_DIR/pulumi-language-python" ] || [ ! -x "$CLI_DIR/pulumi-language-python-exec" ]; then
      if ! command -v go >/dev/null 2>&1; then
        echo "No pulumi-language-python on PATH: install Pulumi (it ships beside pulumi), or install Go 1.26+ and rerun." >&2
        return 1
      fi
      build_python_host || return 1
    fi
    path_after_cli_dir
  fi
  venv="$CLI_DIR/python-venv"
  if [ "$(cat "$venv/pulumi.version" 2>/dev/null)" != "$PULUMI_VERSION" ]; then
    step "installing the Python SDK pulumi==$PULUMI_VERSION from PyPI into $venv"
    rm -rf "$venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/python" -m pip install --quiet "pulumi==$PULUMI_VERSION" >&2; }; then
      rm -rf "$venv"
      return 1
    fi
    echo "$PULUMI_VERSION" > "$venv/pulumi.version"
  fi
  PYTHON_SDK_VENV=$venv
  export PYTHON_SDK_VENV
  step "using $(command -v pulumi-language-python) and the Python SDK in $venv"
}
