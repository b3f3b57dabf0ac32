import { describe, expect, it } from 'vitest';
import {
  chromiumCheck,
  dataDirCheck,
  electronCheck,
  isAtLeast,
  keychainCheck,
  nodeCheck,
  parseVersion,
} from '../../../../electron/services/diagnostics/doctor-checks';

describe('node check', () => {
  it('parses versions with or without a v', () => {
    expect(parseVersion('v22.12.0')).toEqual([22, 12, 0]);
    expect(parseVersion('22.12.1-nightly')).toEqual([22, 12, 1]);
    expect(parseVersion('twenty-two')).toBeNull();
  });

  it.each([
    ['22.12.0', true],
    ['22.23.3', true],
    ['23.0.0', true],
    ['22.11.9', false],
    ['20.20.2', false],
    ['junk', false],
  ])('%s is at least 22.12.0: %s', (version, expected) => {
    expect(isAtLeast(version, '22.12.0')).toBe(expected);
  });

  it('passes Node 22.12 and later', () => {
    expect(nodeCheck('22.12.0')).toEqual({
      id: 'node',
      label: 'Node.js',
      verdict: 'ok',
      detail: 'Node 22.12.0',
    });
  });

  it('fails an older Node and says how to get Node 22', () => {
    const check = nodeCheck('20.20.2');
    expect(check.verdict).toBe('fail');
    expect(check.detail).toBe('Node 20.20.2 is older than 22.12.0');
    expect(check.fix).toMatch(/scripts\/ensure-node\.sh/);
    expect(check.fix).toMatch(/Node 22/);
  });
});

describe('electron check', () => {
  const fix = 'no Electron binary: `inloop serve` runs the same app in a browser';

  it('reports the running Electron', () => {
    expect(electronCheck({ running: '45.4.1', installed: null })).toMatchObject({
      verdict: 'ok',
      detail: 'Electron 45.4.1 (running)',
    });
  });

  it('passes an installed binary', () => {
    const installed = { version: '45.4.1', binary: '/app/node_modules/electron/dist/electron' };
    expect(electronCheck({ installed })).toMatchObject({
      verdict: 'ok',
      detail: 'Electron 45.4.1 at /app/node_modules/electron/dist/electron',
    });
  });

  it('warns when the package has no binary, pointing at inloop serve', () => {
    const check = electronCheck({ installed: { version: '45.4.1', binary: null } });
    expect(check).toMatchObject({ verdict: 'warn', fix });
    expect(check.detail).toMatch(/45\.4\.1 npm package has no binary/);
  });

  it('warns when the package is not installed at all', () => {
    expect(electronCheck({ installed: null })).toMatchObject({
      verdict: 'warn',
      detail: 'the electron npm package is not installed',
      fix,
    });
  });
});

describe('data dir check', () => {
  it('passes a writable folder, saying when the doctor created it', () => {
    expect(dataDirCheck({ path: '/d', existed: true, writable: true }).detail).toBe(
      '/d (writable)',
    );
    expect(dataDirCheck({ path: '/d', existed: false, writable: true }).detail).toBe(
      '/d (created, writable)',
    );
  });

  it('fails a folder that cannot be written or created, with the OS error and a fix', () => {
    const readOnly = dataDirCheck({ path: '/d', existed: true, writable: false, error: 'EACCES' });
    expect(readOnly).toMatchObject({ verdict: 'fail', detail: '/d is not writable: EACCES' });
    expect(readOnly.fix).toMatch(/--data-dir or INLOOP_DATA_DIR/);
    const blocked = dataDirCheck({ path: '/d', existed: false, writable: false, error: 'ENOTDIR' });
    expect(blocked.detail).toBe('/d cannot be created: ENOTDIR');
  });
});

describe('keychain check', () => {
  it('passes an available keychain, naming the backend', () => {
    expect(keychainCheck('keytar (libsecret)', { available: true }, 'linux')).toMatchObject({
      verdict: 'ok',
      detail: 'keytar (libsecret) available',
    });
  });

  it('warns with the reason and a platform fix when the keychain is unavailable', () => {
    const down = { available: false, reason: 'Could not connect' } as const;
    const linux = keychainCheck('keytar (libsecret)', down, 'linux');
    expect(linux.verdict).toBe('warn');
    expect(linux.detail).toMatch(/keytar \(libsecret\) not available \(Could not connect\)/);
    expect(linux.fix).toMatch(/gnome-keyring/);
    expect(linux.fix).toMatch(/libsecret/);
    expect(linux.fix).toMatch(/Secret Service/);
    expect(keychainCheck('keytar (macOS Keychain)', down, 'darwin').fix).toMatch(/Keychain/);
    expect(keychainCheck('k', down, 'win32').fix).toMatch(/Credential Manager/);
  });
});

describe('chromium check', () => {
  it('passes an executable Chromium, saying where the path came from', () => {
    expect(chromiumCheck({ path: '/usr/bin/chromium', executable: true, fromEnv: false })).toEqual({
      id: 'chromium',
      label: 'Chromium (tests)',
      verdict: 'ok',
      detail: '/usr/bin/chromium',
    });
    expect(chromiumCheck({ path: '/opt/c', executable: true, fromEnv: true }).detail).toBe(
      '/opt/c (INLOOP_CHROMIUM)',
    );
  });

  it('warns when it is missing, pointing at system-deps.sh', () => {
    const check = chromiumCheck({ path: '/usr/bin/chromium', executable: false, fromEnv: false });
    expect(check.verdict).toBe('warn');
    expect(check.fix).toMatch(/bash scripts\/system-deps\.sh/);
  });
});
