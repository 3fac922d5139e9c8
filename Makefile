# Blueprint Studio: `make run` to serve the dashboard, `make test` for the full suite.
.DEFAULT_GOAL := run
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := blueprints_ui.settings

# PYTHON if set (it must be >= 3.12), else the first interpreter that really runs and is >= 3.12:
# pyenv shims that refuse to run are skipped, and pyenv's own installs are tried last.
FIND_PYTHON := ok() { "$$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }; \
	if [ -n "$$PYTHON" ]; then ok "$$PYTHON" && "$$PYTHON" -c 'import sys; print(sys.executable)'; exit; fi; \
	for c in python3.14 python3.13 python3.12 python3 \
	  $$(ls -d "$$(pyenv root 2>/dev/null)"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  ok "$$c" && { "$$c" -c 'import sys; print(sys.executable)'; break; }; \
	done

$(BIN)/.installed: pyproject.toml
	@py="$$($(FIND_PYTHON))"; \
	if [ -z "$$py" ]; then echo "No Python >= 3.12 found$${PYTHON:+ (PYTHON=$$PYTHON is not one)}:" \
	  "install one or set PYTHON=/path/to/python3.12" >&2; exit 1; fi; \
	if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	  rm -rf $(VENV); echo "Creating $(VENV) with $$py"; "$$py" -m venv $(VENV); fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

.PHONY: install run migrate demo lint format test bench clean
install: $(BIN)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py ensure_admin

run: demo
	@echo "Blueprint Studio on http://127.0.0.1:$(PORT)/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python -m pytest

bench: install
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python "$$b" || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache staticfiles
