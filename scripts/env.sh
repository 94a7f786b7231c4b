# Sourced by the scripts: pinned tool versions and where the tools live.
# shellcheck shell=bash
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
LOSSLAB_TOOLS=${LOSSLAB_TOOLS:-$HOME/.local/share/losslab}
export PATH="$HOME/.cargo/bin:$LOSSLAB_TOOLS/binaryen/node_modules/.bin:$PATH"
