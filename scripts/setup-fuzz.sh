#!/usr/bin/env bash
# Installs what `make fuzz` needs (and only that; `make test` never fuzzes): the nightly
# toolchain and cargo-fuzz from crates.io. Idempotent and quiet when both are there.
set -euo pipefail
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "setup-fuzz: rustup toolchain install nightly ..."
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "setup-fuzz: cargo install cargo-fuzz ..."
  start=$SECONDS
  cargo install cargo-fuzz --locked
  echo "setup-fuzz: cargo-fuzz installed in $((SECONDS - start)) s"
fi
