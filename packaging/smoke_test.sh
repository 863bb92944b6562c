#!/usr/bin/env bash
# Build the one-folder app, run its self-test, and train on the bundled sample with a
# bundled stop-word list through the frozen launcher (needs `pip install pyinstaller`).
set -euo pipefail
cd "$(dirname "$0")/.."
pyinstaller --noconfirm --clean packaging/w2v-desktop.spec
export NUMBA_CACHE_DIR="${NUMBA_CACHE_DIR:-$(mktemp -d)}"
export QT_QPA_PLATFORM=offscreen
app=dist/w2v-desktop
"$app/w2v-desktop" --self-test
# The samples sit inside the bundle where the package data of a wheel install would be.
sample="$app/_internal/w2v_desktop/resources/samples/sample_corpus.txt"
out="$(mktemp -d)/vectors.bin"
"$app/w2v-desktop" train "$sample" -o "$out" --stop-words english --epochs 1
test -s "$out"
"$app/w2v-desktop" --startup-time   # cold start: process start to the first paint of the window
echo "smoke test passed: $(du -sh "$app" | cut -f1) in $app"
