/**
 * The services process the way the Electron app runs it: bundled, as plain JavaScript (the
 * electron-vite main build, electron.vite.config.ts), not from source under tsx, whose loader
 * and transformed sources hold ~37 MiB of their own that no agent's app carries. The memory
 * bench bundles its services child and the worker entries it starts (each beside it, where
 * `workerEntryUrl` looks for them) with esbuild into `.bench-build/` at the repository root:
 * one level below the root, as bench/ is, so `bench/corpora.ts`'s paths hold; packages stay
 * external and load from node_modules, as in the app's build.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from '../corpora';

const OUT = join(root, '.bench-build');

/** Bundles `bench/memory/services-child.ts` and its workers; resolves the bundle's path. */
export async function bundleServicesChild(): Promise<string> {
  await build({
    entryPoints: {
      'services-child': join(root, 'bench', 'memory', 'services-child.ts'),
      'embed-worker': join(root, 'electron', 'services', 'embeddings', 'embed-worker.ts'),
      'index-worker': join(root, 'electron', 'services', 'knowledge', 'index-worker.ts'),
    },
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  return join(OUT, 'services-child.js');
}
