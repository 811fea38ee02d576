# Skyscale — the two commands are `make run` and `make test`; both install what is missing first.
# Installs are checked by version, so a second run skips them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
TRUNK_VERSION := 0.21.14
# cargo-deny 0.20.2 needs Rust 1.88 (the workspace's MSRV is 1.95).
CARGO_DENY_VERSION := 0.20.2
# The wasm-bindgen CLI must equal the crate in Cargo.lock exactly (pinned with `=` in Cargo.toml).
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3; exit }' Cargo.lock)
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/tools/bin:$(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TRUNK_BUILD := trunk build --release --offline --public-url ./

.PHONY: help run test dist tools fetch browser npm-deps check-style unit e2e cli bench clean \
  size size-ceiling bench-ui bench-load profile-ui deny deny-tool dist-single

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

run: dist ## Install what is missing, build in release mode, serve on http://127.0.0.1:$(PORT).
	node tests/serve.mjs --dir dist --port $(PORT)

test: fetch tools browser check-style deny unit dist size-ceiling cli e2e ## Install what is missing, then fmt, clippy, cargo deny, unit/property tests, wasm build, size ceiling, e2e.
	@echo "make test: all checks passed"

dist: fetch tools ## The release build in dist/ (relative URLs: works under any sub-path).
	$(TRUNK_BUILD)
	node tools/postbuild.mjs dist

dist-single: dist ## One self-contained HTML file (wasm, JS, CSS inlined) in dist-single/skyscale.html.
	node tools/single.mjs dist dist-single/skyscale.html

# ---------------------------------------------------------------------------------------------
# Installs (each checks the installed version first).

# Every crate in Cargo.lock, for every platform (cargo deny reads the metadata of all of them,
# Windows-only crates and dependencies' dev-dependencies included), before anything runs
# offline. A no-op when the cache has them; on a fresh machine it is what makes `deny` work.
fetch: ## Download every crate Cargo.lock names (all platforms) into the cargo cache.
	cargo fetch --locked

tools: npm-deps ## The wasm32 target, Trunk, wasm-bindgen-cli and wasm-opt (npm binaryen).
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "installing trunk $(TRUNK_VERSION) (about 10 minutes)"; \
	  cargo install --locked trunk --version $(TRUNK_VERSION); fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 5 minutes)"; \
	  cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi
	@wasm-opt --version | grep -q version_ || { echo "wasm-opt missing: npm ci failed?"; exit 1; }

npm-deps: node_modules/.installed ## Test and build deps from package-lock.json (npm ci).

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

browser: ## Debian's Chromium and Korean fonts for the end-to-end tests.
	@if ! command -v chromium >/dev/null || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends \
	    chromium fonts-noto-cjk; fi

# ---------------------------------------------------------------------------------------------
# Checks.

check-style: fetch tools ## cargo fmt --check; clippy -D warnings, native and wasm32.
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p skyscale-web -p skyscale-core -- -D warnings

unit: fetch ## Unit, property and doc tests of every crate.
	if cargo nextest --version >/dev/null 2>&1; then cargo nextest run --workspace --no-fail-fast; \
	else cargo test --workspace --all-targets --no-fail-fast; fi
	cargo test --workspace --doc

cli: fetch ## The release `skyscale` binary (the e2e tests compare its SVG with the app's).
	cargo build --release -p skyscale-cli

e2e: npm-deps browser dist-single ## End-to-end tests against dist/ (and dist-single/) in headless Chromium.
	SKYSCALE_CLI=$(CURDIR)/target/release/skyscale npx playwright test

bench: ## Core benchmarks (the month simulation).
	cargo bench -p skyscale-core

# ---------------------------------------------------------------------------------------------
# Budgets and supply chain (issues 6 and 18). Budgets are benchmarks: `size` fails over 200 KB
# gzip, `bench-ui` and `bench-load` only report.

size: dist ## Gzip and brotli bytes before first paint, until interactive, in all; fails over the 200 KB gzip budget.
	node tools/size.mjs dist

