# IAMIS — the two commands: `make run` and `make test`. Everything else is what they stand on.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PACKAGES := services/shared services/identity services/marks services/sampling services/evidence \
            services/reports services/moderation gateway
STAMP := $(VENV)/.installed
# The browser bundles the gateway serves (no build step): npm installs them from the lock, make copies them.
NODE_STAMP := gateway/node_modules/.installed
UPPY := gateway/gateway/static/vendor/uppy.min.js
HASH_MD5 := gateway/gateway/static/vendor/md5.umd.min.js

.PHONY: run test code bench translations system-run system-test system-bench clean

run: system-run $(STAMP) translations $(UPPY) $(HASH_MD5)
	$(PY) deploy/local/run.py

test: system-test $(STAMP) translations $(UPPY) $(HASH_MD5)
	$(VENV)/bin/pytest -q

code: $(STAMP)
	@test -n "$(EMAIL)" || { echo "usage: make code EMAIL=<demo account address>"; exit 2; }
	@IAMIS_DEMO=1 $(PY) -m identity.cli demo-code "$(EMAIL)"

bench: system-bench $(STAMP) translations $(UPPY) $(HASH_MD5)
	$(PY) tests/load/bench_relay.py
	$(PY) tests/load/bench_marksheet_queries.py
	$(PY) tests/load/bench_sampling.py
	$(PY) tests/load/bench_evidence_upload.py
	$(PY) tests/load/bench_mark_saves.py

system-run:
	@deploy/local/ensure-system.sh run

system-bench:
	@deploy/local/ensure-system.sh bench

system-test:
	@deploy/local/ensure-system.sh test

$(STAMP): requirements.txt $(wildcard $(addsuffix /pyproject.toml,$(PACKAGES)))
	@test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.txt \
	    $(addprefix -e ,$(PACKAGES))
	@touch $@

$(NODE_STAMP): gateway/package.json gateway/package-lock.json
	cd gateway && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(UPPY): $(NODE_STAMP)
	@mkdir -p $(@D)
	cp gateway/node_modules/uppy/dist/uppy.min.js $@

$(HASH_MD5): $(NODE_STAMP)
	@mkdir -p $(@D)
	cp gateway/node_modules/hash-wasm/dist/md5.umd.min.js $@

translations: $(STAMP)
	@$(VENV)/bin/pybabel -q compile -d gateway/gateway/translations

clean:
	rm -rf $(VENV) var gateway/node_modules gateway/gateway/static/vendor
