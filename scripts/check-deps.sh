#!/usr/bin/env bash
# The dependency rules of .dependency-cruiser.cjs over the product code: no import cycle between
# modules or capability folders, and the layer rules on resolved paths (the second net under
# ESLint's). Prints each violation with what to do instead, then one summary line on failure.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
if npx depcruise --config .dependency-cruiser.cjs --output-type err-long electron shared renderer; then
  exit 0
fi
echo "deps: an import crosses a layer or closes a cycle (see above; the rules are in .dependency-cruiser.cjs)" >&2
exit 1
