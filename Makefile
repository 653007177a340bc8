# IAMIS — the two commands: `make run` and `make test`. Everything else is what they stand on.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PACKAGES := services/shared services/identity services/marks services/sampling services/evidence \
            services/reports services/moderation gateway
STAMP := $(VENV)/.installed

.PHONY: run test code bench translations system-run system-test clean

run: system-run $(STAMP) translations
	$(PY) deploy/local/run.py

test: system-test $(STAMP) translations
	$(VENV)/bin/pytest -q

code: $(STAMP)
	@test -n "$(EMAIL)" || { echo "usage: make code EMAIL=<demo account address>"; exit 2; }
	@IAMIS_DEMO=1 $(PY) -m identity.cli demo-code "$(EMAIL)"

bench: $(STAMP) translations
	@deploy/local/ensure-system.sh bench
	$(PY) tests/load/bench_relay.py
	$(PY) tests/load/bench_marksheet_queries.py
	$(PY) tests/load/bench_sampling.py
	$(PY) tests/load/bench_mark_saves.py

system-run:
	@deploy/local/ensure-system.sh run

system-test:
	@deploy/local/ensure-system.sh test

$(STAMP): requirements.txt $(wildcard $(addsuffix /pyproject.toml,$(PACKAGES)))
	@test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.txt \
	    $(addprefix -e ,$(PACKAGES))
	@touch $@

translations: $(STAMP)
	@$(VENV)/bin/pybabel -q compile -d gateway/gateway/translations

clean:
	rm -rf $(VENV) var
