#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (Debian's chromium for the browser tests).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install-test-deps.sh
dotnet test MultiLabel.slnx -c Release --nologo "$@"
