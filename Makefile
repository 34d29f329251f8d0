# Two commands: `make run` and `make test`.  Both create .venv on first use
# and reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := data/issues/2025-12.toml

.PHONY: run test lint bench faults docs clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "jianbao needs Python 3.11 or newer"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/jianbao $(SAMPLE)

test: $(STAMP)  # four workers on two cores: most of a UI test is waiting for the screen (101 s vs 119 s with three)
	$(BIN)/python -m pytest -q -n 4

bench: $(STAMP)
	$(BIN)/python bench/run.py

faults: $(STAMP)  # kill saves at 200 random points: the old or the new file survives, whole
	JIANBAO_FAULT_ROUNDS=200 $(BIN)/python -m pytest -q tests/test_file_safety.py -k killed

docs: $(STAMP)  # the rule tables of docs/checks.md, from src/tui/checks/catalogue.py
	$(BIN)/python -m tui.checks.catalogue docs/checks.md

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache build dist
