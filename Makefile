# Bündnisnetz Thüringen: the commands a developer and CI need.
# Only Python (>= 3.11) and a C compiler are required; see README.md.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lint format messages services-start services-stop services-status clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: set everything up and run web server, Celery worker and beat on 127.0.0.1:8000
demo: $(STAMP)
	$(PY) -m devtools.devrun

## test: run the whole test suite against real PostgreSQL and Redis
test: $(STAMP)
	$(PY) -m pytest

## bench: run the benchmarks in their own database and write docs/benchmarks.md
## (BENCH_ARGS="--quick" for small sizes, "--keep" to reuse the database next time)
bench: $(STAMP)
	$(PY) -m tests.benchmarks $(BENCH_ARGS)

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
