#!/usr/bin/env bash
# The README's first command: the information server with the demo mall on the embedded store, simulated
# customers walking, and the terminal screens in web mode (and the desktop app where Electron can run).
# Installs the npm packages it needs; builds the web UI when it is missing or older than its sources.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure.sh

ensure_node
ensure_npm_packages
if [ ! -f dist/renderer/index.html ] || [ -n "$(find renderer hardware/browser protocol -newer dist/renderer/index.html -type f 2>/dev/null | head -1)" ]; then
  say "building the web UI (vite)"
  npx vite build --logLevel warn >&2
fi
exec node bin/beckon.js demo "$@"
