# bayeux-edge: two commands on a fresh Debian 12 machine with the Swift 6.3 toolchain.
#   make run   install the Debian packages, build in release mode, start the server
#              (development mode, in-memory engine, https://localhost:8443/faye)
#   make test  install what the tests need, build, run unit and integration tests

SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends

BUILD_PACKAGES := libssl-dev libnghttp2-dev libhiredis-dev zlib1g-dev pkg-config
TEST_PACKAGES := curl openssl ruby-faye nghttp2-client redis-server python3 python3-pytest netcat-openbsd
BENCH_PACKAGES := nginx-light wrk ruby-faye thin linux-perf

RELEASE_BIN := .build/release/bayeux-edge
DEBUG_BIN := .build/debug/bayeux-edge

.PHONY: run test build deps test-deps bench-deps unit integration bench conformance clean check-swift

run: deps build
	@test -f tokens/tokens.json || { cp tokens/tokens.example.json tokens/tokens.json; \
	  echo "created tokens/tokens.json from tokens/tokens.example.json (development publisher tokens)"; }
	FAYE_ENVIRONMENT=development $(RELEASE_BIN) $(ARGS)

test: test-deps
	swift build --build-tests
	$(MAKE) unit integration

unit:
	swift test --skip-build

integration:
	EDGE_BINARY=$(DEBUG_BIN) /usr/bin/python3 -m pytest -q Tests/Integration

build: check-swift
	swift build -c release

deps: check-swift
	@dpkg -s $(BUILD_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(APT_INSTALL) $(BUILD_PACKAGES); }

test-deps: deps
	@dpkg -s $(TEST_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(APT_INSTALL) $(TEST_PACKAGES); }

bench-deps: test-deps
	@dpkg -s $(BENCH_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(APT_INSTALL) $(BENCH_PACKAGES); }

# Installs nginx, wrk, Faye and thin, builds release, runs bench/run.py: one table of figures
# and ratios, also written to BENCHMARKS.md. BENCH_QUICK=1: one short run; BENCH_RUNS=N;
# BENCH_ARGS="--only fanout,idle" for a part (see bench/README.md).
bench: bench-deps check-swift
	/usr/bin/python3 bench/run.py $(BENCH_ARGS)

check-swift:
	@command -v swift >/dev/null || { echo "Swift 6.3 is needed: https://www.swift.org/install/linux/ (Debian 12 tarball), then put its usr/bin on PATH"; exit 1; }

# The Autobahn|Testsuite against the WebSocket codec, over TLS, through the real server's
# conformance echo endpoint (--ws-echo-path); prints "N passed, N failed". Its 9.* cases
# send messages of up to 16 MiB, so the message limit is raised to the largest allowed.
conformance: deps build
	@set -e; dir=$$(mktemp -d); port=$${CONFORMANCE_PORT:-9443}; \
	FAYE_ENVIRONMENT=development FAYE_SSL_DIR=$$dir FAYE_BIND=127.0.0.1 FAYE_HTTP_PORT=0 FAYE_HTTPS_PORT=$$port \
	  FAYE_TOKENS_DIR=$$dir FAYE_MAX_MESSAGE_SIZE=67108864 $(RELEASE_BIN) --ws-echo-path /echo > $$dir/edge.log 2>&1 & pid=$$!; \
	trap "kill $$pid 2>/dev/null; rm -rf $$dir" EXIT; \
	for i in $$(seq 50); do curl -sk https://127.0.0.1:$$port/healthz >/dev/null && break; sleep 0.1; done; \
	scripts/conformance.sh $(CONFORMANCE_ARGS) wss://127.0.0.1:$$port/echo

clean:
	rm -rf .build