# The 200 KB budget is not met yet (see issue 6's notes); `make test` holds a ceiling just above
# today's size so the page cannot grow unnoticed while the budget is worked down. (363 → 364 at
# stop 12: the slider's speed work, chart stamps and the `rest` signal, costs 1.3 KB; 363.1 KB.
# 364 → 370 for h3-embed: the break-even chart's label placement and the embed fixes add 6.5 KB
# to the wasm; 369.6 KB. 370 -> 413 at stop 22, merging issues 15-17's fixes: Scenario::repair
# and its messages, the month per pattern, cold starts and the keep-warm ping, the shapes for
# marks, the fit card as a picture, the stack's column summaries and facility band; 411.6 KB.
# 413 -> 421 at stop 24: stop 23's phone layout (the lanes' narrow layout, the screen-reader
# summary, the embed's traffic presets, the quota repair) took the page to 418.5 KB, and CI
# failed on it; wasm-opt's other settings (-Oz twice, --converge, -Os, --gufa) save nothing.
# 421 -> 424 at stop 25: the Embed dialog's list of this view's names (1.3 KB; a table of
# Lock / Show only boxes measured 3 KB and was dropped for it), the leads that follow locks
# and hidden controls, the container options in Korean, the "≈ average" legend (2.2 KB in
# all, most of it text in both languages); 423.0 KB.
# 424 -> 430 at stop 26: the landscape phone's short lane rows and scroll cue (branch h-land,
# 1.7 KB on its base), the Embed dialog measuring the embedded page for the snippet's height,
# its note on names it left out, the locked-figure note and the hints that follow locks (3.7 KB,
# half of it text in both languages); 428.4 KB.
# 430 -> 440 at stop 27: issue 16's functions run time, minute averages, won amounts,
# burstable baselines, one month of hours, the ping billed through the month (branch h16,
# 2.6 KB), the course-width layouts, the story's and the docked slider's reveal, the fit
# presets' hiding, the phone header, the dialog's name rules (2.8 KB), the walkthrough's
# wording (1.3 KB, most of it text in both languages); 437.6 KB.
# 440 -> 444 at stop 28: issue 16's engineer walkthrough: the prices' sources and dates in
# the app (sources.rs), Lambda's INIT line, the break-even's quota limit, the tiny-bill
# wording (3.3 KB in all, most of it text in both languages); 437.6 -> 440.9 KB.
# 444 -> 448 at stop 29: issue 16's engineer walkthrough, second round: every break-even
# crossing and which side is cheaper at the scenario's rate, provisioned concurrency and pings
# in the curve, the math's numbers at three significant digits (3.9 KB, most of it text in
# both languages); 440.9 -> 444.8 KB.
# 448 -> 462 at stop 29, second half: issue 16's third engineer walk and the student's walk
# (timed-out fleets and the target the ★ holds to, every break-even crossing ringed and
# labelled, canonical numbers from links, the ping beside provisioned concurrency, idle-spell
# cold starts, the CPU share in the fit verdict, field names in the link notice, the module
# table's phone layout; wasm +39.8 KB raw, most of it text in both languages); 444.8 -> 458.7 KB.
# 462 -> 466 at stop 30: issue 16's fourth walk (one serves/cheapest rule, p95 over every
# request asked, unknown link keys named with "did you mean", the notes' truth check, stack
# summaries by cell name, the break-even steady-rate labels); 458.7 -> 463.8 KB.
# Issue 18's prerender and code splitting are where these bytes come back off the first load.)
SIZE_CEILING_KB ?= 466
size-ceiling: dist
	node tools/size.mjs dist --budget-kb $(SIZE_CEILING_KB)

bench-ui: dist npm-deps browser ## Headless Chromium: slider input -> next paint p50/p95, first paint, heap growth.
	node tools/bench-ui.mjs dist

# BENCH_LOAD_ARGS: e.g. `--loads 9`, `--url "?view=fit"` (repeatable), `--json out.json`,
# `--shots /tmp/shots`, `--no-throttle` (see tools/bench-load.mjs).
BENCH_LOAD_ARGS ?=
bench-load: dist npm-deps browser ## Headless Chromium, Lighthouse's mobile profile: FCP, LCP, CLS, TBT, interactive, bytes; 7 URLs x 5 fresh loads.
	node tools/bench-load.mjs dist $(BENCH_LOAD_ARGS)

profile-ui: dist npm-deps browser ## Where a slider input's main-thread time goes (script, style, layout, paint).
	node tools/profile-ui.mjs dist

deny-tool:
	@if [ "$$(cargo deny --version 2>/dev/null)" != "cargo-deny $(CARGO_DENY_VERSION)" ]; then \
	  echo "installing cargo-deny $(CARGO_DENY_VERSION) (about 5 minutes)"; \
	  cargo install --locked cargo-deny --version $(CARGO_DENY_VERSION); fi

# Offline: the advisory database (RustSec, a git clone) cannot be fetched here, so `advisories`
# is left out; run `cargo deny check advisories` where the network is allowed (see deny.toml).
deny: fetch deny-tool ## cargo deny: licenses, bans (duplicate versions), sources; offline.
	cargo deny --offline check bans licenses sources

clean: ## Remove build output.
	cargo clean
	rm -rf dist dist-single tests/output
