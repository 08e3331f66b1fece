# Sourced by toolchain.sh: makes `pulumi` and `pulumi-language-nodejs` at the
# version of @pulumi/pulumi in package-lock.json available on PATH. Uses a
# `pulumi` already on PATH when its version fits; otherwise builds both from
# their Go modules into a cache outside the work tree, keyed by version.

PULUMI_VERSION=$(node -p "require('$ROOT/package-lock.json').packages['node_modules/@pulumi/pulumi'].version")
CACHE_ROOT=${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-sinch-fax/pulumi-cli}
CLI_DIR="$CACHE_ROOT/v$PULUMI_VERSION"
LAUNCHER="$ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
# The Go proxy here serves pulumi-language-nodejs (a module without tags) only
# at the commit of pkg/v3.163.0; used when the commit of our version is refused.
LANGHOST_FALLBACK_VERSION=v3.163.0
LANGHOST_FALLBACK_PSEUDO=v3.0.0-20250417110128-49fb14839a5a

# Go flags of Pulumi's own release builds.
go_build() {
  CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$1" -o "$2" "$3"
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
  (cd "$1" && go get "github.com/pulumi/pulumi/pkg/v3@$2" "github.com/pulumi/pulumi/sdk/v3@$2" $4 >&2 && go mod tidy >&2)
}

heartbeat() { while sleep 30; do printf '    … still building (%s)\n' "$(date +%T)" >&2; done; }

build_pulumi() {
  if ! command -v go >/dev/null 2>&1; then
    echo "No Pulumi CLI v$PULUMI_VERSION on PATH and no Go to build one: install Go 1.26+ (or put pulumi v$PULUMI_VERSION on PATH) and rerun." >&2
    return 1
  fi
  work=$(mktemp -d)
  out="$CLI_DIR.partial"
  rm -rf "$out" && mkdir -p "$out"
  heartbeat & beat=$!
  trap 'kill $beat 2>/dev/null' EXIT
  export GOFLAGS=-mod=mod GONOSUMDB=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs
  step "building the Pulumi CLI v$PULUMI_VERSION from its Go modules (several minutes the first time; cached in $CLI_DIR)"
  throwaway_module "$work/cli" "v$PULUMI_VERSION" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi &&
    (cd "$work/cli" && go_build "v$PULUMI_VERSION" "$out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) || { kill $beat; return 1; }

  step "building pulumi-language-nodejs"
  host=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
  info=$(go list -m -json "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" 2>/dev/null)
  hash=$(printf '%s' "$info" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const m=JSON.parse(s);process.stdout.write(m.Origin&&m.Origin.Hash?m.Origin.Hash.slice(0,12)+" "+m.Time:"")}catch{}})')
  built=
  if [ -n "$hash" ]; then
    stamp=$(echo "$hash" | cut -d' ' -f2 | tr -d 'TZ:-'); commit=$(echo "$hash" | cut -d' ' -f1)
    if throwaway_module "$work/host" "v$PULUMI_VERSION" "$host" "$host@v3.0.0-$stamp-$commit" 2>/dev/null &&
      (cd "$work/host" && go_build "v$PULUMI_VERSION" "$out/pulumi-language-nodejs" "$host"); then built=yes; fi
  fi
  if [ -z "$built" ]; then
    echo "    the language host at the commit of v$PULUMI_VERSION is not served here; using the one at $LANGHOST_FALLBACK_VERSION (the language protocol is stable across these versions)" >&2
    rm -rf "$work/host"
    throwaway_module "$work/host" "$LANGHOST_FALLBACK_VERSION" "$host" "$host@$LANGHOST_FALLBACK_PSEUDO" &&
      (cd "$work/host" && go_build "$LANGHOST_FALLBACK_VERSION" "$out/pulumi-language-nodejs" "$host") || { kill $beat; return 1; }
  fi
  kill $beat 2>/dev/null; trap - EXIT
  rm -rf "$work" "$CLI_DIR" && mv "$out" "$CLI_DIR"
}

if command -v pulumi >/dev/null 2>&1 && [ "$(pulumi version 2>/dev/null)" = "v$PULUMI_VERSION" ] &&
  command -v pulumi-language-nodejs >/dev/null 2>&1; then
  :
else
  if [ ! -x "$CLI_DIR/pulumi" ] || [ ! -x "$CLI_DIR/pulumi-language-nodejs" ]; then
    build_pulumi || return 1
  fi
  # The dynamic-provider launcher ships in the npm package; the engine looks beside `pulumi`.
  cp "$LAUNCHER" "$CLI_DIR/pulumi-resource-pulumi-nodejs" && chmod +x "$CLI_DIR/pulumi-resource-pulumi-nodejs"
  PATH="$CLI_DIR:$PATH"
fi
