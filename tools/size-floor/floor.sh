#!/bin/bash
# The wasm size floor (issue 6): prints raw and gzip KB of a wasm that calls every core API the
# app uses and has no UI, optimised as the shipped wasm is. Needs `make tools` (wasm-bindgen,
# wasm-opt from node_modules).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=$(mktemp -d)
cargo build -q --release --target wasm32-unknown-unknown --manifest-path "$here/Cargo.toml" \
  --target-dir "$root/target/size-floor"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$root/target/size-floor/wasm32-unknown-unknown/release/size-floor.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  "$out/size-floor_bg.wasm" -o "$out/opt.wasm"
raw=$(stat -c %s "$out/opt.wasm")
gz=$(gzip -9c "$out/opt.wasm" | wc -c)
echo "size floor (core only, no UI): raw $((raw / 1024)) KB, gzip $((gz / 1024)) KB"
rm -rf "$out"
