// Lint fixture: loads Electron in every form. Linted as if it lived in electron/services/,
// electron/app/, the web and CLI hosts, shared/ and renderer/: each line marked ✗ must FAIL
// there. Linted as electron/hosts/electron-main/ it must PASS (the one host that runs Electron).
import electron from 'electron'; // ✗
import { app } from 'electron'; // ✗
import type { WebContents } from 'electron'; // ✗
import { BrowserWindow } from 'electron/main'; // ✗
import { contextBridge } from 'electron/renderer'; // ✗
import { clipboard } from 'electron/common'; // ✗
import electronCjs = require('electron'); // ✗
export { shell } from 'electron'; // ✗
export * as everything from 'electron/main'; // ✗

const required = require('electron'); // ✗
const fromModule = module.require('electron/main'); // ✗
const later = () => import('electron'); // ✗
type Main = typeof import('electron/main'); // ✗
type App = import('electron').App; // ✗

export const used = [electron, app, BrowserWindow, contextBridge, clipboard, electronCjs];
export const loaded = [required, fromModule, later];
export type Used = [WebContents, Main, App];
