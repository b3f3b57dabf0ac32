/**
 * Builds the renderer alone (`npm run build:renderer`), for `inloop serve` and the
 * end-to-end tests. Same root and output folder as the renderer part of
 * electron.vite.config.ts, so both builds produce the same `out/renderer`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
  },
});
