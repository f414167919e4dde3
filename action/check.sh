#!/usr/bin/env bash
# The GitHub Action's step (action.yml): install argmap, then check the maps twice over:
# once for a SARIF file (code scanning), once with --format github, whose annotations mark
# the lines of the pull request and whose exit status is the action's.
# Inputs come as environment variables: ARGMAP_PATHS (separated by white space),
# ARGMAP_ARGS, ARGMAP_SARIF_FILE, ARGMAP_INSTALL (true/false), ARGMAP_VERSION, and
# GITHUB_ACTION_PATH (this repository), GITHUB_OUTPUT, RUNNER_TEMP from the runner.
set -euo pipefail

paths=()
read -r -d '' -a paths <<<"${ARGMAP_PATHS:-.}" || true
args=()
read -r -d '' -a args <<<"${ARGMAP_ARGS:-}" || true
sarif="${ARGMAP_SARIF_FILE:-argmap.sarif}"

if [ "${ARGMAP_INSTALL:-true}" = true ]; then
    venv="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/argmap-action-venv"
    python3 -m venv "$venv"
    if [ -n "${ARGMAP_VERSION:-}" ]; then
        requirement="argmap==${ARGMAP_VERSION#v}"
    else
        requirement="${GITHUB_ACTION_PATH:?}"  # the action's own copy of argmap
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement"
    argmap="$venv/bin/argmap"
else
    argmap="$(command -v argmap)" || { echo "::error::argmap is not on PATH (install: false)"; exit 2; }
fi
"$argmap" --version

# The SARIF file whatever the findings (an error in a map is a result, not a failure here);
# a usage error (2) stops the action.
status=0
"$argmap" check --format sarif ${args[@]+"${args[@]}"} -- "${paths[@]}" >"$sarif" || status=$?
if [ "$status" -ge 2 ]; then
    exit "$status"
fi
status=0
"$argmap" check --format github ${args[@]+"${args[@]}"} -- "${paths[@]}" || status=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    {
        echo "sarif-file=$sarif"
        echo "exit-code=$status"
    } >>"$GITHUB_OUTPUT"
fi
exit "$status"
