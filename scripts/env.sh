# Sourced by the scripts: pinned tool versions and where the tools live.
# shellcheck shell=bash
# The lock file beside this folder, wherever the sourcing shell stands.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' "${BASH_SOURCE[0]%/*}/../Cargo.lock")
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
GECKODRIVER_VERSION=0.37.1
WASM_PACK_VERSION=0.15.1
export MINIBROWSER=${MINIBROWSER:-/usr/lib/$(uname -m)-linux-gnu/webkit2gtk-4.1/MiniBrowser}
LOSSLAB_TOOLS=${LOSSLAB_TOOLS:-$HOME/.local/share/losslab}
export PATH="$HOME/.cargo/bin:$LOSSLAB_TOOLS/binaryen/node_modules/.bin:$PATH"
