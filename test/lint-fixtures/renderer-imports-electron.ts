// Lint fixture: linted as if it lived in renderer/. It must FAIL the layering rule.
import { ipcRenderer } from 'electron';

export const leak = () => ipcRenderer.invoke('settings:get');
