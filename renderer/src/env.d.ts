/// <reference types="vite/client" />
import type { InloopApi } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the renderer runs in a browser. */
    readonly inloop?: InloopApi;
  }
}

export {};
