# Two commands on a fresh machine: `make book`, then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# axe-core for the accessibility tests, pinned in package-lock.json; npm's own marker file.
NODE_STAMP := node_modules/.package-lock.json
PORT   ?= 8000

# jupyter-book build --warningiserror --keep-going, then the failing cells spelled out
# (src/helpers/build.py): a failing cell or any Sphinx warning fails the build.
JB_BUILD := $(BIN)/python -m helpers build .

.PHONY: book test check-fast serve preview lab lint format hooks clean distclean data check bench bench-charts

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

book: $(STAMP)
	$(JB_BUILD)

test: book $(NODE_STAMP)
	$(BIN)/python -m pytest

# The fast loop while writing: no build, no browser, under a minute. The levels are the
# folders under tests/ (markers from tests/conftest.py).
FAST_LEVELS := unit or catalog or statbank or claims
check-fast: $(STAMP)
	$(BIN)/python -m pytest -m "$(FAST_LEVELS)"

serve: $(STAMP)
	@echo "Boka: http://127.0.0.1:$(PORT)/  (Ctrl+C for å stoppe)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

# Rebuild on every change to a chapter, page, helper or the data, and reload the open page.
preview: $(STAMP)
	$(BIN)/python tools/preview.py --port $(PORT)

# JupyterLab with the repository's settings (.jupyter): chapters open as notebooks.
lab: $(STAMP)
	JUPYTER_CONFIG_DIR=$(CURDIR)/.jupyter $(BIN)/jupyter lab --ip=127.0.0.1

# The pre-commit checks on every file (make test runs them too); make format fixes what
# ruff can fix; make hooks makes every `git commit` run them on what it commits.
lint: $(STAMP)
	PRE_COMMIT_HOME=$(CURDIR)/.cache/pre-commit $(BIN)/pre-commit run --all-files

format: $(STAMP)
	$(BIN)/ruff format --force-exclude .
	$(BIN)/ruff check --fix --force-exclude .

hooks: $(STAMP)
	$(BIN)/pre-commit install

data: $(STAMP)
	$(BIN)/python -m helpers refresh

check: $(STAMP)
	$(BIN)/python -m helpers check

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Only the browser part of the benchmark, on the current build.
bench-charts: book
	$(BIN)/python bench/charts.py

clean:
	rm -rf _build

distclean: clean
	rm -rf $(VENV) .cache .pytest_cache node_modules
