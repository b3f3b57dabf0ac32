import { describe, expect, it } from 'vitest';
import {
  rendererLocation,
  trustedOrigins,
} from '../../../../electron/hosts/electron-main/app-urls';
import { claimSingleInstance } from '../../../../electron/hosts/electron-main/single-instance';
import { FakeApp } from '../../../electron-mock';

const rendererDir = '/opt/Inloop/resources/app.asar/out/renderer';

describe('where the overlay page comes from', () => {
  it('loads the built renderer from the app:// scheme in the packaged app', () => {
    const inputs = { isPackaged: true, devServerUrl: undefined, rendererDir };
    expect(rendererLocation(inputs)).toEqual({ kind: 'app', url: 'app://inloop/index.html' });
    expect(trustedOrigins(inputs)).toEqual(['app://inloop']);
  });

  it('loads the dev server under electron-vite dev and trusts its origin', () => {
    const inputs = { isPackaged: false, devServerUrl: 'http://localhost:5173', rendererDir };
    expect(rendererLocation(inputs)).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
    expect(trustedOrigins(inputs)).toEqual(['app://inloop', 'http://localhost:5173']);
  });

  it('ignores ELECTRON_RENDERER_URL in the packaged app, so nobody can repoint it', () => {
    const inputs = { isPackaged: true, devServerUrl: 'https://evil.example', rendererDir };
    expect(rendererLocation(inputs).kind).toBe('app');
    expect(trustedOrigins(inputs)).not.toContain('https://evil.example');
  });

  it('ignores a dev server URL that is not http(s)', () => {
    const inputs = { isPackaged: false, devServerUrl: 'file:///tmp/evil.html', rendererDir };
    expect(rendererLocation(inputs).kind).toBe('app');
    expect(trustedOrigins(inputs)).toHaveLength(1);
  });
});

describe('single instance', () => {
  it('brings the running overlay forward when Inloop is launched again', () => {
    const app = new FakeApp();
    let focused = 0;
    expect(claimSingleInstance(app, () => focused++)).toBe(true);
    app.emit('second-instance');
    expect(focused).toBe(1);
  });

  it('quits the second launch when another Inloop already runs', () => {
    const app = new FakeApp();
    app.hasLock = false;
    expect(claimSingleInstance(app, () => {})).toBe(false);
    expect(app.quitCalls).toBe(1);
  });
});
