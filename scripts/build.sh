#!/bin/sh
# Compiles the package into dist/ (what `npm pack` ships). Also npm's prepack,
# so a publish from a clean tree ships a fresh dist/.
set -e
cd "$(dirname "$0")/.."
rm -rf dist
npx tsc -p tsconfig.build.json
