#!/usr/bin/env bash
# What the tests in real editors and tools need and npm ci does not give: Debian's Chromium
# (driven by playwright-core), Neovim, Emacs with Eglot, pre-commit (the README's hooks), and
# code-server (VS Code for the browser), which needs Node 24 and the kerberos headers to build. code-server is cached in .vscode-test/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in chromium libkrb5-dev neovim emacs-nox elpa-eglot unzip pre-commit git; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cache=.vscode-test/code-server
version=4.139.1
if [ ! -f "$cache/node_modules/code-server/out/node/entry.js" ] || [ "$(cat "$cache/.version" 2>/dev/null)" != "$version" ]; then
  rm -rf "$cache"
  mkdir -p "$cache"
  (
    cd "$cache"
    echo '{"name":"code-server-cache","private":true}' > package.json
    npm install --no-audit --no-fund --dangerously-allow-all-scripts node@24 >/dev/null
    # code-server's install scripts compile native modules with the Node they run on: 24.
    PATH="$PWD/node_modules/.bin:$PATH" npm install --no-audit --no-fund --foreground-scripts --dangerously-allow-all-scripts "code-server@$version" >install.log 2>&1 \
      || { tail -40 install.log; exit 1; }
    echo "$version" > .version
  )
fi
echo "test editors ready: $(command -v chromium), $(command -v nvim), $(command -v emacs), $(command -v pre-commit) and code-server $version in $cache"
