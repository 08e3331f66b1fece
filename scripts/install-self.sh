#!/bin/sh
# Builds the package and installs it into node_modules from its `npm pack`
# tarball, exactly as users get it, so the repository's Pulumi programs
# (root, examples, tests, benchmarks) use the published layout: the provider
# is then captured by `require("pulumi-sinch-fax/…")`, not copied into state.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
printf '\033[1m==> %s\033[0m\n' "building and packing pulumi-sinch-fax" >&2
rm -rf dist
npx tsc -p tsconfig.build.json
mkdir -p .work
tarball=$(npm pack --silent --pack-destination .work 2>/dev/null | tail -1)
rm -rf node_modules/pulumi-sinch-fax
mkdir -p node_modules/pulumi-sinch-fax node_modules/.bin
tar -xzf ".work/$tarball" -C node_modules/pulumi-sinch-fax --strip-components=1
chmod +x node_modules/pulumi-sinch-fax/dist/emulator/cli.js
ln -sf ../pulumi-sinch-fax/dist/emulator/cli.js node_modules/.bin/sinch-fax-emulator
chmod +x node_modules/pulumi-sinch-fax/dist/provider/recover/cli.js
ln -sf ../pulumi-sinch-fax/dist/provider/recover/cli.js node_modules/.bin/sinch-fax-recover
