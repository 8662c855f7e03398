#!/usr/bin/env bash
# Installs everything `make build`, `make test` and `make serve` need, and nothing else.
# Idempotent and silent when everything is already present; prints what it installs and how
# long each slow step took. Only package registries are reachable on our machines (crates.io,
# npm, Debian, rustup): nothing here downloads a prebuilt binary of its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Runs a step and prints how long it took.
timed() {
  local label=$1 start=$SECONDS
  shift
  echo "setup: $label ..."
  "$@"
  echo "setup: $label done in $((SECONDS - start)) s"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# --- Node.js (for wasm-opt from npm, the static server and the browser tests) --------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  timed "apt-get install nodejs npm" apt_install nodejs npm
fi

# --- Chromium (the browser tests: playwright-core drives Debian's chromium) ---------------
if [ ! -x /usr/bin/chromium ]; then
  timed "apt-get install chromium" apt_install chromium
fi

# --- poppler-utils (the printed report's PDF read back as text and pages: tests/e2e/print) ---
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  timed "apt-get install poppler-utils" apt_install poppler-utils
fi

# --- Rust: wasm target and lint components -------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  timed "rustup target add wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
fi
installed_components=$(rustup component list --installed)
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    timed "rustup component add $component" rustup component add "$component"
  fi
done

# --- wasm-bindgen CLI at exactly the version in Cargo.lock ---------------------------------
# The CLI must match the wasm-bindgen crate byte for byte in its schema version, so the
# version is read from the lockfile, never written down twice.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$want" ]; then
  echo "setup: cannot find the wasm-bindgen version in Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  # --locked: the CLI is built from the lockfile published with it, like every cargo run here.
  timed "cargo install wasm-bindgen-cli $want (was: ${have:-none})" \
    cargo install --quiet --force wasm-bindgen-cli --version "$want" --locked
fi

# --- npm packages: binaryen's wasm-opt (tools/), ajv (tests/api/), playwright-core + axe-core
# (tests/e2e/). `npm ci` wipes node_modules, so it runs only when the lockfile is newer than
# the last install (npm writes node_modules/.package-lock.json on every install).
for dir in tools tests/api tests/e2e; do
  [ -f "$dir/package.json" ] || continue
  stamp="$dir/node_modules/.package-lock.json"
  if [ ! -f "$dir/package-lock.json" ]; then
    timed "npm install in $dir (no lockfile yet: commit $dir/package-lock.json)" \
      npm install --prefix "$dir" --no-audit --no-fund --loglevel=error
  elif [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ] || [ "$dir/package.json" -nt "$stamp" ]; then
    timed "npm ci in $dir" npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
done
