/**
 * Cycles between capability folders, found in dependency-cruiser's resolved module graph (its
 * JSON result). dependency-cruiser's own folder rule (`no-capability-cycle`) links a folder to
 * the exact folder of each file it imports, so a cycle that enters a capability through one
 * subfolder and leaves through another escapes it (knowledge → packs/install while
 * packs/cli → knowledge). Here every module first counts as its capability folder, then the
 * strongly connected groups of two or more folders are the cycles.
 *
 * Usage: npx tsx scripts/capability-cycles.ts <dependency-cruiser JSON result>
 * Prints each cycle with the imports that close it; exits 1 when there is one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ICruiseResult, IModule } from 'dependency-cruiser';

/** Capability folders that import each other, directly or through others of the group. */
export interface CapabilityCycle {
  /** The folders, sorted. */
  readonly folders: string[];
  /** Every import from one of them into another: `from.ts → to.ts`, sorted. */
  readonly imports: string[];
}

interface FolderRule {
  readonly name: string;
  readonly comment?: string;
  readonly to: { readonly path?: string };
}

/** The `no-capability-cycle` rule of .dependency-cruiser.cjs: it names the capability folders. */
export function capabilityRule(): { pattern: RegExp; comment: string } {
  const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as {
    forbidden: FolderRule[];
  };
  const rule = config.forbidden.find((r) => r.name === 'no-capability-cycle');
  if (!rule?.to.path) {
    throw new Error('.dependency-cruiser.cjs has no no-capability-cycle rule with a to.path');
  }
  // to.path is `^(<capability folders>)(/|$)`: its first group is a path's capability folder.
  return { pattern: new RegExp(rule.to.path), comment: rule.comment ?? '' };
}

/** The cycles between the capability folders (the first group of `pattern`) of `modules`. */
export function capabilityCycles(
  modules: readonly IModule[],
  pattern: RegExp = capabilityRule().pattern,
): CapabilityCycle[] {
  const folderOf = (path: string) => pattern.exec(path)?.[1];
  const imports = new Map<string, Map<string, string[]>>();
  for (const module of modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from) continue;
      const targets = imports.get(from) ?? new Map<string, string[]>();
      imports.set(from, targets);
      targets.set(to, [...(targets.get(to) ?? []), `${module.source} → ${dependency.resolved}`]);
    }
  }
  return stronglyConnected(imports)
    .filter((group) => group.length > 1)
    .map((group) => ({
      folders: group.sort(),
      imports: group
        .flatMap((from) =>
          [...(imports.get(from) ?? [])].flatMap(([to, lines]) =>
            group.includes(to) ? lines : [],
          ),
        )
        .sort(),
    }))
    .sort((a, b) => a.folders[0]!.localeCompare(b.folders[0]!));
}

/** Tarjan's strongly connected components of a small directed graph. */
function stronglyConnected(edges: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    groups.push(group);
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups;
}

/** The report the dependency check prints for a cycle: each link with a few of its imports. */
export function describeCycle(cycle: CapabilityCycle, comment: string, shown = 3): string {
  const links = new Map<string, string[]>();
  for (const line of cycle.imports) {
    const [from, to] = line.split(' → ').map((path) => folderIn(cycle.folders, path));
    const link = `${from} → ${to}`;
    links.set(link, [...(links.get(link) ?? []), line]);
  }
  return [
    `  error capability-cycle: ${cycle.folders.join(', ')}`,
    ...[...links].flatMap(([link, lines]) => [
      `    ${link}`,
      ...lines.slice(0, shown).map((line) => `        ${line}`),
      ...(lines.length > shown ? [`        (${lines.length - shown} more)`] : []),
    ]),
    `    ${comment}`,
  ].join('\n');
}

/** The folder of `folders` that holds `path`. */
function folderIn(folders: readonly string[], path: string): string {
  return folders.find((folder) => path === folder || path.startsWith(`${folder}/`)) ?? path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [resultFile] = process.argv.slice(2);
  if (!resultFile) {
    console.error('usage: tsx scripts/capability-cycles.ts <dependency-cruiser JSON result>');
    process.exit(2);
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as ICruiseResult;
  const { pattern, comment } = capabilityRule();
  const cycles = capabilityCycles(result.modules, pattern);
  for (const cycle of cycles) console.log(`\n${describeCycle(cycle, comment)}`);
  if (cycles.length > 0) {
    console.log(`\nx ${cycles.length} cycle(s) between capability folders.`);
    process.exit(1);
  }
}
