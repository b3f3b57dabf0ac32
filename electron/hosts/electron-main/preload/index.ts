/**
 * The preload script of the overlay window. Runs sandboxed (`sandbox: true`): it is bundled
 * into one CommonJS file whose only `require` is `electron`, the module a sandboxed preload
 * may load. It exposes `window.inloop` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeInloopApi } from './expose-api';

exposeInloopApi(contextBridge, ipcRenderer);
