# Shared by scripts/run and scripts/test. Installs what the project needs from its own pinned files.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

require_tools() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is needed: https://dot.net"
  command -v node >/dev/null || die "Node.js 20 or later is needed: https://nodejs.org"
  command -v npm >/dev/null || die "npm is needed (it comes with Node.js)"
}

# Installs the pinned npm tools (package-lock.json: Azurite, and the site's nhsuk-frontend, sass, Pagefind, axe-core)
# once, and again whenever the lock file changes.
ensure_node_tools() {
  local stamp="$ROOT/node_modules/.install-stamp"
  if [ ! -x "$ROOT/node_modules/.bin/azurite" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ]; then
    say "Installing the pinned npm tools (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
    touch "$stamp"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts Azurite on the default ports, keeping its data under .azurite/, unless something already answers there.
AZURITE_PID=""
start_azurite_if_needed() {
  if port_open 10000 && port_open 10001 && port_open 10002; then
    say "Storage already answers on ports 10000-10002; using it"
    return
  fi
  say "Starting Azurite (data in .azurite/)"
  mkdir -p "$ROOT/.azurite"
  "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
    --location "$ROOT/.azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    >"$ROOT/.azurite/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if port_open 10000 && port_open 10001 && port_open 10002; then return; fi
    kill -0 "$AZURITE_PID" 2>/dev/null || die "Azurite exited; see .azurite/azurite.log"
    sleep 0.2
  done
  die "Azurite did not open its ports within 20 s; see .azurite/azurite.log"
}

stop_azurite() { [ -n "$AZURITE_PID" ] && kill "$AZURITE_PID" 2>/dev/null || true; }

# The browser tests drive Debian's Chromium through Playwright (Playwright's own browser download cannot work here).
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return
  command -v apt-get >/dev/null || die "the browser tests need Chromium at /usr/bin/chromium: this is not a Debian-based system, so install a Chromium there yourself"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "the browser tests need Chromium: run 'apt-get install chromium' as root (there is no sudo here)"
    sudo="sudo"
  fi
  say "Installing Chromium for the browser tests (apt-get install chromium)"
  $sudo apt-get update -qq || die "apt-get update failed; install Chromium with 'apt-get install chromium'"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || die "apt-get could not install chromium"
  [ -x /usr/bin/chromium ] || die "the chromium package is installed but /usr/bin/chromium is missing"
}
