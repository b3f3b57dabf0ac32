/**
 * One Inloop per user session: a second launch (a double-click on the shortcut, the
 * installer's "run now") brings the running overlay forward and exits.
 */

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * True when this process is the only instance; it then calls `focusExisting` whenever
 * another launch is attempted. False (and quitting) when another instance runs.
 */
export function claimSingleInstance(app: SingleInstanceApp, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusExisting);
  return true;
}
