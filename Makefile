# Kollega: two commands on a fresh machine.
#   make run   creates .venv, installs, migrates, loads the demo into an empty database, serves on
#              http://127.0.0.1:8000 (a database with content is served as it is: run again at will)
#   make test  runs the test suite (SQLite; set DATABASE_URL for PostgreSQL)
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install messages migrate demo run test test-postgres bench clean
.PHONY: test-browser lint

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	# torch is pinned in the lock (2.13.0): pip takes the CPU build found beside it
	# (see README for other machines).
	$(PIP) install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

messages: install
	$(PY) manage.py compile_translations

migrate: messages
	mkdir -p var
	$(PY) manage.py migrate --noinput

# Only into an empty database: the next `make run` serves what teachers added since.
# (`manage.py load_demo` by hand still refuses a database with other content unless --force.)
demo: migrate
	$(PY) manage.py load_demo_if_empty

run: demo
	$(PY) manage.py runserver 127.0.0.1:8000

# ruff (lint and format check) and import-linter (the layers in pyproject.toml and docs/architecture.md).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=.:site $(VENV)/bin/lint-imports --no-cache

test: messages
	$(PY) -m pytest $(PYTEST_ARGS)

test-postgres: messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kollega} $(PY) -m pytest $(PYTEST_ARGS)

# Only the browser tests (also part of `make test`; they skip without /usr/bin/chromium).
test-browser: messages
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

bench: migrate
	$(PY) bench/run.py

# The site under gunicorn (2 workers, production settings, 127.0.0.1) driven by wrk (bench/load.py).
.PHONY: bench-load
bench-load: messages
	$(PY) bench/load.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var
