/**
 * Where a worker's module is, in both ways Inloop runs:
 *
 * - from source under tsx (the CLI, `inloop serve`, tests): the entry is the `.ts` file beside
 *   the caller, and the worker thread is started with tsx's loader (`--import tsx`), because a
 *   worker does not inherit the caller's module hooks (vitest's, notably).
 * - from the electron-vite build: everything in the main process is bundled into
 *   `out/main/index.js`, so each worker is built as its own input beside it
 *   (`out/main/<name>.js`, see `electron.vite.config.ts`) and loaded as plain JS.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The URL of worker `<name>` next to the calling module: `<name>.ts` when the caller is a `.ts`
 * file (tsx), else `<name>.js` (the bundle). Call it as `workerEntryUrl(import.meta.url, 'x')`.
 */
export function workerEntryUrl(callerUrl: string, name: string): URL {
  const fromSource = new URL(callerUrl).pathname.endsWith('.ts');
  return new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl);
}

let tsxLoader: string | undefined;

/** The worker's `execArgv`: tsx's loader for a `.ts` entry, nothing for built JS. */
export function workerExecArgv(entry: URL): string[] {
  if (!entry.pathname.endsWith('.ts')) return [];
  tsxLoader ??= pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return ['--import', tsxLoader];
}
