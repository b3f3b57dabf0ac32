/**
 * `npm start`'s choice between the Electron overlay and the browser host
 * (scripts/electron-choice.sh): offline, the fallback is quick and says why; asked for the
 * browser, it never probes. The download itself is not run here (it would write into
 * node_modules); an unreachable mirror keeps it from starting.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronInstalled = await promisify(execFile)(
  'node',
  ['-e', "require('fs').accessSync(require('electron'))"],
  { cwd: root },
).then(
  () => true,
  () => false,
);

async function choose(env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const { stdout } = await promisify(execFile)(
    'bash',
    [
      '-c',
      'source scripts/electron-choice.sh; electron_choice fetch; echo "$ELECTRON_CHOICE|$ELECTRON_WHY"',
    ],
    { cwd: root, env: { ...process.env, ...env } },
  );
  return { line: stdout.trim().split('\n').at(-1)!, ms: Date.now() - started };
}

describe('electron-choice.sh', () => {
  it.skipIf(electronInstalled)(
    "falls back to the browser within seconds when Electron's downloads cannot be reached",
    async () => {
      // Port 9 on loopback refuses at once; the probe's own limit is 3 s.
      const { line, ms } = await choose({ DISPLAY: ':99', ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
      expect(line).toBe(
        "browser|Electron's binary is not installed and its downloads (http://127.0.0.1:9/) cannot be reached from here",
      );
      expect(ms).toBeLessThan(10_000);
    },
  );

  it('picks the browser at once when asked to, saying so', async () => {
    const { line } = await choose({ DISPLAY: ':99', INLOOP_BROWSER_ONLY: '1' });
    expect(line).toBe('browser|INLOOP_BROWSER_ONLY is set');
  });
});
