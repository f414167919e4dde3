# Every target sets itself up: a fresh clone needs only Python 3.10+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARTICLE := ../shared/sources/russia-china-oppose-the-globe.txt

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/argmap show maps/russia-china.argmap
	@# The map quotes the article in ../shared/sources; a clone without it still gets a demo.
	@if [ -f $(ARTICLE) ]; then \
		echo "$(BIN)/argmap check maps/russia-china.argmap"; \
		$(BIN)/argmap check maps/russia-china.argmap; \
	else \
		echo "note: $(ARTICLE) is not here, so the map's quotes are not checked"; \
		echo "$(BIN)/argmap check maps/russia-china.argmap --ignore document-not-found"; \
		$(BIN)/argmap check maps/russia-china.argmap --ignore document-not-found; \
	fi
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
