#!/usr/bin/env bash
# Builds the WebAssembly package and serves the repository as static files
# on 127.0.0.1 (PORT overrides 8000). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
echo "Serving the calculator at the URL below (Ctrl-C stops it):"
exec node scripts/serve.mjs "${PORT:-8000}"
