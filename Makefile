# Everything runs in .venv, created from pyproject.toml: nothing depends on what is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup extract test lint bench eval corpus clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

extract: $(STAMP)
	$(BIN)/planextract extract samples/ --out out/

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# the family corpus (issue 6): generated plans in every format, scored per format
# SEED=7 (or any other) writes plans nobody has tuned the readers on
SEED ?= 6
corpus: $(STAMP)
	$(BIN)/python scripts/family_corpus.py --out out/corpus --seed $(SEED)

eval: $(STAMP)
	$(BIN)/python scripts/eval.py --out out/corpus --seed $(SEED)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) out
