#!/usr/bin/env bash
# Build the one-folder app and run its self-test (needs `pip install pyinstaller`).
set -euo pipefail
cd "$(dirname "$0")/.."
pyinstaller --noconfirm --clean packaging/w2v-desktop.spec
export NUMBA_CACHE_DIR="${NUMBA_CACHE_DIR:-$(mktemp -d)}"
QT_QPA_PLATFORM=offscreen dist/w2v-desktop/w2v-desktop --self-test
