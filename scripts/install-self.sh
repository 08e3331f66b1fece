#!/bin/sh
# Builds the package and installs it into node_modules from its `npm pack`
# tarball, exactly as users get it, so the repository's Pulumi programs
# (root, examples, tests, benchmarks) use the published layout: the provider
# is then captured by `require("pulumi-sinch-fax/…")`, not copied into state.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
printf '\033[1m==> %s\033[0m\n' "building and packing pulumi-sinch-fax" >&2
sh scripts/build.sh
mkdir -p .work
# --ignore-scripts: the build above is what prepack would run again.
npm pack --silent --ignore-scripts --pack-destination .work > .work/pack.out
tarball=$(tail -1 .work/pack.out)
rm -rf node_modules/pulumi-sinch-fax
mkdir -p node_modules/pulumi-sinch-fax node_modules/.bin
tar -xzf ".work/$tarball" -C node_modules/pulumi-sinch-fax --strip-components=1
for bin in emulator/cli.js:sinch-fax-emulator provider/recover/cli.js:sinch-fax-recover; do
  chmod +x "node_modules/pulumi-sinch-fax/dist/${bin%%:*}"
  ln -sf "../pulumi-sinch-fax/dist/${bin%%:*}" "node_modules/.bin/${bin##*:}"
done
