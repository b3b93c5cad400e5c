# Bündnisnetz Thüringen: the commands a developer and CI need.
# Only Python (>= 3.11) and a C compiler are required; see README.md.

PYTHON ?= python3
# Python may keep the bytecode it compiles (__pycache__/, ignored by git): some machines
# set PYTHONDONTWRITEBYTECODE, and then every test process, server and worker the suite
# starts compiled the whole project and pytest rewrote every test module again (9 s of
# each test process's start instead of 3.5 s).
unexport PYTHONDONTWRITEBYTECODE
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test check journeys bench lint format messages services-start services-stop services-status clean \
	upgrade-check snapshots crawl

# Test processes (pytest-xdist); each has a test database of its own. "auto" is one per
# core. The expensive units go first, modules with shared fixtures stay in one process
# (tests/scheduling.py).
TEST_WORKERS ?= auto
XDIST := -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder
# What make check leaves to make test: browser journeys, real Celery workers and the
# tests marked slow (seeds, walks over every route, scratch databases, processes).
CHECK_MARKERS := not browser and not celery_worker and not slow

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: set everything up and run web server, Celery worker and beat on 127.0.0.1:8000
demo: $(STAMP)
	$(PY) -m devtools.devrun

## test: run the whole test suite against real PostgreSQL and Redis (the crawl included)
test: $(STAMP)
	$(PY) -m pytest $(XDIST)

## crawl: every page of every demo role in Chromium: axe, reflow at 1366 and 390 px,
## untranslated text, internal codes; lists photographed into .data/screenshots/crawl/
## (make test runs the same checks without the photographs)
crawl: $(STAMP)
	BUENDNISNETZ_CRAWL_SCREENSHOTS=1 $(PY) -m pytest -p no:xdist -m crawl -s

## journeys: the ten browser journeys alone, every page they check photographed into
## .data/screenshots/<journey>/ (make test photographs only a page with a finding)
journeys: $(STAMP)
	BUENDNISNETZ_SCREENSHOTS=1 $(PY) -m pytest -p no:xdist tests/browser/test_journeys.py -s

## check: lint, import contracts and the quick tests (no browser, no worker, not slow),
## on test databases kept between runs (rebuilt when a migration changed)
check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest $(XDIST) --reuse-db -q -m "$(CHECK_MARKERS)"

## bench: run the benchmarks in their own database and write docs/benchmarks.md
## (BENCH_ARGS="--quick" for small sizes, "--keep" to reuse the database next time)
bench: $(STAMP)
	$(PY) -m tests.benchmarks $(BENCH_ARGS)

## upgrade-check: build a database with the previous main (1cb4d21) and its demo data,
## upgrade it with this tree and compare the row counts of every table (a few minutes;
## UPGRADE_ARGS="--keep" keeps the database bn_upgrade, "--same-demo" also compares this
## tree's own demo data with the upgraded one)
upgrade-check: $(STAMP)
	$(PY) -m devtools.upgrade_check $(UPGRADE_ARGS)

## snapshots: write the named URLs and OpenAPI documents of 1cb4d21 into
## tests/upgrade/fixtures (make test compares the tree against them)
snapshots: $(STAMP)
	$(PY) devtools/snapshot.py urls --commit 1cb4d21 --out tests/upgrade/fixtures/urls_1cb4d21.json
	$(PY) devtools/snapshot.py openapi --commit 1cb4d21 --out tests/upgrade/fixtures/openapi_1cb4d21.json

## lint: ruff check and format check, and the architecture's import contracts
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: update and compile the German translations (needs GNU gettext)
messages: $(STAMP)
	$(PY) manage.py makemessages -l de -l en --ignore='.venv/*' --ignore='.data/*'
	$(PY) manage.py compilemessages --ignore='.venv/*'

services-start: $(STAMP)
	$(PY) -m devtools.embedded start

services-stop: $(STAMP)
	$(PY) -m devtools.embedded stop

services-status: $(STAMP)
	$(PY) -m devtools.embedded status

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
