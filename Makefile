# Everything runs in .venv, created from pyproject.toml: nothing depends on what is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run

.PHONY: setup extract test lint bench eval corpus clean fuzz

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src  # as an installed package has it (issue 8: start-up)
	touch $(STAMP) $(RUN_STAMP)

# extraction alone needs no test or bench tools
$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	$(BIN)/python -m compileall -q src  # each worker would compile ~100 modules otherwise
	touch $(RUN_STAMP)

# `make extract UPLOADS=dir` ingests a folder of new uploads into out/ instead
UPLOADS ?= samples/
extract: $(RUN_STAMP)
	$(BIN)/planextract ingest $(UPLOADS) --dataset out/
	$(BIN)/planextract report out/ -o out/report.html

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_ingest.py
	$(BIN)/python scripts/bench_text.py
	$(BIN)/python scripts/bench_docx.py
	$(BIN)/python scripts/bench_startup.py
	$(BIN)/python scripts/bench_report.py

# every reader under atheris for SECONDS each; findings land in out/fuzz/ (see tests/fuzz/fuzz.py)
SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/pip install --quiet -e '.[fuzz]'
	mkdir -p out/fuzz
	status=0; for target in $$($(BIN)/python -c "import sys; sys.path.insert(0, 'tests/fuzz'); \
	        import targets; print(' '.join(targets.targets()))"); do \
	    echo "== fuzz $$target for $(SECONDS) s"; \
	    $(BIN)/python tests/fuzz/fuzz.py $$target -max_total_time=$(SECONDS) -timeout=60 \
	        -rss_limit_mb=3072 -artifact_prefix=out/fuzz/$$target- -print_final_stats=1 \
	        || status=1; \
	done; exit $$status

# the family corpus (issue 6): generated plans in every format, scored per format
# SEED=7 (or any other) writes plans nobody has tuned the readers on
# HOLDOUT=1 draws every word from the held-out pools (scripts/corpus/heldout.py)
# SHAPES=1 adds the held-out shapes after the default documents (scripts/corpus/shapes.py)
SEED ?= 6
HOLDOUT ?=
HOLDOUT_FLAG := $(if $(filter-out 0,$(HOLDOUT)),--holdout)
SHAPES ?=
SHAPES_FLAG := $(if $(filter-out 0,$(SHAPES)),--shapes)
corpus: $(STAMP)
	$(BIN)/python scripts/family_corpus.py --out out/corpus --seed $(SEED) $(HOLDOUT_FLAG) $(SHAPES_FLAG)

eval: $(STAMP)
	$(BIN)/python scripts/eval.py --out out/corpus --seed $(SEED) $(HOLDOUT_FLAG) $(SHAPES_FLAG)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) out
