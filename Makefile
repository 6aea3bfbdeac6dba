# Everything runs in .venv, created from pyproject.toml: nothing depends on what is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run

.PHONY: setup extract test lint bench eval corpus clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $(RUN_STAMP)

# extraction alone needs no test or bench tools
$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

# `make extract UPLOADS=dir` ingests a folder of new uploads into out/ instead
UPLOADS ?= samples/
extract: $(RUN_STAMP)
	$(BIN)/planextract ingest $(UPLOADS) --dataset out/

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_ingest.py

# the family corpus (issue 6): generated plans in every format, scored per format
corpus: $(STAMP)
	$(BIN)/python scripts/family_corpus.py --out out/corpus

eval: $(STAMP)
	$(BIN)/python scripts/eval.py --out out/corpus

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) out
