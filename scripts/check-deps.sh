#!/usr/bin/env bash
# The dependency rules over the product code, on the import graph dependency-cruiser resolves
# once: the rules of .dependency-cruiser.cjs (module cycles, folder cycles, the layer rules;
# the second net under ESLint's), then scripts/capability-cycles.ts (cycles between capability
# folders that enter and leave a capability through different subfolders, which the folder
# rule cannot see). Prints each violation with what to do instead, then one line on failure.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
graph=$(mktemp) || exit 1
trap 'rm -f "$graph"' EXIT
npx depcruise --config .dependency-cruiser.cjs --output-type json --output-to "$graph" \
  electron shared renderer || exit 1
failed=0
npx depcruise-fmt --exit-code --output-type err-long "$graph" || failed=1
npx tsx scripts/capability-cycles.ts "$graph" || failed=1
if [ "$failed" = 0 ]; then
  exit 0
fi
echo "deps: an import crosses a layer or closes a cycle (see above; the rules are in .dependency-cruiser.cjs)" >&2
exit 1
