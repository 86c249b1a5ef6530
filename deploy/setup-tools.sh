#!/usr/bin/env bash
# Installs the system tools the test suite drives: Chromium and its WebDriver for the console's browser tests,
# Node.js and npm for the AsyncAPI CLI and the manifest validator (npm ci into target/, pinned by
# platform/testkit/asyncapi-cli and deploy/manifests/validator).
# Debian/Ubuntu; runs apt-get as root, or through sudo. Installs only what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# a Node.js from another source (NodeSource) brings its own npm and conflicts with Debian's npm package
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-tools: chromium, chromedriver, node and npm are installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup-tools: missing ${missing[*]}; run this script as root (apt-get install)" >&2
  exit 1
fi

echo "setup-tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
