# Meritpass — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgresql://postgres@127.0.0.1:5432/meritpass
HOST ?= 127.0.0.1
PORT ?= 8000
SRC := src tests bench tools

.PHONY: run test lint types imports pytest pytest-postgres bench install interop-deps messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed

interop/js/node_modules/.package-lock.json: interop/js/package.json interop/js/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix interop/js --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the interoperability tests will be skipped (a failure when CI=true)"; fi

interop-deps: interop/js/node_modules/.package-lock.json

RUN_ENV := MERITPASS_DEBUG=1 MERITPASS_DEMO=1 MERITPASS_PUBLIC_URL=http://$(HOST):$(PORT)

# Migrate, import ESCO and the demo once, then serve the site with a background worker beside it.
run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py import_esco --bundled --if-changed
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	$(RUN_ENV) $(BIN)/python manage.py run_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install interop-deps lint types imports pytest pytest-postgres

lint: install
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)

types: install
	$(BIN)/mypy src

imports: install
	$(BIN)/lint-imports

pytest: install
	$(BIN)/pytest -n 2 --dist loadgroup

# The integration tests once more, against PostgreSQL.
pytest-postgres: install
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 --dist loadgroup tests/integration -m "not browser"

bench: install interop-deps
	$(BIN)/python -m bench

# Refresh every app's .po catalogue; fill Swedish texts with tools/translate.py, which compiles .mo.
messages: install
	for app in $(dir $(wildcard src/meritpass/*/locale)); do \
	  (cd $$app && $(CURDIR)/$(BIN)/django-admin makemessages -l sv -l en --no-obsolete) || exit 1; \
	done

clean:
	rm -rf $(VENV) var interop/js/node_modules .pytest_cache .mypy_cache .ruff_cache
