# sitrep: two commands set everything up on a fresh machine with Python 3.11.
#   make demo   creates .venv, installs sitrep, ingests examples/ and prints the incident table
#   make test   creates .venv, installs sitrep with its test tools, runs the test suite

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= .sitrep/demo.db

.PHONY: demo test install clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/sitrep ingest examples/ --db $(DEMO_DB)
	$(BIN)/sitrep incidents --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python scripts/bench_extract.py examples/

clean:
	rm -rf $(VENV) .sitrep .pytest_cache
