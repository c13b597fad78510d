# Two commands on a fresh machine: `make book`, then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# axe-core for the accessibility tests, pinned in package-lock.json; npm's own marker file.
NODE_STAMP := node_modules/.package-lock.json
PORT   ?= 8000
# The browser the tests drive (default: `chromium` on PATH, Debian's /usr/bin/chromium).
ifdef CHROMIUM
export CHROMIUM
endif

# jupyter-book build --warningiserror --keep-going, then the failing cells spelled out
# (src/helpers/build.py): a failing cell or any Sphinx warning fails the build.
JB_BUILD := $(BIN)/python -m helpers build .

.PHONY: book test check-fast serve preview lab lint format hooks clean distclean data check verify bench bench-charts

# pip shows its own progress: the first install takes a minute or two.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) tools/preflight.py book
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -r requirements-dev.txt
	$(BIN)/python -m pip install --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

book: $(STAMP)
	$(JB_BUILD)

# The pre-flight first: a missing browser or npm stops here, in seconds, not after the build.
test:
	$(PYTHON) tools/preflight.py test
	$(MAKE) --no-print-directory book $(NODE_STAMP)
	$(BIN)/python -m pytest

# The fast loop while writing: no build, no browser, within 4 floors of `make bench`. The
# levels are the folders under tests/ (markers from tests/conftest.py); tests marked slow
# (each says why) wait for make test.
FAST_LEVELS := (unit or catalog or statbank or claims) and not slow
check-fast: $(STAMP)
	$(BIN)/python -m pytest -m "$(FAST_LEVELS)"

# The last build as it is; a busy port is said in one line, not a traceback.
serve: $(STAMP)
	$(BIN)/python tools/preview.py --serve-only --port $(PORT)

# Rebuild on every change to a chapter, page, helper or the data, and reload the open page.
preview: $(STAMP)
	$(BIN)/python tools/preview.py --port $(PORT)

# JupyterLab with the repository's settings (.jupyter): chapters open as notebooks.
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(STAMP)
	JUPYTER_CONFIG_DIR=$(CURDIR)/.jupyter $(BIN)/jupyter lab --ip=127.0.0.1 $(LAB_ROOT)

# The pre-commit checks on every file git would commit, new ones included (pre-commit's
# --all-files sees only files already added); make test runs them too. make format fixes
# what ruff can fix; make hooks makes every `git commit` run them on what it commits.
PRE_COMMIT_HOME ?= $(CURDIR)/.cache/pre-commit
export PRE_COMMIT_HOME
WORKING_FILES := git ls-files --cached --others --exclude-standard | while read -r f; do [ -e "$$f" ] && echo "$$f"; done
lint: $(STAMP)
	$(WORKING_FILES) | xargs $(BIN)/pre-commit run --show-diff-on-failure --files

format: $(STAMP)
	$(BIN)/ruff format --force-exclude .
	$(BIN)/ruff check --fix --force-exclude .

hooks: $(STAMP)
	$(BIN)/pre-commit install

# The refresh, and when a value changed, the book built before and after: the change record
# in data/endringslogg/ gets every sentence and headline that changed (helpers.site.tekster).
data: $(STAMP)
	$(BIN)/python -m helpers refresh --book .

check: $(STAMP)
	$(BIN)/python -m helpers check

# Every declared SSB table against SSB's metadata (no data fetched); SSB_API_URL points it
# elsewhere (a mirror, or the test suite's local fake). VERIFY_REPORT=file keeps the report.
verify: $(STAMP)
	$(BIN)/python -m helpers verify $(if $(VERIFY_REPORT),--report $(VERIFY_REPORT))

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Only the browser part of the benchmark, on the current build.
bench-charts: book
	$(BIN)/python bench/charts.py

clean:
	rm -rf _build

distclean: clean
	rm -rf $(VENV) .cache .pytest_cache node_modules
