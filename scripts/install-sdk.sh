#!/bin/sh
# Generates the TypeScript SDK of the provider plugin from its schema (the
# installed package's plugin/, so run scripts/install-self.sh first), compiles
# it and installs it as node_modules/@pulumi/sinch-fax: what
# `pulumi package add node_modules/pulumi-sinch-fax/plugin/pulumi-resource-sinch-fax` does for a user's
# program. (Its last step, linking the SDK, needs a newer Node.js language host
# than the one built here, so this script does it.)
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
printf '\033[1m==> %s\033[0m\n' "generating the plugin's TypeScript SDK (pulumi package gen-sdk)" >&2
out=.work/sdk
rm -rf "$out"
pulumi package gen-sdk ./node_modules/pulumi-sinch-fax/plugin/pulumi-resource-sinch-fax --language nodejs --out "$out" >"$out.log" 2>&1 || {
  cat "$out.log" >&2
  exit 1
}
# The Node.js language host built here writes the imports of the files in
# types/ and config/ as if they sat at the SDK's root; put them right.
sed -i 's#from "\./utilities"#from "../utilities"#; s#from "\./types/#from "./#' "$out"/nodejs/types/*.ts "$out"/nodejs/config/*.ts
npx tsc -p "$out/nodejs/tsconfig.json" --skipLibCheck --types node
target=node_modules/@pulumi/sinch-fax
rm -rf "$target"
mkdir -p "$target"
# As Pulumi publishes its SDKs: the compiled files are the package, with its package.json beside them.
cp -r "$out/nodejs/bin/." "$out/nodejs/package.json" "$target/"
# Compiled already: no build on install; its entry points are the compiled ones.
node -e '
  const f = process.argv[1];
  const p = require(f);
  delete p.scripts;
  Object.assign(p, { main: "index.js", types: "index.d.ts" });
  require("fs").writeFileSync(f, JSON.stringify(p, null, 2));
' "$ROOT/$target/package.json"

# The Python SDK, when the set-up found Python (ensure_python_host): generated
# the same way and pip-installed into a virtual environment of the
# repository's (.work/python-venv), which sees the cached `pulumi` package
# through a .pth file, so only the SDK and its few other dependencies install.
if [ -n "${PYTHON_SDK_VENV:-}" ]; then
  printf '\033[1m==> %s\033[0m\n' "generating the plugin's Python SDK (pulumi package gen-sdk) into .work/python-venv" >&2
  pulumi package gen-sdk ./node_modules/pulumi-sinch-fax/plugin/pulumi-resource-sinch-fax --language python --out "$out" >"$out.python.log" 2>&1 || {
    cat "$out.python.log" >&2
    exit 1
  }
  venv=.work/python-venv
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  "$PYTHON_SDK_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' >"$site/sinch-fax-pulumi.pth"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "./$out/python" >&2
fi
