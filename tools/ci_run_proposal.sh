#!/usr/bin/env bash
# Proposal for .ci/run (the lead owns .ci/run; this is the browser-test author's version).
#
# From a clean clone: install Chromium from the distribution (never a downloaded browser),
# the Python packages from the project's own files into a fresh venv, then run the README's
# test command exactly, with CI=true so that a missing browser FAILS the browser tests
# instead of skipping them. Screenshots of every notebook and explorer land in
# screenshots/, which CI keeps as an artefact.
#
# Differences from the current .ci/run:
# - pytest's exit code 5 ("no tests collected") is a failure, said in words;
# - works as root (containers) or through sudo (a developer's machine);
# - apt-get update runs once, and only installs are retried if the mirror hiccups;
# - fails early, with one line, when Chromium did not install;
# - the venv lives outside the repository's test paths (.venv-ci is in norecursedirs
#   via ".*", kept) and screenshots/ is emptied before the run so the artefact is this run's.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

$SUDO apt-get update
# fonts-dejavu-core: JupyterLab's interface text in the screenshots (matplotlib ships its own).
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
  || { sleep 5; $SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core; }
if ! /usr/bin/chromium --version >/dev/null 2>&1; then
  echo "CI: Chromium did not install (/usr/bin/chromium missing); the browser tests cannot run." >&2
  exit 1
fi

python3 -m venv .venv-ci
# shellcheck disable=SC1091
source .venv-ci/bin/activate
python -m pip install --upgrade pip
pip install -r requirements-test.txt

export CI=true
rm -rf screenshots && mkdir -p screenshots

# The README's test command, exactly:
set +e
python -m pytest
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "CI: pytest collected no tests; that is a failure, not a pass." >&2
  exit 1
fi
echo "CI: screenshots for the artefact: $(find screenshots -name '*.png' | wc -l) PNG files in screenshots/"
exit "$status"
