# Shared by scripts/demo.sh and scripts/test.sh: make sure what the project needs is on this machine,
# installing it where we can (npm packages; Debian packages as root), or say exactly what is missing.

say() { echo "[beckon] $*" >&2; }

ensure_node() {
  command -v node >/dev/null 2>&1 || { say "Node.js 20 or newer is required: install it (e.g. apt-get install nodejs npm) and run again."; exit 1; }
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || { say "Node.js $major found; Beckon needs 20 or newer."; exit 1; }
}

ensure_npm_packages() {
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund >&2 || { say "npm ci failed (see above)"; exit 1; }
  fi
}

# ensure_debian_packages "<command-or-path> <package>" ...: installs the packages whose probe is missing.
ensure_debian_packages() {
  local missing=() probe pkg
  for pair in "$@"; do
    probe=${pair% *}; pkg=${pair#* }
    if [[ "$probe" == /* || "$probe" == *'*'* ]]; then compgen -G "$probe" >/dev/null && continue; else command -v "$probe" >/dev/null 2>&1 && continue; fi
    missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
    return 1
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2; } || {
    say "apt-get could not install: ${missing[*]}"; return 1; }
}
