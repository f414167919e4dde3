#!/usr/bin/env bash
# Every supported Python besides .venv's (3.10 to 3.13): a smoke subset of the tests, each
# version in its own .venv-3.X, made when missing or older than pyproject.toml. The full
# suite runs on .venv's Python (make test). A version whose interpreter cannot be found
# (pyenv's, or python3.X on PATH) is skipped, saying why.
set -euo pipefail
cd "$(dirname "$0")/.."
SMOKE=(
    tests/language tests/checks tests/check_output tests/test_model.py
    tests/cli/test_check.py tests/cli/test_check_includes.py tests/cli/test_python_api.py
    tests/test_engines_unavailable.py tests/test_pygments_lexer.py tests/convert/test_written_maps.py
)
main=$(.venv/bin/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')

find_python() {
    local candidate
    for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$1".*/bin/python \
        "$(command -v "python$1" || true)"; do
        if [ -x "$candidate" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

for version in 3.10 3.11 3.12 3.13; do
    if [ "$version" = "$main" ]; then
        continue
    fi
    if ! python=$(find_python "$version"); then
        echo "Python $version: skipped, no interpreter found (pyenv install $version, or python$version on PATH)"
        continue
    fi
    venv=".venv-$version"
    if [ ! -f "$venv/.installed" ] || [ pyproject.toml -nt "$venv/.installed" ]; then
        rm -rf "$venv"
        "$python" -m venv "$venv"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
        touch "$venv/.installed"
    fi
    echo "Python $version ($python): smoke tests"
    "$venv/bin/python" -m pytest -q -p no:cacheprovider "${SMOKE[@]}"
done
