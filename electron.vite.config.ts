/**
 * electron-vite: builds the main process, the preload and the renderer into out/.
 *
 * - main: ESM (package.json is `type: module`), pure-JS dependencies bundled; native and
 *   heavy modules stay external and load from node_modules (unpacked from the asar).
 * - preload: ONE CommonJS file with everything bundled. A sandboxed preload cannot load
 *   ESM or any module but a few Electron ones, so `require('electron')` is its only import.
 * - renderer: the React app, the same root and output as vite.renderer.config.ts.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
const fromRoot = (...parts: string[]) => resolve(root, ...parts);

/**
 * Native addons and large runtimes that must not be bundled (loaded from node_modules).
 * `apache-arrow` too: the tables we hand LanceDB must come from the same copy it uses.
 */
export const mainExternals = [
  'keytar',
  '@lancedb/lancedb',
  'apache-arrow',
  '@huggingface/transformers',
  'onnxruntime-node',
  // A native addon (registry and managed preferences), and the updater that loads its
  // platform classes by name at run time.
  '@vscode/policy-watcher',
  'electron-updater',
];
const withSubpaths = mainExternals.flatMap((name) => [
  name,
  new RegExp(`^${name.replace(/[/.]/g, '\\$&')}/`),
]);

export default defineConfig(({ command }) => ({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      externalizeDeps: false,
      sourcemap: true,
      rolldownOptions: {
        // Workers are entries of their own next to index.js: WorkerClient finds them at
        // out/main/<name>.js (electron/services/core/workers/worker-entry.ts).
        input: {
          index: fromRoot('electron/hosts/electron-main/index.ts'),
          'embed-worker': fromRoot('electron/services/embeddings/embed-worker.ts'),
          'asr-worker': fromRoot('electron/services/speech/asr-worker.ts'),
          'index-worker': fromRoot('electron/services/knowledge/index-worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        external: withSubpaths,
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      // Inline maps only under `electron-vite dev`: they would double the shipped file.
      sourcemap: command === 'serve' ? 'inline' : false,
      rolldownOptions: {
        input: { index: fromRoot('electron/hosts/electron-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    plugins: [react()],
    build: {
      outDir: fromRoot('out/renderer'),
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: { input: fromRoot('renderer/index.html') },
    },
  },
}));
