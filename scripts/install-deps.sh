#!/usr/bin/env bash
# Installs the Debian packages Litgrad builds against, skipping those present.
#   libcmark-dev     Markdown parsing (CCmark)
#   libopenblas-dev  matrix products (COpenBLAS)
#   libgraphviz-dev  computation-graph layout (CGraphviz)
#   pkg-config       lets SwiftPM find them
#   libjs-katex      KaTeX, copied into rendered sites (litgrad render)
#   chromium         headless browser for the rendered-page tests (BrowserTests)
#   fonts-noto-cjk   Chinese/Japanese/Korean glyphs for those pages' screenshots
set -euo pipefail
packages=(libcmark-dev libopenblas-dev libgraphviz-dev pkg-config libjs-katex chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
