# Every target sets itself up: a fresh clone needs only Python 3.10+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean fuzz fuzz-atheris docs mutation

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/argmap analyze maps/russia-china.argmap
	$(BIN)/argmap check maps/russia-china.argmap
	$(BIN)/argmap render maps/russia-china.argmap --fit a4 --split -o out/

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check argmap tests
	$(BIN)/mypy

# The documentation site (docs/, mkdocs.yml): installs the `docs` extra on first use and
# builds with --strict (a broken link or anchor fails) into out/site/, which no map search
# reads as a source (maps are published there as NAME.argmap.txt).
DOCS_STAMP := $(VENV)/.docs-installed

$(DOCS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict -d out/site

lint: $(STAMP)
	$(BIN)/ruff check argmap tests
	$(BIN)/mypy

# Fuzzing (tests/fuzz): `make test` runs a few fixed examples; these run many new ones and keep
# every failing input in tests/fuzz/regressions/. FUZZ_EXAMPLES per property, FUZZ_SECONDS
# for atheris (coverage-guided, installed on first use; its corpus grows in out/fuzz-corpus).
FUZZ_EXAMPLES ?= 2000
FUZZ_SECONDS ?= 600

fuzz: $(STAMP)
	ARGMAP_FUZZ=long ARGMAP_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider tests/fuzz

fuzz-atheris: $(STAMP)
	$(BIN)/python -c "import atheris" 2>/dev/null || $(BIN)/python -m pip install --quiet atheris
	mkdir -p out/fuzz-corpus
	$(BIN)/python tests/fuzz/atheris_fuzz.py out/fuzz-corpus -max_total_time=$(FUZZ_SECONDS) -timeout=60 -rss_limit_mb=4096

bench: $(STAMP)
	$(BIN)/python tests/benchmarks/run.py

# Mutation testing ([tool.mutmut] in pyproject.toml, docs/mutation.md): mutmut is installed on
# first use and works in mutants/; not part of `make test` (it takes an hour or more).
mutation: $(STAMP)
	$(BIN)/python -c "import mutmut" 2>/dev/null || $(BIN)/python -m pip install --quiet mutmut
	$(BIN)/mutmut run
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) out build *.egg-info
