# Every target sets itself up: a fresh clone needs only Python 3.10+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/argmap show maps/russia-china.argmap
	$(BIN)/argmap check maps/russia-china.argmap
	$(BIN)/argmap render maps/russia-china.argmap --fit a4 --split -o out/

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check argmap tests
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check argmap tests
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python tests/benchmarks/run.py

clean:
	rm -rf $(VENV) out build *.egg-info
